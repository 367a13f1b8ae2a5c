import { crc32, deflateSync } from 'node:zlib';

/**
 * Small PNG "photos" for the demo's evidence gallery: a product on a table with a marked defect,
 * drawn pixel by pixel so the demo needs no image files. Deterministic: the same variant gives
 * the same bytes.
 */
const WIDTH = 360;
const HEIGHT = 270;
/** The drawing is laid out on a 480 × 360 canvas and scaled down to the picture's size. */
const SCALE = 480 / WIDTH;

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed) >>> 0);
  return Buffer.concat([length, typed, crc]);
}

type Rgb = readonly [number, number, number];
const PALETTE: readonly Rgb[] = [
  [46, 84, 160],
  [190, 60, 60],
  [60, 140, 100],
  [200, 150, 60],
  [120, 90, 160],
];

export function demoPhoto(variant: number, kind: 'claim' | 'inspection'): Buffer {
  const product = PALETTE[variant % PALETTE.length]!;
  const defectX = 200 + ((variant * 37) % 120);
  const defectY = 140 + ((variant * 23) % 80);
  const raw = Buffer.alloc((WIDTH * 3 + 1) * HEIGHT);
  for (let py = 0; py < HEIGHT; py++) {
    const y = py * SCALE;
    const row = py * (WIDTH * 3 + 1);
    raw[row] = 0;
    for (let px = 0; px < WIDTH; px++) {
      const x = px * SCALE;
      // Table top (warm for the buyer's home, grey for the warehouse bench) with soft light.
      const light = 1 - Math.hypot(x - 140, y - 60) / 900;
      let c: Rgb = kind === 'claim' ? [222 * light, 205 * light, 180 * light] : [205 * light, 210 * light, 215 * light];
      const inProduct = x > 130 && x < 350 && y > 80 && y < 290;
      if (inProduct) {
        const shade = 0.75 + 0.25 * ((x - 130) / 220);
        c = [product[0] * shade, product[1] * shade, product[2] * shade];
        if (y > 110 && y < 125 && x > 160 && x < 320) c = [240, 240, 240];
      }
      // Drop shadow under the product.
      if (!inProduct && x > 140 && x < 362 && y > 290 && y < 300) c = [c[0] * 0.7, c[1] * 0.7, c[2] * 0.7];
      // The defect, circled in red as a buyer or inspector would.
      const d = Math.hypot(x - defectX, y - defectY);
      if (d < 10) c = [60, 40, 30];
      if (d > 26 && d < 31) c = [230, 30, 30];
      const p = row + 1 + px * 3;
      raw[p] = Math.max(0, Math.min(255, Math.round(c[0])));
      raw[p + 1] = Math.max(0, Math.min(255, Math.round(c[1])));
      raw[p + 2] = Math.max(0, Math.min(255, Math.round(c[2])));
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(WIDTH, 0);
  header.writeUInt32BE(HEIGHT, 4);
  header.writeUInt8(8, 8); // bit depth
  header.writeUInt8(2, 9); // colour type: RGB
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}
