import { useSyncExternalStore } from 'react';

/**
 * Countdowns count from the server's clock, not the browser's: every reply that carries the
 * server's `now` sets the offset, and one shared one-second tick re-renders the countdowns.
 */
let offsetMs = 0;
let tick = Date.now();
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | undefined;

export function syncServerClock(serverNowIso: string) {
  const server = Date.parse(serverNowIso);
  if (Number.isFinite(server)) offsetMs = server - Date.now();
}

export const serverNow = () => Date.now() + offsetMs;

function subscribe(listener: () => void) {
  listeners.add(listener);
  timer ??= setInterval(() => {
    tick = Date.now();
    for (const l of listeners) l();
  }, 1000);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

/** The server's time now, re-read every second. */
export function useServerNow(): number {
  const at = useSyncExternalStore(subscribe, () => tick);
  return at + offsetMs;
}
