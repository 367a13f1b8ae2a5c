import type { MailTemplate } from './templates.js';


/**
 * Which buyer e-mail an event sends, if any: one per step the buyer must know of (request
 * received, decision, goods received (or nothing in the parcel), money back, an offer or a message
 * from the shop, replacement shipped, closed by the clock). A case whose goods never came back
 * (not_returned) sends none: staff review it first.
 */
export function mailTemplateFor(eventType: string, data: Record<string, unknown>): MailTemplate | null {
  if (eventType === 'return.created') return 'request_received';
  if (eventType === 'return.refunded') return 'refunded';
  if (eventType === 'return.compensation_granted') return 'compensation_granted';
  // What the shop writes in the thread the buyer sees (issue 13.5); the buyer's own words are not echoed back.
  if (eventType === 'return.message') return (data.message as { author?: string } | undefined)?.author === 'buyer' ? null : 'shop_message';
  if (eventType !== 'return.status_changed') return null;
  if (data.action === 'ship_replacement') return 'exchange_shipped';
  if (data.action === 'offer_partial') return 'offer';
  switch (data.to) {
    case 'approved':
      return 'approved';
    case 'rejected':
      return 'rejected';
    case 'received':
      // A parcel that arrived empty (0 units counted) is not "your goods arrived".
      return data.receivedUnits === 0 ? 'nothing_received' : 'goods_received';
    case 'closed':
      return (data.actor as { kind?: string } | undefined)?.kind === 'system' ? 'closed_by_deadline' : null;
    default:
      return null;
  }
}
