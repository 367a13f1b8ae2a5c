import { Type, type Static, type TSchema } from 'typebox';
import type { CaseAction } from '../../domain/cases/model.js';
import { RESOLUTIONS } from '../../domain/cases/model.js';
import { REJECTION_CODES } from '../../domain/cases/rejection-reasons.js';
import { StringEnum } from '../../domain/typebox.js';
import { DISPOSITIONS, GRADES } from '../../domain/cases/disposition.js';
import { EVIDENCE_KINDS } from '../../domain/cases/evidence-kinds.js';

const strict = { additionalProperties: false } as const;
const Amount = (description: string) => Type.Integer({ minimum: 0, maximum: 1e12, description });
const Text = (max: number) => Type.String({ minLength: 1, maxLength: max });
const Uuid = Type.String({ format: 'uuid' });
const Empty = Type.Object({}, strict);
const Parcel = Type.Object({ carrier: Text(50), trackingNumber: Text(100) }, strict);

export { DISPOSITIONS, GRADES } from '../../domain/cases/disposition.js';

/** The body each case action takes (POST /api/v1/returns/{id}/actions/{action}). */
export const ACTION_INPUTS = {
  approve: Type.Object(
    {
      amountMinor: Type.Optional(Amount('A lower refund than computed (amended approval)')),
      note: Type.Optional(Text(2000)),
      returnAddressId: Type.Optional(Uuid), // issue 13: where the goods go back (default: the shop's default return address)
    },
    strict,
  ),
  reject: Type.Object({ reasonCode: StringEnum(REJECTION_CODES), reason: Text(2000) }, strict),
  revise: Type.Object({ note: Type.Optional(Text(2000)) }, strict),
  cancel: Type.Object({ reason: Type.Optional(Text(2000)) }, strict),
  escalate: Type.Object({ reason: Text(2000) }, strict),
  resolve: Type.Object({ outcome: StringEnum(RESOLUTIONS), amountMinor: Type.Optional(Amount('Refund the arbiter set')), note: Text(2000) }, strict),
  offer_partial: Type.Object({ amountMinor: Amount('The part of the refund offered; the buyer keeps the goods'), message: Type.Optional(Text(2000)) }, strict),
  accept_offer: Empty,
  decline_offer: Type.Object({ reason: Type.Optional(Text(2000)) }, strict),
  buyer_shipped: Parcel,
  intercepted: Type.Object({ note: Type.Optional(Text(2000)) }, strict),
  goods_not_returned: Type.Object({ note: Type.Optional(Text(2000)) }, strict),
  receive: Type.Object(
    { items: Type.Optional(Type.Array(Type.Object({ itemId: Uuid, receivedQuantity: Type.Integer({ minimum: 0, maximum: 100000 }) }, strict), { maxItems: 100 })), note: Type.Optional(Text(2000)) },
    strict,
  ),
  inspect: Type.Object(
    {
      items: Type.Array(
        Type.Object(
          {
            itemId: Uuid,
            acceptedQuantity: Type.Integer({ minimum: 0, maximum: 100000 }),
            defectiveQuantity: Type.Optional(Type.Integer({ minimum: 0, maximum: 100000 })),
            grade: StringEnum(GRADES, { description: 'A as new, B opened, C used, D damaged' }),
            disposition: Type.Optional(StringEnum(DISPOSITIONS, { description: 'Default: from the grade and the claim (a defect claim is never restocked; C refurbish, D scrap or back to the vendor)' })),
            note: Type.Optional(Text(2000)),
          },
          strict,
        ),
        { minItems: 1, maxItems: 100 },
      ),
      evidenceIds: Type.Optional(Type.Array(Uuid, { maxItems: 50 })),
      confirmRestockBelowB: Type.Optional(Type.Boolean({ description: 'Required (true) to restock an item graded C or D' })),
    },
    strict,
  ),
  refund: Type.Object({ amountMinor: Type.Optional(Amount('A lower refund than computed')) }, strict),
  fast_refund: Type.Object(
    { reason: Type.Optional(Text(2000)) },
    { ...strict, description: 'reason: required when the policy refuses this buyer a fast refund (risk above its limit); recorded in the event' },
  ),
  complete: Empty,
  exchange: Empty,
  ship_replacement: Parcel,
  confirm_payment: Type.Object(
    {
      amountMinor: Type.Integer({ minimum: 1, maximum: 1e12, description: 'What the buyer paid toward the top-up (at most what is still due)' }),
      reference: Text(200),
      note: Type.Optional(Text(2000)),
    },
    strict,
  ),
  refund_succeeded: Empty,
  refund_failed: Empty,
  close: Type.Object({ reason: Type.Optional(Text(2000)) }, strict),
  note: Type.Object({ body: Text(5000) }, strict),
  message: Type.Object({ body: Text(5000), evidenceIds: Type.Optional(Type.Array(Uuid, { maxItems: 20 })) }, strict),
  request_evidence: Type.Object(
    {
      kinds: Type.Array(StringEnum(EVIDENCE_KINDS), { minItems: 1, maxItems: EVIDENCE_KINDS.length, uniqueItems: true, description: 'What the buyer is asked to show' }),
      note: Type.Optional(Text(2000)),
      dueInHours: Type.Optional(Type.Integer({ minimum: 1, maximum: 24 * 30, description: "Hours the buyer has (default: the policy's buyerRisk.evidenceDeadlineHours)" })),
    },
    strict,
  ),
  provide_evidence: Type.Object(
    { evidenceIds: Type.Array(Uuid, { minItems: 1, maxItems: 20, description: 'Evidence uploaded to the case (POST …/evidence)' }), note: Type.Optional(Text(2000)) },
    strict,
  ),
  evidence_overdue: Empty,
} satisfies Record<CaseAction, TSchema>;

export type ActionInput<A extends CaseAction> = Static<(typeof ACTION_INPUTS)[A]>;

/** Actions only Retour itself takes (the refund provider's answer): not offered over the API. */
export const INTERNAL_ACTIONS: ReadonlySet<CaseAction> = new Set(['refund_succeeded', 'refund_failed', 'evidence_overdue']);
