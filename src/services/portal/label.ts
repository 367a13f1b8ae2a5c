import { existsSync, readFileSync } from 'node:fs';
import { dropOffCode } from '../../domain/labels/codes.js';
import { drawCode128 } from './barcode.js';
import type { labelData } from './returns.js';
import { lazyModule } from '../../lazy-module.js';

// Loaded by the first label or drop-off code a process draws.
const loadPdfkit = lazyModule(() => import('pdfkit'));
const loadQrcode = lazyModule(() => import('qrcode'));

/** Debian's Noto CJK (fonts-noto-cjk): Chinese on labels renders only with it; without it, labels fall back to English and Helvetica. */
export const CJK_FONT = { path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', family: 'NotoSansCJKsc-Regular' };

let cjkFont: Buffer | null | undefined;
function loadCjkFont(): Buffer | null {
  if (cjkFont === undefined) {
    try {
      cjkFont = existsSync(CJK_FONT.path) ? readFileSync(CJK_FONT.path) : null;
    } catch {
      cjkFont = null;
    }
  }
  return cjkFont;
}

export { dropOffCode };

export async function qrSvg(text: string): Promise<string> {
  const { default: QRCode } = await loadQrcode();
  return QRCode.toString(text, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
}

type Lang = 'zh-CN' | 'en';
type LabelData = Awaited<ReturnType<typeof labelData>>;
type LabelItem = Pick<LabelData['view']['items'][number], 'sku' | 'title' | 'quantity' | 'reasonCode' | 'reasonLabel'>;

/** What a label prints: one case's, or a group's (its code, and each of its cases with its order and items). */
export interface LabelInput {
  shop: Pick<LabelData['shop'], 'name' | 'slug'>;
  order: Pick<LabelData['order'], 'number' | 'shippingAddress'>;
  view: Pick<LabelData['view'], 'rmaNumber' | 'returnMethod' | 'returnAddress'> & { items: LabelItem[] };
  /** A return across several orders: the packing slip lists each case under its RMA and order. */
  cases?: { rmaNumber: string; orderNumber: string; items: LabelItem[] }[];
}
const TEXT = {
  en: {
    title: 'Return label',
    slip: 'Packing slip',
    rma: 'RMA number',
    order: 'Order',
    from: 'From',
    to: 'Return to',
    method: { pickup: 'Courier pickup', drop_off: 'Drop-off point', self_ship: 'Your own courier', none: 'No return needed' },
    howPickup: 'Attach this label to the parcel. The courier collects it from your address.',
    howDropOff: 'Take the parcel to a drop-off point and show the QR code.',
    howSelf: 'Attach this label and send the parcel with a courier of your choice.',
    cut: 'Cut here: put the packing slip inside the parcel',
    sku: 'SKU',
    item: 'Item',
    qty: 'Qty',
    reason: 'Reason',
    footer: 'Questions? Open your return in the portal and send us a message.',
    groupTitle: 'Return label · several orders',
    group: 'Return code',
    orders: 'Orders',
    cases: (n: number) => `${n} returns in this parcel, one per order:`,
  },
  'zh-CN': {
    title: '退货面单',
    slip: '装箱单',
    rma: '退货单号',
    order: '订单号',
    from: '寄件人',
    to: '退回至',
    method: { pickup: '快递上门取件', drop_off: '驿站/网点自寄', self_ship: '自行寄回', none: '无需退回' },
    howPickup: '请将此面单贴在包裹上，快递员将上门取件。',
    howDropOff: '请将包裹送到驿站或快递网点，出示二维码即可寄出。',
    howSelf: '请将此面单贴在包裹上，并自行选择快递寄回。',
    cut: '沿此线剪开：将装箱单放入包裹内',
    sku: '商品编码',
    item: '商品',
    qty: '数量',
    reason: '原因',
    footer: '如有疑问，请在退货服务页面打开此退货并给我们留言。',
    groupTitle: '退货面单 · 多个订单合并',
    group: '合并退货单号',
    orders: '订单号',
    cases: (n: number) => `本包裹含 ${n} 个退货单（每个订单一个）：`,
  },
} as const;

/** A4 return label (with QR code) and packing slip, in the buyer's language. */
export async function renderLabelPdf(data: LabelInput, wanted: Lang): Promise<Buffer> {
  const { shop, order, view } = data;
  const [{ default: PDFDocument }, { default: QRCode }] = await Promise.all([loadPdfkit(), loadQrcode()]);
  const font = loadCjkFont();
  // Without a CJK font Chinese cannot be drawn: fall back to English (titles may still hold Chinese).
  const lang: Lang = font ? wanted : 'en';
  const t = TEXT[lang];
  // A group's label names its cases in the document's subject too: a program reading the PDF finds them there.
  const subject = data.cases?.map((c) => `${c.rmaNumber}: ${c.orderNumber}`).join('; ');
  const doc = new PDFDocument({ size: 'A4', margin: 40, info: { Title: `${t.title} ${view.rmaNumber}`, Author: shop.name, ...(subject ? { Subject: subject } : {}) } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  if (font) doc.registerFont('body', font, CJK_FONT.family);
  doc.font(font ? 'body' : 'Helvetica');

  const left = 40;
  const width = doc.page.width - 80;
  const code = dropOffCode(shop.slug, view.rmaNumber);

  // Label: big RMA number, QR code, addresses.
  doc.rect(left, 40, width, 370).lineWidth(2).stroke('#111');
  doc.fontSize(12).fillColor('#555').text(shop.name, left + 16, 56, { width: width - 200 });
  const grouped = !!data.cases;
  doc.fontSize(grouped ? 18 : 22).fillColor('#111').text(grouped ? t.groupTitle : t.title, left + 16, 76, { width: width - 200 });
  doc.fontSize(11).fillColor('#555').text(grouped ? t.group : t.rma, left + 16, 116);
  doc.fontSize(30).fillColor('#111').text(view.rmaNumber, left + 16, 132, { characterSpacing: 1 });
  // The RMA number as Code 128, for the warehouse's handheld scanner.
  await drawCode128(doc, view.rmaNumber, left + 6, 172, 250, 38);
  doc.fontSize(11).fillColor('#555').text(`${grouped ? t.orders : t.order}: ${order.number}`, left + 16, 216, { width: width - 200, height: 16, ellipsis: true });
  doc.fontSize(12).fillColor('#111').text(t.method[view.returnMethod], left + 16, 234);

  const qr = QRCode.create(code, { errorCorrectionLevel: 'M' });
  const size = qr.modules.size;
  const box = 150;
  const cell = box / size;
  const qx = left + width - box - 20;
  const qy = 60;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) if (qr.modules.get(x, y)) doc.rect(qx + x * cell, qy + y * cell, cell, cell);
  }
  doc.fill('#000');
  doc.fontSize(8).fillColor('#555').text(code, qx - 20, qy + box + 6, { width: box + 40, align: 'center' });

  // Where the parcel goes (issue 13): the address the case was approved with, in both forms when the font allows.
  const ra = view.returnAddress;
  const returnTo = ra
    ? [shop.name, `${ra.name}  ${ra.phone}`, font ? ra.addressZh : null, [ra.addressLatin, ra.postalCode].filter(Boolean).join(' ')].filter((s): s is string => !!s)
    : [shop.name];
  const address = order.shippingAddress ?? {};
  const from = [address.name, address.phone, [address.province, address.city, address.district].filter(Boolean).join(' '), address.line1, address.line2, address.postalCode, address.country]
    .filter((s) => s && s.trim())
    .join('\n');
  doc.fontSize(10).fillColor('#555').text(t.from, left + 16, 262);
  doc.fontSize(10).fillColor('#111').text(from || '—', left + 16, 278, { width: width / 2 - 30, height: 96, ellipsis: true });
  doc.fontSize(10).fillColor('#555').text(t.to, left + width / 2, 262);
  // 9 pt: a full address in both scripts (the Latin form often wraps) and the RMA line fit above the instructions.
  doc.fontSize(9).fillColor('#111').text(`${returnTo.join('\n')}\n${t.rma} ${view.rmaNumber}`, left + width / 2, 278, { width: width / 2 - 20, height: 100, ellipsis: true });
  const how = view.returnMethod === 'pickup' ? t.howPickup : view.returnMethod === 'drop_off' ? t.howDropOff : t.howSelf;
  doc.fontSize(10).fillColor('#333').text(how, left + 16, 382, { width: width - 32 });

  // Cut line, then the packing slip.
  doc.moveTo(left, 430).lineTo(left + width, 430).dash(4, { space: 4 }).lineWidth(1).stroke('#999').undash();
  doc.fontSize(8).fillColor('#777').text(t.cut, left, 434);

  doc.fontSize(18).fillColor('#111').text(t.slip, left, 456);
  doc.fontSize(11).fillColor('#333').text(`${grouped ? t.group : t.rma}: ${view.rmaNumber}    ${grouped ? t.orders : t.order}: ${order.number}`, left, 482, { width: width - 220, height: 14, ellipsis: true });
  // The packing slip travels inside the parcel: its barcode finds the case once the label is torn off.
  await drawCode128(doc, view.rmaNumber, left + width - 210, 452, 210, 34);
  if (ra) {
    // The buyer's script first: an English slip names the Latin form when the book has one.
    const where = (lang === 'zh-CN' ? (ra.addressZh ?? ra.addressLatin) : (ra.addressLatin ?? ra.addressZh)) ?? '';
    // Below the barcode, the whole width: a long address takes two lines rather than being cut off.
    doc.fontSize(9).fillColor('#333').text(`${t.to}: ${ra.name} ${ra.phone} · ${[where, ra.postalCode].filter(Boolean).join(' ')}`, left, 498, { width, height: 28, ellipsis: true });
  }
  let y = 530;
  const cols = [left, left + 110, left + 360, left + 400];
  if (data.cases) {
    doc.fontSize(10).fillColor('#333').text(t.cases(data.cases.length), left, y, { width });
    y += 18;
  }
  doc.fontSize(10).fillColor('#555');
  doc.text(t.sku, cols[0], y).text(t.item, cols[1], y).text(t.qty, cols[2], y).text(t.reason, cols[3], y);
  y += 16;
  doc.moveTo(left, y).lineTo(left + width, y).lineWidth(0.5).stroke('#bbb');
  y += 6;
  doc.fillColor('#111');
  const newPageIfFull = () => {
    if (y > doc.page.height - 80) {
      doc.addPage();
      y = 40;
    }
  };
  // One section per case of a group (its RMA and order), or the case's items alone.
  for (const section of data.cases ?? [{ rmaNumber: null, orderNumber: null, items: view.items }]) {
    if (section.rmaNumber) {
      doc.fontSize(11).fillColor('#111').text(`${t.rma} ${section.rmaNumber} · ${t.order} ${section.orderNumber}`, left, y, { width });
      y += 18;
    }
    doc.fillColor('#111');
    for (const item of section.items) {
      const reason = item.reasonLabel ? item.reasonLabel[lang] : item.reasonCode;
      const h = Math.max(doc.heightOfString(item.title ?? '', { width: 240 }), doc.heightOfString(reason, { width: width - 360 }), 14);
      doc.fontSize(10).text(item.sku ?? '', cols[0], y, { width: 105 }).text(item.title ?? '', cols[1], y, { width: 240 }).text(String(item.quantity), cols[2], y).text(reason, cols[3], y, { width: width - 360 });
      y += h + 8;
      newPageIfFull();
    }
  }
  doc.fontSize(9).fillColor('#555').text(t.footer, left, Math.max(y + 20, 700), { width });
  doc.end();
  return done;
}
