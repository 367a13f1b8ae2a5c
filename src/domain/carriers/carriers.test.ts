import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CARRIER_FORMATS, checkTrackingNumber, normaliseTrackingNumber, recogniseCarrier } from './tracking-numbers.js';
import { easypostStatus, kuaidi100Status, trackingEffects, type TrackedCase, type TrackedParcel } from './tracking.js';
import { kuaidi100PickupStatus, pickupAdvances } from './pickup.js';

describe('tracking number formats, per carrier', () => {
  const cases: [string, string, boolean][] = [
    ['顺丰速运', 'SF1234567890123', true],
    ['SF Express', 'sf 1234 5678 9012', true],
    ['顺丰', 'SF12345', false],
    ['中通快递', '73100000000001', true],
    ['中通快递', '13100000000001', false],
    ['圆通速递', 'YT1234567890123', true],
    ['圆通速递', 'YT12', false],
    ['申通快递', '7700000000001', true],
    ['申通快递', '8800000000001', false],
    ['韵达快递', '4312345678901', true],
    ['韵达快递', '43123456789', false],
    ['京东物流', 'JDVA00000000001', true],
    ['京东物流', 'VA00000000001', false],
    ['EMS', 'EA123456789CN', true],
    ['EMS', 'EA12345678CN', false],
    ['极兔速递', 'JT1234567890123', true],
    ['极兔速递', 'JT123', false],
    ['UPS', '1Z999AA10123456784', true],
    ['UPS', '1Z999AA1012345678', false],
    ['USPS', '9400100000000000000000', true],
    ['USPS', '940010000000', false],
    ['FedEx', '123456789012', true],
    ['FedEx', '12345678901', false],
    ['DHL', '1234567890', true],
    ['DHL', 'ABCDEFGHIJ', false],
    ['Royal Mail', 'AB123456789GB', true],
    ['Royal Mail', 'AB123456789CN', false],
    ['EasyPost Test', 'EZ1000000001', true],
  ];
  it.each(cases)('%s %s → %s', (carrier, number, ok) => {
    expect(checkTrackingNumber(carrier, number).ok).toBe(ok);
  });

  it('every carrier’s example fits its own format', () => {
    for (const f of CARRIER_FORMATS) expect(f.pattern.test(f.example), f.code).toBe(true);
  });

  it('leaves unknown carriers and bare abbreviations alone (their numbers pass as typed)', () => {
    expect(checkTrackingNumber('SF', 'SF-5')).toEqual({ ok: true, trackingNumber: 'SF-5', carrier: null });
    expect(checkTrackingNumber('Evri', ' H0123 ')).toEqual({ ok: true, trackingNumber: 'H0123', carrier: null });
  });

  it('names the example of a number that does not fit', () => {
    expect(checkTrackingNumber('顺丰', 'SF1')).toMatchObject({ ok: false, code: 'tracking.invalid_number', example: 'SF1234567890123' });
    expect(recogniseCarrier(' sf express ')?.code).toBe('shunfeng');
  });

  it('normalising is idempotent and survives spaces and hyphens a buyer adds', () => {
    fc.assert(
      fc.property(fc.constantFrom(...CARRIER_FORMATS), fc.array(fc.nat({ max: 30 }), { maxLength: 4 }), fc.constantFrom(' ', '-', '  '), (f, cuts, sep) => {
        let typed = f.example.toLowerCase();
        for (const cut of [...cuts].sort((a, b) => b - a)) typed = typed.slice(0, cut) + sep + typed.slice(cut);
        const once = normaliseTrackingNumber(typed);
        expect(normaliseTrackingNumber(once)).toBe(once);
        expect(checkTrackingNumber(f.names[0]!, typed)).toMatchObject({ ok: true, trackingNumber: f.example });
      }),
    );
  });
});

describe('carrier scan codes', () => {
  it('maps Kuaidi100 states and resultv2 sub-states', () => {
    expect(kuaidi100Status('1')).toBe('picked_up');
    expect(kuaidi100Status('0')).toBe('in_transit');
    expect(kuaidi100Status('3')).toBe('delivered');
    expect(kuaidi100Status('4')).toBe('returned_to_sender');
    expect(kuaidi100Status('6')).toBe('returned_to_sender');
    expect(kuaidi100Status('14')).toBe('returned_to_sender');
    expect(kuaidi100Status('2')).toBe('exception');
    expect(kuaidi100Status('205')).toBe('exception');
    expect(kuaidi100Status('1002')).toBe('in_transit');
    expect(kuaidi100Status('413')).toBe('intercepted');
    expect(kuaidi100Status('12')).toBe('in_transit');
  });

  it('maps EasyPost tracker statuses', () => {
    expect(easypostStatus('pre_transit')).toBe('info_received');
    expect(easypostStatus('in_transit', 'arrived_at_origin')).toBe('picked_up');
    expect(easypostStatus('in_transit')).toBe('in_transit');
    expect(easypostStatus('delivered')).toBe('delivered');
    expect(easypostStatus('return_to_sender')).toBe('returned_to_sender');
    expect(easypostStatus('failure')).toBe('exception');
    expect(easypostStatus('failure', 'lost')).toBe('lost');
  });
});

describe('what a scan does to its case', () => {
  const ret: TrackedParcel = { direction: 'return', interception: null, delivered: false };
  const out: TrackedParcel = { direction: 'outbound', interception: 'requested', delivered: false };
  const approved: TrackedCase = { status: 'approved', type: 'return_refund', refundOnlyKind: null };
  const inTransit: TrackedCase = { ...approved, status: 'in_transit' };
  const intercepting: TrackedCase = { status: 'approved', type: 'refund_only', refundOnlyKind: 'in_transit' };

  it('a pickup scan moves an approved return to in_transit, once', () => {
    expect(trackingEffects(ret, approved, 'picked_up')).toEqual(['mark_shipped']);
    expect(trackingEffects(ret, inTransit, 'picked_up')).toEqual([]);
    expect(trackingEffects(ret, approved, 'info_received')).toEqual([]);
  });

  it('delivery makes the parcel ready to receive (moving it first if the buyer never said)', () => {
    expect(trackingEffects(ret, inTransit, 'delivered')).toEqual(['receipt_ready']);
    expect(trackingEffects(ret, approved, 'delivered')).toEqual(['mark_shipped', 'receipt_ready']);
    expect(trackingEffects({ ...ret, delivered: true }, inTransit, 'delivered')).toEqual([]);
    expect(trackingEffects(ret, { ...inTransit, status: 'received' }, 'delivered')).toEqual([]);
  });

  it('returned to sender, lost and stuck parcels go to review', () => {
    for (const s of ['returned_to_sender', 'lost', 'exception'] as const) expect(trackingEffects(ret, inTransit, s)).toEqual(['review']);
  });

  it('an interception succeeds on the carrier’s word or the parcel heading back, and fails on delivery', () => {
    expect(trackingEffects(out, intercepting, 'intercepted')).toEqual(['intercepted']);
    expect(trackingEffects(out, intercepting, 'returned_to_sender')).toEqual(['intercepted']);
    expect(trackingEffects(out, intercepting, 'delivered')).toEqual(['interception_failed']);
    expect(trackingEffects(out, intercepting, 'in_transit')).toEqual([]);
    expect(trackingEffects({ ...out, interception: 'failed' }, intercepting, 'intercepted')).toEqual([]);
    expect(trackingEffects(out, { ...intercepting, status: 'refund_pending' }, 'intercepted')).toEqual([]);
  });

  it('a scan never does two contradictory things', () => {
    const statuses = ['info_received', 'picked_up', 'in_transit', 'out_for_delivery', 'delivered', 'returned_to_sender', 'exception', 'lost', 'intercepted'] as const;
    fc.assert(
      fc.property(
        fc.constantFrom(ret, out, { ...out, interception: 'manual' as const }),
        fc.constantFrom(approved, inTransit, intercepting),
        fc.constantFrom(...statuses),
        (p, c, s) => {
          const effects = trackingEffects(p, c, s);
          expect(effects.includes('intercepted') && effects.includes('interception_failed')).toBe(false);
          expect(effects.includes('review') && effects.length > 1).toBe(false);
          if (p.direction === 'outbound') expect(effects.every((e) => e !== 'mark_shipped' && e !== 'receipt_ready')).toBe(true);
        },
      ),
    );
  });
});

describe('pickup orders', () => {
  it('maps Kuaidi100 商家寄件 states, one row per code', () => {
    const rows: [string, string | null][] = [
      ['0', 'submitted'],
      ['1', 'accepted'],
      ['2', 'courier_assigned'],
      ['10', 'picked_up'],
      ['101', 'picked_up'],
      ['13', 'picked_up'],
      ['9', 'cancelled'],
      ['99', 'cancelled'],
      ['11', 'failed'],
      ['610', 'failed'],
      ['15', null],
      ['155', null],
    ];
    for (const [code, status] of rows) expect([code, kuaidi100PickupStatus(code)]).toEqual([code, status]);
  });

  it('moves a pickup forward only, once', () => {
    expect(pickupAdvances(undefined, 'accepted')).toBe(true);
    expect(pickupAdvances('accepted', 'courier_assigned')).toBe(true);
    expect(pickupAdvances('courier_assigned', 'accepted')).toBe(false);
    expect(pickupAdvances('courier_assigned', 'courier_assigned')).toBe(false);
    expect(pickupAdvances('courier_assigned', 'cancelled')).toBe(true);
    expect(pickupAdvances('picked_up', 'cancelled')).toBe(false);
    expect(pickupAdvances('cancelled', 'picked_up')).toBe(false);
  });
});
