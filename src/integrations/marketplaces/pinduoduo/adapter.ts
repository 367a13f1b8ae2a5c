import type { OpenConnection } from '../../connection-kind.js';
import type { MarketplaceAdapter, MarketplaceRecord, PulledPage } from '../adapter.js';
import { fenOf, text } from '../money.js';
import { parseChinaTime } from '../signing.js';
import { pddClient } from './client.js';

import type { Json } from '../transport.js';

/** One record of `pdd.refund.list.increment.get` (amounts in fen, times "yyyy-MM-dd HH:mm:ss" China time). */
export function mapPddRefund(r: Json): MarketplaceRecord {
  const id = String(r.id);
  const created = parseChinaTime(r.created_time) ?? new Date(0);
  const qty = Number(r.goods_number ?? 1) || 1;
  const price = fenOf(r.goods_price) ?? 0;
  const shipped = r.shipping_status !== undefined ? String(r.shipping_status) !== '0' : String(r.after_sales_type) !== '2' || Boolean(r.tracking_number);
  return {
    externalId: id,
    orderExternalId: String(r.order_sn),
    lineExternalId: String(r.sku_id ?? r.goods_id ?? r.order_sn),
    statusCode: String(r.after_sales_status),
    typeCode: String(r.after_sales_type),
    createdAt: created,
    modifiedAt: parseChinaTime(r.updated_time) ?? created,
    // PDD gives no per-case deadline (marketplace-rules.md §0): the policy's platform default applies.
    deadlineAt: null,
    buyer: { externalId: String(r.order_sn) },
    order: { placedAt: parseChinaTime(r.order_created_time) ?? created, shippedAt: shipped ? created : null, deliveredAt: String(r.after_sales_type) === '3' || String(r.user_receive_status ?? '') === '1' ? created : null },
    item: { sku: String(r.outer_id || r.sku_id || r.goods_id || id), title: String(r.goods_name ?? r.outer_id ?? id), quantity: qty, unitPriceMinor: price, paidMinor: fenOf(r.order_amount) ?? price * qty },
    returnQuantity: qty,
    refundMinor: fenOf(r.refund_amount) ?? 0,
    reason: text(r.after_sale_reason),
    description: text(r.question_desc),
    evidence: Array.isArray(r.images) ? r.images.map(String) : [],
    fastRefund: String(r.speed_refund_status ?? '') === '3',
    returnShipment: r.tracking_number ? { carrier: text(r.shipping_name), trackingNumber: String(r.tracking_number) } : null,
    handle: { orderSn: String(r.order_sn) },
  };
}

/**
 * Pinduoduo after-sales: `pdd.refund.list.increment.get` by update time (PDD allows at most 30
 * minutes per query, so the sync walks 30-minute windows), all statuses and types, a page at a
 * time. Seller actions: agree (`pdd.refund.agree`), agree to a return with the address
 * (`pdd.refund.returngoods.agree`), refuse (`pdd.refund.refuse`). The write methods' names and
 * parameters are unconfirmed (U): no public document was found for them.
 */
export function pddAdapter(connection: OpenConnection): MarketplaceAdapter & { maxWindowMs: number } {
  const call = pddClient(connection);
  return {
    platform: 'pinduoduo',
    maxWindowMs: 30 * 60_000,
    async pullPage(window, page, pageSize): Promise<PulledPage> {
      const data = await call('pdd.refund.list.increment.get', {
        after_sales_status: '1',
        after_sales_type: '1',
        start_updated_at: String(Math.floor(window.from.getTime() / 1000)),
        end_updated_at: String(Math.floor(window.to.getTime() / 1000)),
        page: String(page),
        page_size: String(pageSize),
      });
      const list = (data.refund_list ?? []) as Json[];
      const records: MarketplaceRecord[] = [];
      const errors: PulledPage['errors'] = [];
      for (const r of list) {
        try {
          records.push(mapPddRefund(r));
        } catch (err) {
          errors.push({ externalId: r?.id ? String(r.id) : null, message: err instanceof Error ? err.message : String(err) });
        }
      }
      const total = Number(data.total_count ?? 0);
      return { records, errors, hasNext: page * pageSize < total };
    },
    async push(record, decision) {
      const base = { after_sales_id: record.externalId, order_sn: record.orderExternalId };
      switch (decision.action) {
        case 'agree_refund':
        case 'confirm_receipt':
          await call('pdd.refund.agree', { ...base, refund_amount: String(decision.amountMinor) });
          return;
        case 'agree_return':
          await call('pdd.refund.returngoods.agree', {
            ...base,
            receiver_name: decision.address.name,
            receiver_phone: decision.address.phone,
            receiver_address: decision.address.address,
          });
          return;
        case 'refuse':
          await call('pdd.refund.refuse', { ...base, reason: decision.reason.slice(0, 500) });
          return;
      }
    },
  };
}
