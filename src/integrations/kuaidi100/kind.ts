import { Type } from 'typebox';
import type { ConnectionKind } from '../connection-kind.js';
import { kuaidi100Carrier, type Kuaidi100Credentials, type Kuaidi100Settings } from './client.js';

/** A Kuaidi100 (快递100) enterprise account: tracking for Chinese carriers, courier pickups, interceptions. */
export const kuaidi100Kind: ConnectionKind = {
  kind: 'kuaidi100',
  category: 'carrier',
  credentials: Type.Object(
    {
      key: Type.String({ minLength: 1, maxLength: 200, description: '授权key' }),
      customer: Type.String({ minLength: 1, maxLength: 200, description: 'customer (实时查询)' }),
      secret: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: '授权secret: courier pickup (商家寄件) and interception' })),
      salt: Type.String({ minLength: 8, maxLength: 200, description: 'Salt Retour gives Kuaidi100 to sign its tracking callbacks (sign = MD5(param + salt))' }),
    },
    { additionalProperties: false },
  ),
  settings: Type.Object(
    {
      defaultCarrier: Type.Optional(Type.String({ minLength: 1, maxLength: 40, pattern: '^[a-z0-9]+$', description: 'Kuaidi100 company code for booked pickups, e.g. shunfeng' })),
      baseUrl: Type.Optional(Type.String({ format: 'uri', maxLength: 500, description: 'Only for a test server: called instead of Kuaidi100’s hosts' })),
      timeoutMs: Type.Optional(Type.Integer({ minimum: 100, maximum: 120_000 })),
    },
    { additionalProperties: false },
  ),
  carrier: (c) => kuaidi100Carrier(c.credentials as unknown as Kuaidi100Credentials, c.settings as Kuaidi100Settings),
};
