/**
 * The shapes /portal/v1 answers with: aliases of the types generated from the API's OpenAPI
 * document (web/shared/api-schema.d.ts, `npm run api:types`), named as the portal's pages use them.
 */
import type { Reply, RequestBody } from '../shared/api-client.js';

export type ShopBrand = Reply<'/portal/v1/shop', 'get'>;
export type Session = Reply<'/portal/v1/sessions', 'post', 201>;

export type OrderView = Reply<'/portal/v1/order', 'get'>;
export type OrderLine = OrderView['lines'][number];
export type ExchangeOption = OrderLine['exchangeOptions'][number];
export type Reason = OrderView['reasons'][number];
export type ReturnSummary = OrderView['returns'][number];
/** A text in both languages the portal speaks. */
export type Localized = OrderLine['explanation'];

export type ReturnRequest = RequestBody<'/portal/v1/returns', 'post'>;
export type Resolution = ReturnRequest['resolution'];
export type ReturnMethod = ReturnRequest['returnMethod'];
/** Per line: money back, or a replacement (one request may mix both). */
export type LineResolution = NonNullable<ReturnRequest['items'][number]['resolution']>;

export type Preview = Reply<'/portal/v1/returns/preview', 'post'>;
export type RefundBreakdown = Preview['refund'];
export type ShippingPayer = Preview['returnShippingPaidBy'];

/** A return of the order as the buyer sees it: status, timeline, money, next step, messages. */
export type CaseView = Reply<'/portal/v1/returns/{id}', 'get'>;

/** GET /portal/v1/buyer-orders: the buyer's orders that may come back together in one parcel. */
export type BuyerOrders = Reply<'/portal/v1/buyer-orders', 'get'>;
export type BuyerOrder = BuyerOrders['orders'][number];

export type GroupRequest = RequestBody<'/portal/v1/return-groups', 'post'>;
/** A return across several orders: one code (on the one label), one case per order; `labelAvailable` when read back. */
export type GroupView = Reply<'/portal/v1/return-groups', 'post', 201> & Partial<Pick<Reply<'/portal/v1/return-groups/{ref}', 'get'>, 'labelAvailable'>>;

/** GET /portal/v1/returns/{id}/carrier: what the shop's carriers can do for this return. */
export type PortalCarrierView = Reply<'/portal/v1/returns/{id}/carrier', 'get'>;
export type PortalParcel = PortalCarrierView['parcels'][number];
/** Where the courier collects the parcel (issue 17). */
export type PickupAddress = NonNullable<PortalCarrierView['pickupAddress']>;

export type PortalBooking = RequestBody<'/portal/v1/returns/{id}/carrier/booking', 'post'>;

export type NotificationPreferences = Reply<'/portal/v1/notifications', 'get'>;
export type NotificationPreference = NotificationPreferences['data'][number];
