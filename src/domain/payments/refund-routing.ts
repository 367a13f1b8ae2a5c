/**
 * Which way a refund's money goes back. A shop routes each sales channel to a payment connection
 * (Stripe, Alipay) or to a built-in provider; channels it does not route use its default
 * provider. Marketplace orders were paid on the marketplace: their money goes back there, so
 * they are never routed to the shop's own payment connections.
 */
export const MARKETPLACE_CHANNELS: ReadonlySet<string> = new Set(['taobao', 'tmall', 'pdd', 'jd', 'douyin', 'amazon']);

/**
 * Issue 17: the marketplace connection kinds and the channels whose orders they refund. A refund
 * routed to one is the platform's own "agree to refund", so the money does go back there.
 */
export const MARKETPLACE_KIND_CHANNELS: Readonly<Record<string, readonly string[]>> = { taobao: ['taobao', 'tmall'], pinduoduo: ['pdd'], jd: ['jd'], douyin: ['douyin'] };
export const refundsOnItsMarketplace = (route: Pick<RefundRoute, 'provider'>, channel: string) => MARKETPLACE_KIND_CHANNELS[route.provider]?.includes(channel) === true;

export interface RefundRoute {
  provider: string;
  /** The payment connection, when the provider is one. */
  connectionId: string | null;
}

export interface RefundRouting {
  /** manual or simulated: where a channel without a route goes. */
  defaultProvider: string;
  byChannel: Readonly<Record<string, RefundRoute>>;
}

export function routeRefund(routing: RefundRouting, method: 'original' | 'store_credit', channel: string): RefundRoute {
  if (method === 'store_credit') return { provider: 'store_credit', connectionId: null };
  const route = routing.byChannel[channel];
  if (route && !(route.connectionId && MARKETPLACE_CHANNELS.has(channel) && !refundsOnItsMarketplace(route, channel))) return route;
  return { provider: routing.defaultProvider, connectionId: null };
}
