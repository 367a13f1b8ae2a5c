import { easypostStatus } from '../../domain/carriers/tracking.js';
import { CARRIER_FORMATS, normaliseTrackingNumber } from '../../domain/carriers/tracking-numbers.js';
import { CarrierError, CarrierSignatureError, type Carrier, type ParcelAddress, type TrackingUpdate } from '../carriers/carrier.js';
import { lazyModule } from '../../lazy-module.js';

/**
 * EasyPost through its official client (`@easypost/api`): return labels (a shipment with
 * `is_return`, bought at its lowest rate), the QR code some carriers give for label-free drop-off,
 * courier pickups (Pickup create + buy), trackers, and `tracker.updated` webhooks verified with
 * the client's `validateWebhook` (X-Hmac-Signature: hmac-sha256-hex= HMAC-SHA256 of the body
 * with the webhook secret). EasyPost has no interception API: staff ask the carrier themselves
 * and the tracker's return_to_sender confirms it.
 */
export interface EasyPostCredentials {
  apiKey: string;
  webhookSecret: string;
}
export interface EasyPostSettings {
  /** Only for a test server: called instead of https://api.easypost.com/v2/. */
  baseUrl?: string;
  timeoutMs?: number;
  /** Carrier and service for booked pickups (e.g. UPS, "Same-day Pickup"). */
  pickupCarrier?: string;
  pickupService?: string;
}

interface EpTrackingDetail {
  datetime?: string;
  message?: string;
  status?: string;
  status_detail?: string | null;
  tracking_location?: { city?: string | null; state?: string | null; country?: string | null } | null;
}
interface EpTracker {
  id?: string;
  tracking_code?: string;
  carrier?: string;
  status?: string;
  status_detail?: string | null;
  tracking_details?: EpTrackingDetail[];
}
interface EpRate {
  id: string;
  rate: string;
  carrier: string;
  service: string;
}
interface EpShipment {
  id: string;
  tracking_code?: string | null;
  rates?: EpRate[];
  selected_rate?: EpRate | null;
  postage_label?: { label_url?: string | null } | null;
  tracker?: EpTracker | null;
  forms?: { form_type?: string; form_url?: string; id?: string }[];
}
/** The part of the client Retour uses (its published types are loose on these services). */
interface EpClient {
  Tracker: { create(p: Record<string, unknown>): Promise<EpTracker> };
  Shipment: { create(p: Record<string, unknown>): Promise<EpShipment>; buy(id: string, rate: string): Promise<EpShipment> };
  Pickup: {
    create(p: Record<string, unknown>): Promise<{ id: string; pickup_rates?: EpRate[] }>;
    buy(id: string, carrier: string, service: string): Promise<{ id: string; confirmation?: string | null }>;
  };
  Utils: { validateWebhook(body: Buffer, headers: object, secret: string): object };
}

/**
 * The client's class (its bundled typings declare it in a way TypeScript cannot construct under NodeNext),
 * loaded by the first EasyPost call or webhook of the process.
 */
const loadEasyPostClient = lazyModule(async () => (await import('@easypost/api')).default as unknown as new (key: string, options: { baseUrl?: string; timeout?: number }) => EpClient);

const addressOf = (a: ParcelAddress) => ({
  name: a.name,
  phone: a.phone,
  street1: a.line,
  city: a.city,
  state: a.province,
  zip: a.postalCode,
  country: a.country ?? 'US',
});

export function updatesOfTracker(t: EpTracker): TrackingUpdate[] {
  const carrierCode = String(t.carrier ?? '');
  const trackingNumber = String(t.tracking_code ?? '');
  return (t.tracking_details ?? []).map((d) => {
    const where = [d.tracking_location?.city, d.tracking_location?.state, d.tracking_location?.country].filter(Boolean).join(', ');
    return {
      carrierCode,
      trackingNumber,
      status: easypostStatus(String(d.status ?? ''), d.status_detail ?? null),
      code: [d.status, d.status_detail].filter(Boolean).join('/') || 'unknown',
      description: (d.message ?? '').slice(0, 1000),
      location: where || null,
      occurredAt: d.datetime ? new Date(d.datetime) : new Date(0),
    };
  });
}

const failure = (err: unknown) => {
  const e = err as { message?: string; statusCode?: number };
  return new CarrierError(`EasyPost: ${e.message ?? String(err)}`, e.statusCode ?? null);
};

export function easypostCarrier(credentials: EasyPostCredentials, settings: EasyPostSettings): Carrier {
  // Made by the first call or webhook, which loads the client.
  const easypost = lazyModule(async () => {
    const EasyPostClient = await loadEasyPostClient();
    return new EasyPostClient(credentials.apiKey, {
      ...(settings.baseUrl ? { baseUrl: settings.baseUrl.endsWith('/') ? settings.baseUrl : `${settings.baseUrl}/` } : {}),
      timeout: settings.timeoutMs ?? 30_000,
    });
  });
  const call = async <T>(fn: (client: EpClient) => Promise<T>): Promise<T> => {
    const client = await easypost();
    try {
      return await fn(client);
    } catch (err) {
      throw failure(err);
    }
  };

  return {
    network: 'easypost',
    capabilities: { pickup: true, dropOffCode: true, labels: true, interception: false },

    // EasyPost detects the carrier when a tracker is created without one; before that, the number's format says.
    async detectCarrier(trackingNumber) {
      const n = normaliseTrackingNumber(trackingNumber);
      return CARRIER_FORMATS.filter((f) => f.network === 'easypost' && f.pattern.test(n)).map((f) => f.code);
    },

    async track(carrierCode, trackingNumber) {
      return updatesOfTracker(await call((client) => client.Tracker.create({ tracking_code: trackingNumber, carrier: carrierCode })));
    },

    // A tracker reports to the account's webhook: creating it is the subscription.
    async subscribe(carrierCode, trackingNumber) {
      const tracker = await call((client) => client.Tracker.create({ tracking_code: trackingNumber, carrier: carrierCode }));
      const refs: Record<string, string> = {};
      if (tracker.id) refs.trackerId = tracker.id;
      return refs;
    },

    async bookReturn(booking) {
      const created = await call((client) =>
        client.Shipment.create({
          // A return: the label's "to" is the shop; EasyPost swaps nothing when is_return is set, the buyer sends.
          to_address: addressOf(booking.to),
          from_address: addressOf(booking.from),
          parcel: { weight: Math.max(1, Math.ceil(booking.weightGrams / 28.3495)) },
          is_return: true,
          reference: booking.reference,
          options: { label_format: 'PDF', ...(booking.method === 'drop_off' ? { print_custom_1: booking.reference } : {}) },
        }),
      );
      const rates = (created.rates ?? []).filter((r) => !booking.carrierCode || r.carrier === booking.carrierCode);
      if (rates.length === 0) throw new CarrierError('EasyPost offered no rate for this return');
      const cheapest = rates.reduce((a, b) => (Number(b.rate) < Number(a.rate) ? b : a));
      const bought = await call((client) => client.Shipment.buy(created.id, cheapest.id));
      const trackingNumber = String(bought.tracking_code ?? '');
      if (!trackingNumber) throw new CarrierError('EasyPost bought the label without a tracking code');
      const qr = (bought.forms ?? []).find((f) => f.form_type === 'label_qr_code');
      let pickupConfirmation: string | null = null;
      const refs: Record<string, string> = { shipmentId: bought.id, ...(bought.tracker?.id ? { trackerId: bought.tracker.id } : {}) };
      if (booking.method === 'pickup') {
        const window = booking.window ?? { start: new Date(), end: new Date(Date.now() + 8 * 3_600_000) };
        const pickup = await call((client) =>
          client.Pickup.create({
            address: addressOf(booking.from),
            shipment: { id: bought.id },
            reference: booking.reference,
            min_datetime: window.start.toISOString(),
            max_datetime: window.end.toISOString(),
            is_account_address: false,
            instructions: `Return ${booking.reference}`,
          }),
        );
        const rate = pickup.pickup_rates?.find((r) => !settings.pickupCarrier || r.carrier === settings.pickupCarrier) ?? pickup.pickup_rates?.[0];
        if (!rate) throw new CarrierError('EasyPost offered no pickup in this window');
        const booked = await call((client) => client.Pickup.buy(pickup.id, settings.pickupCarrier ?? rate.carrier, settings.pickupService ?? rate.service));
        pickupConfirmation = booked.confirmation ?? booked.id;
        refs.pickupId = booked.id;
      }
      return {
        carrierCode: cheapest.carrier,
        trackingNumber,
        labelUrl: bought.postage_label?.label_url ?? null,
        dropOffCode: booking.method === 'drop_off' ? (qr?.form_url ?? null) : null,
        pickupConfirmation,
        refs,
      };
    },

    async readWebhook({ rawBody, headers }) {
      const client = await easypost();
      let event: { description?: string; result?: EpTracker & { object?: string } };
      try {
        event = client.Utils.validateWebhook(rawBody, headers, credentials.webhookSecret) as typeof event;
      } catch (err) {
        throw new CarrierSignatureError((err as Error).message);
      }
      if (!event.description?.startsWith('tracker.') || event.result?.object !== 'Tracker') return [];
      return updatesOfTracker(event.result);
    },

    webhookAnswer: { contentType: 'application/json; charset=utf-8', body: '{}' },
  };
}
