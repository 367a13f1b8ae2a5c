import { inflateSync } from 'node:zlib';

/**
 * The text a PDF written by pdfkit shows, line by line (one string per text object), read back
 * without a PDF library: content streams inflated, each shown string decoded through its font's
 * ToUnicode map (embedded fonts such as Noto CJK write glyph ids) or as single bytes (the standard
 * fonts). Enough for asserting what a label prints; not a general PDF reader.
 */
export function pdfText(pdf: Buffer): string[] {
  const objects = new Map<number, { dict: string; stream: Buffer | null }>();
  for (const m of pdf.toString('latin1').matchAll(/(\d+) 0 obj\b/g)) {
    const start = m.index! + m[0].length;
    const end = pdf.indexOf('endobj', start);
    const streamAt = pdf.indexOf('stream\n', start);
    if (streamAt >= 0 && streamAt < end) {
      const dict = pdf.subarray(start, streamAt).toString('latin1');
      const raw = pdf.subarray(streamAt + 7, pdf.lastIndexOf('endstream', end));
      let stream: Buffer = raw;
      if (dict.includes('/FlateDecode')) {
        try {
          stream = inflateSync(raw);
        } catch {
          stream = Buffer.alloc(0); // an image or font program, not text
        }
      }
      objects.set(Number(m[1]), { dict, stream });
    } else objects.set(Number(m[1]), { dict: pdf.subarray(start, end).toString('latin1'), stream: null });
  }

  // Font resource names (/F1) → a decoder of that font's shown strings.
  const decoders = new Map<string, (hex: string) => string>();
  for (const { dict } of objects.values()) {
    for (const [, name, ref] of dict.matchAll(/\/(F\d+) (\d+) 0 R/g)) {
      const font = objects.get(Number(ref));
      const toUnicode = font && /\/ToUnicode (\d+) 0 R/.exec(font.dict);
      const cmap = toUnicode ? objects.get(Number(toUnicode[1]))?.stream?.toString('latin1') : undefined;
      decoders.set(name!, cmap ? cmapDecoder(cmap) : (hex) => Buffer.from(hex, 'hex').toString('latin1'));
    }
  }

  const lines: string[] = [];
  for (const { dict, stream } of objects.values()) {
    if (!stream || /\/(Length1|Subtype \/Image|Type \/XObject)/.test(dict)) continue;
    const content = stream.toString('latin1');
    if (!content.includes('BT')) continue;
    for (const block of content.split(/\bBT\b/).slice(1)) {
      let font: (hex: string) => string = (hex) => Buffer.from(hex, 'hex').toString('latin1');
      let line = '';
      for (const op of block.matchAll(/\/(F\d+) [\d.]+ Tf|\[([^\]]*)\] TJ|<([0-9a-fA-F]*)> Tj/g)) {
        if (op[1]) font = decoders.get(op[1]) ?? font;
        else if (op[2] !== undefined) for (const [, hex] of op[2].matchAll(/<([0-9a-fA-F]*)>/g)) line += font(hex!);
        else line += font(op[3]!);
      }
      if (line) lines.push(line);
    }
  }
  return lines;
}

/** A ToUnicode CMap's bfchar and bfrange entries as a decoder of hex strings of 2-byte codes. */
function cmapDecoder(cmap: string): (hex: string) => string {
  const map = new Map<number, string>();
  // A ligature's glyph maps to several characters: `<0066 0066>` is "ff".
  const utf16 = (hex: string) => String.fromCharCode(...(hex.replace(/\s+/g, '').match(/.{4}/g) ?? []).map((h) => parseInt(h, 16)));
  for (const section of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const [, code, to] of section[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) map.set(parseInt(code!, 16), utf16(to!));
  }
  for (const section of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const [, lo, hi, to, list] of section[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(?:<([0-9a-fA-F]+)>|\[([^\]]*)\])/g)) {
      const from = parseInt(lo!, 16);
      const until = parseInt(hi!, 16);
      if (list !== undefined) [...list.matchAll(/<([0-9a-fA-F\s]+)>/g)].forEach(([, h], i) => map.set(from + i, utf16(h!)));
      else for (let c = from, u = parseInt(to!, 16); c <= until; c++, u++) map.set(c, String.fromCharCode(u));
    }
  }
  return (hex) => (hex.match(/.{4}/g) ?? []).map((h) => map.get(parseInt(h, 16)) ?? '').join('');
}
