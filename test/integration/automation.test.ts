import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/client.js';
import { applyDueDeadlines } from '../../src/worker/jobs/deadlines.js';
import { dispatchOutbox } from '../../src/worker/jobs/outbox.js';
import { sendDueMail } from '../../src/worker/jobs/mail.js';
import { client, createTestShop, startTestApp, type TestApp, type TestShop } from '../helpers/app.js';
import { act, placeOrder } from '../helpers/returns.js';

let t: TestApp;
let shop: TestShop;
let auto: TestShop;
let api: ReturnType<typeof client>;
const HOUR = 3600_000;

beforeAll(async () => {
  t = await startTestApp();
  shop = await createTestShop(t.ctx, 'clocks');
  auto = await createTestShop(t.ctx, 'clocks-auto', 'CNY', { automation: true });
  api = client(t.baseUrl);
});
afterAll(() => t.close());
// Orders are delivered on 2026-10-30: each test starts two days later, inside the return window.
beforeEach(() => t.clock.set('2026-11-01T08:00:00Z'));

const getCase = async (id: string, key = shop.keys.agent) => (await api('GET', `/api/v1/returns/${id}`, { key })).body;
const deadlineRows = (caseId: string) =>
  queryRows<{ kind: string; status: string; rule: string; due_at: Date }>(t.ctx.db, sql`select kind, status, rule, due_at from deadlines where case_id = ${caseId} order by created_at, id`);

async function openReturn(s: TestShop, body: Record<string, unknown> = {}) {
  const order = await placeOrder(api, s.keys.manager);
  const res = await api('POST', '/api/v1/returns', {
    key: s.keys.agent,
    body: { orderId: order.id, type: 'return_refund', items: [{ lineId: order.lines[1]!.id, quantity: 1, reasonCode: 'no_longer_needed' }], ...body },
  });
  expect(res.status).toBe(201);
  return res.body;
}

describe('deadlines', () => {
  it('a request the seller leaves unanswered is approved by the system when its clock runs out, naming the rule', async () => {
    const c = await openReturn(shop);
    expect(await deadlineRows(c.id)).toMatchObject([{ kind: 'merchant_response', status: 'pending', rule: 'deadline.merchant_response' }]);
    expect((await getCase(c.id)).deadlines).toMatchObject([{ kind: 'merchant_response', status: 'pending', outcome: 'approve', dueAt: '2026-11-06T08:00:00.000Z' }]);
    t.clock.advance(5 * 24 * HOUR - 60_000);
    await applyDueDeadlines(t.ctx);
    expect((await getCase(c.id)).status).toBe('requested');
    expect((await api('GET', '/api/v1/returns?overdue=true', { key: shop.keys.agent })).body.data.map((x: any) => x.id)).not.toContain(c.id);
    t.clock.advance(60_000);
    expect((await api('GET', '/api/v1/returns?overdue=true', { key: shop.keys.agent })).body.data.map((x: any) => x.id)).toContain(c.id);
    expect(await applyDueDeadlines(t.ctx)).toBeGreaterThanOrEqual(1);
    const after = await getCase(c.id);
    expect(after.status).toBe('approved');
    expect(after.timeline.at(-1)).toMatchObject({ type: 'case.approve', actor: { kind: 'system' }, rule: 'deadline.merchant_response' });
    expect(await deadlineRows(c.id)).toMatchObject([
      { kind: 'merchant_response', status: 'applied' },
      { kind: 'buyer_ship', status: 'pending', rule: 'deadline.buyer_ship' },
    ]);
    const [event] = await queryRows<{ n: number }>(t.ctx.db, sql`select count(*)::int as n from outbox where case_id = ${c.id} and event_type = 'deadline.applied'`);
    expect(event!.n).toBe(1);

    // The buyer never ships: the case closes, and the buyer hears why.
    t.clock.advance(7 * 24 * HOUR);
    await applyDueDeadlines(t.ctx);
    expect((await getCase(c.id)).status).toBe('closed');
    while ((await dispatchOutbox(t.ctx)) > 0);
    await sendDueMail(t.ctx);
    const mails = (await api('GET', `/api/v1/dev-mailbox?caseId=${c.id}`, { key: shop.keys.owner })).body.data;
    expect(mails.map((m: any) => m.template)).toEqual(['closed_by_deadline', 'approved', 'request_received']);
    expect(mails[0]).toMatchObject({ locale: 'zh-CN', transport: 'dev', status: 'sent', subject: expect.stringContaining('已关闭') });
  });

  it('a person acting first cancels the clock in the same transaction; it is never applied', async () => {
    const c = await openReturn(shop);
    await act(api, shop.keys.agent, c.id, 'reject', { reasonCode: 'other', reason: 'Outside the policy' });
    expect(await deadlineRows(c.id)).toMatchObject([
      { kind: 'merchant_response', status: 'cancelled' },
      { kind: 'revise_or_escalate', status: 'pending' },
    ]);
    t.clock.advance(6 * 24 * HOUR);
    await applyDueDeadlines(t.ctx);
    const after = await getCase(c.id);
    expect(after.status).toBe('rejected');
    expect(after.timeline.filter((e: any) => e.actor?.kind === 'system')).toEqual([]);
  });

  it('two workers racing over the same due deadlines apply each exactly once', async () => {
    const cases = [];
    for (let i = 0; i < 6; i++) cases.push(await openReturn(shop));
    t.clock.advance(5 * 24 * HOUR + 1000);
    await Promise.all([applyDueDeadlines(t.ctx, 2), applyDueDeadlines(t.ctx, 2), applyDueDeadlines(t.ctx, 3), applyDueDeadlines(t.ctx)]);
    while ((await applyDueDeadlines(t.ctx)) > 0);
    const ids = cases.map((c) => c.id);
    const rows = await queryRows<{ case_id: string; n: number }>(
      t.ctx.db,
      sql`select case_id, count(*)::int as n from case_events where action = 'approve' and case_id = any(${`{${ids.join(',')}}`}::uuid[]) group by case_id`,
    );
    expect(rows).toHaveLength(6);
    expect(rows.every((r) => r.n === 1)).toBe(true);
  });
});

describe('automatic decisions at creation', () => {
  it('approves a small low-risk request at once and says why in the timeline', async () => {
    const c = await openReturn(auto);
    expect(c.status).toBe('approved');
    const approval = c.timeline.find((e: any) => e.type === 'case.approve');
    expect(approval).toMatchObject({ actor: { kind: 'system' }, rule: 'automation.auto_approve' });
    expect(approval.payload.note).toMatch(/approved automatically/);
    // Issue 13.14: the policy's reason reads in the reader's language (the console sends its own).
    const read = async (lang: string) =>
      (await api('GET', `/api/v1/returns/${c.id}`, { key: auto.keys.agent, headers: { 'accept-language': lang } })).body.timeline.find((e: any) => e.type === 'case.approve')
        .explanation;
    expect(await read('en')).toBe(approval.payload.reason.en);
    expect(await read('en')).toMatch(/approved automatically/);
    expect(await read('zh-CN')).toBe(approval.payload.reason['zh-CN']);
    expect(await read('zh-CN')).toMatch(/[\u4e00-\u9fff]/);
  });

  it('leaves requests whose reason needs photos, or above the amount limit, to a person', async () => {
    const order = await placeOrder(api, auto.keys.manager);
    const quality = await api('POST', '/api/v1/returns', {
      key: auto.keys.agent,
      body: { orderId: order.id, type: 'return_refund', items: [{ lineId: order.lines[0]!.id, quantity: 1, reasonCode: 'quality_issue' }] },
    });
    expect(quality.status).toBe(201);
    expect(quality.body.status).toBe('requested');
    // 13.18: what automation says is what happened — it did not approve — and the buyer is asked for the photos.
    const created = quality.body.timeline.find((e: any) => e.type === 'case.created');
    expect(created.payload.automation).toMatchObject({ decision: 'none', decisionRuling: { rule: 'automation.evidence_required' } });
    expect(created.payload.automation.decisionRuling.explanation['zh-CN']).toContain('照片');
    expect(quality.body.messages).toMatchObject([{ visibility: 'public', author: 'system', body: expect.stringContaining('请在售后页面上传') }]);
    const preview = await api('POST', '/api/v1/returns/preview', {
      key: auto.keys.viewer,
      body: { orderId: order.id, type: 'return_refund', items: [{ lineId: order.lines[1]!.id, quantity: 1, reasonCode: 'quality_issue' }] },
    });
    expect(preview.body.automation).toMatchObject({ decision: 'none', decisionRuling: { rule: 'automation.evidence_required' } });
    const big = await placeOrder(api, auto.keys.manager, { overrides: { lines: [{ sku: 'TV-65', title: '65寸电视', quantity: 1, unitPriceMinor: 899900 }], orderDiscountMinor: 0 } });
    const large = await api('POST', '/api/v1/returns', {
      key: auto.keys.agent,
      body: { orderId: big.id, type: 'return_refund', items: [{ lineId: big.lines[0]!.id, quantity: 1, reasonCode: 'no_longer_needed' }] },
    });
    expect(large.body.status).toBe('requested');
  });
});
