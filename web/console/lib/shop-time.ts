import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../auth/session.js';

/**
 * Times in the console are the shop's (its zone named on each one, "23:01 GMT+8"), as in the
 * portal and the mails, so staff and buyers read the same hour. A person may choose their
 * browser's zone instead; the choice stays in this browser.
 */
export type TimeZoneChoice = 'shop' | 'browser';
const KEY = 'retour.console.timeZone';
const listeners = new Set<() => void>();

function read(): TimeZoneChoice {
  try {
    return window.localStorage.getItem(KEY) === 'browser' ? 'browser' : 'shop';
  } catch {
    return 'shop';
  }
}

export function chooseTimeZone(choice: TimeZoneChoice) {
  try {
    window.localStorage.setItem(KEY, choice);
  } catch {
    // Private windows may refuse storage: the choice then lasts until reload.
  }
  current = choice;
  listeners.forEach((l) => l());
}

let current: TimeZoneChoice | null = null;
const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};

export function useTimeZoneChoice(): TimeZoneChoice {
  return useSyncExternalStore(subscribe, () => (current ??= read()));
}

export const browserTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** The zone times are shown in now: the shop's unless the person chose their browser's. */
export function useTimeZone(): string {
  const { session } = useSession();
  const choice = useTimeZoneChoice();
  return choice === 'browser' ? browserTimeZone() : session.shop.timezone;
}

export function formatZoned(iso: string, locale: string, timeZone: string, dateOnly = false): string {
  return new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    ...(dateOnly ? {} : { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZoneName: 'short' }),
    timeZone,
  } as Intl.DateTimeFormatOptions).format(new Date(iso));
}

/** Formats an instant in the zone the console shows (the shop's by default), the zone named. */
export function useShopTime() {
  const { i18n } = useTranslation();
  const zone = useTimeZone();
  return (iso: string) => formatZoned(iso, i18n.language, zone);
}

/** A day (no hour) in the zone the console shows. */
export function useShopDate() {
  const { i18n } = useTranslation();
  const zone = useTimeZone();
  return (iso: string) => formatZoned(iso, i18n.language, zone, true);
}
