import { createHash, createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { cnTime, FakeMarketplace, fromCnTime, type Json } from './fake-marketplace.js';

/**
 * A local Taobao TOP router: `taobao.refunds.receive.get` (modified-time window, pages with
 * has_next), and the seller's actions `taobao.rp.refunds.agree`, `taobao.rp.returngoods.agree`,
 * `taobao.refund.refuse`, each moving the refund as Taobao does and bumping its refund_version
 * (an action naming an old version is refused, as TOP does). Refunds start from
 * test/fixtures/marketplaces/taobao-refunds.json (fields of marketplace-rules.md §6.1 and §0).
 */
export class FakeTaobao extends FakeMarketplace {
  readonly appKey = '12345678';
  readonly appSecret = 'top-secret-0123456789';
  readonly sessionKey = '6100a1b2c3d4-session';
  readonly refunds = new Map<string, Json>();

  /** Adds the fixture refunds (or those given), modified `minutesAgo` before now. */
  seed(overrides: Partial<Json>[] = [{}], minutesAgo = 10): Json[] {
    const fixtures = JSON.parse(readFileSync(new URL('../fixtures/marketplaces/taobao-refunds.json', import.meta.url), 'utf8')) as Json[];
    return overrides.map((o, i) => {
      const base = structuredClone(fixtures[i % fixtures.length]!);
      const at = new Date(this.now().getTime() - minutesAgo * 60_000);
      const r: Json = { ...base, created: cnTime(at), modified: cnTime(at), ...o };
      this.refunds.set(String(r.refund_id), r);
      return r;
    });
  }

  /** The buyer enters the return waybill on Taobao. */
  buyerShips(refundId: string, sid = 'SF1234567890') {
    const r = this.refunds.get(refundId)!;
    if (r.status !== 'WAIT_BUYER_RETURN_GOODS') throw new Error(`cannot ship in ${r.status}`);
    this.move(r, 'WAIT_SELLER_CONFIRM_GOODS', { sid, company_name: '顺丰速运', good_status: 'BUYER_RETURNED_GOODS' });
  }

  move(r: Json, status: string, extra: Json = {}) {
    Object.assign(r, { status, modified: cnTime(this.now()), refund_version: String(Number(r.refund_version) + 1), ...extra });
  }

  protected methodOf(params: Record<string, string>) {
    return params.method ?? '?';
  }

  protected signatureValid(p: Record<string, string>) {
    const text = Object.keys(p).filter((k) => k !== 'sign' && p[k] !== '').sort().map((k) => k + p[k]).join('');
    const expected = p.sign_method === 'hmac' ? createHmac('md5', this.appSecret).update(text).digest('hex') : createHash('md5').update(this.appSecret + text + this.appSecret).digest('hex');
    return p.app_key === this.appKey && p.session === this.sessionKey && typeof p.sign === 'string' && p.sign === expected.toUpperCase();
  }

  protected error(kind: string, message: string): Json {
    const e = {
      rate_limited: { code: 7, msg: 'App Call Limited', sub_code: 'accesscontrol.limited-by-api-access-count', sub_msg: message },
      token_expired: { code: 27, msg: 'Invalid session', sub_code: 'invalid-sessionkey', sub_msg: 'SessionKey非法' },
      server: { code: 15, msg: 'Remote service error', sub_code: 'isp.remote-service-timeout', sub_msg: message },
      signature: { code: 25, msg: 'Invalid signature' },
      refused: { code: 15, msg: 'Remote service error', sub_code: 'isv.invalid-parameter', sub_msg: message },
    }[kind];
    return { error_response: { ...e, request_id: 'fake' } };
  }

  private version(r: Json, p: Record<string, string>, given = p.refund_version) {
    if (given !== String(r.refund_version)) throw new Error(`refund_version ${given} is not the current ${r.refund_version}`);
  }

  protected answer(method: string, p: Record<string, string>): Json {
    switch (method) {
      case 'taobao.refunds.receive.get': {
        const from = fromCnTime(p.start_modified!).getTime();
        const to = fromCnTime(p.end_modified!).getTime();
        const all = [...this.refunds.values()].filter((r) => {
          const m = fromCnTime(r.modified).getTime();
          return m >= from && m <= to;
        });
        all.sort((a, b) => fromCnTime(a.modified).getTime() - fromCnTime(b.modified).getTime() || String(a.refund_id).localeCompare(String(b.refund_id)));
        const size = Number(p.page_size ?? 40);
        const page = Number(p.page_no ?? 1);
        const fields = new Set(p.fields!.split(','));
        const slice = all.slice((page - 1) * size, page * size).map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => fields.has(k))));
        return { refunds_receive_get_response: { refunds: { refund: slice }, has_next: page * size < all.length, total_results: all.length } };
      }
      case 'taobao.rp.refunds.agree': {
        const [id, fee, version, phase] = p.refund_infos!.split('|');
        const r = this.refunds.get(id!);
        if (!r) throw new Error(`no refund ${id}`);
        this.version(r, p, version);
        if (!['WAIT_SELLER_AGREE', 'WAIT_SELLER_CONFIRM_GOODS'].includes(r.status) || (r.status === 'WAIT_SELLER_AGREE' && r.has_good_return)) throw new Error(`cannot agree a refund in ${r.status}`);
        if (phase !== r.refund_phase) throw new Error('wrong refund_phase');
        this.move(r, 'SUCCESS', { agreed_fee: Number(fee) });
        return { rp_refunds_agree_response: { succ: true, msg: '成功', results: { refund_mapping_result: [{ refund_id: id, succ: true }] } } };
      }
      case 'taobao.rp.returngoods.agree': {
        const r = this.refunds.get(p.refund_id!);
        if (!r) throw new Error(`no refund ${p.refund_id}`);
        this.version(r, p);
        if (r.status !== 'WAIT_SELLER_AGREE' || !r.has_good_return) throw new Error(`cannot agree a return in ${r.status}`);
        if (!p.name || !p.address) throw new Error('name and address are required');
        this.move(r, 'WAIT_BUYER_RETURN_GOODS', { return_address: { name: p.name, address: p.address, mobile: p.mobile, post: p.post } });
        return { rp_returngoods_agree_response: { is_success: true } };
      }
      case 'taobao.refund.refuse': {
        const r = this.refunds.get(p.refund_id!);
        if (!r) throw new Error(`no refund ${p.refund_id}`);
        this.version(r, p);
        if (!['WAIT_SELLER_AGREE', 'WAIT_SELLER_CONFIRM_GOODS'].includes(r.status)) throw new Error(`cannot refuse in ${r.status}`);
        if (!p.refuse_message) throw new Error('refuse_message is required');
        this.move(r, 'SELLER_REFUSE_BUYER', { refuse_message: p.refuse_message });
        return { refund_refuse_response: { is_success: true } };
      }
      default:
        throw new Error(`unknown method ${method}`);
    }
  }
}
