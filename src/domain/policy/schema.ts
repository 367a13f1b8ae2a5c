import { Type, type Static } from 'typebox';
import { CASE_TYPES } from '../cases/model.js';
import { StringEnum } from '../typebox.js';
import { CareSchema } from '../care/settings.js';
import { ART16_CODES } from './withdrawal.js';

/**
 * A shop's return policy (docs/policy.md): a versioned JSON document. Every number here is a setting,
 * never a constant in code. Money is integer minor units of the shop currency; percentages are
 * basis points (1500 = 15 %); durations are whole days or hours as named.
 */
const strict = { additionalProperties: false } as const;
const Minor = (description: string) => Type.Integer({ minimum: 0, maximum: 1e12, description });
const BasisPoints = (description: string) => Type.Integer({ minimum: 0, maximum: 10_000, description });
const Days = (description: string) => Type.Integer({ minimum: 0, maximum: 3650, description });
const Weight = (description: string) => Type.Integer({ minimum: -100, maximum: 100, description });
const Hours = (description: string) => Type.Integer({ minimum: 1, maximum: 24 * 365, description });

/** One marketplace's default clocks (issue 17): each used only when the platform gives no per-case deadline. */
const PlatformClocks = Type.Object(
  {
    unshippedRefundHours: Type.Optional(Hours('Refund-only, order not shipped: the seller answers in (Taobao 24 h)')),
    shippedNotReceivedRefundHours: Type.Optional(Hours('Refund-only, shipped but not received: the seller answers in (Taobao 36 h)')),
    sellerResponseHours: Type.Optional(Hours('Any other request: the seller answers in')),
    buyerShipHours: Type.Optional(Hours('The buyer ships the return in')),
    sellerReceiptHours: Type.Optional(Hours('The seller confirms receipt in')),
    buyerReviseHours: Type.Optional(Hours('The buyer revises or escalates a refusal in')),
  },
  { additionalProperties: false },
);

export const LocalizedText = Type.Object({ 'zh-CN': Type.String({ minLength: 1, maxLength: 200 }), en: Type.String({ minLength: 1, maxLength: 200 }) }, strict);

export const FAULTS = ['seller', 'buyer', 'carrier'] as const;
export type Fault = (typeof FAULTS)[number];
export const PAYERS = ['seller', 'buyer'] as const;
export type Payer = (typeof PAYERS)[number];
export const CONDITIONS = ['unopened', 'opened', 'used', 'damaged'] as const;
export type ItemCondition = (typeof CONDITIONS)[number];

export const ReasonSchema = Type.Object(
  {
    code: Type.String({ pattern: '^[a-z][a-z0-9_]{1,40}$' }),
    label: LocalizedText,
    /** Who caused it: decides who pays return shipping and whether exclusions apply. */
    fault: StringEnum(FAULTS),
    /** Counts toward the quality refund rate (品质退款率) marketplaces police. */
    quality: Type.Boolean(),
    /** Photos or video are required with the request. */
    evidenceRequired: Type.Boolean(),
    /** Case types this reason may open; all when absent. */
    caseTypes: Type.Optional(Type.Array(StringEnum(CASE_TYPES), { minItems: 1, uniqueItems: true })),
  },
  strict,
);
export type Reason = Static<typeof ReasonSchema>;

/** Narrows a window rule to some orders; every given field must match. */
export const WindowMatchSchema = Type.Object(
  {
    channels: Type.Optional(Type.Array(Type.String({ maxLength: 30 }), { minItems: 1 })),
    categories: Type.Optional(Type.Array(Type.String({ maxLength: 100 }), { minItems: 1 })),
    customerTiers: Type.Optional(Type.Array(Type.String({ maxLength: 30 }), { minItems: 1 })),
  },
  strict,
);

export const PolicySchema = Type.Object(
  {
    schemaVersion: Type.Literal(1),
    name: Type.String({ minLength: 1, maxLength: 100 }),
    /** Which version judges a case: the one in force when the order was placed (what the buyer agreed to), or the current one. */
    judgeBy: StringEnum(['order_date', 'current'] as const),

    windows: Type.Object(
      {
        /** No-reason returns (七天无理由): days from the day after delivery. */
        noReasonDays: Days('Days after delivery for returns without a seller fault'),
        /** Seller-fault problems (quality, not as described, wrong item): usually longer. */
        sellerFaultDays: Days('Days after delivery for seller-fault returns'),
        /** Refund-only before delivery (not shipped, or intercepted) is always open while the goods are not delivered. */
        overrides: Type.Array(
          Type.Object({ match: WindowMatchSchema, noReasonDays: Type.Optional(Days('')), sellerFaultDays: Type.Optional(Days('')) }, strict),
          { maxItems: 50, description: 'First matching override wins' },
        ),
      },
      strict,
    ),

    /** Goods no-reason returns exclude (PRC rules §4). Seller-fault returns stay open for them. */
    exclusions: Type.Object(
      {
        customMade: Type.Boolean({ description: 'Made to the buyer\'s order (定作)' }),
        perishable: Type.Boolean({ description: 'Fresh, live and perishable goods (鲜活易腐)' }),
        digitalOnceOpened: Type.Boolean({ description: 'Digital goods once opened, downloaded or activated' }),
        hygieneOnceUnsealed: Type.Boolean({ description: 'Hygiene goods once unsealed' }),
        finalSale: Type.Boolean({ description: 'Goods sold as final sale' }),
      },
      strict,
    ),

    reasons: Type.Array(ReasonSchema, { minItems: 1, maxItems: 100 }),

    /** What may come back in which condition for a no-reason return (商品完好). */
    conditions: Type.Object(
      {
        acceptedForNoReason: Type.Array(StringEnum(CONDITIONS), { minItems: 1, uniqueItems: true }),
      },
      strict,
    ),

    fees: Type.Object(
      {
        /** Who pays return shipping, by fault. */
        returnShipping: Type.Object({ seller: StringEnum(PAYERS), buyer: StringEnum(PAYERS), carrier: StringEnum(PAYERS) }, strict),
        /** 运费险: an order with shipping insurance has the buyer's return shipping paid by the insurer. */
        shippingInsuranceCoversBuyer: Type.Boolean(),
        /** Return the order's outbound shipping fee when the whole order comes back for a seller fault. */
        refundOutboundShippingOnSellerFault: Type.Boolean(),
        /** A prepaid label the shop provides; its cost is deducted when the buyer pays return shipping. */
        prepaidLabel: Type.Object({ enabled: Type.Boolean(), costMinor: Minor('Deducted from the refund when the buyer pays return shipping') }, strict),
        /** Largest return-shipping cost the shop reimburses to a buyer who paid the courier for a seller fault. */
        maxReturnShippingReimbursementMinor: Minor('Cap on return shipping reimbursed to the buyer'),
        restocking: Type.Array(
          Type.Object(
            {
              categories: Type.Optional(Type.Array(Type.String({ maxLength: 100 }), { minItems: 1 })),
              conditions: Type.Array(StringEnum(CONDITIONS), { minItems: 1, uniqueItems: true }),
              feeBp: BasisPoints('Fee as a share of the item refund'),
            },
            strict,
          ),
          { maxItems: 20, description: 'Restocking fees on no-reason returns; first matching rule wins' },
        ),
      },
      strict,
    ),

    refunds: Type.Object(
      {
        methods: Type.Array(StringEnum(['original', 'store_credit'] as const), { minItems: 1, uniqueItems: true }),
        /** Extra store credit for choosing it over money back ("shop now" bonus). */
        storeCreditBonusBp: BasisPoints('Store-credit bonus'),
      },
      strict,
    ),

    exchanges: Type.Object(
      {
        enabled: Type.Boolean(),
        /** Who pays when the replacement costs more: the buyer tops up, or the shop absorbs it. */
        priceIncrease: StringEnum(['buyer_pays', 'shop_absorbs'] as const),
      },
      strict,
    ),

    /** Keep-the-item refunds: when bringing an item back costs more than it is worth. */
    returnless: Type.Object({ enabled: Type.Boolean(), maxUnitValueMinor: Minor('Items worth up to this need not come back') }, strict),

    automation: Type.Object(
      {
        autoApprove: Type.Object(
          {
            enabled: Type.Boolean(),
            maxRefundMinor: Minor('Largest refund approved without a person'),
            reasonCodes: Type.Optional(Type.Array(Type.String(), { description: 'Only these reasons; all when absent' })),
            maxRiskScore: Type.Integer({ minimum: 0, maximum: 100 }),
          },
          strict,
        ),
        /** 极速退款 for trusted buyers: pay at approval or at the return's first carrier scan. */
        fastRefund: Type.Object(
          {
            enabled: Type.Boolean(),
            maxRefundMinor: Minor('Largest fast refund'),
            maxRiskScore: Type.Integer({ minimum: 0, maximum: 100 }),
            minCompletedOrders: Type.Integer({ minimum: 0, maximum: 1000 }),
            trigger: StringEnum(['approval', 'first_scan'] as const),
          },
          strict,
        ),
        manualReviewAboveRisk: Type.Integer({ minimum: 0, maximum: 100, description: 'Cases of riskier buyers always wait for a person' }),
      },
      strict,
    ),

    /** Marketplace-style clocks; what happens when each runs out (marketplace-rules.md §3). */
    deadlines: Type.Object(
      {
        merchantResponseNotShippedHours: Hours('Seller answers a refund request for goods not yet shipped; else refunded'),
        merchantResponseHours: Hours('Seller answers any other request; else treated as agreed'),
        buyerShipHours: Hours('Buyer ships after approval; else the case closes'),
        merchantReceiptHours: Hours('Seller confirms receipt after the buyer shipped; else received and refunded'),
        reviseOrEscalateHours: Hours('Buyer revises or escalates after a refusal; else the case closes'),
        refundAfterReceiptHours: Hours('Seller refunds after receipt (PRC: 7 days); else an overdue alert'),
      },
      strict,
    ),

    /**
     * Marketplace clocks per platform (issue 17), used only when a platform's record carries no
     * per-case deadline of its own (domain/marketplaces/deadlines.ts). Optional: absent, Retour's
     * `deadlines` apply to marketplace cases too.
     */
    marketplaceDeadlines: Type.Optional(
      Type.Object(
        { taobao: Type.Optional(PlatformClocks), pinduoduo: Type.Optional(PlatformClocks), jd: Type.Optional(PlatformClocks), douyin: Type.Optional(PlatformClocks) },
        strict,
      ),
    ),

    /**
     * Buyer records and risk controls (issue 19.5–19.7): the weights of the extra risk signals, what
     * an allowlist lets through, and what happens when a buyer does not send the evidence staff asked
     * for. Optional: every setting has a default (docs/policy.md, "Buyer lists, risk signals and evidence").
     */
    buyerRisk: Type.Optional(
      Type.Object(
        {
          weights: Type.Optional(
            Type.Object(
              {
                requestVelocity: Type.Optional(Weight('Points when the buyer opened velocityMinRequests requests or more within velocityDays (default 15)')),
                contradictedReason: Type.Optional(Weight('Points per claimed defect inspection did not find, counted up to twice (default 20)')),
                wardrobing: Type.Optional(Weight('Points per return worn and sent back within wardrobingDays of delivery, counted up to twice (default 20)')),
                sharedContact: Type.Optional(Weight('Points when other accounts share the phone or shipping address (default 0: off, as shared addresses are common)')),
                refundOnlyDelivered: Type.Optional(Weight('Points for a refund without return on delivered goods (default 10)')),
              },
              strict,
            ),
          ),
          velocityDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 90, description: 'Window of the request-velocity signal, in days (default 7)' })),
          velocityMinRequests: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, description: 'Earlier requests within velocityDays that make the signal (default 2)' })),
          wardrobingDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 60, description: 'A used item returned within this many days of delivery counts as worn and returned (default 7)' })),
          allowlistSkipsRisk: Type.Optional(Type.Boolean({ description: 'Allowlisted buyers are not held for review by their risk score and may get fast refunds whatever it is (default true)' })),
          evidenceDeadlineHours: Type.Optional(Hours('Time a buyer has to send evidence staff asked for, unless staff set another (default 72)')),
          evidenceDeadlineOutcome: Type.Optional(
            StringEnum(['close', 'review'] as const, { description: 'When the evidence does not come in time: close the case, or put it back to the seller flagged for review (default close)' }),
          ),
        },
        strict,
      ),
    ),

    /**
     * Statutory withdrawal (EU Directive 2011/83/EU arts. 9–16; UK Consumer Contracts Regulations
     * 2013): absent for shops outside those regimes. See withdrawal.ts for the arithmetic.
     */
    statutory: Type.Optional(
      Type.Object(
        {
          regime: StringEnum(['eu', 'uk'] as const, { description: '`eu`: Directive 2011/83/EU; `uk`: Consumer Contracts Regulations 2013' }),
          withdrawalDays: Days('Days to withdraw without a reason, from physical possession of the last parcel (14)'),
          extendToWorkingDay: Type.Boolean({ description: 'A period ending on a Saturday or Sunday ends with the next working day (EU Regulation 1182/71 art. 3(4))' }),
          refundWithinDays: Days('Days from the withdrawal notice within which the refund is due (14); an overdue alert after'),
          refundCountsFrom: StringEnum(['notice', 'goods_or_proof'] as const, {
            description: 'The refund period counts from the withdrawal notice (EU art. 13(1)) or from the goods back or evidence of their return (UK reg. 34)',
          }),
          withholdUntilGoodsOrProof: Type.Boolean({ description: 'The refund may wait until the goods are back or the buyer proves dispatch, whichever is earlier (art. 13(3))' }),
          refundStandardDelivery: Type.Boolean({ description: 'A withdrawal of the whole order gives back the standard outbound delivery (art. 13(1))' }),
          diminishedValueDeduction: Type.Boolean({ description: 'Inspection may deduct diminished value from handling beyond what was needed to examine the goods (art. 14(2))' }),
          exceptions: Type.Array(StringEnum(ART16_CODES), {
            uniqueItems: true,
            maxItems: 5,
            description: 'Art. 16 exceptions the shop relies on; each is a return flag on the SKU (exclusions follow them)',
          }),
        },
        strict,
      ),
    ),

    /** 品质退款率: quality refunds ÷ paid orders over a rolling window, with warning thresholds. */
    qualityRefundRate: Type.Object(
      {
        windowDays: Type.Integer({ minimum: 1, maximum: 365 }),
        warnAtBp: BasisPoints('Warn at this rate'),
        limitBp: BasisPoints('The marketplace penalises above this rate'),
      },
      strict,
    ),

    /** After-sales care (issue 19): compensation caps and rules, follow-up tasks, exchange-first. Optional; `careOf` gives the defaults. */
    care: Type.Optional(CareSchema),
  },
  strict,
);

export type Policy = Static<typeof PolicySchema>;
