import { timingSafeEqual } from 'node:crypto';
import type { sms } from 'tencentcloud-sdk-nodejs-sms';
import { lazyModule } from '../../lazy-module.js';
import type { OpenConnection } from '../connection-kind.js';
import { endpointOf, SmsCallbackRejected, type SmsProvider } from '../sms/provider.js';

const DEFAULT_TIMEOUT_MS = 10_000;

/** Loaded by the first Tencent Cloud message of the process. */
const loadTencentSms = lazyModule(() => import('tencentcloud-sdk-nodejs-sms'));

/**
 * Tencent Cloud SMS through its official SDK (TC3-HMAC-SHA256 signed JSON). Template parameters
 * are positional: the template's variables in the order the seller's text names them.
 */
export function tencentSmsProvider(connection: OpenConnection): SmsProvider {
  const settings = connection.settings as { smsSdkAppId: string; signName: string; region?: string; baseUrl?: string; timeoutMs?: number };
  const { host, protocol } = endpointOf(settings.baseUrl, 'sms.tencentcloudapi.com');
  // Made by the first message sent, which loads the SDK.
  let client: InstanceType<typeof sms.v20210111.Client> | undefined;
  return {
    async send(m) {
      if (!m.templateCode) throw new Error('Tencent Cloud SMS needs the approved template ID of this step (Settings → Notifications)');
      client ??= new (await loadTencentSms()).sms.v20210111.Client({
        credential: { secretId: String(connection.credentials.secretId), secretKey: String(connection.credentials.secretKey) },
        region: settings.region ?? 'ap-guangzhou',
        profile: { httpProfile: { endpoint: host, protocol: `${protocol}://`, reqTimeout: Math.ceil((settings.timeoutMs ?? DEFAULT_TIMEOUT_MS) / 1000) } },
      });
      const reply = await client.SendSms({
        PhoneNumberSet: [m.to],
        SmsSdkAppId: settings.smsSdkAppId,
        SignName: settings.signName,
        TemplateId: m.templateCode,
        TemplateParamSet: m.paramOrder.map((name) => m.params[name] ?? ''),
        SessionContext: m.reference,
      });
      const status = reply.SendStatusSet?.[0];
      if (!status || status.Code !== 'Ok' || !status.SerialNo) throw new Error(`Tencent Cloud SMS refused: ${status?.Code ?? 'no status'} ${status?.Message ?? ''}`.trim());
      return { providerMessageId: status.SerialNo };
    },
    /** 短信下发状态回调: a JSON array; answered `{"result":0,"errmsg":"OK"}`. */
    async receipts(cb) {
      const token = connection.credentials.callbackToken as string | undefined;
      const given = cb.query.token ?? '';
      if (token && (given.length !== token.length || !timingSafeEqual(Buffer.from(given), Buffer.from(token)))) throw new SmsCallbackRejected('The token does not match this connection');
      const reports = JSON.parse(cb.rawBody.toString('utf8')) as { sid?: string; report_status?: string; errmsg?: string; description?: string }[];
      if (!Array.isArray(reports)) throw new SyntaxError('A status callback is a JSON array');
      return {
        receipts: reports
          .filter((r) => r.sid)
          .map((r) => ({ providerMessageId: r.sid!, delivered: r.report_status === 'SUCCESS', error: r.report_status === 'SUCCESS' ? null : `${r.errmsg ?? ''} ${r.description ?? ''}`.trim() })),
        reply: { contentType: 'application/json', body: JSON.stringify({ result: 0, errmsg: 'OK' }) },
      };
    },
  };
}
