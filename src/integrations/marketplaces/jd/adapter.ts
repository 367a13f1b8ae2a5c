import type { OpenConnection } from '../../connection-kind.js';
import { MarketplaceRefusal, type MarketplaceAdapter, type MarketplaceRecord, type PulledPage } from '../adapter.js';
import { fenOf, fenOfYuan, text } from '../money.js';
import { chinaTime, parseChinaTime } from '../signing.js';
import type { Json } from '../transport.js';
import { jdClient } from './client.js';

export const JD_REFUND_LIST = 'jingdong.pop.afs.soa.refundapply.queryPageList';
export const JD_SERVICE_LIST = 'jingdong.asc.query.list';

/** JD times: "yyyy-MM-dd HH:mm:ss" China time, or epoch milliseconds (the ASC APIs). */
function jdTime(v: unknown): Date | null {
  if (typeof v === 'number' || (typeof v === 'string' && /^\d{10,}$/.test(v))) return new Date(Number(v));
  return parseChinaTime(typeof v === 'string' ? v : null);
}

/**
 * A pre-shipment refund application (`RefundApplyVo`: id, buyerId, buyerName, orderId, applyTime,
 * checkTime, applyRefundSum, status; with `showSku` the line's skuId, skuName, skuNum and price).
 * The amounts' unit (fen) is unconfirmed (U). JD gives no per-case deadline (U): the preset applies.
 */
export function mapJdRefund(r: Json): MarketplaceRecord {
  const id = String(r.id);
  const created = jdTime(r.applyTime) ?? new Date(0);
  const refund = fenOf(r.applyRefundSum) ?? 0;
  const qty = Number(r.skuNum ?? 1) || 1;
  const price = fenOf(r.price) ?? Math.round(refund / qty);
  return {
    externalId: `refund:${id}`,
    orderExternalId: String(r.orderId),
    lineExternalId: String(r.skuId ?? r.orderId),
    statusCode: `refund:${r.status}`,
    typeCode: 'refund',
    createdAt: created,
    modifiedAt: jdTime(r.checkTime) ?? created,
    deadlineAt: null,
    buyer: { externalId: String(r.buyerId ?? 'unknown'), ...(r.buyerName ? { name: String(r.buyerName) } : {}) },
    order: { placedAt: created, shippedAt: null, deliveredAt: null },
    item: { sku: String(r.skuId ?? r.orderId), title: String(r.skuName ?? r.skuId ?? r.orderId), quantity: qty, unitPriceMinor: price, paidMinor: Math.max(refund, 0) || price * qty },
    returnQuantity: qty,
    refundMinor: refund,
    reason: text(r.reason),
    description: text(r.checkRemark),
    evidence: [],
    fastRefund: false,
    returnShipment: null,
    handle: { kind: 'refund', id },
  };
}

/**
 * An after-sales service order (服务单, `jingdong.asc.query.list`): serviceId, orderId, skuId,
 * wareName, wareNum, price (yuan), customerExpect (10 return, 20 exchange, 30 repair: U),
 * serviceStatus, applyTime, updateDate, customerPin, customerName, questionDesc, questionPic
 * (comma-separated links), expressCode/expressCompany (the buyer's return waybill). One service
 * order per SKU line returned.
 */
export function mapJdService(r: Json): MarketplaceRecord {
  const id = String(r.serviceId);
  const created = jdTime(r.applyTime) ?? new Date(0);
  const qty = Number(r.wareNum ?? 1) || 1;
  const price = fenOfYuan(r.price) ?? 0;
  return {
    externalId: `service:${id}`,
    orderExternalId: String(r.orderId),
    lineExternalId: String(r.skuId ?? r.orderId),
    statusCode: `service:${r.serviceStatus}`,
    typeCode: `service:${r.customerExpect}`,
    createdAt: created,
    modifiedAt: jdTime(r.updateDate) ?? created,
    deadlineAt: null,
    buyer: { externalId: String(r.customerPin ?? 'unknown'), ...(r.customerName ? { name: String(r.customerName) } : {}) },
    // A service order is after delivery: the goods are with the buyer.
    order: { placedAt: created, shippedAt: created, deliveredAt: created },
    item: { sku: String(r.skuId ?? id), title: String(r.wareName ?? r.skuId ?? id), quantity: qty, unitPriceMinor: price, paidMinor: price * qty },
    returnQuantity: qty,
    refundMinor: price * qty,
    reason: text(r.questionTypeName ?? r.questionDesc),
    description: text(r.questionDesc),
    evidence: typeof r.questionPic === 'string' && r.questionPic ? r.questionPic.split(',').map((u: string) => u.trim()).filter(Boolean) : [],
    fastRefund: false,
    returnShipment: r.expressCode ? { carrier: text(r.expressCompany), trackingNumber: String(r.expressCode) } : null,
    handle: { kind: 'service', id, orderId: String(r.orderId) },
  };
}

type Stream = { method: string; list: (d: Json) => { rows: Json[]; total: number }; params: (from: string, to: string, page: number, size: number) => Record<string, unknown>; map: (r: Json) => MarketplaceRecord };

/**
 * JD after-sales: two objects (marketplace-rules.md §6.3). Pre-shipment refund applications have
 * no modified time, so they are read twice per window, by application time (new ones) and by
 * review time (changed ones); service orders by update time. One page of the window reads page N
 * of each stream still open (a stream whose total is known to be passed is not called again).
 * Seller actions: `jingdong.pop.afs.soa.refundapply.replyRefund` (status 1 agree / 2 refuse,
 * with a remark), `jingdong.asc.audit.send` (agree a return, with the return address),
 * `jingdong.asc.receive.register` then `jingdong.asc.process.refund` (receipt, then refund).
 * Refusing a service order: `jingdong.asc.audit.reject`. The names of the last two are
 * unconfirmed (U); the others are in JD's generated SDKs (M).
 */
export function jdAdapter(connection: OpenConnection): MarketplaceAdapter & { maxWindowMs: number } {
  const call = jdClient(connection);
  const settings = connection.settings as { buId?: string; operatorPin?: string };
  const operator = { buId: settings.buId ?? '', operatePin: settings.operatorPin ?? 'retour', operateNick: 'Retour' };
  const refundStream = (timeField: 'apply' | 'check'): Stream => ({
    method: JD_REFUND_LIST,
    list: (d) => ({ rows: (d.queryResult?.result ?? []) as Json[], total: Number(d.queryResult?.totalCount ?? 0) }),
    params: (from, to, page, size) => ({ [`${timeField}TimeStart`]: from, [`${timeField}TimeEnd`]: to, pageIndex: page, pageSize: size, showSku: true }),
    map: mapJdRefund,
  });
  const streams: Stream[] = [
    refundStream('apply'),
    refundStream('check'),
    {
      method: JD_SERVICE_LIST,
      list: (d) => ({ rows: (d.result?.data ?? []) as Json[], total: Number(d.result?.totalCount ?? 0) }),
      params: (from, to, page, size) => ({ ...operator, updateTimeBegin: from, updateTimeEnd: to, pageNumber: page, pageSize: size }),
      map: mapJdService,
    },
  ];
  // Totals seen in this run, per window and stream: a stream past its last page is not asked again.
  const totals = new Map<string, number>();
  return {
    platform: 'jd',
    maxWindowMs: 24 * 3600_000,
    async pullPage(window, page, pageSize): Promise<PulledPage> {
      const from = chinaTime(window.from);
      const to = chinaTime(window.to);
      const byId = new Map<string, MarketplaceRecord>();
      const errors: PulledPage['errors'] = [];
      let hasNext = false;
      for (const [i, stream] of streams.entries()) {
        const key = `${from}|${to}|${i}`;
        const known = totals.get(key);
        if (known !== undefined && (page - 1) * pageSize >= known) continue;
        const { rows, total } = stream.list(await call(stream.method, stream.params(from, to, page, pageSize)));
        totals.set(key, total);
        if (page * pageSize < total) hasNext = true;
        for (const r of rows) {
          try {
            const record = stream.map(r);
            const seen = byId.get(record.externalId);
            // The same application found by both its times: keep the later state.
            if (!seen || record.modifiedAt > seen.modifiedAt) byId.set(record.externalId, record);
          } catch (err) {
            errors.push({ externalId: r?.id ?? r?.serviceId ? String(r.id ?? r.serviceId) : null, message: err instanceof Error ? err.message : String(err) });
          }
        }
      }
      return { records: [...byId.values()], errors, hasNext };
    },
    async push(record, decision) {
      const id = String(record.handle.id ?? record.externalId.replace(/^\w+:/, ''));
      if (record.handle.kind === 'refund') {
        switch (decision.action) {
          case 'agree_refund':
          case 'confirm_receipt':
            await call('jingdong.pop.afs.soa.refundapply.replyRefund', { id, status: 1, checkUserName: operator.operatePin, remark: '同意退款 / Refund agreed' });
            return;
          case 'refuse':
            // rejectType 5: 其他 (other), with the reason as the remark.
            await call('jingdong.pop.afs.soa.refundapply.replyRefund', { id, status: 2, checkUserName: operator.operatePin, remark: decision.reason.slice(0, 200), rejectType: 5 });
            return;
          case 'agree_return':
            // Not retryable: the refund provider reports it as a failure a person resolves.
            throw new MarketplaceRefusal('retour.no_such_step', 'JD: a pre-shipment refund application has no return step');
        }
      }
      const base = { ...operator, serviceId: id, orderId: record.orderExternalId };
      switch (decision.action) {
        case 'agree_return':
          await call('jingdong.asc.audit.send', {
            ...base,
            approveNotes: '同意退货 / Return agreed',
            returnContactName: decision.address.name,
            returnContactMobile: decision.address.phone,
            returnDetailAddress: decision.address.address,
            ...(decision.address.postalCode ? { returnZipcode: decision.address.postalCode } : {}),
          });
          return;
        case 'refuse':
          await call('jingdong.asc.audit.reject', { ...base, approveNotes: decision.reason.slice(0, 200) });
          return;
        case 'confirm_receipt':
        case 'agree_refund':
          if (decision.action === 'agree_refund') throw new MarketplaceRefusal('retour.no_such_step', 'JD: a service order is refunded after its goods arrive (confirm receipt)');
          await call('jingdong.asc.receive.register', { ...base, receivePin: operator.operatePin, receiveName: operator.operateNick, receiveRemark: 'Retour' });
          await call('jingdong.asc.process.refund', { ...base, refundAmount: decision.amountMinor });
          return;
      }
    },
  };
}
