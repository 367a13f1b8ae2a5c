import { timingSafeEqual } from 'node:crypto';
import { lazyModule } from '../../lazy-module.js';
import type { OpenConnection } from '../connection-kind.js';
import { endpointOf, SmsCallbackRejected, type SmsProvider } from '../sms/provider.js';

const DEFAULT_TIMEOUT_MS = 10_000;

/** Loaded by the first Aliyun message of the process. */
const loadAliyunSdk = lazyModule(async () => {
  const [dysmsapi, { $OpenApiUtil }] = await Promise.all([import('@alicloud/dysmsapi20170525'), import('@alicloud/openapi-core')]);
  // The SDK is CommonJS with its client as `exports.default`: under Node's ESM loader the module's
  // exports are one `default` deeper than under a bundler (vitest); both are taken.
  type Sdk = typeof dysmsapi.default;
  const sdk = ((dysmsapi.default as unknown as { default?: unknown }).default ? dysmsapi.default : dysmsapi) as unknown as Sdk;
  return { Dysmsapi: sdk.default, SendSmsRequest: sdk.SendSmsRequest, $OpenApiUtil };
});

/**
 * Aliyun SMS through its official SDK. Signed the RPC way (HMAC-SHA1 over the sorted query,
 * `Signature` among the parameters), which every Aliyun SMS endpoint takes. A template code is
 * required: Aliyun sends only approved templates, filled from TemplateParam (JSON by name).
 */
export function aliyunSmsProvider(connection: OpenConnection): SmsProvider {
  const settings = connection.settings as { signName: string; baseUrl?: string; timeoutMs?: number };
  const { host, protocol } = endpointOf(settings.baseUrl, 'dysmsapi.aliyuncs.com');
  const timeout = settings.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  // Made by the first message sent, which loads the SDK.
  let client: InstanceType<Awaited<ReturnType<typeof loadAliyunSdk>>['Dysmsapi']> | undefined;
  return {
    async send(m) {
      if (!m.templateCode) throw new Error('Aliyun SMS needs the approved template code of this step (Settings → Notifications)');
      const { Dysmsapi, SendSmsRequest, $OpenApiUtil } = await loadAliyunSdk();
      client ??= new Dysmsapi(
        new $OpenApiUtil.Config({
          accessKeyId: String(connection.credentials.accessKeyId),
          accessKeySecret: String(connection.credentials.accessKeySecret),
          endpoint: host,
          protocol,
          signatureAlgorithm: 'v2',
          readTimeout: timeout,
          connectTimeout: timeout,
        }),
      );
      const reply = await client.sendSms(
        new SendSmsRequest({
          // Aliyun takes mainland numbers without +86 and others with their country code, no "+".
          phoneNumbers: m.to.startsWith('+86') ? m.to.slice(3) : m.to.slice(1),
          signName: settings.signName,
          templateCode: m.templateCode,
          templateParam: JSON.stringify(m.params),
          outId: m.reference,
        }),
      );
      const body = reply.body;
      if (body?.code !== 'OK' || !body.bizId) throw new Error(`Aliyun SMS refused: ${body?.code ?? 'no code'} ${body?.message ?? ''}`.trim());
      return { providerMessageId: body.bizId };
    },
    /** 短信发送状态报告 (SmsReport), pushed as a JSON array; answered `{"code":0}` or Aliyun pushes again. */
    async receipts(cb) {
      const token = connection.credentials.callbackToken as string | undefined;
      const given = cb.query.token ?? '';
      if (token && (given.length !== token.length || !timingSafeEqual(Buffer.from(given), Buffer.from(token)))) throw new SmsCallbackRejected('The token does not match this connection');
      const reports = JSON.parse(cb.rawBody.toString('utf8')) as { biz_id?: string; success?: boolean; err_code?: string; err_msg?: string }[];
      if (!Array.isArray(reports)) throw new SyntaxError('An SMS report is a JSON array');
      return {
        receipts: reports.filter((r) => r.biz_id).map((r) => ({ providerMessageId: r.biz_id!, delivered: r.success === true, error: r.success ? null : `${r.err_code ?? ''} ${r.err_msg ?? ''}`.trim() })),
        reply: { contentType: 'application/json', body: JSON.stringify({ code: 0, msg: '成功' }) },
      };
    },
  };
}
