import { Type } from 'typebox';
import type { ConnectionKind } from '../connection-kind.js';
import { aliyunSmsProvider } from './provider.js';

/** Aliyun SMS (阿里云短信服务): SendSms with a sign name and a template approved per step. */
export const aliyunSmsKind: ConnectionKind = {
  kind: 'aliyun_sms',
  category: 'sms',
  credentials: Type.Object(
    {
      accessKeyId: Type.String({ minLength: 1, maxLength: 128, description: 'AccessKey ID of a RAM user allowed dysms:SendSms' }),
      accessKeySecret: Type.String({ minLength: 1, maxLength: 256, description: 'Its AccessKey Secret' }),
      callbackToken: Type.Optional(Type.String({ minLength: 16, maxLength: 128, description: 'A secret of your choice, added as ?token= to the receipt URL set in the SMS console (Aliyun does not sign its reports)' })),
    },
    { additionalProperties: false },
  ),
  settings: Type.Object(
    {
      signName: Type.String({ minLength: 1, maxLength: 64, description: 'The approved sign name (签名), shown as 【…】 before every message' }),
      baseUrl: Type.Optional(Type.String({ format: 'uri', maxLength: 500, description: 'Only for a test server: called instead of https://dysmsapi.aliyuncs.com' })),
      timeoutMs: Type.Optional(Type.Integer({ minimum: 100, maximum: 60_000, description: 'How long one call may take (default 10 s)' })),
    },
    { additionalProperties: false },
  ),
  sms: aliyunSmsProvider,
};
