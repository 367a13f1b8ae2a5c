/**
 * The codes Retour prints on a return label and packing slip, and how a scan is read back:
 * the QR code carries `RETOUR:<shop>:<RMA>`, the Code 128 barcode the bare RMA number, and the
 * carrier's own label a tracking number. The warehouse's look-up accepts all three.
 */

/** What the QR code says: shop and RMA number, nothing personal. */
export const dropOffCode = (shopSlug: string, rmaNumber: string) => `RETOUR:${shopSlug}:${rmaNumber}`;

export interface ScannedCode {
  /** The code as a look-up term (the RMA number for a Retour QR code). */
  text: string;
  /** For a Retour QR code: the shop it names (lower case). */
  shopSlug?: string;
  /** For a Retour QR code: the RMA number it names (upper case). */
  rmaNumber?: string;
}

const QR = /^RETOUR:([a-z0-9][a-z0-9-]*):([A-Z0-9-]+)$/i;

/**
 * A scanner is a keyboard: it may send a trailing Enter, Tab or GS, and a Chinese input method
 * turns `:` into `：` and letters into full-width ones. NFKC folds those back before matching.
 */
export function readScannedCode(raw: string): ScannedCode {
  // eslint-disable-next-line no-control-regex
  const text = raw.normalize('NFKC').replace(/[\u0000-\u001f\u007f]/g, '').trim();
  const qr = QR.exec(text);
  if (!qr) return { text };
  return { text: qr[2]!.toUpperCase(), shopSlug: qr[1]!.toLowerCase(), rmaNumber: qr[2]!.toUpperCase() };
}
