import type { client } from './app.js';
import { orderBody } from './orders.js';

type Api = ReturnType<typeof client>;

/** An order of the test shop, paid on 2026-10-25 and, unless told otherwise, delivered on 2026-10-30 (two days before the test clock). */
export async function placeOrder(api: Api, key: string, options: { shipped?: boolean; delivered?: boolean; overrides?: Record<string, unknown> } = {}) {
  const shipped = options.shipped ?? true;
  const delivered = shipped && (options.delivered ?? true);
  const body = orderBody({
    placedAt: '2026-10-25T02:00:00Z',
    paidAt: '2026-10-25T02:05:00Z',
    shipments: shipped
      ? [{ carrier: 'SF', trackingNumber: `SF${Math.floor(Math.random() * 1e12)}`, shippedAt: '2026-10-26T03:00:00Z', deliveredAt: delivered ? '2026-10-30T06:00:00Z' : undefined }]
      : undefined,
    ...options.overrides,
  });
  const res = await api('POST', '/api/v1/orders', { key, body });
  if (res.status !== 201) throw new Error(`order not created: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string; lines: { id: string; sku: string; paidMinor: number; quantity: number }[]; amounts: { totalMinor: number; shippingFeeMinor: number }; customer: { id: string } | null };
}

export function act(api: Api, key: string, caseId: string, action: string, body: unknown = {}, headers: Record<string, string> = {}) {
  return api('POST', `/api/v1/returns/${caseId}/actions/${action}`, { key, body, headers });
}

/** A tiny but real JPEG (SOI, JFIF APP0, EOI): enough for type sniffing. */
export const JPEG = Buffer.concat([
  Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00]),
  Buffer.alloc(64, 7),
  Buffer.from([0xff, 0xd9]),
]);

export function uploadEvidence(api: Api, key: string, caseId: string, bytes: Buffer, name = 'photo.jpg', purpose = 'claim') {
  const form = new FormData();
  form.append('purpose', purpose);
  form.append('file', new Blob([new Uint8Array(bytes)]), name);
  return api('POST', `/api/v1/returns/${caseId}/evidence`, { key, rawBody: form });
}
