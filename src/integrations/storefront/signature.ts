import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Base64 HMAC-SHA256 of the raw body, as Shopify (X-Shopify-Hmac-Sha256) and WooCommerce
 * (X-WC-Webhook-Signature) sign webhooks; compared in constant time.
 */
export function validBase64HmacSha256(secret: string, rawBody: Buffer, signature: string | undefined): boolean {
  if (!signature) return false;
  const expected = createHmac('sha256', secret).update(rawBody).digest();
  const given = Buffer.from(signature, 'base64');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export const signBase64HmacSha256 = (secret: string, body: string | Buffer) => createHmac('sha256', secret).update(body).digest('base64');
