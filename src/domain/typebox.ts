import { Type } from 'typebox';

/** A string that is one of `values`, typed as their union (TypeBox unions of mapped literals lose it). */
export const StringEnum = <const T extends readonly string[]>(values: T, options: { description?: string; default?: T[number] } = {}) =>
  Type.Unsafe<T[number]>({ type: 'string', enum: [...values], ...options });
