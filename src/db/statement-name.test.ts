import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { statementName } from './statement-name.js';

const sha1Name = (text: string) => `r${createHash('sha1').update(text).digest('base64url')}`;

describe('statementName', () => {
  it('is the hash of the text, the same for equal texts and different for different ones, however many texts came before', () => {
    const texts = Array.from({ length: 2_500 }, (_, i) => `select ${i} from t where a = $1`);
    for (const text of [...texts, ...texts.slice(0, 10), ...texts.slice(-10)]) expect(statementName(text)).toBe(sha1Name(text));
    expect(statementName('select 1')).not.toBe(statementName('select 2'));
    // Equal text built anew (another string object) gets the same name.
    expect(statementName(['select', '1'].join(' '))).toBe(statementName('select 1'));
  });
});
