import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { FakeMarketplace, type Json } from './fake-marketplace.js';

const secs = (d: Date) => Math.floor(d.getTime() / 1000);

/**
 * A local 抖店 gateway: `/afterSale/List` (update-time window in Unix seconds, pages from 0 with
 * has_more) and `/afterSale/operate` (201 agree refund-only, 101 agree a return, 111 confirm
 * receipt and refund, 202/102/112 refuse), each moving the after-sale as Douyin does and setting
 * a new `status_deadline` for the next step. Answers `{code: 10000, data}` envelopes. Items start
 * from test/fixtures/marketplaces/douyin-aftersales.json (fields of marketplace-rules.md §6.4, §0).
 */
export class FakeDouyin extends FakeMarketplace {
  readonly appKey = '7300000000000000001';
  readonly appSecret = 'dy-secret-0123456789abcdef';
  readonly accessToken = 'dy-token-abcdef';
  readonly items = new Map<string, Json>();
  /** Hours the platform gives each step (its `status_deadline`). */
  stepHours = 48;

  seed(overrides: Partial<Json>[] = [{}], minutesAgo = 10): Json[] {
    const fixtures = JSON.parse(readFileSync(new URL('../fixtures/marketplaces/douyin-aftersales.json', import.meta.url), 'utf8')) as Json[];
    return overrides.map((o, i) => {
      const item = structuredClone(fixtures[i % fixtures.length]!);
      const at = secs(this.now()) - minutesAgo * 60;
      Object.assign(item.aftersale_info, { apply_time: at, update_time: at, status_deadline: at + this.stepHours * 3600 }, o);
      if (o.aftersale_id) {
        // A new after-sale id gets its own order and sku order, so seeded items never share an order.
        item.order_info.shop_order_id = `O${o.aftersale_id}`;
        item.order_info.related_order_info[0].sku_order_id = item.aftersale_info.related_id = `S${o.aftersale_id}`;
      }
      for (const sku of item.order_info.related_order_info) sku.create_time = at - 86_400;
      this.items.set(String(item.aftersale_info.aftersale_id), item);
      return item;
    });
  }

  info(id: string): Json {
    return this.items.get(id)!.aftersale_info;
  }

  move(id: string, status: number, extra: Json = {}) {
    const now = secs(this.now());
    Object.assign(this.info(id), { aftersale_status: status, update_time: now, status_deadline: [12, 14, 28].includes(status) ? 0 : now + this.stepHours * 3600, ...extra });
  }

  protected methodOf(params: Record<string, string>, url: URL) {
    return params.method ?? url.pathname.replace(/^\/router\//, '').replace(/\//g, '.');
  }

  protected signatureValid(p: Record<string, string>, url: URL) {
    const q = Object.fromEntries(url.searchParams);
    const text = `${this.appSecret}app_key${q.app_key}method${q.method}param_json${q.param_json}timestamp${q.timestamp}v${q.v}${this.appSecret}`;
    return q.app_key === this.appKey && q.access_token === this.accessToken && q.sign_method === 'hmac-sha256' && q.sign === createHmac('sha256', this.appSecret).update(text).digest('hex') && q.method === url.pathname.replace(/^\/router\//, '').replace(/\//g, '.');
  }

  protected error(kind: string, message: string): Json {
    const e = {
      rate_limited: { code: 50002, msg: '业务处理失败', sub_code: 'isv.api-frequency-limit', sub_msg: '请求频率超过限制' },
      token_expired: { code: 30002, msg: '权限不足', sub_code: 'isv.access-token-expired', sub_msg: 'access_token已过期' },
      server: { code: 20000, msg: '服务不可用', sub_code: 'isp.service-error', sub_msg: message },
      signature: { code: 30001, msg: '签名错误', sub_code: 'isv.sign-invalid', sub_msg: message },
      refused: { code: 50002, msg: '业务处理失败', sub_code: 'isv.business-failed', sub_msg: message },
    }[kind]!;
    return { ...e, data: null, log_id: 'fake' };
  }

  protected answer(method: string, raw: Record<string, string>): Json {
    // param_json arrives in the query (signed) and as the body; the signed one is read.
    const p = JSON.parse(raw.param_json ?? '{}') as Json;
    const ok = (data: Json) => ({ code: 10000, msg: 'success', sub_code: '', sub_msg: '', data, log_id: 'fake' });
    switch (method) {
      case 'afterSale.List': {
        const all = [...this.items.values()]
          .filter((i) => i.aftersale_info.update_time >= p.update_start_time && i.aftersale_info.update_time <= p.update_end_time)
          .sort((a, b) => a.aftersale_info.update_time - b.aftersale_info.update_time || String(a.aftersale_info.aftersale_id).localeCompare(String(b.aftersale_info.aftersale_id)));
        const size = Number(p.size);
        const page = Number(p.page);
        return ok({ items: all.slice(page * size, (page + 1) * size), has_more: (page + 1) * size < all.length, total: all.length, page, size });
      }
      case 'afterSale.operate': {
        const item = (p.items as Json[])[0]!;
        const id = String(item.aftersale_id);
        const a = this.items.get(id)?.aftersale_info;
        if (!a) throw new Error(`no after-sale ${id}`);
        const need = (statuses: number[]) => {
          if (!statuses.includes(a.aftersale_status)) throw new Error(`operate ${p.type} is not allowed in ${a.aftersale_status}`);
        };
        switch (Number(p.type)) {
          case 201:
            need([6]);
            this.move(id, 12, { agreed: true });
            break;
          case 101:
            need([6]);
            this.move(id, 7, { return_address: item.logistics });
            break;
          case 111:
            need([11]);
            this.move(id, 12, { received: true });
            break;
          case 202:
          case 102:
            need([6]);
            this.move(id, 27, { reject_reason: item.reason });
            break;
          case 112:
            need([11]);
            this.move(id, 29, { reject_reason: item.reason });
            break;
          default:
            throw new Error(`unknown operate type ${p.type}`);
        }
        return ok({ items: [{ aftersale_id: id, status_code: 0, status_msg: 'success' }] });
      }
      default:
        throw new Error(`unknown method ${method}`);
    }
  }
}
