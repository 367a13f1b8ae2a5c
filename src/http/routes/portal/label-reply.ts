import type { FastifyReply } from 'fastify';
import { renderLabelPdf } from '../../../services/portal/label.js';

type LabelData = Parameters<typeof renderLabelPdf>[0];

/** A printable label (one case's or a group's) as the reply: in the language asked for, else the shop's; never cached. */
export async function sendLabelPdf(reply: FastifyReply, data: LabelData & { shop: { defaultLocale: string } }, lang: 'zh-CN' | 'en' | undefined) {
  const pdf = await renderLabelPdf(data, lang ?? (data.shop.defaultLocale === 'en' ? 'en' : 'zh-CN'));
  return reply
    .header('content-type', 'application/pdf')
    .header('content-disposition', `inline; filename="return-${data.view.rmaNumber}.pdf"`)
    .header('cache-control', 'private, no-store')
    .send(pdf);
}
