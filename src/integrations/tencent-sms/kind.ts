import { Type } from 'typebox';
import type { ConnectionKind } from '../connection-kind.js';
import { tencentSmsProvider } from './provider.js';

/** Tencent Cloud SMS (腾讯云短信): SendSms (API 2021-01-11) with an approved template ID per step. */
export const tencentSmsKind: ConnectionKind = {
  kind: 'tencent_sms',
  category: 'sms',
  credentials: Type.Object(
    {
      secretId: Type.String({ minLength: 1, maxLength: 128, description: 'SecretId of a CAM user allowed sms:SendSms' }),
      secretKey: Type.String({ minLength: 1, maxLength: 256, description: 'Its SecretKey' }),
      callbackToken: Type.Optional(Type.String({ minLength: 16, maxLength: 128, description: 'A secret of your choice, added as ?token= to the status callback URL set in the console' })),
    },
    { additionalProperties: false },
  ),
  settings: Type.Object(
    {
      smsSdkAppId: Type.String({ minLength: 1, maxLength: 32, pattern: '^[0-9]+$', description: 'The SMS application’s SdkAppId (1400…)' }),
      signName: Type.String({ minLength: 1, maxLength: 64, description: 'The approved sign name (签名内容)' }),
      region: Type.Optional(Type.String({ maxLength: 32, description: 'API region (default ap-guangzhou)' })),
      baseUrl: Type.Optional(Type.String({ format: 'uri', maxLength: 500, description: 'Only for a test server: called instead of https://sms.tencentcloudapi.com' })),
      timeoutMs: Type.Optional(Type.Integer({ minimum: 1000, maximum: 60_000, description: 'How long one call may take (default 10 s)' })),
    },
    { additionalProperties: false },
  ),
  sms: tencentSmsProvider,
};
