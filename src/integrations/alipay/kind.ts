import { Type } from 'typebox';
import type { ConnectionKind } from '../connection-kind.js';
import { alipayRefundProvider } from './refund-provider.js';

/** An Alipay (支付宝) open-platform app: refunds trades with alipay.trade.refund, RSA2-signed. */
export const alipayKind: ConnectionKind = {
  kind: 'alipay',
  category: 'payment',
  credentials: Type.Object(
    {
      appId: Type.String({ minLength: 1, maxLength: 64, pattern: '^[0-9]+$', description: 'The app’s APPID' }),
      privateKey: Type.String({ minLength: 100, maxLength: 8000, description: 'The app’s RSA2 private key (应用私钥), PEM or bare base64; PKCS#1 or PKCS#8' }),
      alipayPublicKey: Type.String({ minLength: 100, maxLength: 4000, description: 'Alipay’s public key (支付宝公钥): verifies every answer' }),
    },
    { additionalProperties: false },
  ),
  settings: Type.Object(
    {
      keyType: Type.Optional(Type.Union([Type.Literal('PKCS1'), Type.Literal('PKCS8')], { description: 'Format of a bare base64 private key (a PEM says it itself); default PKCS1' })),
      baseUrl: Type.Optional(Type.String({ format: 'uri', maxLength: 500, description: 'Only for a sandbox or test server: https://openapi-sandbox.dl.alipaydev.com, or a local fake; /gateway.do is appended' })),
      timeoutMs: Type.Optional(Type.Integer({ minimum: 100, maximum: 120_000, description: 'How long one call may take (default 10 s); an unanswered refund is queried before it is asked again' })),
    },
    { additionalProperties: false },
  ),
  refundProvider: alipayRefundProvider,
};
