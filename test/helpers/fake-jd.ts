import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { cnTime, FakeMarketplace, fromCnTime, type Json } from './fake-marketplace.js';

/**
 * A local JD routerjson: pre-shipment refund applications (`jingdong.pop.afs.soa.refundapply.queryPageList`
 * by application or review time, pageIndex/pageSize/totalCount) and after-sales service orders
 * (`jingdong.asc.query.list` by update time), and the seller's actions, each moving the record as
 * JD does. Answers `<method>_responce` as JOS does. Records start from
 * test/fixtures/marketplaces/jd-afs.json (fields of marketplace-rules.md §6.3).
 */
export class FakeJd extends FakeMarketplace {
  readonly appKey = 'jd-app-7788';
  readonly appSecret = 'jd-secret-0123456789';
  readonly accessToken = 'jd-token-abcdef0123';
  readonly refunds = new Map<string, Json>();
  readonly services = new Map<string, Json>();

  private fixtures() {
    return JSON.parse(readFileSync(new URL('../fixtures/marketplaces/jd-afs.json', import.meta.url), 'utf8')) as { refundApplies: Json[]; serviceOrders: Json[] };
  }

  /** Adds refund applications (fixture fields, overridden), applied `minutesAgo` before now. */
  seedRefunds(overrides: Partial<Json>[] = [{}], minutesAgo = 10): Json[] {
    const base = this.fixtures().refundApplies;
    return overrides.map((o, i) => {
      const at = cnTime(new Date(this.now().getTime() - minutesAgo * 60_000));
      const r: Json = { ...structuredClone(base[i % base.length]!), applyTime: at, ...o };
      this.refunds.set(String(r.id), r);
      return r;
    });
  }

  /** Adds service orders (fixture fields, overridden), applied and updated `minutesAgo` before now. */
  seedServices(overrides: Partial<Json>[] = [{}], minutesAgo = 10): Json[] {
    const base = this.fixtures().serviceOrders;
    return overrides.map((o, i) => {
      const at = cnTime(new Date(this.now().getTime() - minutesAgo * 60_000));
      const r: Json = { ...structuredClone(base[i % base.length]!), applyTime: at, updateDate: at, ...o };
      this.services.set(String(r.serviceId), r);
      return r;
    });
  }

  /** A refund application reviewed (by the seller, or JD finance): its review time moves. */
  moveRefund(r: Json, status: number, extra: Json = {}) {
    Object.assign(r, { status, checkTime: cnTime(this.now()), ...extra });
  }

  moveService(r: Json, serviceStatus: number, extra: Json = {}) {
    Object.assign(r, { serviceStatus, updateDate: cnTime(this.now()), ...extra });
  }

  protected methodOf(params: Record<string, string>) {
    return params.method ?? '?';
  }

  protected signatureValid(p: Record<string, string>) {
    const text = Object.keys(p).filter((k) => k !== 'sign' && p[k] !== '').sort().map((k) => k + p[k]).join('');
    return p.app_key === this.appKey && p.access_token === this.accessToken && p.sign === createHash('md5').update(this.appSecret + text + this.appSecret).digest('hex').toUpperCase();
  }

  protected error(kind: string, message: string): Json {
    const e = {
      rate_limited: { code: '90', zh_desc: '调用次数超过限制', en_desc: 'call limit exceeded' },
      token_expired: { code: '19', zh_desc: 'access_token已过期', en_desc: 'Invalid access_token' },
      server: { code: '1', zh_desc: '服务不可用', en_desc: 'service unavailable' },
      signature: { code: '14', zh_desc: '签名无效', en_desc: 'Invalid signature' },
      refused: { code: '1010', zh_desc: message, en_desc: message },
    }[kind];
    return { error_response: e };
  }

  private within(value: string, from?: unknown, to?: unknown) {
    if (!value) return false;
    const t = fromCnTime(value).getTime();
    return t >= fromCnTime(String(from)).getTime() && t <= fromCnTime(String(to)).getTime();
  }

  protected answer(method: string, raw: Record<string, string>): Json {
    const p = JSON.parse(raw['360buy_param_json'] ?? '{}') as Json;
    const wrap = (data: Json) => ({ [`${method.replace(/\./g, '_')}_responce`]: { code: '0', ...data } });
    const refund = () => {
      const r = this.refunds.get(String(p.id));
      if (!r) throw new Error(`no refund application ${p.id}`);
      return r;
    };
    const service = () => {
      const r = this.services.get(String(p.serviceId));
      if (!r || String(r.orderId) !== String(p.orderId)) throw new Error(`no service order ${p.serviceId} on ${p.orderId}`);
      return r;
    };
    switch (method) {
      case 'jingdong.pop.afs.soa.refundapply.queryPageList': {
        const by = p.applyTimeStart ? 'apply' : 'check';
        const all = [...this.refunds.values()].filter((r) => this.within(by === 'apply' ? r.applyTime : r.checkTime, p[`${by}TimeStart`], p[`${by}TimeEnd`]));
        const size = Number(p.pageSize);
        const page = Number(p.pageIndex);
        return wrap({ queryResult: { success: true, totalCount: all.length, result: all.slice((page - 1) * size, page * size) } });
      }
      case 'jingdong.asc.query.list': {
        if (!p.buId) throw new Error('buId is required');
        const all = [...this.services.values()].filter((r) => this.within(r.updateDate, p.updateTimeBegin, p.updateTimeEnd));
        const size = Number(p.pageSize);
        const page = Number(p.pageNumber);
        return wrap({ result: { success: true, totalCount: all.length, pageNumber: page, pageSize: size, data: all.slice((page - 1) * size, page * size) } });
      }
      case 'jingdong.pop.afs.soa.refundapply.replyRefund': {
        const r = refund();
        if (r.status !== 0) throw new Error(`cannot review in ${r.status}`);
        if (!p.remark) throw new Error('remark is required');
        this.moveRefund(r, Number(p.status) === 1 ? 1 : 2, { checkRemark: p.remark, checkUserName: p.checkUserName, ...(p.rejectType ? { rejectType: p.rejectType } : {}) });
        return wrap({ replyResult: { success: true } });
      }
      case 'jingdong.asc.audit.send': {
        const r = service();
        if (![10001, 10000].includes(r.serviceStatus)) throw new Error(`cannot approve in ${r.serviceStatus}`);
        this.moveService(r, 10005, { returnAddress: { name: p.returnContactName, mobile: p.returnContactMobile, address: p.returnDetailAddress, zipcode: p.returnZipcode } });
        return wrap({ result: { success: true } });
      }
      case 'jingdong.asc.audit.reject': {
        const r = service();
        if (![10001, 10000].includes(r.serviceStatus)) throw new Error(`cannot reject in ${r.serviceStatus}`);
        this.moveService(r, 10004, { approveNotes: p.approveNotes });
        return wrap({ result: { success: true } });
      }
      case 'jingdong.asc.receive.register': {
        const r = service();
        if (r.serviceStatus !== 10005) throw new Error(`cannot receive in ${r.serviceStatus}`);
        this.moveService(r, 10007);
        return wrap({ result: { success: true } });
      }
      case 'jingdong.asc.process.refund': {
        const r = service();
        if (r.serviceStatus !== 10007) throw new Error(`cannot refund in ${r.serviceStatus}`);
        this.moveService(r, 10041, { refundAmount: Number(p.refundAmount) });
        return wrap({ result: { success: true } });
      }
      default:
        throw new Error(`unknown method ${method}`);
    }
  }
}
