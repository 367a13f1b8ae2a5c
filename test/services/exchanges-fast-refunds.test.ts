import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/client.js';
import { casesRepo } from '../../src/db/repos/cases-repo.js';
import { policiesRepo } from '../../src/db/repos/policies-repo.js';
import { refundsRepo } from '../../src/db/repos/refunds-repo.js';
import type { Actor, CaseAction } from '../../src/domain/cases/model.js';
import type { Policy } from '../../src/domain/policy/schema.js';
import { listVariants, setVariantStock } from '../../src/services/catalog/stock.js';
import { performAction } from '../../src/services/cases/perform-action.js';
import { buyer, openCase, placeOrder, staffActor, useServiceContext, useSimulatedRefunds } from '../helpers/service-context.js';

const t = useServiceContext();
const act = (caseId: string, action: CaseAction, actor: Actor, input: Record<string, unknown> = {}) => performAction(t.ctx, t.shop.id, caseId, action, actor, input as never);
const agent = () => staffActor(t.shop, 'agent');
const warehouse = () => staffActor(t.shop, 'warehouse');
const manager = () => staffActor(t.shop, 'manager');

const PRICES = { M: 9_900, L: 12_900 } as const;
const tee = (size: keyof typeof PRICES) => ({ sku: `SV-TEE-${size}`, title: `T恤 ${size}`, quantity: 1, unitPriceMinor: PRICES[size], product: { externalId: 'SV-TEE', category: 'apparel' }, attributes: { size } });
const order = (lines: unknown[]) => placeOrder(t.ctx, t.shop.id, { overrides: { lines, orderDiscountMinor: 0, shippingFeeMinor: 0 } });

/** Both sizes exist in the catalogue with `stock` on hand. */
async function catalogue(stock: number) {
  await order([tee('M'), tee('L')]);
  for (const size of ['M', 'L'] as const) await setStock(`SV-TEE-${size}`, stock);
}
async function setStock(sku: string, stockOnHand: number) {
  const [variant] = (await listVariants(t.ctx, t.shop.id, { sku })).data;
  await setVariantStock(t.ctx, t.shop.id, variant!.id, { stockOnHand }, { kind: 'staff', id: t.shop.staff.manager });
}
const stockOf = async (sku: string) => (await listVariants(t.ctx, t.shop.id, { sku })).data[0]!.stockOnHand;

async function throughInspection(caseId: string) {
  await act(caseId, 'approve', agent());
  await act(caseId, 'buyer_shipped', buyer, { carrier: 'SF', trackingNumber: 'SF-X1' });
  await act(caseId, 'receive', warehouse());
  const [item] = await queryRows<{ id: string }>(t.ctx.db, sql`select id from return_items where case_id = ${caseId}`);
  return act(caseId, 'inspect', warehouse(), { items: [{ itemId: item!.id, acceptedQuantity: 1, grade: 'A', disposition: 'restock' }] });
}

describe('exchanges', () => {
  it('a replacement must be a variant of the same product, in stock when asked for and again when sent', async () => {
    await catalogue(1);
    await order([{ sku: 'SV-MUG', title: '马克杯', quantity: 1, unitPriceMinor: 4_500, product: { externalId: 'SV-MUG' } }]);
    const o = await order([tee('M')]);
    const input = (replacementSku: string) => ({ orderId: o.id, type: 'exchange' as const, items: [{ lineId: o.lines[0]!.id, quantity: 1, reasonCode: 'wrong_size', replacementSku }] });
    await expect(openCase(t.ctx, t.shop, input('SV-MUG'))).rejects.toMatchObject({ code: 'exchange.not_same_product' });
    await setStock('SV-TEE-L', 0);
    await expect(openCase(t.ctx, t.shop, input('SV-TEE-L'))).rejects.toMatchObject({ kind: 'conflict', code: 'exchange.out_of_stock', details: { sku: 'SV-TEE-L', inStock: 0 } });
    await setStock('SV-TEE-L', 1);
    const c = await openCase(t.ctx, t.shop, input('SV-TEE-L'));
    await throughInspection(c.id);
    // Sold out meanwhile: the exchange cannot be sent.
    await setStock('SV-TEE-L', 0);
    await expect(act(c.id, 'exchange', agent())).rejects.toMatchObject({ code: 'exchange.out_of_stock' });
    expect((await casesRepo.findById(t.ctx.db, t.shop.id, c.id))!.status).toBe('inspected');
  });

  it('a dearer replacement is sent only once the buyer paid the difference, never more than due', async () => {
    await catalogue(5);
    const o = await order([tee('M')]);
    const c = await openCase(t.ctx, t.shop, { orderId: o.id, type: 'exchange', items: [{ lineId: o.lines[0]!.id, quantity: 1, reasonCode: 'wrong_size', replacementSku: 'SV-TEE-L' }] });
    const topUp = PRICES.L - PRICES.M;
    expect(c.breakdown).toMatchObject({ buyerOwesMinor: topUp, refundMinor: 0 });
    await throughInspection(c.id);
    expect((await act(c.id, 'exchange', agent())).status).toBe('exchange_pending');
    await expect(act(c.id, 'ship_replacement', warehouse(), { carrier: 'SF', trackingNumber: 'SF-OUT' })).rejects.toMatchObject({ code: 'exchange.payment_due', details: { dueMinor: topUp } });
    await expect(act(c.id, 'confirm_payment', manager(), { amountMinor: topUp + 1, reference: 'ALIPAY-1' })).rejects.toMatchObject({ code: 'payment.exceeds_due' });
    expect(await act(c.id, 'confirm_payment', manager(), { amountMinor: 1_000, reference: 'ALIPAY-1' })).toMatchObject({ status: 'exchange_pending', buyerPaidMinor: 1_000 });
    await act(c.id, 'confirm_payment', manager(), { amountMinor: topUp - 1_000, reference: 'ALIPAY-2' });
    await expect(act(c.id, 'confirm_payment', manager(), { amountMinor: 1, reference: 'ALIPAY-3' })).rejects.toMatchObject({ code: 'payment.nothing_due' });
    expect((await act(c.id, 'ship_replacement', warehouse(), { carrier: 'SF', trackingNumber: 'SF-OUT' })).status).toBe('completed');
    // The returned M went back on the shelf, the L left it.
    expect([await stockOf('SV-TEE-M'), await stockOf('SV-TEE-L')]).toEqual([6, 4]);
    expect(await refundsRepo.ofCase(t.ctx.db, t.shop.id, c.id)).toEqual([]);
  });
});

describe('fast refunds (极速退款)', () => {
  async function approvedReturn() {
    const o = await placeOrder(t.ctx, t.shop.id);
    const line = o.lines[1]!;
    const c = await openCase(t.ctx, t.shop, { orderId: o.id, type: 'return_refund', items: [{ lineId: line.id, quantity: 1, reasonCode: 'no_longer_needed' }] });
    await act(c.id, 'approve', agent());
    return { c, line };
  }

  it('pays before the goods are back; the case then completes on inspection without paying again', async () => {
    await useSimulatedRefunds(t.ctx, t.shop.id);
    const { c, line } = await approvedReturn();
    const paid = await act(c.id, 'fast_refund', manager());
    expect(paid).toMatchObject({ status: 'approved', refundedEarly: true, refundedMinor: line.paidMinor });
    // The buyer may no longer withdraw, nor be refunded a second time.
    await expect(act(c.id, 'cancel', buyer)).rejects.toMatchObject({ code: 'case.invalid_transition' });
    await expect(act(c.id, 'fast_refund', manager())).rejects.toMatchObject({ code: 'case.invalid_transition' });
    await act(c.id, 'buyer_shipped', buyer, { carrier: 'SF', trackingNumber: 'SF-FR1' });
    await act(c.id, 'receive', warehouse());
    const [item] = await queryRows<{ id: string }>(t.ctx.db, sql`select id from return_items where case_id = ${c.id}`);
    await act(c.id, 'inspect', warehouse(), { items: [{ itemId: item!.id, acceptedQuantity: 1, grade: 'A' }] });
    await expect(act(c.id, 'refund', manager())).rejects.toMatchObject({ code: 'case.invalid_transition' });
    expect(await act(c.id, 'complete', warehouse())).toMatchObject({ status: 'completed', refundedMinor: line.paidMinor });
    const refunds = await refundsRepo.ofCase(t.ctx.db, t.shop.id, c.id);
    expect(refunds.map((r) => [r.kind, r.amountMinor, r.status])).toEqual([['fast_refund', line.paidMinor, 'succeeded']]);
  });

  it('at the first carrier scan, pays the cases the policy granted it when they were opened, and only those', async () => {
    await useSimulatedRefunds(t.ctx, t.shop.id);
    const [current] = await queryRows<{ version: number; document: Policy }>(t.ctx.db, sql`select version, document from policies where shop_id = ${t.shop.id} order by version desc limit 1`);
    const withFastRefund = async (version: number, minCompletedOrders: number) => {
      const policy = structuredClone(current!.document);
      policy.automation.fastRefund = { enabled: true, maxRefundMinor: 1_000_000, maxRiskScore: 100, minCompletedOrders, trigger: 'first_scan' };
      await policiesRepo.insertVersion(t.ctx.db, { shopId: t.shop.id, version, document: policy, note: 'first scan', createdAt: new Date(1000) });
    };
    await withFastRefund(current!.version + 1, 0);
    const granted = await approvedReturn();
    // The same rule, but this buyer has too few completed orders: not granted when opened.
    await withFastRefund(current!.version + 2, 1_000);
    const refused = await approvedReturn();

    const shippedGranted = await act(granted.c.id, 'buyer_shipped', buyer, { carrier: 'SF', trackingNumber: 'SF-FS1' });
    expect(shippedGranted).toMatchObject({ refundedEarly: true, refundedMinor: granted.line.paidMinor });
    const shippedRefused = await act(refused.c.id, 'buyer_shipped', buyer, { carrier: 'SF', trackingNumber: 'SF-FS2' });
    expect(shippedRefused).toMatchObject({ refundedEarly: false, refundedMinor: 0 });
    expect((await refundsRepo.ofCase(t.ctx.db, t.shop.id, granted.c.id)).map((r) => [r.kind, r.amountMinor])).toEqual([['fast_refund', granted.line.paidMinor]]);
    expect(await refundsRepo.ofCase(t.ctx.db, t.shop.id, refused.c.id)).toEqual([]);
  });

  it('to a buyer the policy deems too risky, staff pay it only with a reason, recorded as overriding the rule', async () => {
    const { c } = await approvedReturn();
    // The policy's limit for fast refunds is a risk of 20; review starts above 70.
    await t.ctx.db.execute(sql`update return_cases set risk_score = 50 where shop_id = ${t.shop.id} and id = ${c.id}`);
    await expect(act(c.id, 'fast_refund', manager())).rejects.toMatchObject({ code: 'fast_refund.reason_required', details: { rule: 'automation.fast_refund_risk', risk: 50, max: 20 } });
    expect(await refundsRepo.ofCase(t.ctx.db, t.shop.id, c.id)).toEqual([]);
    await act(c.id, 'fast_refund', manager(), { reason: '老客户，已电话核实' });
    const [event] = await queryRows<{ payload: any }>(t.ctx.db, sql`select payload from case_events where case_id = ${c.id} and action = 'fast_refund'`);
    expect(event!.payload).toMatchObject({ reason: '老客户，已电话核实', overridesPolicy: { rule: 'automation.fast_refund_risk', risk: 50, max: 20 } });
  });
});
