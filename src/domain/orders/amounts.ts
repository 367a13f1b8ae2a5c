import { allocateByLargestRemainder } from '../money/allocate.js';
import { unprocessable } from '../errors.js';

export interface LineAmountsInput {
  quantity: number;
  unitPriceMinor: number;
  /** Discount on this line alone (coupon on one item). */
  lineDiscountMinor?: number;
  /** Tax of the line after all discounts; included in the price or added to it per `pricesIncludeTax`. */
  taxMinor?: number;
}

export interface OrderAmountsInput {
  pricesIncludeTax: boolean;
  lines: readonly LineAmountsInput[];
  /** Discount on the whole order, shared over the lines by largest remainder. */
  orderDiscountMinor?: number;
  /** Tax given for the whole order only; shared over the lines by largest remainder. */
  orderTaxMinor?: number;
  shippingFeeMinor?: number;
  /** The total the channel says the buyer paid; must equal the computed total when given. */
  claimedTotalMinor?: number;
}

export interface LineAmounts {
  grossMinor: number;
  lineDiscountMinor: number;
  orderDiscountShareMinor: number;
  /** Price after every discount. Tax-inclusive shops: tax is inside it. */
  netMinor: number;
  taxMinor: number;
  /** What the buyer paid for the line: the most that can ever be refunded for it. */
  paidMinor: number;
}

export interface OrderAmounts {
  lines: LineAmounts[];
  subtotalMinor: number;
  discountMinor: number;
  taxMinor: number;
  shippingFeeMinor: number;
  totalMinor: number;
}

/**
 * Each line's paid amount in integer minor units. The order discount is allocated over the
 * lines in proportion to their price after line discounts, by largest remainder, so the
 * lines' paid amounts plus shipping equal the order total to the unit.
 */
export function computeOrderAmounts(input: OrderAmountsInput): OrderAmounts {
  const { lines } = input;
  if (lines.length === 0) throw unprocessable('order.no_lines', 'An order needs at least one line');

  const afterLineDiscount = lines.map((line, index) => {
    const gross = line.quantity * line.unitPriceMinor;
    if (!Number.isSafeInteger(gross)) {
      throw unprocessable('order.amount_too_large', `Line ${index + 1}: quantity × unit price is too large`, { line: index });
    }
    const discount = line.lineDiscountMinor ?? 0;
    if (discount > gross) {
      throw unprocessable('order.line_discount_exceeds_price', `Line ${index + 1}: discount ${discount} exceeds its price ${gross}`, {
        line: index,
      });
    }
    return gross - discount;
  });

  const subtotalMinor = lines.reduce((a, l) => a + l.quantity * l.unitPriceMinor, 0);
  if (!Number.isSafeInteger(subtotalMinor)) throw unprocessable('order.amount_too_large', 'The order subtotal is too large');

  const orderDiscount = input.orderDiscountMinor ?? 0;
  const discountable = afterLineDiscount.reduce((a, b) => a + b, 0);
  if (orderDiscount > discountable) {
    throw unprocessable('order.discount_exceeds_subtotal', `Order discount ${orderDiscount} exceeds the discountable amount ${discountable}`);
  }
  const shares = allocateByLargestRemainder(orderDiscount, afterLineDiscount);
  const nets = afterLineDiscount.map((amount, i) => amount - shares[i]!);

  const lineTaxGiven = lines.some((l) => l.taxMinor !== undefined);
  let taxes: number[];
  if (input.orderTaxMinor !== undefined && !lineTaxGiven) {
    taxes = allocateByLargestRemainder(input.orderTaxMinor, nets);
  } else {
    taxes = lines.map((l) => l.taxMinor ?? 0);
    const sum = taxes.reduce((a, b) => a + b, 0);
    if (input.orderTaxMinor !== undefined && input.orderTaxMinor !== sum) {
      throw unprocessable('order.tax_mismatch', `Order tax ${input.orderTaxMinor} differs from the lines' tax ${sum}`, {
        orderTaxMinor: input.orderTaxMinor,
        linesTaxMinor: sum,
      });
    }
  }
  if (input.pricesIncludeTax) {
    taxes.forEach((tax, i) => {
      if (tax > nets[i]!) {
        throw unprocessable('order.tax_exceeds_price', `Line ${i + 1}: included tax ${tax} exceeds the line's price ${nets[i]}`, { line: i });
      }
    });
  }

  const lineAmounts: LineAmounts[] = lines.map((line, i) => ({
    grossMinor: line.quantity * line.unitPriceMinor,
    lineDiscountMinor: line.lineDiscountMinor ?? 0,
    orderDiscountShareMinor: shares[i]!,
    netMinor: nets[i]!,
    taxMinor: taxes[i]!,
    paidMinor: input.pricesIncludeTax ? nets[i]! : nets[i]! + taxes[i]!,
  }));

  const shippingFeeMinor = input.shippingFeeMinor ?? 0;
  const totalMinor = lineAmounts.reduce((a, l) => a + l.paidMinor, 0) + shippingFeeMinor;
  if (!Number.isSafeInteger(totalMinor)) throw unprocessable('order.amount_too_large', 'The order total is too large');
  if (input.claimedTotalMinor !== undefined && input.claimedTotalMinor !== totalMinor) {
    throw unprocessable(
      'order.total_mismatch',
      `The order total ${input.claimedTotalMinor} does not match its lines, discounts, tax and shipping (${totalMinor})`,
      { claimedTotalMinor: input.claimedTotalMinor, computedTotalMinor: totalMinor },
    );
  }
  return {
    lines: lineAmounts,
    subtotalMinor,
    discountMinor: lineAmounts.reduce((a, l) => a + l.lineDiscountMinor + l.orderDiscountShareMinor, 0),
    taxMinor: taxes.reduce((a, b) => a + b, 0),
    shippingFeeMinor,
    totalMinor,
  };
}
