import { CHANNEL_PREFERENCES, type ChannelPreference } from './channels.js';

/** A shop's choices about notifying buyers (issue 20 §2, §4). */
export interface NotificationSettings {
  /** When an order carries both an e-mail address and a phone number. */
  channelPreference: ChannelPreference;
  /** Text messages a shop may send in one day (the shop's day): a runaway loop stops here. */
  smsDailyCap: number;
}

/** E-mail when a buyer gave both (as before SMS existed); a Chinese shop usually chooses SMS. */
export const DEFAULT_NOTIFICATION_SETTINGS: NotificationSettings = { channelPreference: 'email', smsDailyCap: 1_000 };

/** The stored settings, with defaults for what is missing or not understood. */
export function notificationSettingsOf(stored: unknown): NotificationSettings {
  const s = (stored && typeof stored === 'object' ? stored : {}) as Partial<Record<keyof NotificationSettings, unknown>>;
  return {
    channelPreference: CHANNEL_PREFERENCES.includes(s.channelPreference as ChannelPreference) ? (s.channelPreference as ChannelPreference) : DEFAULT_NOTIFICATION_SETTINGS.channelPreference,
    smsDailyCap: typeof s.smsDailyCap === 'number' && Number.isInteger(s.smsDailyCap) && s.smsDailyCap >= 0 ? s.smsDailyCap : DEFAULT_NOTIFICATION_SETTINGS.smsDailyCap,
  };
}
