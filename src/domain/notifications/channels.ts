/** How a buyer hears about their case (issue 20): by e-mail, by text message (短信), or both. */
export const CHANNELS = ['email', 'sms'] as const;
export type Channel = (typeof CHANNELS)[number];

/** What a shop prefers when an order carries both an e-mail address and a phone number. */
export const CHANNEL_PREFERENCES = ['sms', 'email', 'both'] as const;
export type ChannelPreference = (typeof CHANNEL_PREFERENCES)[number];

export interface BuyerContact {
  email: string | null;
  /** E.164, or null when the order has none or it is not a number a message can reach. */
  phone: string | null;
}

/**
 * The channels one notification goes out on. The order's contact decides: only a phone → SMS,
 * only an e-mail → e-mail, both → the shop's preference. A channel the buyer opted out of is
 * never used; when it was the preferred one of two, the other carries the news instead (the
 * buyer refused a channel, not the news about their own return).
 */
export function channelsFor(contact: BuyerContact, preference: ChannelPreference, optedOut: ReadonlySet<Channel>): Channel[] {
  const reachable = CHANNELS.filter((c) => (c === 'email' ? contact.email : contact.phone) && !optedOut.has(c));
  if (reachable.length < 2) return reachable;
  return preference === 'both' ? reachable : [preference];
}
