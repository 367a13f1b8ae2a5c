import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dropOffCode } from '../../src/domain/labels/codes.js';
import { code128Widths } from '../../src/services/portal/barcode.js';
import { client, createTestShop, startTestApp, type TestApp, type TestShop } from '../helpers/app.js';
import { portalOrder, portalToken } from '../helpers/portal.js';
import { act } from '../helpers/returns.js';
import { ARTIFACTS } from '../helpers/browser.js';

/**
 * Issue 13, point 3: the warehouse finds a case by every code Retour prints — the label's QR
 * payload `RETOUR:<shop>:<RMA>` (typed, scanned, or mangled by a Chinese input method), the RMA
 * number, the return's tracking number — and the label and packing slip carry a Code 128
 * barcode of the RMA number for handheld scanners.
 */
let t: TestApp;
let api: ReturnType<typeof client>;
let shop: TestShop;
let other: TestShop;
let rma: string;
let caseId: string;
let headers: Record<string, string>;
const labels = new Map<string, Buffer>();

beforeAll(async () => {
  t = await startTestApp();
  api = client(t.baseUrl);
  shop = await createTestShop(t.ctx, 'scan-a');
  other = await createTestShop(t.ctx, 'scan-b');
  const order = await portalOrder(t, api, shop);
  headers = { authorization: `Bearer ${await portalToken(api, shop.slug, order)}` };
  const created = await api('POST', '/portal/v1/returns', {
    headers,
    body: { items: [{ lineId: order.lines[0]!.id, quantity: 1, reasonCode: 'wrong_size' }], resolution: 'refund', returnMethod: 'drop_off' },
  });
  expect(created.status).toBe(201);
  ({ rmaNumber: rma, id: caseId } = created.body);
  expect((await act(api, shop.keys.manager, caseId, 'approve')).status).toBe(200);
  // The label is there until the parcel is on its way.
  for (const lang of ['zh-CN', 'en']) {
    const res = await fetch(`${t.baseUrl}/portal/v1/returns/${caseId}/label.pdf?lang=${lang}`, { headers });
    expect(res.status).toBe(200);
    labels.set(lang, Buffer.from(await res.arrayBuffer()));
    mkdirSync(ARTIFACTS, { recursive: true });
    writeFileSync(join(ARTIFACTS, `label-barcode-${lang}.pdf`), labels.get(lang)!);
  }
  const shipped = await api('POST', `/portal/v1/returns/${caseId}/shipped`, { headers, body: { carrier: 'SF', trackingNumber: 'SF8800112233' } });
  expect(shipped.status).toBe(200);
});
afterAll(async () => {
  await t.close();
});

const lookUp = async (shopKey: string, code: string) => {
  const res = await api('GET', `/api/v1/queue?scope=all&q=${encodeURIComponent(code)}`, { key: shopKey });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.data.map((c: { rmaNumber: string }) => c.rmaNumber);
};

describe('warehouse look-up (仓库收货)', () => {
  it('finds the case by each code Retour prints', async () => {
    const qr = dropOffCode(shop.slug, rma);
    for (const code of [qr, qr.toLowerCase(), qr.replace(/:/g, '：'), `${qr}\t`, rma, rma.toLowerCase(), 'SF8800112233']) {
      expect(await lookUp(shop.keys.warehouse, code), code).toEqual([rma]);
    }
  });

  it('finds nothing for another shop’s QR code', async () => {
    expect(await lookUp(shop.keys.warehouse, dropOffCode(other.slug, rma))).toEqual([]);
    expect(await lookUp(other.keys.warehouse, dropOffCode(shop.slug, rma))).toEqual([]);
  });
});

/** The rectangles a PDF draws (`x y w h re`), from its Flate-compressed content streams. */
function pdfRectangles(pdf: Buffer): { x: number; y: number; w: number; h: number }[] {
  const rects: { x: number; y: number; w: number; h: number }[] = [];
  let at = 0;
  for (;;) {
    const start = pdf.indexOf('stream\n', at);
    if (start < 0) break;
    const end = pdf.indexOf('\nendstream', start);
    let text: string;
    try {
      text = inflateSync(pdf.subarray(start + 7, end)).toString('latin1');
    } catch {
      text = ''; // fonts and images that are not content streams
    }
    for (const m of text.matchAll(/(-?[\d.]+) (-?[\d.]+) (-?[\d.]+) (-?[\d.]+) re/g)) rects.push({ x: +m[1]!, y: +m[2]!, w: +m[3]!, h: +m[4]! });
    at = end + 10;
  }
  return rects;
}

/** Rows of bars (rectangles of one top and height) read back as module widths: bar, space, bar, … */
function barcodesIn(rects: ReturnType<typeof pdfRectangles>): number[][] {
  const rows = new Map<string, typeof rects>();
  // Bars are much taller than wide; the QR code's cells are square.
  for (const r of rects.filter((r) => Math.abs(r.h) > 5 * r.w)) {
    const key = `${r.y.toFixed(2)}/${r.h.toFixed(2)}`;
    rows.set(key, [...(rows.get(key) ?? []), r]);
  }
  const codes: number[][] = [];
  for (const row of rows.values()) {
    if (row.length < 10) continue;
    row.sort((a, b) => a.x - b.x);
    const module = Math.min(...row.map((r) => r.w));
    const widths: number[] = [];
    row.forEach((r, i) => {
      if (i > 0) widths.push(Math.round((r.x - row[i - 1]!.x - row[i - 1]!.w) / module));
      widths.push(Math.round(r.w / module));
    });
    codes.push(widths);
  }
  return codes;
}

describe('label and packing slip', () => {
  it('encodes the RMA number, not the QR payload, as Code 128', async () => {
    const widths = await code128Widths(rma);
    // Start code B or C first, the stop pattern last; 11 modules per symbol, 13 for the stop.
    expect([[2, 1, 1, 2, 1, 4], [2, 1, 1, 2, 3, 2]]).toContainEqual(widths.slice(0, 6));
    expect(widths.slice(-7)).toEqual([2, 3, 3, 1, 1, 1, 2]);
    expect((widths.reduce((a, b) => a + b, 0) - 13) % 11).toBe(0);
    expect(await code128Widths(dropOffCode(shop.slug, rma))).not.toEqual(widths);
  });

  it('prints the RMA barcode on the label and on the packing slip', async () => {
    const widths = await code128Widths(rma);
    for (const lang of ['zh-CN', 'en']) expect(barcodesIn(pdfRectangles(labels.get(lang)!)), lang).toEqual([widths, widths]);
  });
});
