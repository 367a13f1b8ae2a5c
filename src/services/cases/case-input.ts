import { Type, type Static } from 'typebox';
import { CASE_TYPES, REFUND_ONLY_KINDS } from '../../domain/cases/model.js';
import { CONDITIONS } from '../../domain/policy/schema.js';
import { StringEnum } from '../../domain/typebox.js';
import { LINE_RESOLUTIONS } from '../../domain/refunds/compute.js';

const strict = { additionalProperties: false } as const;

export const RETURN_METHODS = ['pickup', 'drop_off', 'self_ship', 'none'] as const;
export type ReturnMethod = (typeof RETURN_METHODS)[number];

export const CaseItemInputSchema = Type.Object(
  {
    lineId: Type.String({ format: 'uuid', description: 'The order line' }),
    quantity: Type.Integer({ minimum: 1, maximum: 100000 }),
    reasonCode: Type.String({ minLength: 1, maxLength: 41, description: "A code from the policy's reasons catalogue" }),
    condition: Type.Optional(StringEnum(CONDITIONS, { description: 'As the buyer declares it; default unopened' })),
    note: Type.Optional(Type.String({ maxLength: 2000 })),
    resolution: Type.Optional(
      StringEnum(LINE_RESOLUTIONS, {
        description: 'Exchange cases: `exchange` (default) replaces this item, `refund` refunds it like a return, so one case can do both. Other case types refund every item.',
      }),
    ),
    replacementSku: Type.Optional(
      Type.String({ minLength: 1, maxLength: 100, description: 'Exchanged items: a variant of the same product, the same variant included (default: the same variant, e.g. a defective item replaced)' }),
    ),
  },
  strict,
);

export const CaseRequestSchema = Type.Object(
  {
    orderId: Type.String({ format: 'uuid' }),
    type: StringEnum(CASE_TYPES),
    refundOnlyKind: Type.Optional(StringEnum(REFUND_ONLY_KINDS, { description: 'Derived from the order when absent' })),
    items: Type.Array(CaseItemInputSchema, { minItems: 1, maxItems: 100 }),
    refundMethod: Type.Optional(StringEnum(['original', 'store_credit'] as const)),
    returnMethod: Type.Optional(StringEnum(RETURN_METHODS)),
    returnShippingClaimMinor: Type.Optional(Type.Integer({ minimum: 0, maximum: 1e9, description: 'Return shipping the buyer paid and asks back (seller fault)' })),
    requestedAmountMinor: Type.Optional(Type.Integer({ minimum: 0, maximum: 1e12, description: 'Partial refunds: the amount the buyer asks for (at most the computed refund)' })),
    note: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  strict,
);
export type CaseRequest = Static<typeof CaseRequestSchema>;

export const CreateCaseSchema = Type.Object(
  {
    ...CaseRequestSchema.properties,
    overridePolicy: Type.Optional(Type.Boolean({ description: 'Open the case although the policy refuses it (needs cases:decide); recorded in the timeline' })),
  },
  strict,
);
export type CreateCaseInput = Static<typeof CreateCaseSchema>;
