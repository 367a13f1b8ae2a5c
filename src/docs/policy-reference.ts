import { RULE_IDS, ruling, type RuleId, type RuleParams } from '../domain/policy/explain.js';
import { chinaMarketplacePreset, internationalPreset } from '../domain/policy/presets.js';
import { PolicySchema, type Policy, type Reason } from '../domain/policy/schema.js';
import type { Ruling } from '../domain/policy/verdict.js';
import { renderStatutorySection } from './policy-reference-eu.js';

/**
 * docs/policy.md: every setting of the policy document (from PolicySchema: its types, limits and
 * descriptions), the values of both presets, their reasons catalogues, and every rule id
 * evaluate() can answer with. Generated, so it cannot drift from the code.
 */

/** JSON Schema as TypeBox emits it: the few keywords this page reads. */
interface SchemaNode {
  type?: string;
  const?: unknown;
  enum?: string[];
  description?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  properties?: Record<string, SchemaNode>;
  required?: string[];
  items?: SchemaNode;
}

/**
 * Meanings of the settings the schema describes only in its source comments (TypeBox keeps
 * `description` options, not comments). A setting with a description of its own uses that.
 */
const NOTES: Record<string, string> = {
  schemaVersion: 'Version of this document format',
  name: 'Shown to staff in the console',
  judgeBy: '`order_date`: a case is judged under the version in force when its order was placed (what the buyer agreed to); `current`: under the version in force now',
  'windows.overrides[].match.channels': 'Orders from these channels',
  'windows.overrides[].match.categories': 'Lines of these product categories',
  'windows.overrides[].match.customerTiers': 'Buyers of these tiers',
  'windows.overrides[].noReasonDays': 'Replaces `windows.noReasonDays` for matching lines',
  'windows.overrides[].sellerFaultDays': 'Replaces `windows.sellerFaultDays` for matching lines',
  reasons: 'The reasons catalogue buyers pick from (see below)',
  'reasons[].code': 'Stable identifier: lower case, digits and `_`',
  'reasons[].label': 'What buyers and staff read, in zh-CN and en',
  'reasons[].fault': 'Who caused it: decides who pays return shipping and which window applies (buyer: no-reason; seller, carrier: seller-fault)',
  'reasons[].quality': 'Counts toward the quality refund rate (品质退款率)',
  'reasons[].evidenceRequired': 'Photos or video are required with the request',
  'reasons[].caseTypes': 'Case types this reason may open; all when absent',
  'conditions.acceptedForNoReason': 'Conditions a no-reason return may come back in (商品完好)',
  'fees.returnShipping.seller': 'Who pays return shipping for a seller fault',
  'fees.returnShipping.buyer': 'Who pays return shipping for a buyer fault (change of mind)',
  'fees.returnShipping.carrier': 'Who pays return shipping for a carrier fault (damage, loss)',
  'fees.shippingInsuranceCoversBuyer': 'An order with shipping insurance (运费险) has the buyer\'s return shipping paid by the insurer',
  'fees.refundOutboundShippingOnSellerFault': 'Give back the outbound shipping fee when the whole order comes back for a seller or carrier fault',
  'fees.prepaidLabel.enabled': 'The shop provides a prepaid return label',
  'fees.restocking[].categories': 'Product categories the fee applies to; all when absent',
  'fees.restocking[].conditions': 'Conditions the fee applies to',
  'refunds.methods': 'How refunds may be paid',
  'exchanges.enabled': 'Buyers may ask for an exchange',
  'exchanges.priceIncrease': 'When the replacement costs more: the buyer tops up (`buyer_pays`) or the shop absorbs it (`shop_absorbs`)',
  'returnless.enabled': 'Cheap items are refunded without coming back',
  'automation.autoApprove.enabled': 'Approve eligible requests without a person',
  'automation.autoApprove.maxRiskScore': 'Only buyers with a risk score up to this (0–100)',
  'automation.fastRefund.enabled': '极速退款: pay trusted buyers before the goods are back',
  'automation.fastRefund.maxRiskScore': 'Only buyers with a risk score up to this (0–100)',
  'automation.fastRefund.minCompletedOrders': 'Only buyers with at least this many completed orders',
  'automation.fastRefund.trigger': 'Pay at approval, or at the return parcel\'s first carrier scan',
  'qualityRefundRate.windowDays': 'Rolling window of the rate, in days',
  care: 'After-sales care (see "After-sales care" below); optional, defaults apply',
  'care.compensation.couponValidDays': 'Days a generated coupon stays valid when no expiry is given (default 90)',
  'care.compensation.rules': 'Compensation granted by itself when a case is approved; the first matching rule wins',
  'care.compensation.rules[].name': 'Names the rule in the case event (`care.compensation.rules.<name>`)',
  'care.compensation.rules[].faults': 'Cases with a reason of one of these faults; any when absent',
  'care.compensation.rules[].reasonCodes': 'Cases with one of these reasons; any when absent',
  'care.compensation.rules[].kind': 'What the rule grants (a coupon is generated)',
  'care.followUps.exchangeCallback.enabled': 'Call the buyer back after the replacement of an exchange ships',
  'care.followUps.exchangeCallback.afterDays': 'Days after the replacement ships (default 3)',
  'care.followUps.exchangeCallback.role': 'Role the task is for',
  'care.followUps.reviewRequest.enabled': 'Ask the buyer for a review after a refund',
  'care.followUps.reviewRequest.afterDays': 'Days after the refund (default 1)',
  'care.followUps.reviewRequest.role': 'Role the task is for',
  'care.followUps.repeatedDefect.enabled': 'Check a SKU when quality cases about it pile up',
  'care.followUps.repeatedDefect.threshold': 'Quality cases about one SKU within the window that create a check (default 3)',
  'care.followUps.repeatedDefect.windowDays': 'The window, in days (default 7)',
  'care.followUps.repeatedDefect.dueInDays': 'Days until the check is due (default 1)',
  'care.followUps.repeatedDefect.role': 'Role the task is for',
  'care.exchangeFirst.enabled': 'The portal offers an exchange or store credit (with `refunds.storeCreditBonusBp`) before money back',
};

const escape = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const code = (s: string) => `\`${s}\``;

/** What a number is counted in, from the naming convention of the schema (…Minor, …Bp, …Days, …Hours). */
function unitOf(key: string): string {
  if (/Minor$/.test(key)) return 'money (minor units)';
  if (/Bp$/.test(key)) return 'basis points';
  if (/Days$/.test(key)) return 'days';
  if (/Hours$/.test(key)) return 'hours';
  return 'integer';
}

function typeOf(key: string, node: SchemaNode): string {
  if (node.const !== undefined) return code(JSON.stringify(node.const));
  if (node.enum) return node.enum.map(code).join(' | ');
  switch (node.type) {
    case 'integer': {
      const range = node.maximum === undefined ? `≥ ${node.minimum ?? 0}` : `${node.minimum ?? 0}–${node.maximum.toLocaleString('en')}`;
      return `${unitOf(key)}, ${range}`;
    }
    case 'boolean':
      return 'yes/no';
    case 'string':
      return node.maxLength ? `text (≤ ${node.maxLength})` : 'text';
    case 'array': {
      const of = node.items?.type === 'object' ? 'rules' : node.items ? typeOf(key, node.items) : 'values';
      return `list of ${of}${node.maxItems ? ` (≤ ${node.maxItems})` : ''}`;
    }
    case 'object':
      return 'zh-CN and en text';
    default:
      return node.type ?? '';
  }
}

function valueAt(policy: Policy, path: string): unknown {
  if (path.includes('[]')) return undefined;
  return path.split('.').reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], policy);
}

function formatValue(value: unknown): string {
  if (value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (Array.isArray(value)) {
    if (value.length === 0) return 'none';
    if (value.every((v) => typeof v === 'string')) return value.map((v) => code(v)).join(', ');
    if (value.every((v) => typeof v === 'object' && v && 'code' in v)) return `${value.length} (below)`;
    return value.map((v) => code(JSON.stringify(v))).join('<br>');
  }
  return code(String(value));
}

interface Row {
  path: string;
  node: SchemaNode;
  optional: boolean;
}

/** The settings, depth first: objects give their fields; rules (lists of objects) give theirs under `name[]`. */
function settings(node: SchemaNode, prefix = ''): Row[] {
  const rows: Row[] = [];
  for (const [key, child] of Object.entries(node.properties ?? {})) {
    const path = prefix ? `${prefix}.${key}` : key;
    const optional = !(node.required ?? []).includes(key);
    const isText = child.type === 'object' && child.properties?.['zh-CN'] !== undefined;
    if (child.type === 'object' && !isText) {
      rows.push(...settings(child, path));
    } else {
      rows.push({ path, node: child, optional });
      if (child.type === 'array' && child.items?.type === 'object') rows.push(...settings(child.items, `${path}[]`));
    }
  }
  return rows;
}

function describeSetting(path: string, node: SchemaNode): string {
  return node.description || NOTES[path] || '';
}

function settingsTable(): string {
  const rows = settings(PolicySchema as SchemaNode).map(({ path, node, optional }) => {
    const key = path.split('.').pop()!.replace('[]', '');
    const meaning = describeSetting(path, node) + (optional ? ' (optional)' : '');
    const china = formatValue(valueAt(chinaMarketplacePreset, path));
    const international = formatValue(valueAt(internationalPreset, path));
    return `| ${code(path)} | ${escape(typeOf(key, node))} | ${escape(meaning)} | ${escape(china)} | ${escape(international)} |`;
  });
  return ['| setting | type | meaning | china_marketplace | international |', '| --- | --- | --- | --- | --- |', ...rows].join('\n');
}

function reasonsTable(reasons: readonly Reason[]): string {
  const rows = reasons.map(
    (r) =>
      `| ${code(r.code)} | ${escape(r.label['zh-CN'])} | ${escape(r.label.en)} | ${r.fault} | ${r.quality ? 'yes' : ''} | ${r.evidenceRequired ? 'yes' : ''} | ${r.caseTypes ? r.caseTypes.map(code).join(', ') : 'all'} |`,
  );
  return ['| code | 中文 | English | fault | quality | evidence | case types |', '| --- | --- | --- | --- | --- | --- | --- |', ...rows].join('\n');
}

/** A sample for every rule's sentence; the type makes a new rule without an example a compile error. */
const RULE_EXAMPLES: { [R in RuleId]: RuleParams<R> } = {
  'before_delivery.not_shipped': undefined,
  'before_delivery.in_transit': undefined,
  'before_delivery.delivered': { day: '2026-11-01' },
  'before_delivery.cancelled': { day: '2026-10-29' },
  'window.not_delivered': undefined,
  'window.no_reason_open': { days: 7, lastDay: '2026-11-08', zone: 'Asia/Shanghai' },
  'window.no_reason_unopened_only': { days: 7, lastDay: '2026-11-08', zone: 'Asia/Shanghai', only: 'digital' },
  'window.no_reason_expired': { days: 7, lastDay: '2026-11-08', zone: 'Asia/Shanghai' },
  'window.no_reason_none': undefined,
  'window.seller_fault_open': { days: 15, lastDay: '2026-11-16', zone: 'Asia/Shanghai' },
  'window.seller_fault_expired': { days: 15, lastDay: '2026-11-16', zone: 'Asia/Shanghai' },
  'window.seller_fault_none': undefined,
  'exclusion.custom_made': { days: 7 },
  'exclusion.perishable': { days: 7 },
  'exclusion.final_sale': { days: 7 },
  'exclusion.digital_opened': { days: 7 },
  'exclusion.hygiene_unsealed': { days: 7 },
  'quantity.none_returnable': undefined,
  'quantity.exceeds_returnable': { requested: 3, returnable: 2 },
  'reason.none_allowed': undefined,
  'reason.unknown': { code: 'too_blue' },
  'reason.case_type': { label: { 'zh-CN': '未收到货', en: 'Not received' }, caseType: 'exchange' },
  'reason.not_before_delivery': { label: { 'zh-CN': '质量问题', en: 'Quality problem' } },
  'case_type.not_delivered': { caseType: 'return_refund' },
  'case_type.delivered': { caseType: 'refused_delivery' },
  'case_type.needs_fault': { caseType: 'refund_only' },
  'exchange.disabled': undefined,
  'condition.not_accepted': { condition: 'used', days: 7 },
  'returnless.not_offered': undefined,
  'request.no_items': undefined,
  'refund.method_not_offered': { method: 'store_credit' },
  'request.eligible': undefined,
  'automation.review_risk': { risk: 82, max: 70 },
  'automation.review_blocklist': { kind: 'phone', value: '+8613800138000', reason: 'Serial returner' },
  'automation.allowlisted': { kind: 'email', value: 'vip@example.com' },
  'evidence.demanded': { kinds: [{ 'zh-CN': '快递面单照片', en: 'a photo of the shipping label' }], dueAt: '2026-11-05 18:00', note: null },
  'automation.not_eligible': undefined,
  'automation.evidence_required': { label: { 'zh-CN': '质量问题', en: 'Quality problem' } },
  'evidence.requested': { label: { 'zh-CN': '质量问题', en: 'Quality problem' } },
  'automation.auto_approve': { amountMinor: 7500, maxMinor: 20000, currency: 'CNY' },
  'automation.auto_approve_disabled': undefined,
  'automation.refund_above_limit': { amountMinor: 39900, maxMinor: 20000, currency: 'CNY' },
  'automation.risk_above_limit': { risk: 45, max: 30 },
  'automation.reason_not_listed': { label: { 'zh-CN': '质量问题', en: 'Quality problem' } },
  'automation.fast_refund': { trigger: 'first_scan' },
  'automation.fast_refund_disabled': undefined,
  'automation.fast_refund_case_type': undefined,
  'automation.fast_refund_above_limit': { amountMinor: 60000, maxMinor: 50000, currency: 'CNY' },
  'automation.fast_refund_risk': { risk: 25, max: 20 },
  'automation.fast_refund_history': { completed: 2, min: 5 },
};

function rulesTable(): string {
  const explain = ruling as (rule: RuleId, params: unknown) => Ruling;
  const rows = RULE_IDS.map((rule) => {
    const { explanation } = explain(rule, RULE_EXAMPLES[rule]);
    return `| ${code(rule)} | ${escape(explanation.en)} | ${escape(explanation['zh-CN'])} |`;
  });
  return ['| rule | example (en) | 示例 (zh-CN) |', '| --- | --- | --- |', ...rows].join('\n');
}

export function renderPolicyReference(): string {
  return `<!-- Generated from src/domain/policy/schema.ts, presets.ts and explain.ts by \`npm run docs:generate\`. Do not edit. -->
# Return policy reference

A shop's return policy is a versioned JSON document; each case records the version it was decided under. Two presets
are the starting points: **china_marketplace** (Taobao/Tmall, Pinduoduo, JD and the PRC 7-day no-reason rule) and
**international** (web shops: 30-day returns, prepaid labels, store credit).

- Money is in integer minor units of the shop currency (\`2000\` = ¥20.00); shares are basis points (\`1500\` = 15 %).
- **Windows** open at delivery. A window of *N* days ends at midnight, in the shop's time zone, at the end of day
  *D + N*, *D* being the delivery day: the PRC rule counts 7 days from the day after receipt, so an order delivered on
  1 November at 15:00 may be returned without a reason until 8 November 24:00. *0* days means no window.
- **Exclusions** take no-reason returns away from some goods; a seller or carrier fault stays open for them. Digital
  and hygiene goods keep no-reason returns while sealed only.
- Before delivery a refund without return (仅退款) is open while the order is neither delivered nor cancelled; in
  transit the parcel can also be refused (拒收).
- Who pays return shipping follows the fault most against the shop among the items (seller, then carrier, then buyer);
  with shipping insurance (运费险) the insurer pays instead of the buyer.
- **Outbound shipping** (the fee the buyer paid for delivery) is given back only by a case that completes the whole
  order's claims. A refund without return (仅退款) before delivery gives it back whatever the reason: not shipped yet
  and intercepted in transit (拦截) alike, since the delivery paid for was not made. After delivery it is given back
  only for a seller or carrier fault, when \`fees.refundOutboundShippingOnSellerFault\` is on, on returns, refunds
  without return and refused deliveries.
- Saving a policy checks more than the types below: windows (the seller-fault window is never shorter than the
  no-reason one), unique reason codes, thresholds that can take effect, warning at or below the limit, reasons that
  exist, at least one buyer-fault reason when no-reason returns are open.

## Buyer lists, risk signals and evidence

The optional \`buyerRisk\` settings (issue 19; a policy without them uses the defaults below).

- **Lists.** Staff keep a blocklist and an allowlist (console: Settings → Buyer lists, or the buyer page; API:
  \`/api/v1/buyer-lists\`) by customer, e-mail, phone or address, each stored in one normal form: an e-mail
  lower-case and trimmed; a phone in E.164 by libphonenumber-js (a number without a country code read as mainland
  China); an address folded by Unicode NFKC (full-width letters, digits and blanks become ASCII), lower-cased, with
  blanks and punctuation removed. A listed address matches an order whose shipping address (province, city,
  district, street, postal code) contains it, so a street without its city matches; it must keep at least 6
  characters. A request matches by the customer, the customer's and the order's e-mail and phones, and the shipping
  address.
- A **blocklisted** buyer's request always waits for a person (\`automation.review_blocklist\`, naming the entry and
  its reason): no automatic approval, no fast refund. An **allowlisted** buyer is not held back by the risk score
  (\`buyerRisk.allowlistSkipsRisk\`, default on): no review above \`automation.manualReviewAboveRisk\`, and automatic
  approval and fast refunds ignore their risk limits (their amount, history and case-type limits still apply). A
  buyer on both lists is blocked.
- **Risk signals.** Beside return rate, frequency, inspection mismatches, lost disputes, goods not returned and
  history, the score adds, each with its weight in \`buyerRisk.weights\` (0 switches a signal off; negative weights
  lower the score):
  \`request_velocity\` (default +15): \`velocityMinRequests\` (2) or more earlier requests within \`velocityDays\` (7);
  \`reason_contradicted\` (+20 each, up to twice): a seller-fault claim whose every item inspection graded A or B with
  nothing defective; \`wardrobing\` (+20 each, up to twice): a buyer-fault return asked for within
  \`wardrobingDays\` (7) of delivery that came back used (grade C or D) — worn for the occasion, then returned;
  \`shared_contact\` (+15): other accounts of the shop with the same phone or the same shipping address;
  \`refund_only_delivered\` (+10): this request is a refund without return on delivered goods.
- **Threshold simulation** (\`GET /api/v1/risk/simulation?threshold=N\`, console: Policy → Risk simulation): every
  case opened in the last 90 days is scored again with today's signals and weights on its buyer's history as it was
  when the case was opened (orders placed and cases opened before it; inspection results as known now, lists as
  they are now), and counted as going to review when its score is above the threshold (or its buyer is
  blocklisted). The reply also gives the curve for thresholds 0, 5, …, 100 and how often each factor fired.
- **Evidence demands.** Staff ask for specific evidence (\`request_evidence\`: label photo, unboxing video, item
  photos, defect video, packaging photo, receipt) with a deadline of \`dueInHours\` (default
  \`buyerRisk.evidenceDeadlineHours\`, 72). The case waits in \`awaiting_evidence\`; the portal shows the request and
  takes the upload (\`provide_evidence\` puts the case back to \`requested\`). When the deadline passes,
  \`buyerRisk.evidenceDeadlineOutcome\` decides: \`close\` (default) closes the case, \`review\` puts it back to
  \`requested\` flagged for review.

## Settings

${settingsTable()}

## After-sales care

The optional \`care\` block (issue 19) holds the shop's after-sales care. Care follows the policy **in force now** (the
shop's budget and rules today), not the version a case's refund is judged under. When \`care\` or any part of it is
absent the defaults apply: caps of 10,000 minor units per case and 500,000 per month, 1,000 points per case and
50,000 per month, coupons valid 90 days, no automatic compensation, all three follow-up rules on, exchange-first off.

- **Compensation** (补偿): staff (console or \`POST /api/v1/returns/{id}/compensations\`, role with \`cases:decide\`) or a
  rule grant a coupon, store credit or points. Coupons come from the shop's pool (\`POST /api/v1/coupon-codes\`: a list or
  CSV; each code is handed out once, claimed with \`FOR UPDATE SKIP LOCKED\`) or are generated (\`RT-XXXX-XXXX\`, value,
  currency and expiry). Coupon and store-credit value counts against \`maxPerCaseMinor\` and \`maxPerMonthMinor\` (calendar
  month in the shop's time zone, per currency), points against \`maxPointsPerCase\` and \`maxPointsPerMonth\`; grants of one shop are
  serialised so the caps hold under concurrent grants (\`422 compensation.case_cap\` / \`compensation.month_cap\` say how
  much is left). Each grant writes a \`compensation.granted\` case event, a row on the buyer (customer), a
  \`store_credit_ledger\` credit for store credit, and the \`return.compensation_granted\` event, which mails the buyer
  (template \`compensation_granted\`, zh-CN and en). The portal shows it on the return's page; the cost of returns adds it
  (\`compensationMinor\`, \`totalWithCompensationMinor\`), and \`GET /api/v1/analytics/care\` totals it by kind.
- **Rules** (\`care.compensation.rules\`) are applied when a case is approved, by the outbox dispatcher, at most once per
  case and rule. A rule that would pass a cap grants nothing. Saving a policy refuses a rule worth more than the cap
  per case, and a cap per case above the cap per month.
- **Follow-up tasks** (回访) are created by the outbox dispatcher, each with a key that makes a second creation impossible:
  \`exchange_callback\` when the replacement of an exchange ships, \`review_request\` after a refund, and
  \`sku_defect_check\` when \`threshold\` cases with a quality reason about one SKU were created within \`windowDays\` (one
  per SKU and window-long period). Each has a role and a due time; \`GET /api/v1/care/tasks\` lists them with counts
  (overdue, due today in the shop's time zone, later, done and skipped today) and \`PATCH /api/v1/care/tasks/{id}\` marks
  one done or skipped with a note. The console's Today page shows them.
- **Exchange-first** (Loop-style): with \`care.exchangeFirst.enabled\`, the portal lists an exchange and store credit (with
  its bonus) first and shows money back only when the buyer asks for it. Saving refuses it when the policy has neither
  exchanges nor store credit. For each portal request made while it was on, the buyer's choice is recorded with the
  revenue it kept (the paid value of exchanged items, plus a refund paid as store credit; the bonus is counted apart);
  \`GET /api/v1/analytics/care\` shows offers, choices, acceptance and revenue kept.

## Reasons of the china_marketplace preset

${reasonsTable(chinaMarketplacePreset.reasons)}

## Reasons of the international preset

${reasonsTable(internationalPreset.reasons)}

${renderStatutorySection()}
## Rulings

Every decision of \`evaluate()\` carries a stable rule id (clients branch on it) and a sentence in both languages.

${rulesTable()}
`;
}
