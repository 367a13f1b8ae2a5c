import { CASE_TYPES, type CaseType } from '../cases/model.js';
import type { RefundMethod } from '../refunds/compute.js';
import type { Fault, Policy, Reason } from './schema.js';

/**
 * What evaluate() derives from a policy document once and reuses for every evaluation: the
 * reasons by code and, for each situation a line can be in, what the buyer may ask for.
 *
 * Cached per policy object in a WeakMap. Policies are versioned documents that are never edited
 * in place (a change is a new version), so an object's derived data never goes stale.
 */

/** Where the order stands, as far as after-sales go. */
export type Phase = 'not_shipped' | 'in_transit' | 'delivered' | 'cancelled';

/** What a line may be asked for in one situation: reasons, case types and evidence. */
export interface Offer {
  reasons: readonly string[];
  caseTypes: readonly CaseType[];
  evidenceRequiredFor: readonly string[];
}

export interface PolicyIndex {
  reasons: ReadonlyMap<string, Reason>;
  methods: ReadonlySet<RefundMethod>;
  /** Reasons automatic approval is limited to; null for all. */
  autoApproveReasons: ReadonlySet<string> | null;
  /** The case types `reason` may open in `phase` (empty: it cannot be given then). */
  caseTypesFor(reason: Reason, phase: Phase): readonly CaseType[];
  /** What a line may be asked for, given the phase and which windows are open for it. */
  offer(phase: Phase, noReasonOpen: boolean, sellerFaultOpen: boolean): Offer;
}

const isFault = (fault: Fault) => fault !== 'buyer';

/** Case types that need the goods in the buyer's hands: a reason declared for one of them presupposes delivery. */
const NEEDS_GOODS: ReadonlySet<CaseType> = new Set(['return_refund', 'exchange', 'reship', 'partial_refund']);

/** Case types each phase offers for a fault, before the reasons narrow them. */
export function phaseCaseTypes(policy: Policy, phase: Phase, fault: Fault): CaseType[] {
  switch (phase) {
    case 'cancelled':
      return [];
    case 'not_shipped':
      return ['refund_only'];
    case 'in_transit':
      // The parcel can still be intercepted, or refused at the door (拒收) and carried back.
      return ['refund_only', 'refused_delivery'];
    case 'delivered': {
      const types: CaseType[] = ['return_refund'];
      if (policy.exchanges.enabled) types.push('exchange');
      // Keeping the goods, a partial refund or a reship answer a problem, never a change of mind.
      if (isFault(fault)) types.push('refund_only', 'partial_refund', 'reship');
      return types;
    }
  }
}

/**
 * Before delivery the buyer has not seen the goods: a change of mind is fine, but a seller- or
 * carrier-fault reason only when it is declared for refund-only cases alone (not received, late
 * shipment) and needs no photos. A reason that also opens reships or returns (missing parts,
 * damaged in transit, quality) presupposes the goods in hand.
 */
function reasonFitsBeforeDelivery(reason: Reason): boolean {
  if (!isFault(reason.fault)) return true;
  if (!reason.caseTypes || reason.quality || reason.evidenceRequired) return false;
  return reason.caseTypes.every((t) => !NEEDS_GOODS.has(t));
}

const PHASES: readonly Phase[] = ['not_shipped', 'in_transit', 'delivered', 'cancelled'];

function reasonCaseTypes(policy: Policy, reason: Reason, phase: Phase): readonly CaseType[] {
  if (phase !== 'delivered' && !reasonFitsBeforeDelivery(reason)) return [];
  const declared = reason.caseTypes;
  return phaseCaseTypes(policy, phase, reason.fault).filter((t) => !declared || declared.includes(t));
}

function buildOffer(policy: Policy, caseTypesFor: PolicyIndex['caseTypesFor'], phase: Phase, noReasonOpen: boolean, sellerFaultOpen: boolean): Offer {
  const allowed = policy.reasons.filter((r) => {
    if (phase === 'delivered' && !(isFault(r.fault) ? sellerFaultOpen : noReasonOpen)) return false;
    return caseTypesFor(r, phase).length > 0;
  });
  const types = new Set(allowed.flatMap((r) => caseTypesFor(r, phase)));
  return {
    reasons: allowed.map((r) => r.code),
    caseTypes: CASE_TYPES.filter((t) => types.has(t)),
    evidenceRequiredFor: allowed.filter((r) => r.evidenceRequired).map((r) => r.code),
  };
}

/** Everything is worked out up front: a handful of reasons times four phases, so lookups never build keys. */
function buildIndex(policy: Policy): PolicyIndex {
  const reasons = new Map(policy.reasons.map((r) => [r.code, r] as const));
  const byReason = new Map<Reason, Record<Phase, readonly CaseType[]>>();
  for (const reason of policy.reasons) {
    byReason.set(reason, Object.fromEntries(PHASES.map((phase) => [phase, reasonCaseTypes(policy, reason, phase)])) as Record<Phase, readonly CaseType[]>);
  }
  const caseTypesFor = (reason: Reason, phase: Phase) => byReason.get(reason)?.[phase] ?? reasonCaseTypes(policy, reason, phase);

  // offers[phase][noReasonOpen][sellerFaultOpen]
  const offers = Object.fromEntries(
    PHASES.map((phase) => [phase, [false, true].map((noReason) => [false, true].map((sellerFault) => buildOffer(policy, caseTypesFor, phase, noReason, sellerFault)))]),
  ) as Record<Phase, Offer[][]>;

  const codes = policy.automation.autoApprove.reasonCodes;
  return {
    reasons,
    methods: new Set(policy.refunds.methods),
    autoApproveReasons: codes ? new Set(codes) : null,
    caseTypesFor,
    offer: (phase, noReasonOpen, sellerFaultOpen) => offers[phase][Number(noReasonOpen)]![Number(sellerFaultOpen)]!,
  };
}

const indexes = new WeakMap<Policy, PolicyIndex>();

export function policyIndex(policy: Policy): PolicyIndex {
  let index = indexes.get(policy);
  if (!index) {
    index = buildIndex(policy);
    indexes.set(policy, index);
  }
  return index;
}
