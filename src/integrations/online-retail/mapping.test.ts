import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { classifyRow, customerIdOf, isReturnInvoice, pricePence, ReturnAttributor, type RetailRow, type RowKind } from './mapping.js';

/** A row of the dataset as it appears in the file (only rows without quoted commas). */
function row(csv: string): RetailRow {
  const f = csv.split(',');
  expect(f).toHaveLength(8);
  return {
    invoiceNo: f[0]!,
    stockCode: f[1]!,
    description: f[2]!,
    quantity: Number(f[3]),
    invoiceDate: f[4]!,
    unitPrice: f[5]!,
    customerId: customerIdOf(f[6]),
    country: f[7]!,
  };
}

describe('classifyRow on real rows', () => {
  it.each<[string, RowKind]>([
    ['536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,2010-12-01 08:26:00,2.55,17850.0,United Kingdom', 'merchandise'],
    ['536365,71053,WHITE METAL LANTERN,6,2010-12-01 08:26:00,3.39,17850.0,United Kingdom', 'merchandise'],
    ['C536383,35004C,SET OF 3 COLOURED  FLYING DUCKS,-1,2010-12-01 09:49:00,4.65,15311.0,United Kingdom', 'return'],
    ['C536391,21984,PACK OF 12 PINK PAISLEY TISSUES ,-24,2010-12-01 10:24:00,0.29,17548.0,United Kingdom', 'return'],
    ['536370,POST,POSTAGE,3,2010-12-01 08:45:00,18.0,12583.0,France', 'shipping'],
    ['536544,DOT,DOTCOM POSTAGE,1,2010-12-01 14:32:00,569.77,,United Kingdom', 'shipping'],
    ['536540,C2,CARRIAGE,1,2010-12-01 14:05:00,50.0,14911.0,EIRE', 'shipping'],
    ['C537414,POST,POSTAGE,-1,2010-12-06 15:09:00,4.41,16861.0,United Kingdom', 'reversed_fee'],
    ['C536379,D,Discount,-1,2010-12-01 09:41:00,27.5,14527.0,United Kingdom', 'reversed_fee'],
    ['C537572,BANK CHARGES,Bank Charges,-1,2010-12-07 12:00:00,95.38,,United Kingdom', 'reversed_fee'],
    ['536569,M,Manual,1,2010-12-01 15:35:00,1.25,16274.0,United Kingdom', 'adjustment'],
    ['536779,BANK CHARGES,Bank Charges,1,2010-12-02 15:08:00,15.0,15823.0,United Kingdom', 'adjustment'],
    ['550193,PADS,PADS TO MATCH ALL CUSHIONS,1,2011-04-15 09:27:00,0.001,13952.0,United Kingdom', 'adjustment'],
    ['A563186,B,Adjust bad debt,1,2011-08-12 14:51:00,-11062.06,,United Kingdom', 'adjustment'],
    ['536589,21777,,-10,2010-12-01 16:50:00,0.0,,United Kingdom', 'stock_adjustment'],
    ['536414,22139,,56,2010-12-01 11:52:00,0.0,,United Kingdom', 'non_positive_price'],
  ])('%s → %s', (csv, kind) => {
    expect(classifyRow(row(csv))).toBe(kind);
  });
});

describe('classifyRow on constructed rows', () => {
  const base = row('536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,2010-12-01 08:26:00,2.55,17850.0,United Kingdom');

  it('refuses merchandise priced finer than a penny', () => {
    expect(classifyRow({ ...base, unitPrice: '2.555' })).toBe('sub_penny_price');
    expect(classifyRow({ ...base, unitPrice: '0.001' })).toBe('sub_penny_price');
    expect(classifyRow({ ...base, stockCode: 'POST', unitPrice: '18.005' })).toBe('sub_penny_price');
  });

  it('accepts a whole-penny price written with extra zeros', () => {
    expect(classifyRow({ ...base, unitPrice: '2.550' })).toBe('merchandise');
  });

  it('treats zero and negative prices as non-positive, also for postage', () => {
    expect(classifyRow({ ...base, unitPrice: '0.00' })).toBe('non_positive_price');
    expect(classifyRow({ ...base, unitPrice: '-1.00' })).toBe('non_positive_price');
    expect(classifyRow({ ...base, stockCode: 'POST', unitPrice: '0.0' })).toBe('non_positive_price');
  });

  it('treats any negative row outside a C invoice as a stock adjustment, whatever its code or price', () => {
    expect(classifyRow({ ...base, quantity: -6 })).toBe('stock_adjustment');
    expect(classifyRow({ ...base, stockCode: 'M', quantity: -1 })).toBe('stock_adjustment');
    expect(classifyRow({ ...base, stockCode: 'POST', quantity: -1, unitPrice: '0.001' })).toBe('stock_adjustment');
  });

  it('treats every adjustment code as an adjustment, whatever its price', () => {
    for (const code of ['M', 'm', 'D', 'S', 'B', 'BANK CHARGES', 'AMAZONFEE', 'CRUK', 'PADS']) {
      expect(classifyRow({ ...base, stockCode: code, unitPrice: '0.001' })).toBe('adjustment');
      expect(classifyRow({ ...base, stockCode: code, unitPrice: '0.0' })).toBe('adjustment');
      expect(classifyRow({ ...base, stockCode: code, invoiceNo: 'C536365', quantity: -1 })).toBe('reversed_fee');
    }
  });

  it('never counts a C row with a non-negative quantity as a return', () => {
    expect(classifyRow({ ...base, invoiceNo: 'C536365', quantity: 0 })).not.toBe('return');
    expect(classifyRow({ ...base, invoiceNo: 'C536365', quantity: 2 })).not.toBe('return');
  });

  it('every merchandise or shipping row has a positive whole-penny price and a non-negative quantity', () => {
    const rows = fc.record({
      invoiceNo: fc.constantFrom('536365', 'C536383', 'A563186'),
      stockCode: fc.constantFrom('85123A', '22139', 'POST', 'DOT', 'C2', 'M', 'D', 'PADS', 'BANK CHARGES'),
      description: fc.constant(''),
      quantity: fc.integer({ min: -100, max: 100 }),
      invoiceDate: fc.constant('2010-12-01 08:26:00'),
      unitPrice: fc.oneof(
        fc.constantFrom('0', '0.0', '0.001', '-11062.06', '2.55', '2.550', '18.0', '2.555', '1e2', ''),
        fc.tuple(fc.nat({ max: 10_000 }), fc.stringMatching(/^\d{0,4}$/)).map(([w, f]) => (f ? `${w}.${f}` : `${w}`)),
      ),
      customerId: fc.constantFrom(null, '17850'),
      country: fc.constant('United Kingdom'),
    });
    fc.assert(
      fc.property(rows, (r) => {
        const kind = classifyRow(r);
        if (kind === 'merchandise' || kind === 'shipping') {
          expect(isReturnInvoice(r.invoiceNo)).toBe(false);
          expect(r.quantity).toBeGreaterThanOrEqual(0);
          expect(pricePence(r.unitPrice)).toBeGreaterThan(0);
        }
        if (kind === 'return') {
          expect(isReturnInvoice(r.invoiceNo)).toBe(true);
          expect(r.quantity).toBeLessThan(0);
        }
        if (kind === 'shipping') expect(['POST', 'DOT', 'C2']).toContain(r.stockCode);
        if (kind === 'merchandise') expect(['POST', 'DOT', 'C2', 'M', 'D', 'PADS', 'BANK CHARGES']).not.toContain(r.stockCode);
      }),
    );
  });
});

describe('isReturnInvoice', () => {
  it('marks only invoices starting with C', () => {
    expect(isReturnInvoice('C536379')).toBe(true);
    expect(isReturnInvoice('536379')).toBe(false);
    expect(isReturnInvoice('A563186')).toBe(false);
  });
});

describe('pricePence', () => {
  it.each<[string, number | null]>([
    ['2.55', 255],
    ['0.29', 29], // 0.29 × 100 is 28.999… in floating point
    ['4.35', 435],
    ['18.0', 1800],
    ['569.77', 56977],
    ['1', 100],
    ['0.0', 0],
    ['2.550', 255],
    [' 2.55 ', 255],
    ['0.001', null],
    ['2.555', null],
    ['-11062.06', null],
    ['', null],
    ['abc', null],
    ['1e3', null],
    ['.5', null],
    ['1,000.00', null],
  ])('%j → %s', (text, pence) => {
    expect(pricePence(text)).toBe(pence);
  });

  it('reads back any whole number of pence however many trailing zeros it is written with', () => {
    fc.assert(
      fc.property(fc.nat({ max: 1e12 }), fc.nat({ max: 3 }), (pence, zeros) => {
        const text = `${Math.floor(pence / 100)}.${String(pence % 100).padStart(2, '0')}${'0'.repeat(zeros)}`;
        expect(pricePence(text)).toBe(pence);
        if (pence % 10 === 0) expect(pricePence(text.slice(0, text.indexOf('.') + 2))).toBe(pence);
      }),
    );
  });
});

describe('customerIdOf', () => {
  it.each<[string | undefined, string | null]>([
    ['17850.0', '17850'],
    ['17850.00', '17850'],
    ['17850', '17850'],
    [' 12583.0 ', '12583'],
    ['', null],
    ['   ', null],
    [undefined, null],
  ])('%j → %j', (raw, id) => {
    expect(customerIdOf(raw)).toBe(id);
  });
});

describe('ReturnAttributor', () => {
  function withPurchases() {
    const a = new ReturnAttributor();
    a.recordPurchase('17850', '85123A', '536365', 1, 6); // oldest
    a.recordPurchase('17850', '85123A', '536373', 1, 4);
    a.recordPurchase('13047', '85123A', '536367', 2, 50); // another customer
    a.recordPurchase('17850', '71053', '536365', 2, 6); // another product
    a.recordPurchase('17850', '85123A', '536375', 3, 2); // newest
    return a;
  }

  it('attributes to the most recent earlier purchase first', () => {
    expect(withPurchases().attribute('17850', '85123A', 2)).toEqual({ allocations: [{ invoiceNo: '536375', lineNo: 3, quantity: 2 }], unattributed: 0 });
  });

  it('spills into older purchases when the newest has too few units', () => {
    expect(withPurchases().attribute('17850', '85123A', 9)).toEqual({
      allocations: [
        { invoiceNo: '536375', lineNo: 3, quantity: 2 },
        { invoiceNo: '536373', lineNo: 1, quantity: 4 },
        { invoiceNo: '536365', lineNo: 1, quantity: 3 },
      ],
      unattributed: 0,
    });
  });

  it('remembers what was already returned', () => {
    const a = withPurchases();
    a.attribute('17850', '85123A', 3);
    expect(a.attribute('17850', '85123A', 4)).toEqual({
      allocations: [
        { invoiceNo: '536373', lineNo: 1, quantity: 3 },
        { invoiceNo: '536365', lineNo: 1, quantity: 1 },
      ],
      unattributed: 0,
    });
  });

  it('reports units beyond the purchases as unattributed, never using another customer’s or product’s', () => {
    const a = withPurchases();
    const r = a.attribute('17850', '85123A', 20);
    expect(r.allocations.map((x) => x.invoiceNo)).toEqual(['536375', '536373', '536365']);
    expect(r.unattributed).toBe(8);
    expect(a.attribute('17850', '85123A', 1)).toEqual({ allocations: [], unattributed: 1 });
    // The other customer's and product's purchases are still whole.
    expect(a.attribute('13047', '85123A', 50).unattributed).toBe(0);
    expect(a.attribute('17850', '71053', 6).unattributed).toBe(0);
  });

  it('attributes nothing without a customer', () => {
    expect(withPurchases().attribute(null, '85123A', 5)).toEqual({ allocations: [], unattributed: 5 });
  });

  it('attributes nothing for an unknown customer or product', () => {
    expect(withPurchases().attribute('99999', '85123A', 5)).toEqual({ allocations: [], unattributed: 5 });
    expect(withPurchases().attribute('17850', '22139', 5)).toEqual({ allocations: [], unattributed: 5 });
  });

  it('uses only purchases recorded before the return', () => {
    const a = new ReturnAttributor();
    expect(a.attribute('17850', '85123A', 2)).toEqual({ allocations: [], unattributed: 2 });
    a.recordPurchase('17850', '85123A', '536365', 1, 6);
    expect(a.attribute('17850', '85123A', 2).unattributed).toBe(0);
  });

  type Op =
    | { kind: 'buy'; customer: string; sku: string; quantity: number }
    | { kind: 'return'; customer: string | null; sku: string; units: number };

  const ops = fc.array(
    fc.oneof(
      fc.record({
        kind: fc.constant('buy' as const),
        customer: fc.constantFrom('c1', 'c2', 'c3'),
        sku: fc.constantFrom('A', 'B'),
        quantity: fc.integer({ min: 1, max: 30 }),
      }),
      fc.record({
        kind: fc.constant('return' as const),
        customer: fc.constantFrom<string | null>('c1', 'c2', 'c3', null),
        sku: fc.constantFrom('A', 'B'),
        units: fc.integer({ min: 0, max: 60 }),
      }),
    ),
    { maxLength: 60 },
  );

  it('accounts for every returned unit, never over-returns a purchase, and goes newest first', () => {
    fc.assert(
      fc.property(ops, (sequence: Op[]) => {
        const attributor = new ReturnAttributor();
        const purchases: { id: string; customer: string; sku: string; quantity: number; returned: number }[] = [];
        sequence.forEach((op, i) => {
          if (op.kind === 'buy') {
            const id = `inv${i}`;
            attributor.recordPurchase(op.customer, op.sku, id, 1, op.quantity);
            purchases.push({ id, customer: op.customer, sku: op.sku, quantity: op.quantity, returned: 0 });
            return;
          }
          const { allocations, unattributed } = attributor.attribute(op.customer, op.sku, op.units);
          expect(unattributed).toBeGreaterThanOrEqual(0);
          expect(allocations.reduce((a, x) => a + x.quantity, 0) + unattributed).toBe(op.units);
          const mine = purchases.filter((p) => p.customer === op.customer && p.sku === op.sku);
          let lastIndex = Infinity;
          for (const alloc of allocations) {
            expect(alloc.quantity).toBeGreaterThan(0);
            const index = mine.findIndex((p) => p.id === alloc.invoiceNo);
            expect(index).toBeGreaterThanOrEqual(0); // this customer's, this product's, recorded earlier
            expect(index).toBeLessThan(lastIndex); // newest first, each purchase once
            // Every newer purchase was already used up.
            for (const newer of mine.slice(index + 1)) expect(newer.returned).toBe(newer.quantity);
            lastIndex = index;
            mine[index]!.returned += alloc.quantity;
            expect(mine[index]!.returned).toBeLessThanOrEqual(mine[index]!.quantity);
          }
          // Units are left over only when nothing of this customer's is left to return.
          if (unattributed > 0) for (const p of mine) expect(p.returned).toBe(p.quantity);
        });
      }),
    );
  });
});
