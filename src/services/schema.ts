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
  return addFormats(new Ajv({ ...options, coerceTypes: mode === 'coercing' ? 'array' : false }));
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

