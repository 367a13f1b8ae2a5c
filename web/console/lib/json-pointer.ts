/** RFC 6901 pointers ↔ antd form names: `/reasons/2/code` ↔ ['reasons', 2, 'code']. */
export type FieldPath = (string | number)[];

export function pointerToPath(pointer: string): FieldPath {
  if (pointer === '' || pointer === '/') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

export const pathKey = (path: readonly (string | number)[]) => path.join('.');

/** The longest of `known` paths that `path` starts with (the form field an issue belongs to), if any. */
export function nearestField(path: FieldPath, known: readonly FieldPath[]): FieldPath | null {
  const keys = new Set(known.map(pathKey));
  for (let n = path.length; n > 0; n--) {
    const candidate = path.slice(0, n);
    if (keys.has(pathKey(candidate))) return candidate;
  }
  return null;
}
