import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { can, ROLES, type Role } from '../../src/domain/auth/permissions.js';
import { client, createTestShop, startTestApp, type TestApp, type TestShop } from '../helpers/app.js';
import { act, placeOrder } from '../helpers/returns.js';

/**
 * Acting as the platform is a property of the credential (a key created as a platform
 * connector), never of the `X-Acting-As` header alone; money actions still need `refunds:issue`.
 * Every role × credential × header × money action, over HTTP.
 */
let t: TestApp;
let shop: TestShop;
let api: ReturnType<typeof client>;
const plainKeys = {} as Record<Role, string>;
const platformKeys = {} as Record<Role, string>;

beforeAll(async () => {
  t = await startTestApp();
  shop = await createTestShop(t.ctx, 'platform-actor');
  api = client(t.baseUrl);
  expect((await api('PATCH', '/api/v1/shop', { key: shop.keys.owner, body: { refundProvider: 'simulated' } })).status).toBe(200);
  for (const role of ROLES) {
    for (const platform of [false, true]) {
      const created = await api('POST', '/api/v1/api-keys', { key: shop.keys.owner, body: { name: `${role} ${platform}`, role, platform } });
      expect(created.status).toBe(201);
      expect(created.body.apiKey).toMatchObject({ role, platform });
      (platform ? platformKeys : plainKeys)[role] = created.body.key;
    }
  }
});
afterAll(() => t.close());

type MoneyAction = 'fast_refund' | 'approve_amended' | 'resolve_refund' | 'refund';
const MONEY_ACTIONS: MoneyAction[] = ['fast_refund', 'approve_amended', 'resolve_refund', 'refund'];

/** A fresh case in the state where the action applies, prepared by the owner; the action and its body. */
async function prepare(kind: MoneyAction): Promise<{ id: string; status: string; action: string; body: Record<string, unknown> }> {
  const owner = shop.keys.owner;
  if (kind === 'approve_amended') {
    const order = await placeOrder(api, owner, { shipped: false });
    const created = await api('POST', '/api/v1/returns', {
      key: owner,
      body: { orderId: order.id, type: 'refund_only', items: [{ lineId: order.lines[0]!.id, quantity: 1, reasonCode: 'no_longer_needed' }] },
    });
    expect(created.status).toBe(201);
    return { id: created.body.id, status: 'requested', action: 'approve', body: { amountMinor: 100 } };
  }
  const order = await placeOrder(api, owner);
  const created = await api('POST', '/api/v1/returns', {
    key: owner,
    body: { orderId: order.id, type: 'return_refund', items: [{ lineId: order.lines[0]!.id, quantity: 1, reasonCode: 'quality_issue' }] },
  });
  expect(created.status).toBe(201);
  const id = created.body.id as string;
  if (kind === 'resolve_refund') {
    expect((await act(api, owner, id, 'reject', { reasonCode: 'not_as_declared', reason: '照片与商品不符' })).status).toBe(200);
    expect((await act(api, owner, id, 'escalate', { reason: '买家申请平台介入' })).status).toBe(200);
    return { id, status: 'escalated', action: 'resolve', body: { outcome: 'refund', note: '平台判定退款' } };
  }
  expect((await act(api, owner, id, 'approve')).status).toBe(200);
  // The same buyer asks many times (risky): a person paying it fast gives a reason (13.19).
  if (kind === 'fast_refund') return { id, status: 'approved', action: 'fast_refund', body: { reason: 'Checked with the buyer' } };
  expect((await act(api, owner, id, 'buyer_shipped', { carrier: 'SF', trackingNumber: `SF${id.slice(-8)}` })).status).toBe(200);
  const received = await act(api, owner, id, 'receive');
  expect(received.status).toBe(200);
  const inspected = await act(api, owner, id, 'inspect', { items: [{ itemId: received.body.items[0].id, acceptedQuantity: 1, grade: 'A', disposition: 'restock' }] });
  expect(inspected.status).toBe(200);
  return { id, status: 'inspected', action: 'refund', body: {} };
}

/** What the rules say: the platform needs a connector key that may decide, and money needs refunds:issue. */
function expected(role: Role, platformKey: boolean, header: boolean, kind: MoneyAction): { status: number; code?: string } {
  if (header) {
    if (!platformKey || !can(role, 'cases:decide')) return { status: 403, code: 'auth.platform_forbidden' };
    // The state machine never lets the platform refund inspected goods (the shop's own step): refused before the money check.
    if (kind === 'refund') return { status: 403, code: 'case.action_forbidden' };
    if (!can(role, 'refunds:issue')) return { status: 403, code: 'auth.forbidden' };
    return { status: 200 };
  }
  const staffNeeds = kind === 'fast_refund' || kind === 'refund' ? 'refunds:issue' : 'cases:decide';
  return can(role, staffNeeds) ? { status: 200 } : { status: 403, code: 'case.action_forbidden' };
}

describe('who may act as the platform, and pay', () => {
  const combos = ROLES.flatMap((role) =>
    [false, true].flatMap((platformKey) => [false, true].flatMap((header) => MONEY_ACTIONS.map((kind) => ({ role, platformKey, header, kind })))),
  );

  it(`every role × key kind × header × money action (${combos.length} combinations) pays only when allowed`, async () => {
    const mismatches: string[] = [];
    // A refused action leaves its case as it was (checked below), so the next combination reuses it.
    const spare = new Map<MoneyAction, Awaited<ReturnType<typeof prepare>>>();
    for (const { role, platformKey, header, kind } of combos) {
      const c = spare.get(kind) ?? (await prepare(kind));
      spare.set(kind, c);
      const key = (platformKey ? platformKeys : plainKeys)[role];
      const res = await act(api, key, c.id, c.action, c.body, header ? { 'x-acting-as': 'platform' } : {});
      const want = expected(role, platformKey, header, kind);
      const after = await api('GET', `/api/v1/returns/${c.id}`, { key: shop.keys.owner });
      const label = `${role} ${platformKey ? 'platform key' : 'plain key'} ${header ? 'with' : 'without'} X-Acting-As ${kind}`;
      if (res.status !== want.status || (want.code && res.body?.error?.code !== want.code)) {
        mismatches.push(`${label}: got ${res.status} ${res.body?.error?.code ?? ''}, want ${want.status} ${want.code ?? ''}`);
        continue;
      }
      if (res.status === 200) spare.delete(kind);
      if (want.status === 200) {
        if (!(after.body.refundedMinor > 0)) mismatches.push(`${label}: allowed but nothing paid`);
        const last = after.body.timeline.find((e: { type: string }) => e.type === `case.${c.action}`);
        if (last?.actor?.kind !== (header ? 'platform' : 'staff')) mismatches.push(`${label}: recorded as ${last?.actor?.kind}`);
      } else if (after.body.refundedMinor !== 0 || after.body.status !== c.status) {
        mismatches.push(`${label}: refused but the case moved (${after.body.status}, refunded ${after.body.refundedMinor})`);
      }
    }
    expect(mismatches).toEqual([]);
    // ~10 s on a quiet machine; the margin is for a loaded CI runner.
  }, 120_000);

  it('a staff session cannot act as the platform, whatever its role', async () => {
    const login = await api('POST', '/api/v1/auth/login', { body: { email: shop.ownerEmail, password: shop.password, shop: shop.slug } });
    expect(login.status).toBe(200);
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const c = await prepare('fast_refund');
    const res = await api('POST', `/api/v1/returns/${c.id}/actions/fast_refund`, {
      cookie,
      body: {},
      headers: { 'x-acting-as': 'platform', 'x-csrf-token': login.body.csrfToken },
    });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('auth.platform_forbidden');
  });

  it('a platform key without the header acts as its role, and the flag is shown on the key', async () => {
    const list = await api('GET', '/api/v1/api-keys', { key: shop.keys.owner });
    expect(list.body.data.filter((k: { platform: boolean }) => k.platform)).toHaveLength(ROLES.length + 1);
    const c = await prepare('approve_amended');
    const res = await act(api, platformKeys.agent, c.id, 'approve', { amountMinor: 100 });
    expect(res.status).toBe(200);
    expect(res.body.timeline.find((e: { type: string }) => e.type === 'case.approve').actor).toMatchObject({ kind: 'staff', role: 'agent' });
  });
});

describe('authorisation before state', () => {
  it('a role that may never take an action gets 403 whatever the case state, before 409 or 400', async () => {
    const c = await prepare('approve_amended');
    expect((await act(api, shop.keys.owner, c.id, 'approve')).body.status).toBe('completed');
    // approve on a completed case is a 409 for someone who may approve…
    expect((await act(api, shop.keys.agent, c.id, 'approve')).body.error.code).toBe('case.invalid_transition');
    // …and a 403 for those who may not, in any state, with or without a valid body.
    for (const role of ['viewer', 'warehouse'] as const) {
      for (const [action, body] of [['approve', {}], ['reject', { reasonCode: 'other', reason: 'x' }], ['resolve', { nonsense: true }], ['fast_refund', {}]] as const) {
        const res = await act(api, shop.keys[role], c.id, action, body);
        expect([role, action, res.status, res.body.error.code]).toEqual([role, action, 403, 'case.action_forbidden']);
      }
    }
    const unknown = await act(api, shop.keys.viewer, '01a24186-0000-7000-8000-000000000000', 'approve');
    expect(unknown.status).toBe(403);
  });
});
