import { Type } from 'typebox';
import { marketplaceKind } from '../kind.js';
import { douyinAdapter } from './adapter.js';

/** A Douyin shop (抖店), connected with an open-platform app (app_key/app_secret) and the shop's access token. */
export const douyinKind = marketplaceKind(
  'douyin',
  {
    appKey: Type.String({ minLength: 1, maxLength: 100, description: 'app_key of your 抖店 application' }),
    appSecret: Type.String({ minLength: 1, maxLength: 200, description: 'app_secret: signs every call' }),
    accessToken: Type.String({ minLength: 1, maxLength: 500, description: 'The shop’s access_token; renew it when it expires' }),
  },
  {
    returnAddressId: Type.Optional(Type.String({ maxLength: 50, description: 'The return address’s id in the shop’s 抖店 address book, sent when agreeing to a return' })),
  },
  douyinAdapter,
);
