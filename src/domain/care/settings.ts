import { Type, type Static } from 'typebox';
import { ROLES } from '../auth/permissions.js';
import { StringEnum } from '../typebox.js';

/**
 * After-sales care settings of a policy (issue 19 §1–3): compensation caps and rules, follow-up
 * task rules, and the exchange-first offer. The whole `care` block and each of its parts are
 * optional in the policy document; `careOf` fills in the defaults below, so policies written
 * before care existed keep validating and get the defaults.
 */
const strict = { additionalProperties: false } as const;
const Minor = (description: string) => Type.Integer({ minimum: 0, maximum: 1e12, description });
const Points = (description: string) => Type.Integer({ minimum: 0, maximum: 1e9, description });

export const COMPENSATION_KINDS = ['coupon', 'store_credit', 'points'] as const;
export type CompensationKind = (typeof COMPENSATION_KINDS)[number];
export const TASK_KINDS = ['exchange_callback', 'review_request', 'sku_defect_check'] as const;
export type TaskKind = (typeof TASK_KINDS)[number];

/** A rule that grants compensation by itself when a case is approved and its reasons match. */
export const CompensationRuleSchema = Type.Object(
  {
    /** Names the rule in the case's event. */
    name: Type.String({ pattern: '^[a-z][a-z0-9_]{1,40}$' }),
    /** Cases with a reason of one of these faults (e.g. ["seller"]); any fault when absent. */
    faults: Type.Optional(Type.Array(StringEnum(['seller', 'buyer', 'carrier'] as const), { minItems: 1, uniqueItems: true })),
    /** Or only these reason codes; every reason when absent. */
    reasonCodes: Type.Optional(Type.Array(Type.String({ maxLength: 41 }), { minItems: 1, uniqueItems: true })),
    kind: StringEnum(COMPENSATION_KINDS),
    /** Coupon or store credit value in minor units of the case currency. */
    amountMinor: Type.Optional(Minor('Value of the coupon or store credit')),
    /** Points granted (kind "points"). */
    points: Type.Optional(Points('Points granted')),
  },
  strict,
);

export const CareSchema = Type.Object(
  {
    compensation: Type.Optional(
      Type.Object(
        {
          /** Largest coupon + store-credit value granted on one case (minor units of its currency). */
          maxPerCaseMinor: Type.Optional(Minor('Cap per case')),
          /** Largest coupon + store-credit value the shop grants in a calendar month of the shop’s time zone, per currency. */
          maxPerMonthMinor: Type.Optional(Minor('Cap per month')),
          maxPointsPerCase: Type.Optional(Points('Points cap per case')),
          maxPointsPerMonth: Type.Optional(Points('Points cap per month')),
          /** Days a generated coupon stays valid when no expiry is given. */
          couponValidDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 3650 })),
          rules: Type.Optional(Type.Array(CompensationRuleSchema, { maxItems: 20 })),
        },
        strict,
      ),
    ),
    followUps: Type.Optional(
      Type.Object(
        {
          /** Call the buyer back some days after the replacement of an exchange ships. */
          exchangeCallback: Type.Optional(Type.Object({ enabled: Type.Boolean(), afterDays: Type.Integer({ minimum: 0, maximum: 60 }), role: StringEnum(ROLES) }, strict)),
          /** Ask for a review after a refund. */
          reviewRequest: Type.Optional(Type.Object({ enabled: Type.Boolean(), afterDays: Type.Integer({ minimum: 0, maximum: 60 }), role: StringEnum(ROLES) }, strict)),
          /** Check a SKU when this many quality cases about it arrive within the window. */
          repeatedDefect: Type.Optional(
            Type.Object(
              { enabled: Type.Boolean(), threshold: Type.Integer({ minimum: 2, maximum: 1000 }), windowDays: Type.Integer({ minimum: 1, maximum: 90 }), dueInDays: Type.Integer({ minimum: 0, maximum: 60 }), role: StringEnum(ROLES) },
              strict,
            ),
          ),
        },
        strict,
      ),
    ),
    /** Loop-style: the portal offers an exchange or store credit (with the refunds.storeCreditBonusBp bonus) before money back. */
    exchangeFirst: Type.Optional(Type.Object({ enabled: Type.Boolean() }, strict)),
  },
  strict,
);
export type CareSettings = Static<typeof CareSchema>;
export type CompensationRule = Static<typeof CompensationRuleSchema>;

export interface Care {
  compensation: { maxPerCaseMinor: number; maxPerMonthMinor: number; maxPointsPerCase: number; maxPointsPerMonth: number; couponValidDays: number; rules: CompensationRule[] };
  followUps: {
    exchangeCallback: { enabled: boolean; afterDays: number; role: (typeof ROLES)[number] };
    reviewRequest: { enabled: boolean; afterDays: number; role: (typeof ROLES)[number] };
    repeatedDefect: { enabled: boolean; threshold: number; windowDays: number; dueInDays: number; role: (typeof ROLES)[number] };
  };
  exchangeFirst: { enabled: boolean };
}

export const CARE_DEFAULTS: Care = {
  compensation: { maxPerCaseMinor: 10_000, maxPerMonthMinor: 500_000, maxPointsPerCase: 1_000, maxPointsPerMonth: 50_000, couponValidDays: 90, rules: [] },
  followUps: {
    exchangeCallback: { enabled: true, afterDays: 3, role: 'agent' },
    reviewRequest: { enabled: true, afterDays: 1, role: 'agent' },
    repeatedDefect: { enabled: true, threshold: 3, windowDays: 7, dueInDays: 1, role: 'manager' },
  },
  exchangeFirst: { enabled: false },
};

/** A policy's care settings with every default filled in. */
export function careOf(policy: { care?: CareSettings }): Care {
  const c = policy.care ?? {};
  const f = c.followUps ?? {};
  return {
    compensation: { ...CARE_DEFAULTS.compensation, ...(c.compensation ?? {}) },
    followUps: {
      exchangeCallback: f.exchangeCallback ?? CARE_DEFAULTS.followUps.exchangeCallback,
      reviewRequest: f.reviewRequest ?? CARE_DEFAULTS.followUps.reviewRequest,
      repeatedDefect: f.repeatedDefect ?? CARE_DEFAULTS.followUps.repeatedDefect,
    },
    exchangeFirst: c.exchangeFirst ?? CARE_DEFAULTS.exchangeFirst,
  };
}
