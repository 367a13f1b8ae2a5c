/**
 * When a failed delivery is tried again (the Standard Webhooks / Svix schedule): 5 s, 5 min,
 * 30 min, 2 h, 5 h, 10 h, 10 h after each failure, each stretched by up to 20 % of jitter so
 * a receiver coming back up is not hit by every sender at once. The delays add up to 27.6 h
 * before jitter, so a receiver has more than a day to recover before a delivery is dead.
 */
export const RETRY_DELAYS_MS = [5_000, 5 * 60_000, 30 * 60_000, 2 * 3600_000, 5 * 3600_000, 10 * 3600_000, 10 * 3600_000] as const;

export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;

/** The wait after the `attempts`-th failed attempt, or null when the delivery is dead. `random` in [0, 1). */
export function retryDelayMs(attempts: number, random: number): number | null {
  const base = RETRY_DELAYS_MS[attempts - 1];
  if (base === undefined) return null;
  return Math.round(base * (1 + 0.2 * random));
}
