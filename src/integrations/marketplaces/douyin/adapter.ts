import type { OpenConnection } from '../../connection-kind.js';
import type { MarketplaceAdapter, MarketplaceRecord, PulledPage } from '../adapter.js';
import { fenOf, text } from '../money.js';
import type { Json } from '../transport.js';
import { douyinClient } from './client.js';

const unix = (v: unknown): Date | null => {
  const n = Number(v);
  return Number.isFinite(n) && n > 0 ? new Date(n * 1000) : null;
};

/** aftersale_type codes with goods coming back (return+refund, exchange, reship: refused as a return). */
const RETURN_TYPES = new Set(['0', '3', '7']);

/**
 * One item of `afterSale/List` (marketplace-rules.md §6.4): `aftersale_info` (aftersale_id,
 * aftersale_type, aftersale_status, apply_time, update_time, status_deadline — Unix seconds, 0 when
 * none —, refund_amount in fen, aftersale_num, related_id, return_logistics_code/company_name,
 * order_logistics_state, evidence), `order_info` (shop_order_id, related_order_info: the sku
 * orders) and `text_part.reason_text`. `status_deadline` is the step's deadline.
 */
export function mapDouyinAftersale(item: Json): MarketplaceRecord {
  const a = (item.aftersale_info ?? {}) as Json;
  const o = (item.order_info ?? {}) as Json;
  const id = String(a.aftersale_id);
  const skus = (Array.isArray(o.related_order_info) ? o.related_order_info : []) as Json[];
  const sku = skus.find((s) => String(s.sku_order_id) === String(a.related_id)) ?? skus[0] ?? {};
  const created = unix(a.apply_time) ?? new Date(0);
  const qty = Number(sku.item_quantity ?? 1) || 1;
  const price = fenOf(sku.price) ?? 0;
  const type = String(a.aftersale_type);
  const signed = String(a.order_logistics_state ?? '') === '2';
  return {
    externalId: id,
    orderExternalId: String(o.shop_order_id ?? a.related_id),
    lineExternalId: String(sku.sku_order_id ?? a.related_id ?? id),
    statusCode: String(a.aftersale_status),
    typeCode: type,
    createdAt: created,
    modifiedAt: unix(a.update_time) ?? created,
    deadlineAt: unix(a.status_deadline),
    buyer: { externalId: String(o.shop_order_id ?? id) },
    order: { placedAt: unix(sku.create_time) ?? created, shippedAt: type === '2' ? null : created, deliveredAt: type === '0' || signed ? created : null },
    item: { sku: String(sku.shop_sku_code || sku.sku_id || sku.product_id || id), title: String(sku.product_name ?? id), quantity: qty, unitPriceMinor: price, paidMinor: fenOf(sku.pay_amount) ?? price * qty },
    returnQuantity: Number(a.aftersale_num ?? qty) || qty,
    refundMinor: fenOf(a.refund_amount) ?? 0,
    reason: text(item.text_part?.reason_text),
    description: text(a.reason_remark),
    evidence: Array.isArray(a.evidence) ? a.evidence.map(String) : [],
    fastRefund: false,
    returnShipment: a.return_logistics_code ? { carrier: text(a.return_logistics_company_name), trackingNumber: String(a.return_logistics_code) } : null,
    handle: { aftersaleType: type, status: String(a.aftersale_status) },
  };
}

/**
 * Douyin (抖店) after-sales: `afterSale/List` by update time (Unix seconds; pages from 0, `has_more`),
 * and the seller's actions through `afterSale/operate` with the operation type: 201 agree a
 * refund-only request, 101 agree a return (with the shop's return address id), 111 confirm the
 * return's receipt and refund, 202 / 102 / 112 refuse at those three steps. The type codes come
 * from one SDK (M); the `logistics` fields of a return approval are unconfirmed (U).
 */
export function douyinAdapter(connection: OpenConnection): MarketplaceAdapter & { maxWindowMs: number } {
  const call = douyinClient(connection);
  const settings = connection.settings as { returnAddressId?: string };
  const operate = (type: number, item: Json) => call('afterSale.operate', { type, items: [item] });
  return {
    platform: 'douyin',
    maxWindowMs: 24 * 3600_000,
    async pullPage(window, page, pageSize): Promise<PulledPage> {
      const data = await call('afterSale.List', {
        update_start_time: Math.floor(window.from.getTime() / 1000),
        update_end_time: Math.floor(window.to.getTime() / 1000),
        order_by: ['update_time asc'],
        page: page - 1,
        size: pageSize,
      });
      const list = (data.items ?? []) as Json[];
      const records: MarketplaceRecord[] = [];
      const errors: PulledPage['errors'] = [];
      for (const item of list) {
        try {
          records.push(mapDouyinAftersale(item));
        } catch (err) {
          errors.push({ externalId: item?.aftersale_info?.aftersale_id ? String(item.aftersale_info.aftersale_id) : null, message: err instanceof Error ? err.message : String(err) });
        }
      }
      return { records, errors, hasNext: data.has_more === true };
    },
    async push(record, decision) {
      const aftersale_id = record.externalId;
      switch (decision.action) {
        case 'agree_refund':
          await operate(201, { aftersale_id });
          return;
        case 'agree_return':
          await operate(101, {
            aftersale_id,
            logistics: {
              ...(settings.returnAddressId ? { receiver_address_id: settings.returnAddressId } : {}),
              receiver_name: decision.address.name,
              receiver_phone: decision.address.phone,
              receiver_address: decision.address.address,
            },
          });
          return;
        case 'confirm_receipt':
          await operate(111, { aftersale_id });
          return;
        case 'refuse': {
          const step = String(record.handle.status ?? '') === '11' ? 112 : RETURN_TYPES.has(String(record.handle.aftersaleType ?? '')) ? 102 : 202;
          await operate(step, { aftersale_id, reason: decision.reason.slice(0, 200) });
          return;
        }
      }
    },
  };
}
