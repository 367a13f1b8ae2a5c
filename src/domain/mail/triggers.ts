import type { MailTemplate } from './templates.js';


/**
 * Which buyer e-mail an event sends, if any: one per step the buyer must know of (request
 * received, decision, goods received, money back, replacement shipped, closed by the clock).
 */
export function mailTemplateFor(eventType: string, data: Record<string, unknown>): MailTemplate | null {
  if (eventType === 'return.created') return 'request_received';
  if (eventType === 'return.refunded') return 'refunded';
  if (eventType !== 'return.status_changed') return null;
  if (data.action === 'ship_replacement') return 'exchange_shipped';
  switch (data.to) {
    case 'approved':
      return 'approved';
    case 'rejected':
      return 'rejected';
    case 'received':
      return 'goods_received';
    case 'closed':
      return (data.actor as { kind?: string } | undefined)?.kind === 'system' ? 'closed_by_deadline' : null;
    default:
      return null;
  }
}
