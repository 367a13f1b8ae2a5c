import { Type } from 'typebox';
import { marketplaceKind } from '../kind.js';
import { jdAdapter } from './adapter.js';

/** A JD POP shop, connected with an open-platform app (app_key/app_secret) and the shop's access token. */
export const jdKind = marketplaceKind(
  'jd',
  {
    appKey: Type.String({ minLength: 1, maxLength: 100, description: 'app_key of your JOS application' }),
    appSecret: Type.String({ minLength: 1, maxLength: 200, description: 'app_secret: signs every call' }),
    accessToken: Type.String({ minLength: 1, maxLength: 500, description: 'The shop’s access_token; renew it when it expires' }),
  },
  {
    buId: Type.Optional(Type.String({ maxLength: 50, description: 'The shop’s merchant id (商家ID / venderId), which the after-sales service APIs ask for' })),
    operatorPin: Type.Optional(Type.String({ maxLength: 50, description: 'The JD account the seller’s actions are recorded under (default "retour")' })),
  },
  jdAdapter,
);
