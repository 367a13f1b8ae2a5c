import type { FastifyInstance } from 'fastify';
import { invalid } from '../../domain/errors.js';
import { createAjv } from '../../services/schema.js';

/** Deeper JSON than any Retour document: refused before anything walks it recursively. */
export const MAX_JSON_DEPTH = 64;
const INT4 = { minimum: -2_147_483_648, maximum: 2_147_483_647 };

/**
 * Bodies are validated strictly (no type coercion: "1" is not 1, and unknown fields are
 * errors, never silently dropped); path and query strings are coerced, since they are text.
 */
export function registerValidation(app: FastifyInstance) {
  const bodyAjv = createAjv('strict');
  const textAjv = createAjv('coercing');
  app.setValidatorCompiler(({ schema, httpPart }) =>
    httpPart === 'body' ? bodyAjv.compile(schema) : textAjv.compile(boundIntegers(schema as Record<string, unknown>)),
  );

  // PostgreSQL text cannot hold NUL, nor JSON an unpaired UTF-16 surrogate (jsonb refuses \ud800), in any
  // part of a request: refuse them here with a clear error instead of failing later. Every route, the public portal's included.
  app.addHook('preValidation', async (req) => {
    for (const [part, value] of [['params', req.params], ['querystring', req.query], ['body', req.body]] as const) {
      if (value === undefined || value === null || typeof value !== 'object') continue;
      const found = inspect(value);
      if (found.tooDeep) throw invalid('request.too_deep', `The ${part} nests deeper than ${MAX_JSON_DEPTH} levels`, { in: part, maxDepth: MAX_JSON_DEPTH });
      if (found.nulAt !== null) {
        const path = found.nulAt;
        const what = found.unstorable === 'surrogate' ? 'an unpaired UTF-16 surrogate' : 'a NUL character';
        throw invalid('request.invalid', `${part === 'body' ? path || 'body' : `${part}${path}`} contains ${what}`, {
          errors: [{ in: part, path, message: `contains ${what}` }],
        });
      }
    }
  });
}

/**
 * Walks a parsed value without recursion (a 20,000-level object must not overflow the stack):
 * whether it nests too deep, and the path of the first string or key holding a NUL.
 */
export function inspect(root: object): { tooDeep: boolean; nulAt: string | null; unstorable?: 'nul' | 'surrogate' } {
  const stack: [unknown, string, number][] = [[root, '', 0]];
  while (stack.length > 0) {
    const [value, path, depth] = stack.pop()!;
    if (typeof value === 'string') {
      const bad = unstorable(value);
      if (bad) return { tooDeep: false, nulAt: path, unstorable: bad };
      continue;
    }
    if (!value || typeof value !== 'object') continue;
    if (depth >= MAX_JSON_DEPTH) return { tooDeep: true, nulAt: null };
    const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
    for (let i = entries.length - 1; i >= 0; i--) {
      const [k, v] = entries[i]!;
      const bad = unstorable(k);
      if (bad) return { tooDeep: false, nulAt: `${path}/${k}`, unstorable: bad };
      stack.push([v, `${path}/${k}`, depth + 1]);
    }
  }
  return { tooDeep: false, nulAt: null };
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** What PostgreSQL cannot store in text or jsonb: a NUL, or half of a UTF-16 surrogate pair. */
function unstorable(s: string): 'nul' | 'surrogate' | null {
  if (s.includes('\u0000')) return 'nul';
  return LONE_SURROGATE.test(s) ? 'surrogate' : null;
}

/**
 * Integers in paths and query strings are ids, counts and filters compared with int4 columns:
 * unless the schema says otherwise, they stay in int4's range (2147483648 is a 400, not a 500).
 */
function boundIntegers(schema: Record<string, unknown>): Record<string, unknown> {
  const copy = JSON.parse(JSON.stringify(schema)) as Record<string, unknown>;
  const stack: unknown[] = [copy];
  while (stack.length > 0) {
    const node = stack.pop();
    if (!node || typeof node !== 'object') continue;
    const s = node as Record<string, unknown>;
    const types = [s.type].flat();
    if (types.includes('integer')) {
      s.minimum ??= INT4.minimum;
      s.maximum ??= INT4.maximum;
    }
    for (const child of Object.values(s)) if (child && typeof child === 'object') stack.push(child);
  }
  return copy;
}
