import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

/**
 * A local server shaped like EasyPost's v2 API (docs.easypost.com) for what Retour's client calls:
 * `POST /v2/shipments` (rates), `POST /v2/shipments/:id/buy` (label, tracking code, tracker,
 * QR form), `POST /v2/pickups` and `/v2/pickups/:id/buy`, `POST /v2/trackers`. Every call must
 * carry the API key as HTTP Basic user (401 otherwise, as EasyPost answers). `event()` sends a
 * `tracker.updated` webhook signed like EasyPost's (X-Hmac-Signature: hmac-sha256-hex=…).
 */
export class FakeEasyPost {
  readonly apiKey = 'EZTK_fake_0123456789';
  readonly webhookSecret = 'easypost-webhook-secret-0123';
  readonly shipments = new Map<string, Record<string, unknown>>();
  readonly pickups: Record<string, unknown>[] = [];
  readonly trackers = new Map<string, { id: string; tracking_code: string; carrier: string; status: string; tracking_details: Record<string, unknown>[] }>();
  private server: Server | null = null;
  private counter = 0;
  baseUrl = '';

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    const address = this.server.address();
    this.baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/v2/`;
    return this;
  }

  async stop() {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  private id(prefix: string) {
    this.counter += 1;
    return `${prefix}_${String(this.counter).padStart(8, '0')}`;
  }

  private trackerFor(code: string, carrier: string) {
    let t = [...this.trackers.values()].find((x) => x.tracking_code === code);
    if (!t) {
      t = { id: this.id('trk'), tracking_code: code, carrier, status: 'pre_transit', tracking_details: [] };
      this.trackers.set(t.id, t);
    }
    return t;
  }

  private async handle(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const body = (text ? JSON.parse(text) : {}) as Record<string, any>;
    const send = (status: number, payload: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify(payload));
    };
    const auth = req.headers.authorization ?? '';
    if (auth !== `Basic ${Buffer.from(`${this.apiKey}:`).toString('base64')}`) {
      return send(401, { error: { code: 'APIKEY.INACTIVE', message: 'This api key is no longer active.', errors: [] } });
    }
    const path = new URL(req.url ?? '/', 'http://x').pathname.replace(/^\/v2\//, '');
    let m: RegExpMatchArray | null;
    if (req.method === 'POST' && path === 'shipments') {
      const s = body.shipment as Record<string, any>;
      if (!s?.to_address?.street1 || !s?.from_address?.street1) return send(422, { error: { code: 'ADDRESS.VERIFY.FAILURE', message: 'Address is missing street1', errors: [] } });
      const id = this.id('shp');
      const shipment = {
        id,
        object: 'Shipment',
        is_return: s.is_return === true,
        reference: s.reference,
        to_address: s.to_address,
        from_address: s.from_address,
        rates: [
          { id: this.id('rate'), object: 'Rate', shipment_id: id, carrier: 'UPS', service: 'Ground', rate: '12.40', currency: 'USD' },
          { id: this.id('rate'), object: 'Rate', shipment_id: id, carrier: 'USPS', service: 'GroundAdvantage', rate: '7.85', currency: 'USD' },
        ],
        tracking_code: null,
        postage_label: null,
        forms: [],
      };
      this.shipments.set(id, shipment);
      return send(201, shipment);
    }
    if (req.method === 'POST' && (m = /^shipments\/([^/]+)\/buy$/.exec(path))) {
      const s = this.shipments.get(m[1]!) as Record<string, any> | undefined;
      if (!s) return send(404, { error: { code: 'NOT_FOUND', message: 'The requested resource could not be found.', errors: [] } });
      const rate = (s.rates as { id: string; carrier: string }[]).find((r) => r.id === body.rate?.id);
      if (!rate) return send(422, { error: { code: 'SHIPMENT.RATE.INVALID', message: 'Rate not found', errors: [] } });
      const code = `EZ${String(1_000_000_000 + this.counter).padStart(10, '0')}`;
      const tracker = this.trackerFor(code, rate.carrier);
      Object.assign(s, {
        selected_rate: rate,
        tracking_code: code,
        postage_label: { object: 'PostageLabel', label_url: `https://easypost-files.example/${s.id}.pdf`, label_file_type: 'application/pdf' },
        tracker,
        forms: [{ object: 'Form', id: this.id('form'), form_type: 'label_qr_code', form_url: `https://easypost-files.example/${s.id}-qr.png` }],
      });
      return send(200, s);
    }
    if (req.method === 'POST' && path === 'pickups') {
      const p = body.pickup as Record<string, any>;
      if (!p?.min_datetime || !p?.max_datetime || !p?.shipment?.id) return send(422, { error: { code: 'PICKUP.INVALID', message: 'min_datetime, max_datetime and shipment are required', errors: [] } });
      const pickup = { id: this.id('pickup'), object: 'Pickup', status: 'unknown', ...p, pickup_rates: [{ id: this.id('pickuprate'), carrier: 'USPS', service: 'NextDay', rate: '0.00' }] };
      this.pickups.push(pickup);
      return send(201, pickup);
    }
    if (req.method === 'POST' && (m = /^pickups\/([^/]+)\/buy$/.exec(path))) {
      const p = this.pickups.find((x) => x.id === m![1]);
      if (!p) return send(404, { error: { code: 'NOT_FOUND', message: 'The requested resource could not be found.', errors: [] } });
      Object.assign(p, { status: 'scheduled', confirmation: `WTC${this.counter}`, bought: { carrier: body.carrier, service: body.service } });
      return send(200, p);
    }
    if (req.method === 'POST' && path === 'trackers') {
      const t = body.tracker as { tracking_code: string; carrier: string };
      return send(201, { object: 'Tracker', ...this.trackerFor(t.tracking_code, t.carrier) });
    }
    return send(404, { error: { code: 'NOT_FOUND', message: 'The requested resource could not be found.', errors: [] } });
  }

  /** A new scan on the tracker of `code`, delivered as a signed tracker.updated event to `url`. */
  async event(url: string, code: string, status: string, message: string, datetime: string, options: { statusDetail?: string; secret?: string } = {}) {
    const t = this.trackerFor(code, 'USPS');
    t.status = status;
    t.tracking_details.push({ object: 'TrackingDetail', datetime, message, status, status_detail: options.statusDetail ?? null, tracking_location: { city: 'LOS ANGELES', state: 'CA', country: 'US' } });
    const body = JSON.stringify({ object: 'Event', id: this.id('evt'), description: 'tracker.updated', mode: 'test', result: { object: 'Tracker', ...t } });
    const signature = `hmac-sha256-hex=${createHmac('sha256', options.secret ?? this.webhookSecret).update(body, 'utf8').digest('hex')}`;
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hmac-signature': signature }, body });
    return { status: res.status, body: await res.text() };
  }
}
