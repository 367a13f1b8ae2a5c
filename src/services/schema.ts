import { Ajv, type ErrorObject, type Options } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { Static, TSchema } from 'typebox';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

/**
 * The one Ajv set-up of Retour. Strict (for JSON bodies and documents): no type coercion, unknown
 * fields are errors. Coercing (for query strings and path parameters, which are text).
 */
export function createAjv(mode: 'strict' | 'coercing'): Ajv {
  const options: Options = { allErrors: true, useDefaults: true, removeAdditional: false, strict: false };
  const ajv = addFormats(new Ajv({ ...options, coerceTypes: mode === 'coercing' ? 'array' : false }));
  // ajv-formats is more lenient than PostgreSQL and JavaScript's Date: what it lets through
  // must be storable, or the database refuses it later with a 500.
  ajv.addFormat('uuid', CANONICAL_UUID);
  ajv.addFormat('date-time', { type: 'string', validate: isStorableDateTime });
  ajv.addFormat('date', { type: 'string', validate: isStorableDate });
  return ajv;
}

/** The one form of UUID ids take (no `urn:uuid:` prefix, no braces), in either case. */
export const CANONICAL_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function validDay(y: number, m: number, d: number): boolean {
  // Years 0001–9999 only: PostgreSQL has no year 0, and JavaScript prints later years with a sign.
  if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1) return false;
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  return d <= [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
}

/** RFC 3339 date-time that JavaScript and PostgreSQL both read as the same instant: no leap second (:60). */
export function isStorableDateTime(value: string): boolean {
  const m = DATE_TIME.exec(value);
  if (!m) return false;
  const [, y, mo, d, h, mi, s, , zone] = m as unknown as string[];
  if (!validDay(Number(y), Number(mo), Number(d)) || Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) return false;
  if (zone && zone.length === 6 && (Number(zone.slice(1, 3)) > 23 || Number(zone.slice(4)) > 59)) return false;
  const t = Date.parse(value.replace(' ', 'T'));
  return Number.isFinite(t) && new Date(t).getUTCFullYear() >= 1 && new Date(t).getUTCFullYear() <= 9999;
}

export function isStorableDate(value: string): boolean {
  const m = DATE.exec(value);
  return m !== null && validDay(Number(m[1]), Number(m[2]), Number(m[3]));
}

export interface SchemaIssue {
  path: string;
  message: string;
}

export function describeIssues(errors: ErrorObject[] | null | undefined): SchemaIssue[] {
  return (errors ?? []).map((e) => {
    if (e.keyword === 'additionalProperties') return { path: `${e.instancePath}/${String(e.params.additionalProperty)}`, message: 'is not a known field' };
    if (e.keyword === 'required') return { path: `${e.instancePath}/${String(e.params.missingProperty)}`, message: 'is required' };
    return { path: e.instancePath, message: e.message ?? 'is invalid' };
  });
}

let shared: Ajv | undefined;

/** A validator for documents checked outside HTTP (CSV rows, policy documents, seeds). */
export function compileValidator<T extends TSchema>(schema: T) {
  shared ??= createAjv('strict');
  const validate = shared.compile(schema);
  return (value: unknown): { ok: true; value: Static<T> } | { ok: false; issues: SchemaIssue[] } =>
    validate(value) ? { ok: true, value: value as Static<T> } : { ok: false, issues: describeIssues(validate.errors) };
}

