import type { ConnectionKindName } from '../../api/types.js';

/**
 * The form of each kind of connection: its secret fields (sent as `credentials`, never shown
 * again) and its plain ones (`settings`), as GET /connections/kinds describes them.
 */
export interface ConnectionField {
  name: string;
  part: 'credentials' | 'settings';
  required: boolean;
  secret?: boolean;
  multiline?: boolean;
}

export const CONNECTION_FORMS: Record<ConnectionKindName, ConnectionField[]> = {
  shopify: [
    { name: 'shopDomain', part: 'settings', required: true },
    { name: 'accessToken', part: 'credentials', required: true, secret: true },
    { name: 'apiSecretKey', part: 'credentials', required: true, secret: true },
    { name: 'baseUrl', part: 'settings', required: false },
  ],
  woocommerce: [
    { name: 'url', part: 'settings', required: true },
    { name: 'consumerKey', part: 'credentials', required: true, secret: true },
    { name: 'consumerSecret', part: 'credentials', required: true, secret: true },
    { name: 'webhookSecret', part: 'credentials', required: true, secret: true },
  ],
  stripe: [
    { name: 'secretKey', part: 'credentials', required: true, secret: true },
    { name: 'webhookSecret', part: 'credentials', required: true, secret: true },
    { name: 'baseUrl', part: 'settings', required: false },
  ],
  alipay: [
    { name: 'appId', part: 'credentials', required: true },
    { name: 'privateKey', part: 'credentials', required: true, secret: true, multiline: true },
    { name: 'alipayPublicKey', part: 'credentials', required: true, multiline: true },
    { name: 'baseUrl', part: 'settings', required: false },
  ],
  // Carriers (issue 17)
  kuaidi100: [
    { name: 'key', part: 'credentials', required: true, secret: true },
    { name: 'customer', part: 'credentials', required: true },
    { name: 'secret', part: 'credentials', required: false, secret: true },
    { name: 'salt', part: 'credentials', required: true, secret: true },
    { name: 'defaultCarrier', part: 'settings', required: false },
    { name: 'baseUrl', part: 'settings', required: false },
  ],
  easypost: [
    { name: 'apiKey', part: 'credentials', required: true, secret: true },
    { name: 'webhookSecret', part: 'credentials', required: true, secret: true },
    { name: 'pickupCarrier', part: 'settings', required: false },
    { name: 'baseUrl', part: 'settings', required: false },
  ],
  // Issue 17: marketplaces (labels under the `market` locale key).
  taobao: [
    { name: 'appKey', part: 'credentials', required: true },
    { name: 'appSecret', part: 'credentials', required: true, secret: true },
    { name: 'sessionKey', part: 'credentials', required: true, secret: true },
    { name: 'baseUrl', part: 'settings', required: false },
  ],
  pinduoduo: [
    { name: 'clientId', part: 'credentials', required: true },
    { name: 'clientSecret', part: 'credentials', required: true, secret: true },
    { name: 'accessToken', part: 'credentials', required: true, secret: true },
    { name: 'baseUrl', part: 'settings', required: false },
  ],
  jd: [
    { name: 'appKey', part: 'credentials', required: true },
    { name: 'appSecret', part: 'credentials', required: true, secret: true },
    { name: 'accessToken', part: 'credentials', required: true, secret: true },
    // The service-order APIs need the merchant id; without it only pre-shipment refunds are read.
    { name: 'buId', part: 'settings', required: true },
    { name: 'operatorPin', part: 'settings', required: false },
    { name: 'baseUrl', part: 'settings', required: false },
  ],
  douyin: [
    { name: 'appKey', part: 'credentials', required: true },
    { name: 'appSecret', part: 'credentials', required: true, secret: true },
    { name: 'accessToken', part: 'credentials', required: true, secret: true },
    { name: 'returnAddressId', part: 'settings', required: false },
    { name: 'baseUrl', part: 'settings', required: false },
  ],
};

export const CONNECTION_KIND_NAMES = Object.keys(CONNECTION_FORMS) as ConnectionKindName[];
/** Kinds that pull orders in (they have "sync now" and a webhook address). */
export const STOREFRONT_KINDS: ReadonlySet<string> = new Set(['shopify', 'woocommerce']);
export const HOOK_KINDS: ReadonlySet<string> = new Set(['shopify', 'woocommerce', 'stripe', 'kuaidi100', 'easypost']);
/** Marketplaces (issue 17): they pull after-sales records, so they have "sync now" too. */
export const MARKETPLACE_KINDS: ReadonlySet<string> = new Set(['taobao', 'pinduoduo', 'jd', 'douyin']);
