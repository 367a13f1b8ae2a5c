import { Type } from 'typebox';
import { marketplaceKind } from '../kind.js';
import { taobaoAdapter } from './adapter.js';

/** A Taobao or Tmall shop, connected with an open-platform app (AppKey/AppSecret) and the seller's session key. */
export const taobaoKind = marketplaceKind(
  'taobao',
  {
    appKey: Type.String({ minLength: 1, maxLength: 100, description: 'App key of your TOP application' }),
    appSecret: Type.String({ minLength: 1, maxLength: 200, description: 'App secret: signs every call' }),
    sessionKey: Type.String({ minLength: 1, maxLength: 500, description: 'The seller’s authorisation (sessionKey / access_token); renew it when it expires' }),
  },
  { signMethod: Type.Optional(Type.Union([Type.Literal('md5'), Type.Literal('hmac')], { description: 'TOP signature method (default md5)' })) },
  taobaoAdapter,
);
