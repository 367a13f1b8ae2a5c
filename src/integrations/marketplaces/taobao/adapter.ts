import type { OpenConnection } from '../../connection-kind.js';
import type { MarketplaceAdapter, MarketplaceRecord, PulledPage } from '../adapter.js';
import { fenOfYuan, text } from '../money.js';
import { chinaTime, parseChinaTime } from '../signing.js';
import { topClient } from './client.js';

/** The refund fields Retour asks TOP for (taobao.refunds.receive.get `fields`). */
export const TAOBAO_REFUND_FIELDS = [
  'refund_id', 'tid', 'oid', 'title', 'buyer_nick', 'buyer_open_uid', 'total_fee', 'payment', 'price', 'num', 'outer_id', 'sku', 'status', 'order_status', 'good_status', 'has_good_return',
  'refund_fee', 'reason', 'desc', 'created', 'modified', 'refund_phase', 'refund_version', 'refund_remind_timeout', 'advance_status', 'cs_status', 'sid', 'company_name',
].join(',');

import type { Json } from '../transport.js';

/** One TOP refund as a marketplace record. */
export function mapTaobaoRefund(r: Json): MarketplaceRecord {
  const id = String(r.refund_id);
  const created = parseChinaTime(r.created) ?? new Date(0);
  const shipped = r.order_status !== 'WAIT_SELLER_SEND_GOODS';
  const hasReturn = r.has_good_return === true || r.has_good_return === 'true';
  const typeCode = hasReturn ? 'has_good_return=true' : !shipped ? 'not_shipped' : r.good_status === 'BUYER_RECEIVED' ? 'BUYER_RECEIVED' : 'BUYER_NOT_RECEIVED';
  const timeout = r.refund_remind_timeout as { exist_timeout?: boolean | string; timeout?: string } | undefined;
  const num = Number(r.num ?? 1) || 1;
  const payment = fenOfYuan(r.payment) ?? 0;
  const price = fenOfYuan(r.price) ?? Math.round(payment / num);
  return {
    externalId: id,
    orderExternalId: String(r.tid),
    lineExternalId: String(r.oid ?? r.tid),
    statusCode: String(r.status),
    typeCode,
    createdAt: created,
    modifiedAt: parseChinaTime(r.modified) ?? created,
    deadlineAt: timeout && (timeout.exist_timeout === true || timeout.exist_timeout === 'true') ? parseChinaTime(timeout.timeout) : null,
    buyer: { externalId: String(r.buyer_open_uid ?? r.buyer_nick ?? 'unknown'), ...(r.buyer_nick ? { name: String(r.buyer_nick) } : {}) },
    order: { placedAt: created, shippedAt: shipped ? created : null, deliveredAt: hasReturn || r.good_status === 'BUYER_RECEIVED' || r.good_status === 'BUYER_RETURNED_GOODS' ? created : null },
    item: { sku: String(r.outer_id ?? r.sku ?? r.oid ?? id), title: String(r.title ?? r.outer_id ?? id), quantity: num, unitPriceMinor: price, paidMinor: payment || price * num },
    returnQuantity: num,
    refundMinor: fenOfYuan(r.refund_fee) ?? 0,
    reason: text(r.reason),
    description: text(r.desc),
    evidence: [],
    fastRefund: String(r.advance_status ?? '') === '2',
    returnShipment: r.sid ? { carrier: text(r.company_name), trackingNumber: String(r.sid) } : null,
    handle: { refundVersion: String(r.refund_version ?? ''), refundPhase: String(r.refund_phase ?? 'aftersale') },
  };
}

/**
 * Taobao/Tmall after-sales through TOP: `taobao.refunds.receive.get` by modified time (a page at a
 * time, `use_has_next`), and the seller's actions: `taobao.rp.refunds.agree` (agree / confirm
 * receipt and refund, by refund_id|fee|version|phase), `taobao.rp.returngoods.agree` (agree to a
 * return, with the return address), `taobao.refund.refuse` (refuse, with the reason).
 */
export function taobaoAdapter(connection: OpenConnection): MarketplaceAdapter & { maxWindowMs: number } {
  const call = topClient(connection);
  return {
    platform: 'taobao',
    // TOP allows at most one day between start_modified and end_modified.
    maxWindowMs: 24 * 3600_000,
    async pullPage(window, page, pageSize): Promise<PulledPage> {
      const data = await call('taobao.refunds.receive.get', {
        fields: TAOBAO_REFUND_FIELDS,
        start_modified: chinaTime(window.from),
        end_modified: chinaTime(window.to),
        page_no: String(page),
        page_size: String(pageSize),
        use_has_next: 'true',
      });
      const list = (data.refunds?.refund ?? []) as Json[];
      const records: MarketplaceRecord[] = [];
      const errors: PulledPage['errors'] = [];
      for (const r of list) {
        try {
          records.push(mapTaobaoRefund(r));
        } catch (err) {
          errors.push({ externalId: r?.refund_id ? String(r.refund_id) : null, message: err instanceof Error ? err.message : String(err) });
        }
      }
      return { records, errors, hasNext: data.has_next === true || data.has_next === 'true' };
    },
    async push(record, decision) {
      const version = String(record.handle.refundVersion ?? '');
      const phase = String(record.handle.refundPhase ?? 'aftersale');
      switch (decision.action) {
        case 'agree_refund':
        case 'confirm_receipt': {
          const data = await call('taobao.rp.refunds.agree', { refund_infos: `${record.externalId}|${decision.amountMinor}|${version}|${phase}` });
          if (data.succ === false || data.succ === 'false') throw new Error(`Taobao did not agree the refund: ${data.msg ?? ''}`);
          return;
        }
        case 'agree_return':
          await call('taobao.rp.returngoods.agree', {
            refund_id: record.externalId,
            name: decision.address.name,
            address: decision.address.address,
            mobile: decision.address.phone,
            ...(decision.address.postalCode ? { post: decision.address.postalCode } : {}),
            refund_version: version,
            refund_phase: phase,
          });
          return;
        case 'refuse':
          await call('taobao.refund.refuse', { refund_id: record.externalId, refuse_message: decision.reason.slice(0, 500), refund_version: version, refund_phase: phase });
          return;
      }
    },
  };
}
