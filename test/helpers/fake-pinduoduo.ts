import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { cnTime, FakeMarketplace, fromCnTime, type Json } from './fake-marketplace.js';

/**
 * A local Pinduoduo router: `pdd.refund.list.increment.get` (update-time window of at most 30
 * minutes, as PDD allows, pages by total_count) and the seller's actions, each moving the
 * after-sales record as PDD does. Records start from test/fixtures/marketplaces/pdd-refunds.json
 * (fields of marketplace-rules.md §6.2; amounts in fen).
 */
export class FakePinduoduo extends FakeMarketplace {
  readonly clientId = 'pdd-client-0123';
  readonly clientSecret = 'pdd-secret-456789';
  readonly accessToken = 'pdd-token-abcdef';
  readonly records = new Map<string, Json>();

  seed(overrides: Partial<Json>[] = [{}], minutesAgo = 10): Json[] {
    const fixtures = JSON.parse(readFileSync(new URL('../fixtures/marketplaces/pdd-refunds.json', import.meta.url), 'utf8')) as Json[];
    return overrides.map((o, i) => {
      const at = new Date(this.now().getTime() - minutesAgo * 60_000);
      const r: Json = { ...structuredClone(fixtures[i % fixtures.length]!), created_time: cnTime(at), updated_time: cnTime(at), ...o };
      this.records.set(String(r.id), r);
      return r;
    });
  }

  move(r: Json, status: number, extra: Json = {}) {
    Object.assign(r, { after_sales_status: status, updated_time: cnTime(this.now()), ...extra });
  }

  protected methodOf(params: Record<string, string>) {
    return params.type ?? '?';
  }

  protected signatureValid(p: Record<string, string>) {
    const text = Object.keys(p).filter((k) => k !== 'sign' && p[k] !== '').sort().map((k) => k + p[k]).join('');
    return p.client_id === this.clientId && p.access_token === this.accessToken && p.sign === createHash('md5').update(this.clientSecret + text + this.clientSecret).digest('hex').toUpperCase();
  }

  protected error(kind: string, message: string): Json {
    const code = { rate_limited: 70031, token_expired: 10019, server: 50001, signature: 10016, refused: 20001 }[kind];
    return { error_response: { error_code: code, error_msg: message, sub_code: String(code), sub_msg: message, request_id: 'fake' } };
  }

  protected answer(method: string, p: Record<string, string>): Json {
    const record = () => {
      const r = this.records.get(String(p.after_sales_id));
      if (!r || String(r.order_sn) !== p.order_sn) throw new Error(`no after-sales ${p.after_sales_id} on ${p.order_sn}`);
      return r;
    };
    switch (method) {
      case 'pdd.refund.list.increment.get': {
        const from = Number(p.start_updated_at) * 1000;
        const to = Number(p.end_updated_at) * 1000;
        if (to - from > 30 * 60_000) throw new Error('the window may span at most 30 minutes');
        const all = [...this.records.values()].filter((r) => {
          const m = fromCnTime(r.updated_time).getTime();
          return m >= from && m <= to;
        });
        const size = Number(p.page_size);
        const page = Number(p.page);
        return { refund_increment_get_response: { total_count: all.length, refund_list: all.slice((page - 1) * size, page * size) } };
      }
      case 'pdd.refund.agree': {
        const r = record();
        if (![2, 3].includes(r.after_sales_status) || (r.after_sales_status === 3 && !r.tracking_number)) throw new Error(`cannot agree in ${r.after_sales_status}`);
        this.move(r, 10, { agreed_amount: Number(p.refund_amount) });
        return { refund_agree_response: { success: true } };
      }
      case 'pdd.refund.returngoods.agree': {
        const r = record();
        if (r.after_sales_status !== 3) throw new Error(`cannot agree a return in ${r.after_sales_status}`);
        this.move(r, 7, { return_address: { name: p.receiver_name, phone: p.receiver_phone, address: p.receiver_address } });
        return { refund_returngoods_agree_response: { success: true } };
      }
      case 'pdd.refund.refuse': {
        const r = record();
        if (![2, 3].includes(r.after_sales_status)) throw new Error(`cannot refuse in ${r.after_sales_status}`);
        this.move(r, 6, { refuse_reason: p.reason });
        return { refund_refuse_response: { success: true } };
      }
      default:
        throw new Error(`unknown type ${method}`);
    }
  }
}
