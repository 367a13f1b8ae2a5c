import type { FastifyInstance } from 'fastify';
import { invalid } from '../../domain/errors.js';
import { createAjv } from '../../services/schema.js';

/**
 * Bodies are validated strictly (no type coercion: "1" is not 1, and unknown fields are
 * errors, never silently dropped); path and query strings are coerced, since they are text.
 */
export function registerValidation(app: FastifyInstance) {
  const bodyAjv = createAjv('strict');
  const textAjv = createAjv('coercing');
  app.setValidatorCompiler(({ schema, httpPart }) => (httpPart === 'body' ? bodyAjv : textAjv).compile(schema));

  // PostgreSQL text cannot hold NUL: refuse it here with a clear error instead of failing later.
  app.addHook('preValidation', async (req) => {
    if (req.body !== undefined && req.body !== null && typeof req.body === 'object') {
      const path = findNul(req.body, '');
      if (path !== null) throw invalid('request.invalid', `${path || 'body'} contains a NUL character`, { errors: [{ path, message: 'contains a NUL character' }] });
    }
  });
}

function findNul(value: unknown, path: string): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findNul(value[i], `${path}/${i}`);
      if (found !== null) return found;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k.includes('\u0000')) return `${path}/${k}`;
      const found = findNul(v, `${path}/${k}`);
      if (found !== null) return found;
    }
  }
  return null;
}
