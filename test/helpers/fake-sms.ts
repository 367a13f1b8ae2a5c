import { createHash, createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import twilio from 'twilio';

/**
 * Local servers speaking the SMS providers' documented request and reply (issue 20): Aliyun's
 * RPC API (HMAC-SHA1 `Signature` over the sorted parameters), Tencent Cloud's TC3-HMAC-SHA256
 * signed JSON, and Twilio's REST form API with Basic auth. Each checks the signature the way the
 * provider does, records what it accepted, can refuse the next calls, and builds the delivery
 * report the provider would push back.
 */
export interface SentSms {
  to: string;
  body: string | null;
  templateCode: string | null;
  params: Record<string, string> | string[] | null;
  id: string;
  reference: string | null;
  statusCallback: string | null;
}

abstract class FakeSmsServer {
  readonly sent: SentSms[] = [];
  /** Calls refused (signature, auth) and failures served on purpose. */
  readonly rejected: string[] = [];
  /** How many of the next sends to fail with the provider's error. */
  failNext = 0;
  url = '';
  private server: Server | null = null;
  protected seq = 0;

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        try {
          this.handle(req, Buffer.concat(chunks), res);
        } catch (err) {
          res.writeHead(500).end(String(err));
        }
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    const address = this.server.address();
    this.url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    return this.url;
  }

  async stop() {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  protected abstract handle(req: IncomingMessage, body: Buffer, res: ServerResponse): void;

  protected json(res: ServerResponse, status: number, body: unknown) {
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  }
}

/** Aliyun's percent-encoding of RPC parameters (RFC 3986, with `~` kept). */
const aliyunEncode = (s: string) => encodeURIComponent(s).replace(/!/g, '%21').replace(/'/g, '%27').replace(/\(/g, '%28').replace(/\)/g, '%29').replace(/\*/g, '%2A');

export class FakeAliyunSms extends FakeSmsServer {
  readonly accessKeyId = 'LTAI5tFakeKeyId0001';
  readonly accessKeySecret = 'fake-aliyun-secret-0123456789';

  protected handle(req: IncomingMessage, body: Buffer, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://x');
    const params = Object.fromEntries([...url.searchParams, ...new URLSearchParams(body.toString('utf8'))]);
    const { Signature: signature, ...signed } = params;
    const canonical = Object.keys(signed)
      .sort()
      .map((k) => `${aliyunEncode(k)}=${aliyunEncode(signed[k]!)}`)
      .join('&');
    const expected = createHmac('sha1', `${this.accessKeySecret}&`).update(`${req.method}&${aliyunEncode('/')}&${aliyunEncode(canonical)}`).digest('base64');
    if (params.AccessKeyId !== this.accessKeyId || signature !== expected || params.SignatureMethod !== 'HMAC-SHA1') {
      this.rejected.push('signature');
      return this.json(res, 400, { Code: 'SignatureDoesNotMatch', Message: 'Specified signature is not matched with our calculation.', RequestId: 'req-sig' });
    }
    if (params.Action !== 'SendSms' || params.Version !== '2017-05-25') return this.json(res, 404, { Code: 'InvalidAction.NotFound', Message: 'Specified api is not found' });
    if (this.failNext > 0) {
      this.failNext--;
      this.rejected.push('failure');
      return this.json(res, 200, { Code: 'isv.BUSINESS_LIMIT_CONTROL', Message: '触发分钟级流控Permits:1', RequestId: 'req-limit' });
    }
    const id = `${900619746936 + ++this.seq}^0`;
    this.sent.push({ to: params.PhoneNumbers!, body: null, templateCode: params.TemplateCode ?? null, params: params.TemplateParam ? JSON.parse(params.TemplateParam) : null, id, reference: params.OutId ?? null, statusCallback: null });
    return this.json(res, 200, { Code: 'OK', Message: 'OK', BizId: id, RequestId: `req-${this.seq}` });
  }

  /** The SmsReport Aliyun pushes for a message (HTTP 批量推送, one JSON array). */
  report(id: string, success: boolean) {
    const sent = this.sent.find((s) => s.id === id)!;
    return [{ phone_number: sent.to, send_time: '2026-12-05 12:00:00', report_time: '2026-12-05 12:00:05', success, err_code: success ? 'DELIVERED' : 'MK:0001', err_msg: success ? '用户接收成功' : '用户拒收', sms_size: '1', biz_id: id, out_id: sent.reference }];
  }
}

const sha256 = (s: string | Buffer) => createHash('sha256').update(s).digest('hex');
const hmac = (key: string | Buffer, s: string) => createHmac('sha256', key).update(s).digest();

export class FakeTencentSms extends FakeSmsServer {
  readonly secretId = 'AKIDfakeTencentSecretId0001';
  readonly secretKey = 'fakeTencentSecretKey0123456789';

  protected handle(req: IncomingMessage, body: Buffer, res: ServerResponse) {
    const auth = String(req.headers.authorization ?? '');
    const m = /^TC3-HMAC-SHA256 Credential=([^/]+)\/(\d{4}-\d{2}-\d{2})\/([^/]+)\/tc3_request, SignedHeaders=([^,]+), Signature=([0-9a-f]{64})$/.exec(auth);
    const fail = (code: string, message: string) => this.json(res, 200, { Response: { Error: { Code: code, Message: message }, RequestId: `req-${this.seq}` } });
    if (!m || m[1] !== this.secretId) {
      this.rejected.push('signature');
      return fail('AuthFailure.SecretIdNotFound', 'The SecretId is not found');
    }
    const [, , date, service, signedHeaders, signature] = m;
    const timestamp = String(req.headers['x-tc-timestamp']);
    const headerLines = signedHeaders!
      .split(';')
      .map((h) => `${h}:${h === 'host' ? String(req.headers.host).replace(/:\d+$/, '') : String(req.headers[h])}\n`)
      .join('');
    const canonical = `${req.method}\n/\n\n${headerLines}\n${signedHeaders}\n${sha256(body)}`;
    const toSign = `TC3-HMAC-SHA256\n${timestamp}\n${date}/${service}/tc3_request\n${sha256(canonical)}`;
    const key = hmac(hmac(hmac(`TC3${this.secretKey}`, date!), service!), 'tc3_request');
    if (createHmac('sha256', key).update(toSign).digest('hex') !== signature) {
      this.rejected.push('signature');
      return fail('AuthFailure.SignatureFailure', 'The provided credentials could not be validated.');
    }
    if (req.headers['x-tc-action'] !== 'SendSms' || req.headers['x-tc-version'] !== '2021-01-11') return fail('InvalidAction', 'The action does not exist');
    const p = JSON.parse(body.toString('utf8')) as { PhoneNumberSet: string[]; TemplateId: string; TemplateParamSet?: string[]; SessionContext?: string; SmsSdkAppId: string; SignName: string };
    if (this.failNext > 0) {
      this.failNext--;
      this.rejected.push('failure');
      return fail('InternalError.Timeout', 'The request timed out.');
    }
    const id = `2433:3383642121171179${String(++this.seq).padStart(4, "0")}`;
    this.sent.push({ to: p.PhoneNumberSet[0]!, body: null, templateCode: p.TemplateId, params: p.TemplateParamSet ?? [], id, reference: p.SessionContext ?? null, statusCallback: null });
    return this.json(res, 200, {
      Response: { SendStatusSet: [{ SerialNo: id, PhoneNumber: p.PhoneNumberSet[0], Fee: 1, SessionContext: p.SessionContext ?? '', Code: 'Ok', Message: 'send success', IsoCode: 'CN' }], RequestId: `req-${this.seq}` },
    });
  }

  /** The status callback Tencent pushes (短信下发状态回调). */
  report(id: string, success: boolean) {
    const sent = this.sent.find((s) => s.id === id)!;
    return [{ user_receive_time: '2026-12-05 12:00:05', nationcode: '86', mobile: sent.to.replace(/^\+86/, ''), report_status: success ? 'SUCCESS' : 'FAIL', errmsg: success ? 'DELIVRD' : 'MK:0005', description: success ? '用户短信送达成功' : '空号', sid: id }];
  }
}

export class FakeTwilio extends FakeSmsServer {
  readonly accountSid = `AC${'0123456789abcdef'.repeat(2)}`;
  readonly authToken = 'fake-twilio-auth-token-0123';

  protected handle(req: IncomingMessage, body: Buffer, res: ServerResponse) {
    const expected = `Basic ${Buffer.from(`${this.accountSid}:${this.authToken}`).toString('base64')}`;
    if (req.headers.authorization !== expected) {
      this.rejected.push('auth');
      return this.json(res, 401, { code: 20003, message: 'Authenticate', more_info: 'https://www.twilio.com/docs/errors/20003', status: 401 });
    }
    if (req.method !== 'POST' || req.url !== `/2010-04-01/Accounts/${this.accountSid}/Messages.json`) return this.json(res, 404, { code: 20404, message: 'The requested resource was not found', status: 404 });
    const p = Object.fromEntries(new URLSearchParams(body.toString('utf8')));
    if (this.failNext > 0) {
      this.failNext--;
      this.rejected.push('failure');
      return this.json(res, 503, { code: 20503, message: 'Service unavailable', status: 503 });
    }
    const sid = `SM${(++this.seq).toString(16).padStart(32, '0')}`;
    this.sent.push({ to: p.To!, body: p.Body ?? null, templateCode: null, params: null, id: sid, reference: null, statusCallback: p.StatusCallback ?? null });
    return this.json(res, 201, { sid, account_sid: this.accountSid, to: p.To, from: p.From ?? null, messaging_service_sid: p.MessagingServiceSid ?? null, body: p.Body, status: 'queued', num_segments: '1', direction: 'outbound-api', date_created: new Date().toUTCString(), uri: `/2010-04-01/Accounts/${this.accountSid}/Messages/${sid}.json` });
  }

  /** The status callback Twilio posts for a message, with its X-Twilio-Signature (or a wrong one). */
  statusCallback(sid: string, status: 'delivered' | 'undelivered', options: { forge?: boolean } = {}) {
    const sent = this.sent.find((s) => s.id === sid)!;
    const params = { AccountSid: this.accountSid, MessageSid: sid, SmsSid: sid, MessageStatus: status, SmsStatus: status, To: sent.to, ApiVersion: '2010-04-01', ...(status === 'undelivered' ? { ErrorCode: '30003' } : {}) };
    const signature = twilio.getExpectedTwilioSignature(options.forge ? 'not-the-token-000000' : this.authToken, sent.statusCallback!, params);
    return { url: sent.statusCallback!, body: new URLSearchParams(params).toString(), signature };
  }
}
