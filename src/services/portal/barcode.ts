import { lazyModule } from '../../lazy-module.js';

/** Loaded by the first label printed. */
const loadBwipJs = lazyModule(() => import('bwip-js'));

/**
 * Code 128 for handheld scanners (issue 13): most warehouse scanners read 1D codes only, and the
 * label's QR code is for drop-off points. Drawn as vector bars, so it prints sharp at any size.
 */

/** The Code 128 symbol of `text` as module widths, bar first, then space, bar, … (start and stop codes included). */
export async function code128Widths(text: string): Promise<number[]> {
  const { default: bwipjs } = await loadBwipJs();
  const [symbol] = bwipjs.raw({ bcid: 'code128', text });
  if (!symbol || !('sbs' in symbol)) throw new Error('bwip-js returned no linear symbol for code128');
  return symbol.sbs;
}

export interface BarDrawing {
  rect(x: number, y: number, w: number, h: number): unknown;
  fill(color: string): unknown;
}

/**
 * Draws the barcode of `text` at (x, y), `width` wide with 10 modules of quiet zone either side
 * (the scanner needs the white margin), and returns the width the bars take.
 */
export async function drawCode128(doc: BarDrawing, text: string, x: number, y: number, width: number, height: number): Promise<number> {
  const widths = await code128Widths(text);
  const modules = widths.reduce((a, b) => a + b, 0);
  const module = width / (modules + 20);
  let at = x + 10 * module;
  widths.forEach((w, i) => {
    if (i % 2 === 0) doc.rect(at, y, w * module, height);
    at += w * module;
  });
  doc.fill('#000');
  return modules * module;
}
