import { Type } from 'typebox';
import { BOOKING_METHODS } from '../../services/carriers/bookings.js';
import { StringEnum } from '../../domain/typebox.js';
import { PICKUP_STATUSES } from '../../domain/carriers/pickup.js';
import { DateTime, Nullable, Uuid } from './common.js';

const strict = { additionalProperties: false } as const;

export const ParcelAddressSchema = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100 }),
    phone: Type.String({ minLength: 3, maxLength: 40 }),
    line: Type.String({ minLength: 1, maxLength: 300, description: 'The full street address on one line' }),
    city: Type.Optional(Type.String({ maxLength: 100 })),
    province: Type.Optional(Type.String({ maxLength: 100 })),
    postalCode: Type.Optional(Type.String({ maxLength: 20 })),
    country: Type.Optional(Type.String({ pattern: '^[A-Z]{2}$' })),
  },
  strict,
);

export const BookingBody = Type.Object(
  {
    method: StringEnum(BOOKING_METHODS, { description: 'pickup: a courier collects in the window; drop_off: a code the station scans; label: a printable prepaid label' }),
    connectionId: Type.Optional(Uuid),
    carrierCode: Type.Optional(Type.String({ minLength: 1, maxLength: 40, description: 'Kuaidi100 company code or EasyPost carrier (default: the connection’s)' })),
    windowStart: Type.Optional(DateTime),
    windowEnd: Type.Optional(DateTime),
    address: Type.Optional(ParcelAddressSchema),
    weightGrams: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000 })),
  },
  strict,
);

export const PortalBookingBody = Type.Object(
  {
    method: StringEnum(['pickup', 'drop_off'] as const),
    windowStart: Type.Optional(DateTime),
    windowEnd: Type.Optional(DateTime),
    address: Type.Optional(ParcelAddressSchema),
  },
  strict,
);

const PickupSchema = Type.Object(
  {
    windowStart: Type.String(),
    windowEnd: Type.String(),
    address: Type.Object(
      {
        name: Type.String(),
        phone: Type.String(),
        line: Type.String(),
        city: Type.Optional(Type.String()),
        province: Type.Optional(Type.String()),
        postalCode: Type.Optional(Type.String()),
        country: Type.Optional(Type.String()),
      },
      { ...strict, description: 'Where the courier collects' },
    ),
    confirmation: Nullable(Type.String()),
    status: Type.Optional(StringEnum(PICKUP_STATUSES, { description: 'Where the booked pickup stands, as the carrier’s pickup-order callbacks report it (Kuaidi100 商家寄件)' })),
    code: Type.Optional(Type.String({ description: 'The carrier’s own code for that status' })),
    courier: Type.Optional(Nullable(Type.Object({ name: Nullable(Type.String()), phone: Nullable(Type.String()) }, strict))),
    updatedAt: Type.Optional(Type.String()),
  },
  strict,
);

export const ParcelSchema = Type.Object(
  {
    id: Uuid,
    direction: Type.String({ description: '`return` (goods coming back), `replacement`, or `outbound` (the order’s parcel being intercepted)' }),
    carrier: Type.String(),
    carrierCode: Nullable(Type.String()),
    trackingNumber: Type.String(),
    status: Type.String(),
    trackingStatus: Nullable(Type.String({ description: 'The last carrier-neutral scan status' })),
    trackingAt: Nullable(DateTime),
    connectionId: Nullable(Uuid),
    labelUrl: Nullable(Type.String()),
    dropOffCode: Nullable(Type.String()),
    pickup: Nullable(PickupSchema),
    interception: Nullable(Type.String({ description: '`requested` (through the carrier’s API), `manual`, `succeeded`, `failed`' })),
    receiptReadyAt: Nullable(DateTime),
    shippedAt: Nullable(DateTime),
    deliveredAt: Nullable(DateTime),
  },
  strict,
);

export const CarrierEventSchema = Type.Object(
  {
    id: Uuid,
    shipmentId: Uuid,
    carrier: Type.String(),
    trackingNumber: Type.String(),
    status: Type.String(),
    code: Type.String(),
    description: Type.String(),
    location: Nullable(Type.String()),
    occurredAt: DateTime,
    effects: Type.Array(Type.String()),
  },
  strict,
);

export const CaseCarrierSchema = Type.Object({ parcels: Type.Array(ParcelSchema), events: Type.Array(CarrierEventSchema) }, strict);

export const CarrierFormatSchema = Type.Object(
  { code: Type.String(), names: Type.Array(Type.String()), pattern: Type.String(), example: Type.String(), network: Type.String() },
  strict,
);
