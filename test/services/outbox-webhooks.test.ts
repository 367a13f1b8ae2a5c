import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/client.js';
import { dispatchOutbox } from '../../src/worker/jobs/outbox.js';
import { performAction } from '../../src/services/cases/perform-action.js';
import { createEndpoint } from '../../src/services/webhooks/endpoints.js';
import { openCase, placeOrder, staffActor, useServiceContext } from '../helpers/service-context.js';

const t = useServiceContext();

const outboxOf = (caseId: string) =>
  queryRows<{ id: string; event_type: string; payload: any; dispatched: boolean }>(
    t.ctx.db,
    sql`select id, event_type, payload, dispatched_at is not null as dispatched from outbox where case_id = ${caseId} order by created_at, id`,
  );
const deliveriesOf = (endpointId: string) =>
  queryRows<{ outbox_id: string; event_type: string; status: string; attempts: number; payload: any }>(
    t.ctx.db,
    sql`select outbox_id, event_type, status, attempts, payload from webhook_deliveries where shop_id = ${t.shop.id} and endpoint_id = ${endpointId} order by created_at, event_type`,
  );

async function approvedCase() {
  const order = await placeOrder(t.ctx, t.shop.id);
  const c = await openCase(t.ctx, t.shop, { orderId: order.id, type: 'return_refund', items: [{ lineId: order.lines[1]!.id, quantity: 1, reasonCode: 'no_longer_needed' }] });
  await performAction(t.ctx, t.shop.id, c.id, 'approve', staffActor(t.shop, 'agent'), {});
  return c;
}

describe('outbox and webhook deliveries', () => {
  it('each change records its event in its own transaction; dispatch makes one delivery per subscribed, enabled endpoint, exactly once', async () => {
    const statusOnly = (await createEndpoint(t.ctx, t.shop.id, { url: 'https://hooks.example.com/status', eventTypes: ['return.status_changed'] })).endpoint;
    const everything = (await createEndpoint(t.ctx, t.shop.id, { url: 'https://hooks.example.com/all', eventTypes: ['*'] })).endpoint;
    const disabled = (await createEndpoint(t.ctx, t.shop.id, { url: 'https://hooks.example.com/off', eventTypes: ['*'], enabled: false })).endpoint;

    const c = await approvedCase();
    const events = await outboxOf(c.id);
    expect(events.map((e) => [e.event_type, e.dispatched])).toEqual([
      ['return.created', false],
      ['return.status_changed', false],
    ]);
    expect(events[1]!.payload).toMatchObject({ id: events[1]!.id, type: 'return.status_changed', data: { from: 'requested', to: 'approved', action: 'approve', case: { id: c.id, status: 'approved' } } });

    t.clock.advance(1000);
    expect(await dispatchOutbox(t.ctx)).toBe(2);
    expect((await outboxOf(c.id)).every((e) => e.dispatched)).toBe(true);
    expect((await deliveriesOf(statusOnly.id)).map((d) => [d.event_type, d.outbox_id, d.status, d.attempts])).toEqual([['return.status_changed', events[1]!.id, 'pending', 0]]);
    const all = await deliveriesOf(everything.id);
    expect(all.map((d) => d.event_type)).toEqual(['return.created', 'return.status_changed']);
    // The delivery carries the event as recorded: a receiver sees the same id on every retry.
    expect(all[1]!.payload).toEqual(events[1]!.payload);
    expect(await deliveriesOf(disabled.id)).toEqual([]);

    // Dispatching again finds nothing: no event is fanned out twice.
    expect(await dispatchOutbox(t.ctx)).toBe(0);
    expect(await deliveriesOf(everything.id)).toHaveLength(2);
  });

  it('a refused action records no event', async () => {
    const c = await approvedCase();
    const before = await outboxOf(c.id);
    await expect(performAction(t.ctx, t.shop.id, c.id, 'approve', staffActor(t.shop, 'agent'), {})).rejects.toMatchObject({ code: 'case.invalid_transition' });
    expect(await outboxOf(c.id)).toEqual(before);
  });

  it('refuses endpoints that point inside the network or name unknown events; keeps the signing secret encrypted', async () => {
    await expect(createEndpoint(t.ctx, t.shop.id, { url: 'http://127.0.0.1:8080/hook', eventTypes: ['*'] })).rejects.toMatchObject({
      code: 'webhook.url_not_allowed',
      details: { problem: 'private_address' },
    });
    await expect(createEndpoint(t.ctx, t.shop.id, { url: 'https://hooks.example.com/x', eventTypes: ['return.exploded'] })).rejects.toMatchObject({
      code: 'webhook.event_type_unknown',
      details: { unknown: ['return.exploded'] },
    });
    const { endpoint, secret } = await createEndpoint(t.ctx, t.shop.id, { url: 'https://hooks.example.com/x', eventTypes: ['return.created'] });
    expect(secret).toMatch(/^whsec_/);
    const [stored] = await queryRows<{ secret_encrypted: string }>(t.ctx.db, sql`select secret_encrypted from webhook_endpoints where shop_id = ${t.shop.id} and id = ${endpoint.id}`);
    expect(stored!.secret_encrypted).not.toContain(secret.slice(6));
    const [count] = await queryRows<{ n: number }>(t.ctx.db, sql`select count(*)::int as n from webhook_endpoints where shop_id = ${t.shop.id}`);
    expect(count!.n).toBe(1);
  });
});
