import { euWithdrawalPreset, ukCancellationPreset } from '../domain/policy/presets-eu.js';
import type { Policy } from '../domain/policy/schema.js';
import { ART16_CODES, ART16_EXCEPTIONS, refundClock, withdrawalPeriod } from '../domain/policy/withdrawal.js';

/** docs/policy.md, "EU and UK statutory withdrawal": generated from presets-eu.ts and withdrawal.ts. */

const code = (s: string) => `\`${s}\``;
const yes = (b: boolean) => (b ? 'yes' : 'no');

function presetRow(label: string, get: (p: Policy) => string) {
  return `| ${label} | ${get(euWithdrawalPreset)} | ${get(ukCancellationPreset)} |`;
}

export function renderStatutorySection(): string {
  const s = (p: Policy) => p.statutory!;
  const berlin = withdrawalPeriod(new Date('2026-10-17T21:30:00Z'), 14, 'Europe/Berlin');
  const berlinWorking = withdrawalPeriod(new Date('2026-10-17T21:30:00Z'), 14, 'Europe/Berlin', true);
  const notice = refundClock({
    noticeAt: new Date('2026-11-02T10:00:00Z'),
    refundWithinDays: 14,
    countsFrom: 'notice',
    timeZone: 'Europe/Paris',
    withhold: true,
    goodsReceivedAt: new Date('2026-11-09T09:00:00Z'),
    dispatchProvedAt: new Date('2026-11-05T09:00:00Z'),
  });
  return `## EU and UK statutory withdrawal

Two presets, **eu_withdrawal** (Directive 2011/83/EU arts. 9–16) and **uk_cancellation** (Consumer Contracts
Regulations 2013, SI 2013/3134), fill the optional \`statutory\` block; shops outside these regimes leave it out and
nothing changes for them. Sources: \`shared/reference/marketplace-rules.md\` §7. The arithmetic is pure
(\`src/domain/policy/withdrawal.ts\`) and property-tested across time zones and DST changes.

- **The period** counts from the day the buyer acquires physical possession: for an order in several parcels, the
  delivery of the **last** parcel (the order counts as delivered only when every parcel is). The day of delivery is
  not counted, so 14 days end at local midnight at the end of day *D + 14* in the shop's time zone. Example: delivered
  ${berlin.fromDay} 23:30 in Berlin, the period ends ${berlin.lastDay} 24:00 (${berlin.endsAt.toISOString()}), across
  the end of summer time.
- **Working days** (EU, \`extendToWorkingDay\`): a period whose last day is a Saturday or Sunday ends with the next
  Monday (Regulation 1182/71 art. 3(4)); the example above then ends ${berlinWorking.lastDay} 24:00. Public holidays
  differ by country and are not modelled: give a longer \`windows.noReasonDays\` if you must honour them.
- **Sent in time is on time**: the request's creation is the withdrawal notice; a request made before the end of
  the period is in time.
- **Refund deadline**: EU, ${code('refundCountsFrom: notice')}: within 14 days of the notice; UK,
  ${code('refundCountsFrom: goods_or_proof')}: within 14 days of the goods back or the evidence of their return. With
  \`withholdUntilGoodsOrProof\` the refund waits until the goods arrive **or** the buyer proves dispatch (a tracking
  number handed over), whichever is earlier; goods back after the deadline are due at once. Example (Paris): notice
  2026-11-02, proof of dispatch 2026-11-05, refund due by ${notice.lastDay} 24:00. Every case under a statutory policy
  gets a \`statutory_refund\` deadline: an overdue **alert** in the console's deadlines, settled by the refund.
- **Diminished value** (\`diminishedValueDeduction\`): the buyer answers for value lost by handling beyond what was
  needed to examine the goods, found at inspection: staff grade the item (C used, D damaged) with a note and evidence,
  then pay the refund less the deduction (the \`refund\` action's \`amountMinor\`, never above the computed refund).
  \`diminishedValueDeduction()\` bounds it: never more than the item refunds, nothing when the buyer was not told of the
  right of withdrawal. No restocking fees (the validator refuses them).
- **Standard outbound delivery** (\`refundStandardDelivery\`): a return of the whole order gives the delivery fee
  back whatever the reason.
- **Exceptions** (art. 16, UK reg. 28) are flags on the SKU (the variant's return flags), never decided per case. The
  validator refuses an exclusion without its exception and refuses \`exclusions.finalSale\` ("final sale" and "only
  unopened" are not exceptions). Used goods may come back (\`conditions.acceptedForNoReason\` includes \`used\`).
- **Floors**: \`windows.noReasonDays\` and every override stay at or above \`statutory.withdrawalDays\`.

| art. 16 exception | return flag | meaning |
| --- | --- | --- |
${ART16_CODES.map((c) => `| ${code(c)} | ${code(ART16_EXCEPTIONS[c].flag)} | ${ART16_EXCEPTIONS[c].label.en} / ${ART16_EXCEPTIONS[c].label['zh-CN']} |`).join('\n')}

| setting | eu_withdrawal | uk_cancellation |
| --- | --- | --- |
${[
  presetRow('`windows.noReasonDays`', (p) => code(String(p.windows.noReasonDays))),
  presetRow('`windows.sellerFaultDays`', (p) => code(String(p.windows.sellerFaultDays))),
  presetRow('`statutory.withdrawalDays`', (p) => code(String(s(p).withdrawalDays))),
  presetRow('`statutory.extendToWorkingDay`', (p) => yes(s(p).extendToWorkingDay)),
  presetRow('`statutory.refundWithinDays`', (p) => code(String(s(p).refundWithinDays))),
  presetRow('`statutory.refundCountsFrom`', (p) => code(s(p).refundCountsFrom)),
  presetRow('`statutory.withholdUntilGoodsOrProof`', (p) => yes(s(p).withholdUntilGoodsOrProof)),
  presetRow('`statutory.refundStandardDelivery`', (p) => yes(s(p).refundStandardDelivery)),
  presetRow('`statutory.diminishedValueDeduction`', (p) => yes(s(p).diminishedValueDeduction)),
  presetRow('`statutory.exceptions`', (p) => s(p).exceptions.map(code).join(', ')),
  presetRow('`conditions.acceptedForNoReason`', (p) => p.conditions.acceptedForNoReason.map(code).join(', ')),
  presetRow('`fees.restocking`', (p) => (p.fees.restocking.length ? 'rules' : 'none')),
  presetRow('`exclusions.finalSale`', (p) => yes(p.exclusions.finalSale)),
  presetRow('`deadlines.buyerShipHours`', (p) => code(String(p.deadlines.buyerShipHours))),
  presetRow('reasons', (p) => p.reasons.map((r) => code(r.code)).join(', ')),
].join('\n')}
`;
}
