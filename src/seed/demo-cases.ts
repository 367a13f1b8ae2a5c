import { Readable } from 'node:stream';
import type { Actor, CaseAction, CaseStatus, CaseType } from '../domain/cases/model.js';
import { allowedActions } from '../domain/cases/state-machine.js';
import { casesRepo, type CaseRow } from '../db/repos/cases-repo.js';
import { consoleDemoRepo, type DemoOrderCandidate } from '../db/repos/console-demo-repo.js';
import { refundsRepo } from '../db/repos/refunds-repo.js';
import type { ShopRow } from '../db/repos/shops-repo.js';
import { staffRepo } from '../db/repos/staff-repo.js';
import type { ServiceContext } from '../services/context.js';
import { uploadEvidence } from '../services/cases/evidence/evidence.js';
import { confirmManualRefund } from '../services/cases/refunds/confirm-refund.js';
import { snapshotOf } from '../services/cases/case-transition.js';
import { createCase } from '../services/cases/create-case.js';
import { performAction } from '../services/cases/perform-action.js';
import { demoPhoto } from './demo-photos.js';
import { Random } from './random.js';

/**
 * A day's after-sales work for the demo shop: cases in every state a console user meets,
 * created and moved through the real services by the demo staff and buyers, at realistic
 * moments of the last weeks (each service call runs on a clock set to its moment). The same
 * seed and clock give the same cases.
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

type Target =
  | 'requested'
  | 'approved'
  | 'in_transit'
  | 'received'
  | 'inspected'
  | 'refund_pending'
  | 'completed'
  | 'offer_pending'
  | 'rejected'
  | 'escalated'
  | 'closed'
  | 'cancelled'
  | 'exchange_pending';

interface Scenario {
  target: Target;
  type: CaseType;
  reason: string;
  /** Hours between the request and now. */
  age: number;
  talk?: boolean;
}

/** Buyer-fault reasons need the 7-day window and a returnable item; the others take 14 days. */
const BUYER_FAULT = new Set(['no_reason', 'wrong_size', 'no_longer_needed']);
const QUALITY = new Set(['quality_issue', 'not_as_described', 'counterfeit', 'wrong_item', 'expired', 'damaged_in_transit']);

const rr = (target: Target, reason: string, age: number, talk = false): Scenario => ({ target, type: 'return_refund', reason, age, talk });

/** The demo's cases: what a seller's after-sales team has on its plate on an ordinary day. */
const SCENARIOS: readonly Scenario[] = [
  // Waiting for a decision: fresh requests, a few close to the 5-day answer deadline.
  rr('requested', 'no_reason', 2),
  rr('requested', 'quality_issue', 5, true),
  rr('requested', 'wrong_size', 9),
  rr('requested', 'not_as_described', 20, true),
  rr('requested', 'no_reason', 30),
  rr('requested', 'wrong_item', 104),
  rr('requested', 'damaged_in_transit', 110, true),
  { target: 'requested', type: 'refund_only', reason: 'missing_parts', age: 7 },
  { target: 'requested', type: 'partial_refund', reason: 'quality_issue', age: 26, talk: true },
  { target: 'requested', type: 'refund_only', reason: 'not_received', age: 3 },
  // Approved, waiting for the buyer to send the goods back.
  rr('approved', 'wrong_size', 40),
  rr('approved', 'no_reason', 70),
  rr('approved', 'quality_issue', 96),
  { target: 'approved', type: 'refund_only', reason: 'no_longer_needed', age: 12 },
  // On their way back: the warehouse scans these.
  rr('in_transit', 'no_reason', 60),
  rr('in_transit', 'wrong_size', 80),
  rr('in_transit', 'quality_issue', 90, true),
  rr('in_transit', 'not_as_described', 120),
  rr('in_transit', 'no_reason', 140),
  rr('in_transit', 'wrong_item', 200),
  // Arrived; one has waited past the 7-day refund deadline.
  rr('received', 'wrong_size', 100),
  rr('received', 'quality_issue', 150, true),
  rr('received', 'no_reason', 130),
  rr('received', 'not_as_described', 290),
  // Inspected, waiting for a manager to refund.
  rr('inspected', 'no_reason', 160),
  rr('inspected', 'quality_issue', 180, true),
  rr('inspected', 'wrong_size', 170),
  // Refunds sent, waiting for the manual payment to be confirmed.
  rr('refund_pending', 'no_reason', 200),
  { target: 'refund_pending', type: 'refund_only', reason: 'missing_parts', age: 30 },
  { target: 'refund_pending', type: 'partial_refund', reason: 'not_as_described', age: 50, talk: true },
  // Negotiation and disputes.
  { target: 'offer_pending', type: 'return_refund', reason: 'quality_issue', age: 28, talk: true },
  { target: 'offer_pending', type: 'return_refund', reason: 'not_as_described', age: 60 },
  rr('rejected', 'no_reason', 34, true),
  rr('rejected', 'quality_issue', 75),
  rr('escalated', 'quality_issue', 120, true),
  rr('escalated', 'not_as_described', 150),
  { target: 'exchange_pending', type: 'reship', reason: 'missing_parts', age: 18 },
  // Done in the last weeks (they feed the buyer histories and the quality refund rate).
  rr('completed', 'no_reason', 260),
  rr('completed', 'wrong_size', 330),
  rr('completed', 'no_reason', 420),
  rr('completed', 'quality_issue', 760, true),
  rr('completed', 'not_as_described', 900),
  rr('completed', 'wrong_item', 1010),
  { target: 'completed', type: 'refund_only', reason: 'missing_parts', age: 230 },
  // Refunded within the last hours: today's refunds on the Today page.
  { target: 'completed', type: 'refund_only', reason: 'missing_parts', age: 7 },
  { target: 'completed', type: 'refund_only', reason: 'damaged_in_transit', age: 10 },
  { target: 'completed', type: 'partial_refund', reason: 'quality_issue', age: 820 },
  { target: 'completed', type: 'reship', reason: 'missing_parts', age: 380 },
  rr('cancelled', 'no_reason', 90),
  rr('cancelled', 'wrong_size', 250),
  rr('closed', 'no_reason', 560),
];

type Who = 'buyer' | 'agent' | 'warehouse' | 'owner';
type Step = { action: CaseAction | 'confirm'; who: Who; hours: number };

const RETURN_PATH: Step[] = [
  { action: 'approve', who: 'agent', hours: 3 },
  { action: 'buyer_shipped', who: 'buyer', hours: 18 },
  { action: 'receive', who: 'warehouse', hours: 40 },
  { action: 'inspect', who: 'warehouse', hours: 3 },
  { action: 'refund', who: 'owner', hours: 4 },
  { action: 'confirm', who: 'owner', hours: 2 },
];
const RETURN_DEPTH: Partial<Record<Target, number>> = { approved: 1, in_transit: 2, received: 3, inspected: 4, refund_pending: 5, completed: 6 };

function stepsFor(s: Scenario): Step[] {
  const agent = (action: CaseAction, hours: number): Step => ({ action, who: 'agent', hours });
  switch (s.target) {
    case 'requested':
      return [];
    case 'offer_pending':
      return [agent('offer_partial', 5)];
    case 'rejected':
      return [agent('reject', 6)];
    case 'escalated':
      return [agent('reject', 6), { action: 'escalate', who: 'buyer', hours: 20 }];
    case 'closed':
      return [agent('reject', 6), { action: 'escalate', who: 'buyer', hours: 20 }, { action: 'resolve', who: 'owner', hours: 48 }];
    case 'cancelled':
      return [{ action: 'cancel', who: 'buyer', hours: 8 }];
    case 'exchange_pending':
      return [agent('approve', 2)];
    default:
      break;
  }
  if (s.type === 'reship') return [agent('approve', 2), { action: 'ship_replacement', who: 'warehouse', hours: 20 }];
  if (s.type !== 'return_refund') return s.target === 'approved' ? [agent('approve', 2)] : [agent('approve', 2), ...(s.target === 'completed' ? [{ action: 'confirm', who: 'owner', hours: 20 } as Step] : [])];
  return RETURN_PATH.slice(0, RETURN_DEPTH[s.target] ?? 0);
}

const ms = (d: Date | string | null) => (d === null ? null : new Date(d).getTime());

interface Chosen {
  scenario: Scenario;
  order: DemoOrderCandidate;
  lineId: string;
  quantity: number;
  requestedAt: number;
  reason: string;
}

/** An order and line the scenario's request is eligible for at its moment: a fresh order first, else another line of a used one. */
async function choose(ctx: ServiceContext, shop: ShopRow, s: Scenario, candidates: DemoOrderCandidate[], used: Used, now: number): Promise<Chosen | null> {
  const requestedAt = now - s.age * HOUR;
  const intercept = s.type === 'refund_only' && s.reason === 'no_longer_needed';
  const windowDays = BUYER_FAULT.has(s.reason) ? 6 : 13;
  const fits = (order: DemoOrderCandidate) => {
    if (order.number.startsWith('DEMO') || ms(order.paid_at)! > requestedAt - HOUR) return false;
    const delivered = ms(order.delivered_at);
    const shipped = ms(order.shipped_at);
    // A refund before delivery: the parcel is still with the carrier (interception), or lost on the way.
    if (intercept) return delivered === null && shipped !== null && shipped < requestedAt - HOUR;
    if (s.reason === 'not_received') return delivered === null && shipped !== null && shipped < requestedAt - 2 * DAY;
    return delivered !== null && delivered < requestedAt - 6 * HOUR && delivered > requestedAt - windowDays * DAY;
  };
  for (const fresh of [true, false]) {
    for (const order of candidates) {
      if (used.orders.has(order.id) === fresh || !fits(order)) continue;
      const lines = await casesRepo.linesWithFlags(ctx.db, shop.id, order.id);
      const line = lines.find(
        (l) => !used.lines.has(l.id) && !l.digital && !(BUYER_FAULT.has(s.reason) && (l.custom_made || l.perishable || l.hygiene || l.final_sale)),
      );
      if (!line) continue;
      used.orders.add(order.id);
      used.lines.add(line.id);
      return { scenario: s, order, lineId: line.id, quantity: line.quantity > 1 && s.type === 'return_refund' && s.age % 3 === 0 ? 2 : 1, requestedAt, reason: s.reason };
    }
  }
  return null;
}

interface Used {
  orders: Set<string>;
  lines: Set<string>;
}

const TEXTS = {
  'zh-CN': {
    buyer: ['收到的商品和图片不一样，麻烦尽快处理，谢谢。', '已经拍了照片，请查看。', '请问什么时候可以退款？'],
    reply: ['您好，已收到您的申请，我们会在24小时内处理。', '抱歉给您带来不便，已为您加急处理。'],
    note: ['买家是老客户，优先处理。', '与仓库确认过，该批次有少量瑕疵品。'],
    reject: '商品已使用且吊牌已剪，影响二次销售，无法办理无理由退货。',
    escalate: '商家拒绝不合理，申请平台介入。',
    offer: '补偿您部分款项，商品无需退回，您看可以吗？',
    resolve: '平台核实后支持商家：商品有明显使用痕迹。',
    cancel: '不退了，已经找到合适的用法。',
  },
  en: {
    buyer: ['The item does not look like the pictures, please help.', 'I have attached photos of the problem.', 'When will I get my refund?'],
    reply: ['Hello, we have your request and will handle it within 24 hours.', 'Sorry for the trouble, we are on it.'],
    note: ['Repeat customer, handle first.', 'Warehouse confirms a few faulty units in this batch.'],
    reject: 'The item has been worn and the tags removed, so it cannot be returned without a fault.',
    escalate: "I disagree with the seller's refusal and ask the platform to decide.",
    offer: 'We can refund part of the price and you keep the item. Would that work?',
    resolve: 'The platform sided with the seller: the item shows clear signs of use.',
    cancel: 'I will keep it after all.',
  },
} as const;

export interface DemoCasesResult {
  cases: number;
  byStatus: Partial<Record<CaseStatus, number>>;
}

/** Seeds the demo shop's cases (after its orders). Deterministic for a given seed and clock. */
export async function seedDemoCases(ctx: ServiceContext, shop: ShopRow, seed: number): Promise<DemoCasesResult> {
  const now = ctx.clock.now().getTime();
  const r = new Random(seed * 7919 + 17);
  const staff = new Map((await staffRepo.list(ctx.db, shop.id)).map((s) => [s.role, s.id]));
  const actors: Record<Who, Actor> = {
    buyer: { kind: 'buyer' },
    agent: { kind: 'staff', role: 'agent', id: staff.get('agent') ?? staff.get('owner')! },
    warehouse: { kind: 'staff', role: 'warehouse', id: staff.get('warehouse') ?? staff.get('owner')! },
    owner: { kind: 'staff', role: 'owner', id: staff.get('owner')! },
  };
  const candidates = await consoleDemoRepo.candidateOrders(ctx.db, shop.id);
  const used: Used = { orders: new Set(), lines: new Set() };
  const chosen: Chosen[] = [];
  for (const s of SCENARIOS) {
    const c = await choose(ctx, shop, s, candidates, used, now);
    if (c) chosen.push(c);
  }
  chosen.sort((a, b) => a.requestedAt - b.requestedAt);

  let transit = 0;
  let photos = 0;
  const byStatus: Partial<Record<CaseStatus, number>> = {};
  for (const c of chosen) {
    const at = (t: number) => ({ ...ctx, clock: { now: () => new Date(Math.min(t, now - 60_000)) } });
    const texts = c.order.locale === 'en' ? TEXTS.en : TEXTS['zh-CN'];
    let t = c.requestedAt;
    let kase: CaseRow;
    try {
      kase = await createCase(
        at(t),
        shop.id,
        {
          orderId: c.order.id,
          type: c.scenario.type,
          items: [{ lineId: c.lineId, quantity: c.quantity, reasonCode: c.reason, condition: BUYER_FAULT.has(c.reason) ? r.pick(['unopened', 'opened'] as const) : 'damaged' }],
          requestedAmountMinor: c.scenario.type === 'partial_refund' ? 1500 + r.int(0, 30) * 100 : undefined,
          note: c.scenario.talk ? texts.buyer[0] : undefined,
        },
        actors.buyer,
      );
    } catch {
      continue; // the policy refused this one at its moment: the demo simply has one case fewer
    }
    if (QUALITY.has(c.reason)) {
      await attachPhoto(at(t + 60_000), shop.id, kase.id, photos++, 'claim', actors.buyer);
    }
    if (c.scenario.talk) {
      t += 0.5 * HOUR;
      kase = await performAction(at(t), shop.id, kase.id, 'message', actors.buyer, { body: texts.buyer[r.int(1, 2)]! });
      t += 0.4 * HOUR;
      kase = await performAction(at(t), shop.id, kase.id, 'message', actors.agent, { body: texts.reply[r.int(0, 1)]! });
      kase = await performAction(at(t + 60_000), shop.id, kase.id, 'note', actors.agent, { body: texts.note[r.int(0, 1)]! });
    }
    const steps = stepsFor(c.scenario);
    // Spread the steps over the case's life, keeping the last one before now.
    const nominal = steps.reduce((a, s) => a + s.hours, 0);
    const scale = nominal === 0 ? 1 : Math.min(1, (now - t - HOUR) / (nominal * HOUR));
    for (const step of steps) {
      t += step.hours * HOUR * scale;
      kase = await runStep(at(t), shop, kase, step, actors, texts, r, () => transit++);
      if (step.action === 'inspect' && QUALITY.has(c.reason)) await attachPhoto(at(t), shop.id, kase.id, photos++, 'inspection', actors.warehouse);
    }
    byStatus[kase.status] = (byStatus[kase.status] ?? 0) + 1;
  }
  return { cases: Object.values(byStatus).reduce((a, n) => a + n, 0), byStatus };
}

async function attachPhoto(ctx: ServiceContext, shopId: string, caseId: string, n: number, purpose: 'claim' | 'inspection', actor: Actor) {
  await uploadEvidence(ctx, shopId, caseId, { stream: Readable.from([demoPhoto(n, purpose)]), filename: `${purpose}-${n}.png` }, { purpose }, actor);
}

async function runStep(
  ctx: ServiceContext,
  shop: ShopRow,
  c: CaseRow,
  step: Step,
  actors: Record<Who, Actor>,
  texts: (typeof TEXTS)[keyof typeof TEXTS],
  r: Random,
  nextTransit: () => number,
): Promise<CaseRow> {
  const actor = actors[step.who];
  if (step.action === 'confirm') {
    for (const refund of await refundsRepo.ofCase(ctx.db, shop.id, c.id)) {
      if (refund.status === 'pending' && refund.provider === 'manual') await confirmManualRefund(ctx, shop.id, refund.id, `ALIPAY-${r.digits(16)}`);
    }
    return (await casesRepo.findById(ctx.db, shop.id, c.id))!;
  }
  const allowed = allowedActions(snapshotOf(c), actor);
  let action: CaseAction = step.action;
  // Automation may have moved the case already (auto-approval, fast refund): follow what is allowed.
  if (!allowed.includes(action)) {
    if (action === 'refund' && allowed.includes('complete')) action = 'complete';
    else return c;
  }
  const items = await casesRepo.itemsOf(ctx.db, shop.id, c.id);
  const quality = items.some((i) => QUALITY.has(i.reasonCode));
  switch (action) {
    case 'approve':
      return performAction(ctx, shop.id, c.id, 'approve', actor, {});
    case 'buyer_shipped': {
      const n = nextTransit();
      const carrier = n % 3 === 2 ? 'ZTO' : 'SF';
      const trackingNumber = carrier === 'SF' ? `SF${7000000000001 + n}` : `7${String(3100000000001 + n)}`;
      return performAction(ctx, shop.id, c.id, 'buyer_shipped', actor, { carrier, trackingNumber });
    }
    case 'receive':
      return performAction(ctx, shop.id, c.id, 'receive', actor, {});
    case 'inspect':
      return performAction(ctx, shop.id, c.id, 'inspect', actor, {
        items: items.map((i) => ({
          itemId: i.id,
          acceptedQuantity: i.receivedQuantity ?? i.quantity,
          defectiveQuantity: quality ? (i.receivedQuantity ?? i.quantity) : 0,
          grade: quality ? r.pick(['C', 'D'] as const) : r.pick(['A', 'A', 'B'] as const),
          disposition: quality ? r.pick(['refurbish', 'return_to_vendor', 'scrap'] as const) : ('restock' as const),
          note: quality ? (texts === TEXTS.en ? 'Defect confirmed on arrival' : '到货确认存在质量问题') : undefined,
        })),
      });
    case 'refund':
      return performAction(ctx, shop.id, c.id, 'refund', actor, {});
    case 'complete':
      return performAction(ctx, shop.id, c.id, 'complete', actor, {});
    case 'offer_partial':
      return performAction(ctx, shop.id, c.id, 'offer_partial', actor, { amountMinor: Math.max(100, Math.floor(c.breakdown.refundMinor * 0.3)), message: texts.offer });
    case 'reject':
      return performAction(ctx, shop.id, c.id, 'reject', actor, { reasonCode: quality ? 'missing_evidence' : 'used_or_damaged', reason: texts.reject });
    case 'escalate':
      return performAction(ctx, shop.id, c.id, 'escalate', actor, { reason: texts.escalate });
    case 'resolve':
      return performAction(ctx, shop.id, c.id, 'resolve', actor, { outcome: 'reject', note: texts.resolve });
    case 'cancel':
      return performAction(ctx, shop.id, c.id, 'cancel', actor, { reason: texts.cancel });
    case 'ship_replacement':
      return performAction(ctx, shop.id, c.id, 'ship_replacement', actor, { carrier: 'SF', trackingNumber: `SF${8000000000001 + r.int(0, 99999)}` });
    default:
      return c;
  }
}
