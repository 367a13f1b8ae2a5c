import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CASE_STATUSES, CASE_TYPES } from '../cases/model.js';
import { marketplaceDeadline } from './deadlines.js';
import { pushDecision } from './decisions.js';
import { DOUYIN_STATUSES, DOUYIN_TYPES, JD_STATUSES, JD_TYPES, PDD_SPEED_REFUND, PDD_STATUSES, PDD_TYPES, platformWins, retourStatus, statusRow, TAOBAO_STATUSES, TAOBAO_TYPES, typeRow, type Neutral, type StatusRow, type TypeRow } from './mapping.js';
import { reasonCodeFor } from './reasons.js';
import { chinaMarketplacePreset } from '../policy/presets.js';

/** One row per platform code (issue 17, point 2): [code, neutral state, confidence], as in marketplace-rules.md §6. */
const expectStatuses = (table: readonly StatusRow[], rows: [string | number, Neutral | null, string][]) => {
  expect(table.map((r) => r.code).sort()).toEqual(rows.map(([c]) => String(c)).sort());
  for (const [code, neutral, confidence] of rows) expect(table.find((r) => r.code === String(code)), String(code)).toMatchObject({ neutral, confidence });
};
const expectTypes = (table: readonly TypeRow[], rows: [string | number, string | null, string | undefined, string][]) => {
  expect(table.map((r) => r.code).sort()).toEqual(rows.map(([c]) => String(c)).sort());
  for (const [code, type, kind, confidence] of rows) {
    const row = table.find((r) => r.code === String(code))!;
    expect(row, String(code)).toMatchObject({ type, confidence });
    expect(row.refundOnlyKind, String(code)).toBe(kind);
  }
};

describe('marketplace status and type tables', () => {
  it.each([
    ['WAIT_SELLER_AGREE', 'requested', 'H'],
    ['WAIT_BUYER_RETURN_GOODS', 'awaiting_return', 'H'],
    ['WAIT_SELLER_CONFIRM_GOODS', 'in_transit', 'H'],
    ['SELLER_REFUSE_BUYER', 'rejected', 'H'],
    ['CLOSED', 'closed', 'H'],
    ['SUCCESS', 'refunded', 'H'],
  ] as const)('Taobao %s → %s (%s)', (code, neutral, confidence) => expect(statusRow('taobao', code)).toMatchObject({ neutral, confidence }));

  it('Taobao: every status and type, and nothing else', () => {
    expectStatuses(TAOBAO_STATUSES, [['WAIT_SELLER_AGREE', 'requested', 'H'], ['WAIT_BUYER_RETURN_GOODS', 'awaiting_return', 'H'], ['WAIT_SELLER_CONFIRM_GOODS', 'in_transit', 'H'], ['SELLER_REFUSE_BUYER', 'rejected', 'H'], ['CLOSED', 'closed', 'H'], ['SUCCESS', 'refunded', 'H']]);
    expectTypes(TAOBAO_TYPES, [['has_good_return=true', 'return_refund', undefined, 'H'], ['not_shipped', 'refund_only', 'not_shipped', 'H'], ['BUYER_NOT_RECEIVED', 'refund_only', 'in_transit', 'H'], ['BUYER_RECEIVED', 'refund_only', 'delivered_keep', 'H']]);
  });

  it('Pinduoduo: after_sales_status, after_sales_type 2–6 and speed_refund_status', () => {
    expectStatuses(PDD_STATUSES, [
      [0, null, 'H'], [2, 'requested', 'H'], [3, 'requested', 'H'], [4, 'approved', 'H'], [5, 'approved', 'H'], [6, 'rejected', 'H'], [7, 'awaiting_return', 'H'], [8, 'escalated', 'H'],
      [9, 'closed', 'H'], [10, 'refunded', 'H'], [11, 'closed', 'H'], [12, 'closed', 'H'], [13, 'closed', 'H'], [14, 'requested', 'H'], [15, 'awaiting_return', 'H'], [16, 'resolved', 'H'],
      [17, 'closed', 'H'], [18, 'replacement', 'L'], [21, 'requested', 'H'], [22, 'awaiting_return', 'H'], [24, 'closed', 'H'], [25, 'resolved', 'H'], [27, 'replacement', 'H'],
      [31, 'approved', 'H'], [32, 'approved', 'H'], [33, 'approved', 'H'],
    ]);
    expectTypes(PDD_TYPES, [[2, 'refund_only', undefined, 'H'], [3, 'return_refund', undefined, 'H'], [4, 'exchange', undefined, 'H'], [5, 'reship', undefined, 'H'], [6, null, undefined, 'H']]);
    expectStatuses(PDD_SPEED_REFUND, [['1', null, 'H'], ['2', null, 'H'], ['3', 'refunded', 'H']]);
  });

  it('JD: pre-shipment refund applications and service orders', () => {
    expectStatuses(JD_STATUSES, [
      ['refund:0', 'requested', 'H'], ['refund:1', 'approved', 'H'], ['refund:2', 'rejected', 'H'], ['refund:3', 'refunded', 'H'], ['refund:4', 'rejected', 'H'], ['refund:5', 'approved', 'H'],
      ['refund:6', 'refunded', 'H'], ['refund:7', 'approved', 'H'], ['refund:8', 'requested', 'H'], ['refund:9', 'refunded', 'H'], ['refund:10', 'requested', 'H'], ['refund:11', 'closed', 'H'],
      ['refund:16', 'approved', 'M'], ['refund:17', 'awaiting_return', 'M'], ['refund:18', 'closed', 'M'], ['refund:19', 'escalated', 'M'], ['refund:27', 'approved', 'M'],
      ['service:10000', 'requested', 'M'], ['service:10001', 'requested', 'M'], ['service:10002', 'requested', 'M'], ['service:10012', 'requested', 'M'], ['service:10013', 'requested', 'M'],
      ['service:10004', 'closed', 'M'], ['service:10005', 'in_transit', 'M'], ['service:10006', 'received', 'M'], ['service:10007', 'received', 'M'], ['service:10009', 'inspected', 'M'],
      ['service:10041', 'inspected', 'M'], ['service:10010', 'closed', 'M'], ['service:10011', 'closed', 'M'], ['service:1100', null, 'M'], ['service:12000', null, 'M'], ['service:13000', null, 'M'], ['service:14000', null, 'M'],
    ]);
    expectTypes(JD_TYPES, [['refund', 'refund_only', 'not_shipped', 'H'], ['service:10', 'return_refund', undefined, 'U'], ['service:20', 'exchange', undefined, 'U'], ['service:30', null, undefined, 'U']]);
  });

  it('Douyin: aftersale_status and aftersale_type', () => {
    expectStatuses(DOUYIN_STATUSES, [[6, 'requested', 'H'], [7, 'awaiting_return', 'H'], [8, 'replacement', 'H'], [11, 'in_transit', 'M'], [12, 'refunded', 'H'], [13, 'replacement', 'H'], [14, 'resolved', 'H'], [27, 'rejected', 'H'], [28, 'closed', 'H'], [29, 'rejected', 'H'], [3, 'replacement', 'M']]);
    expectTypes(DOUYIN_TYPES, [[0, 'return_refund', undefined, 'H'], [1, 'refund_only', 'in_transit', 'H'], [2, 'refund_only', 'not_shipped', 'H'], [3, 'exchange', undefined, 'H'], [6, null, undefined, 'H'], [7, 'reship', undefined, 'H'], [8, null, undefined, 'H']]);
  });

  it('unknown codes map to nothing', () => {
    expect(statusRow('taobao', 'NO_SUCH')).toBeUndefined();
    expect(typeRow('pinduoduo', 1)).toBeUndefined();
  });
});

describe('neutral state → Retour status', () => {
  it('approval lands where Retour’s own approve would, per type', () => {
    expect(retourStatus('approved', 'refund_only', 'not_shipped')).toBe('refund_pending');
    expect(retourStatus('approved', 'refund_only', 'in_transit')).toBe('approved');
    expect(retourStatus('awaiting_return', 'return_refund', null)).toBe('approved');
    expect(retourStatus('approved', 'reship', null)).toBe('exchange_pending');
    expect(retourStatus('refunded', 'return_refund', null)).toBe('completed');
    expect(retourStatus('closed', 'exchange', null)).toBe('closed');
  });

  it('property: the platform wins whenever the two differ and Retour has not moved since (unless Retour completed and the platform only lags); never when they agree', () => {
    const lagging = new Set(['requested', 'approved', 'in_transit', 'received', 'inspected', 'refund_pending', 'exchange_pending']);
    fc.assert(
      fc.property(fc.constantFrom(...CASE_STATUSES), fc.constantFrom(...CASE_STATUSES), fc.boolean(), (mine, theirs, moved) => {
        const wins = platformWins(mine, theirs, moved);
        if (mine === theirs) return !wins;
        if (mine === 'completed' && lagging.has(theirs)) return !wins;
        if (!moved) return wins;
        return true;
      }),
    );
  });

  it('a platform lagging Retour’s unpushed decision does not undo it; a terminal platform state does', () => {
    expect(platformWins('approved', 'requested', true)).toBe(false);
    expect(platformWins('approved', 'closed', true)).toBe(true);
    expect(platformWins('approved', 'requested', false)).toBe(true);
  });

  it('a case Retour completed (refunded through the platform) is not reopened by a platform state short of the end; a terminal or side state still wins', () => {
    for (const lagging of ['requested', 'approved', 'in_transit', 'received', 'inspected', 'refund_pending', 'exchange_pending'] as const) expect(platformWins('completed', lagging, false), lagging).toBe(false);
    expect(platformWins('completed', 'closed', false)).toBe(true);
    expect(platformWins('completed', 'escalated', false)).toBe(true);
  });
});

describe('deadlines', () => {
  const at = new Date('2026-11-01T00:00:00Z');
  const d = chinaMarketplacePreset.marketplaceDeadlines;
  it('the platform’s own deadline always wins', () => {
    const own = new Date('2026-11-02T03:00:00Z');
    expect(marketplaceDeadline('taobao', { status: 'requested', type: 'refund_only', refundOnlyKind: 'not_shipped' }, own, at, d)).toEqual({ dueAt: own, source: 'platform', rule: 'marketplace.taobao.deadline' });
  });
  it.each([
    ['refund_only', 'not_shipped', 24, 'unshipped_refund'],
    ['refund_only', 'in_transit', 36, 'shipped_not_received_refund'],
    ['return_refund', null, 48, 'seller_response'],
  ] as const)('Taobao preset: %s/%s → %i h', (type, kind, hours, rule) => {
    expect(marketplaceDeadline('taobao', { status: 'requested', type, refundOnlyKind: kind }, null, at, d)).toEqual({ dueAt: new Date(at.getTime() + hours * 3600_000), source: 'preset', rule: `marketplace.taobao.${rule}` });
  });
  it('no platform default and no per-case deadline: Retour’s own stands', () => {
    expect(marketplaceDeadline('douyin', { status: 'requested', type: 'return_refund', refundOnlyKind: null }, null, at, d)).toBeNull();
    expect(marketplaceDeadline('taobao', { status: 'completed', type: 'return_refund', refundOnlyKind: null }, null, at, d)).toBeNull();
  });
});

describe('decisions pushed', () => {
  const address = { name: '王仓管', phone: '0571', addressZh: '杭州市…', addressLatin: null, postalCode: '311121' };
  it('a refusal carries its reason; a return approval the address; money and internal steps push nothing here', () => {
    expect(pushDecision('requested', { status: 'rejected', type: 'return_refund', rejectionReason: '已使用', returnAddress: null })).toEqual({ action: 'refuse', reason: '已使用' });
    expect(pushDecision('requested', { status: 'approved', type: 'return_refund', rejectionReason: null, returnAddress: address })).toMatchObject({ action: 'agree_return', address: { address: '杭州市…' } });
    expect(pushDecision('requested', { status: 'approved', type: 'return_refund', rejectionReason: null, returnAddress: null }).action).toBe('blocked');
    for (const status of ['refund_pending', 'completed', 'received', 'inspected'] as const) expect(pushDecision('in_transit', { status, type: 'return_refund', rejectionReason: null, returnAddress: null })).toEqual({ action: 'none' });
  });
});

describe('reasons', () => {
  it('keywords pick the shop’s code; otherwise no-reason', () => {
    const reasons = chinaMarketplacePreset.reasons;
    expect(reasonCodeFor('质量问题', 'return_refund', reasons)).toBe('quality_issue');
    expect(reasonCodeFor('七天无理由退换货', 'return_refund', reasons)).toBe('no_reason');
    expect(reasonCodeFor(null, 'refund_only', reasons)).toBe('no_reason');
    for (const type of CASE_TYPES) expect(reasonCodeFor('whatever', type, reasons)).not.toBeNull();
  });
});
