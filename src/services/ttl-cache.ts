/** A small in-process cache whose entries live a few seconds: for data read on every request and rarely changed. */
export class TtlCache<K, V> {
  private readonly entries = new Map<K, { value: V; expires: number }>();
  /** Loads under way: requests that miss the same key at once wait for one read instead of each sending their own. */
  private readonly loading = new Map<K, Promise<V | undefined>>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 10_000,
  ) {}

  get(key: K, now = Date.now()): V | undefined {
    const hit = this.entries.get(key);
    if (!hit) return undefined;
    if (hit.expires <= now) {
      this.entries.delete(key);
      return undefined;
    }
    return hit.value;
  }

  /**
   * The cached value, or the one `read` gives (kept when there is one). Concurrent misses of a key
   * share one load: at 64 connections an expired shop was read once per waiting request.
   */
  load(key: K, read: () => Promise<V | undefined>): Promise<V | undefined> {
    const hit = this.get(key);
    if (hit !== undefined) return Promise.resolve(hit);
    const running = this.loading.get(key);
    if (running) return running;
    const loaded: Promise<V | undefined> = read()
      .then((value) => {
        // Kept only if nobody dropped the key meanwhile (a change): then the value read may be the old one.
        if (value !== undefined && this.loading.get(key) === loaded) this.set(key, value);
        return value;
      })
      .finally(() => {
        if (this.loading.get(key) === loaded) this.loading.delete(key);
      });
    this.loading.set(key, loaded);
    return loaded;
  }

  set(key: K, value: V, now = Date.now()) {
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value as K);
    this.entries.set(key, { value, expires: now + this.ttlMs });
  }

  /** Drops the key, and any load under way for it: the next request reads it afresh. */
  delete(key: K) {
    this.entries.delete(key);
    this.loading.delete(key);
  }
}
