/**
 * A module imported on first use instead of at start: the payment, SMS, carrier and store SDKs,
 * PDF and barcode renderers and database drivers each cost tens of MiB of memory once loaded,
 * and a process needs only the few its shops and requests use (docs/operations.md, Memory).
 *
 * `const loadStripe = lazyModule(() => import('stripe'))`, then `(await loadStripe()).default`
 * where it is used; the types come from `import type`, which loads nothing. Every caller shares
 * one import; an import that failed is forgotten, so the next call tries again.
 */
export function lazyModule<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | null = null;
  return () => {
    loading ??= load().catch((err: unknown) => {
      loading = null;
      throw err;
    });
    return loading;
  };
}
