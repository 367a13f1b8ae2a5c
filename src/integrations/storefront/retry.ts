/**
 * Calls to a storefront's API, retried: a 429 waits what its Retry-After says, a 5xx, a
 * timeout or a network error backs off exponentially; anything else (4xx) fails at once.
 */
export interface RetryOptions {
  /** Attempts in all (default 5). */
  tries?: number;
  /** First backoff, doubling (default 1 s; tests set a few ms). */
  baseDelayMs?: number;
  /** Longest Retry-After honoured before giving up the run (default 60 s). */
  maxWaitMs?: number;
  timeoutMs?: number;
}

export class RetryableError extends Error {
  constructor(
    message: string,
    readonly retryAfterMs: number | null,
  ) {
    super(message);
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout>;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new RetryableError(`No answer within ${ms} ms`, null)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** Runs `call`; `classify` turns an error into a RetryableError (retry) or returns it unchanged (fail). */
export async function withRetries<T>(call: () => Promise<T>, classify: (err: unknown) => unknown, options: RetryOptions = {}): Promise<T> {
  const tries = options.tries ?? 5;
  const base = options.baseDelayMs ?? 1000;
  for (let attempt = 1; ; attempt++) {
    try {
      return await withTimeout(call(), options.timeoutMs ?? 30_000);
    } catch (raw) {
      const err = raw instanceof RetryableError ? raw : classify(raw);
      if (!(err instanceof RetryableError) || attempt >= tries) throw err instanceof Error ? err : raw;
      const wait = err.retryAfterMs ?? base * 2 ** (attempt - 1);
      if (wait > (options.maxWaitMs ?? 60_000)) throw err;
      await sleep(wait);
    }
  }
}
