import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, createTestShop, startTestApp, type TestApp, type TestShop } from '../helpers/app.js';
import { portalOrder, portalToken } from '../helpers/portal.js';
import { placeOrder } from '../helpers/returns.js';

/**
 * Issue 19 point 9: one return across several orders. One parcel, one code, one case per order
 * (each order's refund exactly what a case of its own would give), created all or nothing in one
 * transaction and few statements, received and inspected together, and a buyer groups only their
 * own orders.
 */
let t: TestApp;
let api: ReturnType<typeof client>;
let shop: TestShop;
let other: TestShop;

beforeAll(async () => {
  t = await startTestApp();
  api = client(t.baseUrl);
  shop = await createTestShop(t.ctx, 'groups');
  other = await createTestShop(t.ctx, 'groups-other');
});
afterAll(() => t?.close());

let buyerSeq = 0;
/** Two delivered orders of one buyer (and, when asked, a third of another buyer). */
async function ordersOfOneBuyer(count = 2) {
  buyerSeq++;
  const customer = { externalId: `group-buyer-${buyerSeq}`, name: '周小雨', email: `group${buyerSeq}@example.cn`, phone: `+86 137-0000-${String(1000 + buyerSeq).slice(-4)}` };
  const list = [];
  for (let i = 0; i < count; i++) list.push(await placeOrder(api, shop.keys.owner, { overrides: { customer } }));
  return list;
}

const tee = (o: { lines: { id: string; sku: string }[] }) => o.lines.find((l) => l.sku === 'TS-M-BLACK')!;
const mug = (o: { lines: { id: string; sku: string }[] }) => o.lines.find((l) => l.sku === 'MUG-WHITE')!;
const necklace = (o: { lines: { id: string; sku: string }[] }) => o.lines.find((l) => l.sku === 'ENGR-SILVER')!;

const casesOf = async (orderId: string) => (await api('GET', `/api/v1/returns?orderId=${orderId}`, { key: shop.keys.owner })).body.data as { id: string }[];

/** Receiving a group of two cases in one transaction (the group, its cases locked, each case's items and events in one batched write, the reply's reads): measured 9 statements, 11 round trips. */
const STATEMENT_BUDGET_GROUP_RECEIVE = 10;

describe('one return across several orders (staff API)', () => {
  it('opens one case per order under one code, each with the refund a case of its own would have, in few statements', async () => {
    const [a, b] = await ordersOfOneBuyer();
    const body = {
      orders: [
        { orderId: a!.id, items: [{ lineId: tee(a!).id, quantity: 1, reasonCode: 'wrong_size' }] },
        { orderId: b!.id, items: [{ lineId: mug(b!).id, quantity: 1, reasonCode: 'no_reason' }, { lineId: tee(b!).id, quantity: 2, reasonCode: 'no_reason' }] },
      ],
    };
    // What each order alone would refund.
    const alone = await Promise.all(
      body.orders.map(async (o) => (await api('POST', '/api/v1/returns/preview', { key: shop.keys.owner, body: { orderId: o.orderId, type: 'return_refund', items: o.items } })).body.refund.refundMinor as number),
    );
    // Warm per-process caches (policy, shop, RMA sequence) with a first group, then count a second.
    const [c, d] = await ordersOfOneBuyer();
    await api('POST', '/api/v1/return-groups', { key: shop.keys.owner, body: { orders: [{ orderId: c!.id, items: [{ lineId: mug(c!).id, quantity: 1, reasonCode: 'no_reason' }] }, { orderId: d!.id, items: [{ lineId: mug(d!).id, quantity: 1, reasonCode: 'no_reason' }] }] } });
    const before = t.handle.traffic.snapshot();
    const res = await api('POST', '/api/v1/return-groups', { key: shop.keys.owner, body });
    const after = t.handle.traffic.snapshot();
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const statements = after.statements - before.statements;
    const roundTrips = after.roundTrips - before.roundTrips;
    if (process.env.BUDGET_LOG) console.log(`group create: ${statements} statements, ${roundTrips} round trips`);
    // A single case: 7 statements / 9 round trips (statement-budget.test.ts). Two cases in ONE transaction with
    // ONE batched write, the buyer check and the reply's two reads: measured 14 statements / 16 round trips.
    expect(statements, `statements ${statements}`).toBeLessThanOrEqual(15);
    expect(roundTrips, `round trips ${roundTrips}`).toBeLessThanOrEqual(17);

    const group = res.body;
    expect(group.code).toBe(`G${group.cases[0].rmaNumber}`);
    expect(res.headers.get('location')).toBe(`/api/v1/return-groups/${group.code}`);
    expect(group.cases.map((x: { orderId: string }) => x.orderId).sort()).toEqual([a!.id, b!.id].sort());
    for (const [i, o] of body.orders.entries()) {
      const own = group.cases.find((x: { orderId: string }) => x.orderId === o.orderId);
      expect(own.status).toBe('requested');
      expect(own.refundMinor).toBe(alone[i]);
      expect(own.items).toHaveLength(o.items.length);
    }
    // Each case knows its group; the group is found by code and by id, not by another shop.
    expect((await api('GET', `/api/v1/return-groups/${group.code.toLowerCase()}`, { key: shop.keys.warehouse })).body.id).toBe(group.id);
    expect((await api('GET', `/api/v1/return-groups/${group.id}`, { key: shop.keys.viewer })).body.code).toBe(group.code);
    expect((await api('GET', `/api/v1/return-groups/${group.code}`, { key: other.keys.owner })).status).toBe(404);
  });

  it('is all or nothing: one order refused leaves no case for the others', async () => {
    const [a, b] = await ordersOfOneBuyer();
    const res = await api('POST', '/api/v1/return-groups', {
      key: shop.keys.owner,
      body: {
        orders: [
          { orderId: a!.id, items: [{ lineId: tee(a!).id, quantity: 1, reasonCode: 'wrong_size' }] },
          // Custom-made: no return without a fault.
          { orderId: b!.id, items: [{ lineId: necklace(b!).id, quantity: 1, reasonCode: 'no_reason' }] },
        ],
      },
    });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('case.not_eligible');
    expect(await casesOf(a!.id)).toEqual([]);
    expect(await casesOf(b!.id)).toEqual([]);
    // More units than the order has: 409, nothing written either.
    const tooMany = await api('POST', '/api/v1/return-groups', {
      key: shop.keys.owner,
      body: { orders: [{ orderId: a!.id, items: [{ lineId: mug(a!).id, quantity: 1, reasonCode: 'no_reason' }] }, { orderId: b!.id, items: [{ lineId: mug(b!).id, quantity: 5, reasonCode: 'no_reason' }] }] },
    });
    expect(tooMany.status).toBe(409);
    expect(await casesOf(a!.id)).toEqual([]);
  });

  it('refuses orders of different buyers, the same order twice, and another shop’s order', async () => {
    const [a] = await ordersOfOneBuyer(1);
    const [stranger] = await ordersOfOneBuyer(1);
    const item = (o: typeof a) => ({ orderId: o!.id, items: [{ lineId: mug(o!).id, quantity: 1, reasonCode: 'no_reason' }] });
    const several = await api('POST', '/api/v1/return-groups', { key: shop.keys.owner, body: { orders: [item(a), item(stranger)] } });
    expect(several.status).toBe(422);
    expect(several.body.error.code).toBe('group.several_buyers');
    const twice = await api('POST', '/api/v1/return-groups', { key: shop.keys.owner, body: { orders: [item(a), item(a)] } });
    expect(twice.body.error.code).toBe('group.duplicate_order');
    const foreign = await api('POST', '/api/v1/return-groups', { key: other.keys.owner, body: { orders: [item(a), item(stranger)] } });
    expect(foreign.status).toBe(404);
    expect(await casesOf(a!.id)).toEqual([]);
    const one = await api('POST', '/api/v1/return-groups', { key: shop.keys.owner, body: { orders: [item(a)] } });
    expect(one.status).toBe(400);
  });

  it('the warehouse scans the group code, receives and inspects the whole parcel at once; each case refunds its own order', async () => {
    const [a, b] = await ordersOfOneBuyer();
    const group = (
      await api('POST', '/api/v1/return-groups', {
        key: shop.keys.owner,
        body: {
          orders: [
            { orderId: a!.id, items: [{ lineId: tee(a!).id, quantity: 2, reasonCode: 'wrong_size' }] },
            { orderId: b!.id, items: [{ lineId: mug(b!).id, quantity: 1, reasonCode: 'no_reason' }] },
          ],
        },
      })
    ).body;
    const code = group.code as string;
    // The warehouse may not approve; a manager approves the whole group.
    expect((await api('POST', `/api/v1/return-groups/${code}/actions/approve`, { key: shop.keys.warehouse, body: {} })).status).toBe(403);
    expect((await api('POST', `/api/v1/return-groups/${code}/actions/approve`, { key: shop.keys.manager, body: {} })).status).toBe(200);
    // One parcel, one tracking number for every case.
    const shipped = await api('POST', `/api/v1/return-groups/${code}/actions/buyer_shipped`, { key: shop.keys.owner, body: { carrier: 'SF', trackingNumber: 'SF-GROUP-0001' } });
    expect(shipped.status, JSON.stringify(shipped.body)).toBe(200);
    expect(shipped.body.cases.map((c: { status: string }) => c.status)).toEqual(['in_transit', 'in_transit']);

    // Scanning the label's QR code (or the bare code, or the tracking number) in the queue finds every case of the parcel.
    const rmas = group.cases.map((c: { rmaNumber: string }) => c.rmaNumber).sort();
    for (const q of [`RETOUR:${shop.slug}:${code}`, code.toLowerCase(), 'SF-GROUP-0001']) {
      const found = await api('GET', `/api/v1/queue?scope=all&q=${encodeURIComponent(q)}`, { key: shop.keys.warehouse });
      expect(found.body.data.map((c: { rmaNumber: string }) => c.rmaNumber).sort(), q).toEqual(rmas);
    }
    // Each case the queue finds names its group: the warehouse page receives the whole parcel by it.
    const listed = await api('GET', `/api/v1/queue?scope=all&q=SF-GROUP-0001`, { key: shop.keys.warehouse });
    expect(listed.body.data.map((c: { groupCode: string | null }) => c.groupCode)).toEqual([code, code]);
    const before = t.handle.traffic.snapshot();
    const received = await api('POST', `/api/v1/return-groups/${code}/actions/receive`, { key: shop.keys.warehouse, body: {} });
    const after = t.handle.traffic.snapshot();
    expect(received.status, JSON.stringify(received.body)).toBe(200);
    const statements = after.statements - before.statements;
    if (process.env.BUDGET_LOG) console.log(`group receive (2 cases): ${statements} statements, ${after.roundTrips - before.roundTrips} round trips`);
    expect(statements, `statements ${statements}`).toBeLessThanOrEqual(STATEMENT_BUDGET_GROUP_RECEIVE);
    expect(received.body.cases.map((c: { status: string }) => c.status)).toEqual(['received', 'received']);

    const items = received.body.cases.flatMap((c: { items: { id: string; quantity: number }[] }) => c.items);
    // An item of another case, or a case left out: 422, nothing inspected.
    const partial = await api('POST', `/api/v1/return-groups/${code}/actions/inspect`, { key: shop.keys.warehouse, body: { items: [{ itemId: items[0].id, acceptedQuantity: 1, grade: 'A' }] } });
    expect(partial.status).toBe(422);
    const inspected = await api('POST', `/api/v1/return-groups/${code}/actions/inspect`, {
      key: shop.keys.warehouse,
      body: { items: items.map((i: { id: string; quantity: number }) => ({ itemId: i.id, acceptedQuantity: i.quantity, grade: 'A', disposition: 'restock' })) },
    });
    expect(inspected.status, JSON.stringify(inspected.body)).toBe(200);
    expect(inspected.body.cases.map((c: { status: string }) => c.status)).toEqual(['inspected', 'inspected']);
    // Each case is an ordinary case of its own order: refunded on its own, to its own order.
    for (const c of inspected.body.cases) {
      const refunded = await api('POST', `/api/v1/returns/${c.id}/actions/refund`, { key: shop.keys.manager, body: {} });
      expect(refunded.status).toBe(200);
      expect(refunded.body.refunds.reduce((s: number, r: { amountMinor: number }) => s + r.amountMinor, 0)).toBe(c.refundMinor);
    }
  });
});

describe('one return across several orders (portal)', () => {
  it('offers the buyer’s own orders only and groups only those', async () => {
    const email = 'same.buyer@example.com';
    const first = await portalOrder(t, api, shop, { email });
    const second = await portalOrder(t, api, shop, { email });
    const stranger = await portalOrder(t, api, shop);
    const headers = { authorization: `Bearer ${await portalToken(api, shop.slug, first)}` };
    const offered = await api('GET', '/portal/v1/buyer-orders', { headers });
    expect(offered.status, JSON.stringify(offered.body)).toBe(200);
    const ids = offered.body.orders.map((o: { orderId: string }) => o.orderId);
    expect(ids[0]).toBe(first.id);
    expect(ids).toContain(second.id);
    expect(ids).not.toContain(stranger.id);

    const line = (o: typeof first, sku: string) => o.lines.find((l) => l.sku === sku)!.id;
    const item = (o: typeof first) => ({ orderId: o.id, items: [{ lineId: line(o, 'PT-MUG-WHITE'), quantity: 1, reasonCode: 'no_reason' }] });
    const foreign = await api('POST', '/portal/v1/return-groups', { headers, body: { orders: [item(first), item(stranger)] } });
    expect(foreign.status).toBe(404);
    expect(foreign.body.error.code).toBe('portal.not_found');
    expect(await casesOf(first.id)).toEqual([]);

    const created = await api('POST', '/portal/v1/return-groups', { headers, body: { orders: [item(first), item(second)], returnMethod: 'drop_off' } });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.cases).toHaveLength(2);
    expect(created.body.code).toMatch(/^GR/);
    // The cases were opened by the buyer, one per order.
    for (const c of created.body.cases) {
      const detail = (await api('GET', `/api/v1/returns/${c.id}`, { key: shop.keys.owner })).body;
      expect(detail.timeline[0].actor.kind).toBe('buyer');
    }
  });

  it('shows the buyer their group by its code and prints one label for the parcel, naming the group and its cases', async () => {
    const email = 'label.buyer@example.com';
    const first = await portalOrder(t, api, shop, { email });
    const second = await portalOrder(t, api, shop, { email });
    const headers = { authorization: `Bearer ${await portalToken(api, shop.slug, second)}` };
    const item = (o: typeof first) => ({ orderId: o.id, items: [{ lineId: o.lines.find((l) => l.sku === 'PT-MUG-WHITE')!.id, quantity: 1, reasonCode: 'no_reason' }] });
    const created = await api('POST', '/portal/v1/return-groups', { headers, body: { orders: [item(first), item(second)], returnMethod: 'drop_off' } });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const code = created.body.code as string;

    const seen = await api('GET', `/portal/v1/return-groups/${code.toLowerCase()}`, { headers });
    expect(seen.status, JSON.stringify(seen.body)).toBe(200);
    expect(seen.body).toMatchObject({ code, labelAvailable: true });
    expect(seen.body.cases.map((c: { orderNumber: string }) => c.orderNumber).sort()).toEqual([first.number, second.number].sort());

    const pdf = await fetch(`${t.baseUrl}/portal/v1/return-groups/${code}/label.pdf?lang=en`, { headers });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const bytes = Buffer.from(await pdf.arrayBuffer()).toString('latin1');
    expect(bytes.startsWith('%PDF-')).toBe(true);
    expect(bytes).toContain(`(Return label ${code})`);
    expect(bytes).toContain(`(${seen.body.cases.map((c: { rmaNumber: string; orderNumber: string }) => `${c.rmaNumber}: ${c.orderNumber}`).join('; ')})`);

    // Another buyer's token sees neither the group nor its label; a wrong code is the same answer.
    const stranger = await portalOrder(t, api, shop);
    const theirs = { authorization: `Bearer ${await portalToken(api, shop.slug, stranger)}` };
    for (const path of [`/portal/v1/return-groups/${code}`, `/portal/v1/return-groups/${code}/label.pdf`, '/portal/v1/return-groups/GNOPE-1']) {
      const res = await api('GET', path, { headers: path.endsWith('NOPE-1') ? headers : theirs });
      expect([res.status, res.body.error.code], path).toEqual([404, 'portal.not_found']);
    }
  });
});
