import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { AppError } from '../errors.js';
import {
  applyShipmentEvent,
  deriveOrderStatus,
  deriveOrderTimes,
  SHIPMENT_EVENTS,
  SHIPMENT_STATUSES,
  type OrderTimes,
  type ShipmentEventType,
  type ShipmentState,
  type ShipmentStatus,
} from './fulfilment.js';

const T1 = new Date('2024-05-01T08:00:00Z');
const T2 = new Date('2024-05-02T08:00:00Z');
const T3 = new Date('2024-05-03T08:00:00Z');
const T4 = new Date('2024-05-04T08:00:00Z');

/** The transitions the design allows, written out independently of the module's table. */
const ALLOWED: Record<ShipmentStatus, ShipmentEventType[]> = {
  pending: ['shipped', 'delivered', 'lost'],
  shipped: ['delivered', 'returned', 'lost'],
  delivered: ['returned'],
  returned: [],
  lost: ['delivered'],
};

function stateIn(status: ShipmentStatus): ShipmentState {
  return {
    status,
    shippedAt: status === 'pending' ? null : T1,
    deliveredAt: status === 'delivered' ? T2 : null,
  };
}

function appErrorOf(fn: () => unknown): AppError {
  try {
    fn();
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('expected an AppError, nothing was thrown');
}

const combinations = SHIPMENT_STATUSES.flatMap((status) => SHIPMENT_EVENTS.map((event) => [status, event] as const));

describe('applyShipmentEvent: every status × event', () => {
  it('covers all 20 combinations', () => {
    expect(combinations).toHaveLength(20);
  });

  it.each(combinations)('%s + %s', (status, event) => {
    const before = stateIn(status);
    const snapshot = structuredClone(before);
    if (status === event) {
      const r = applyShipmentEvent(before, event, T3);
      expect(r.changed).toBe(false);
      expect(r.next).toEqual(snapshot);
    } else if (ALLOWED[status].includes(event)) {
      const r = applyShipmentEvent(before, event, T3);
      expect(r.changed).toBe(true);
      expect(r.next.status).toBe(event);
    } else {
      const err = appErrorOf(() => applyShipmentEvent(before, event, T3));
      expect(err).toMatchObject({ kind: 'conflict', code: 'shipment.invalid_event', details: { status, event } });
    }
    expect(before).toEqual(snapshot); // the input is never mutated
  });
});

describe('applyShipmentEvent: times', () => {
  it('shipping a pending parcel records when it shipped', () => {
    expect(applyShipmentEvent(stateIn('pending'), 'shipped', T3).next).toEqual({ status: 'shipped', shippedAt: T3, deliveredAt: null });
  });

  it('shipping keeps a shipped time already known', () => {
    const known: ShipmentState = { status: 'pending', shippedAt: T1, deliveredAt: null };
    expect(applyShipmentEvent(known, 'shipped', T3).next.shippedAt).toEqual(T1);
  });

  it('delivering a shipped parcel records the delivery and keeps the shipped time', () => {
    expect(applyShipmentEvent(stateIn('shipped'), 'delivered', T3).next).toEqual({ status: 'delivered', shippedAt: T1, deliveredAt: T3 });
  });

  it('delivering a pending parcel (no shipping scan) also counts it as shipped then', () => {
    expect(applyShipmentEvent(stateIn('pending'), 'delivered', T3).next).toEqual({ status: 'delivered', shippedAt: T3, deliveredAt: T3 });
  });

  it('a lost parcel that turns up is delivered, keeping its shipped time', () => {
    expect(applyShipmentEvent(stateIn('lost'), 'delivered', T4).next).toEqual({ status: 'delivered', shippedAt: T1, deliveredAt: T4 });
  });

  it('returning or losing a parcel keeps its times', () => {
    expect(applyShipmentEvent(stateIn('delivered'), 'returned', T4).next).toEqual({ status: 'returned', shippedAt: T1, deliveredAt: T2 });
    expect(applyShipmentEvent(stateIn('shipped'), 'returned', T4).next).toEqual({ status: 'returned', shippedAt: T1, deliveredAt: null });
    expect(applyShipmentEvent(stateIn('shipped'), 'lost', T4).next).toEqual({ status: 'lost', shippedAt: T1, deliveredAt: null });
    expect(applyShipmentEvent(stateIn('pending'), 'lost', T4).next).toEqual({ status: 'lost', shippedAt: null, deliveredAt: null });
  });

  it('a repeated delivery scan does not move the delivery time', () => {
    const r = applyShipmentEvent(stateIn('delivered'), 'delivered', T4);
    expect(r).toEqual({ next: stateIn('delivered'), changed: false });
  });
});

describe('applyShipmentEvent: random event streams', () => {
  const streams = fc.array(
    fc.record({ event: fc.constantFrom(...SHIPMENT_EVENTS), at: fc.date({ min: T1, max: T4, noInvalidDate: true }) }),
    { maxLength: 20 },
  );

  it('accepts exactly the allowed events, is idempotent, and keeps its times coherent', () => {
    fc.assert(
      fc.property(streams, (events) => {
        let state: ShipmentState = { status: 'pending', shippedAt: null, deliveredAt: null };
        for (const { event, at } of events) {
          const allowed = state.status === event || ALLOWED[state.status].includes(event);
          if (!allowed) {
            expect(() => applyShipmentEvent(state, event, at)).toThrow(AppError);
            continue;
          }
          const r = applyShipmentEvent(state, event, at);
          expect(r.changed).toBe(state.status !== event);
          expect(r.next.status).toBe(event);
          // Applying the same event again changes nothing: carriers resend scans.
          expect(applyShipmentEvent(r.next, event, at)).toEqual({ next: r.next, changed: false });
          state = r.next;
          if (state.status === 'delivered') {
            expect(state.deliveredAt).not.toBeNull();
            expect(state.shippedAt).not.toBeNull();
          }
          if (state.status === 'shipped') expect(state.shippedAt).not.toBeNull();
        }
      }),
    );
  });

  it('a returned parcel is final', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SHIPMENT_EVENTS), (event) => {
        const returned = stateIn('returned');
        if (event === 'returned') expect(applyShipmentEvent(returned, event, T4).changed).toBe(false);
        else expect(() => applyShipmentEvent(returned, event, T4)).toThrow(AppError);
      }),
    );
  });
});

const NONE: OrderTimes = { paidAt: null, shippedAt: null, deliveredAt: null, cancelledAt: null };

describe('deriveOrderTimes', () => {
  it('derives nothing from no shipments', () => {
    expect(deriveOrderTimes(NONE, [])).toEqual(NONE);
  });

  it('is shipped when the first parcel left and delivered when the last one arrived', () => {
    const times = deriveOrderTimes(NONE, [
      { status: 'delivered', shippedAt: T2, deliveredAt: T4 },
      { status: 'delivered', shippedAt: T1, deliveredAt: T3 },
    ]);
    expect(times).toEqual({ ...NONE, shippedAt: T1, deliveredAt: T4 });
  });

  it('is not delivered while any live parcel is still on its way or pending', () => {
    expect(
      deriveOrderTimes(NONE, [
        { status: 'delivered', shippedAt: T1, deliveredAt: T2 },
        { status: 'shipped', shippedAt: T2, deliveredAt: null },
      ]),
    ).toEqual({ ...NONE, shippedAt: T1, deliveredAt: null });
    expect(
      deriveOrderTimes(NONE, [
        { status: 'delivered', shippedAt: T1, deliveredAt: T2 },
        { status: 'pending', shippedAt: null, deliveredAt: null },
      ]),
    ).toEqual({ ...NONE, shippedAt: T1, deliveredAt: null });
  });

  it('ignores returned and lost parcels', () => {
    const times = deriveOrderTimes(NONE, [
      { status: 'returned', shippedAt: T1, deliveredAt: T2 },
      { status: 'lost', shippedAt: T1, deliveredAt: null },
      { status: 'delivered', shippedAt: T2, deliveredAt: T3 },
    ]);
    expect(times).toEqual({ ...NONE, shippedAt: T2, deliveredAt: T3 });
  });

  it('derives nothing when every parcel was returned or lost', () => {
    const times = deriveOrderTimes(NONE, [
      { status: 'returned', shippedAt: T1, deliveredAt: T2 },
      { status: 'lost', shippedAt: T1, deliveredAt: null },
    ]);
    expect(times).toEqual(NONE);
  });

  it('lets the times the channel reported win over derived ones', () => {
    const reported: OrderTimes = { paidAt: T1, shippedAt: T2, deliveredAt: T3, cancelledAt: null };
    const shipments = [{ status: 'delivered', shippedAt: T1, deliveredAt: T4 }];
    expect(deriveOrderTimes(reported, shipments)).toEqual(reported);
    // Only the missing ones are derived.
    expect(deriveOrderTimes({ ...reported, deliveredAt: null }, shipments)).toEqual({ ...reported, deliveredAt: T4 });
  });

  it('passes paid and cancelled times through untouched', () => {
    const reported: OrderTimes = { paidAt: T1, shippedAt: null, deliveredAt: null, cancelledAt: T2 };
    expect(deriveOrderTimes(reported, [{ status: 'shipped', shippedAt: T3, deliveredAt: null }])).toEqual({ ...reported, shippedAt: T3 });
  });

  it('does not depend on the order of the shipments', () => {
    const shipment = fc.record({
      status: fc.constantFrom(...SHIPMENT_STATUSES),
      shippedAt: fc.option(fc.date({ min: T1, max: T4, noInvalidDate: true }), { nil: null }),
      deliveredAt: fc.option(fc.date({ min: T1, max: T4, noInvalidDate: true }), { nil: null }),
    });
    fc.assert(
      fc.property(fc.array(shipment, { maxLength: 8 }), fc.integer({ min: 0, max: 7 }), (shipments, rotate) => {
        const k = shipments.length ? rotate % shipments.length : 0;
        const rotated = [...shipments.slice(k), ...shipments.slice(0, k)];
        expect(deriveOrderTimes(NONE, rotated)).toEqual(deriveOrderTimes(NONE, shipments));
        expect(deriveOrderTimes(NONE, [...shipments].reverse())).toEqual(deriveOrderTimes(NONE, shipments));
      }),
    );
  });
});

describe('deriveOrderStatus', () => {
  it.each<[Partial<OrderTimes>, string]>([
    [{}, 'pending'],
    [{ paidAt: T1 }, 'paid'],
    [{ paidAt: T1, shippedAt: T2 }, 'shipped'],
    [{ paidAt: T1, shippedAt: T2, deliveredAt: T3 }, 'delivered'],
    [{ deliveredAt: T3 }, 'delivered'],
    [{ shippedAt: T2 }, 'shipped'],
    [{ paidAt: T1, cancelledAt: T2 }, 'cancelled'],
    [{ paidAt: T1, shippedAt: T2, deliveredAt: T3, cancelledAt: T4 }, 'cancelled'],
  ])('%o → %s', (times, status) => {
    expect(deriveOrderStatus({ ...NONE, ...times })).toBe(status);
  });
});
