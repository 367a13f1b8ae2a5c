import { Type } from 'typebox';
import { marketplaceKind } from '../kind.js';
import { pddAdapter } from './adapter.js';

/** A Pinduoduo shop, connected with an open-platform app (client_id/client_secret) and the shop's access token. */
export const pinduoduoKind = marketplaceKind(
  'pinduoduo',
  {
    clientId: Type.String({ minLength: 1, maxLength: 100, description: 'client_id of your PDD application' }),
    clientSecret: Type.String({ minLength: 1, maxLength: 200, description: 'client_secret: signs every call' }),
    accessToken: Type.String({ minLength: 1, maxLength: 500, description: 'The shop’s access_token; renew it when it expires' }),
  },
  {},
  pddAdapter,
);
