import type { Twilio } from 'twilio';
import { lazyModule } from '../../lazy-module.js';
import type { OpenConnection } from '../connection-kind.js';
import { SmsCallbackRejected, type SmsProvider } from '../sms/provider.js';

/** Loaded by the first Twilio message or status callback of the process. */
const loadTwilio = lazyModule(() => import('twilio'));

const DEFAULT_TIMEOUT_MS = 10_000;

/** What Twilio's MessageStatus means for the buyer: still on its way, arrived, or not. */
const FINAL: Record<string, boolean> = { delivered: true, read: true, undelivered: false, failed: false };

/**
 * Twilio through its official SDK: the text itself is sent (no templates to approve), with a
 * status callback to Retour; the callback is trusted only when X-Twilio-Signature matches.
 */
export function twilioSmsProvider(connection: OpenConnection): SmsProvider {
  const settings = connection.settings as { from?: string; messagingServiceSid?: string; baseUrl?: string; timeoutMs?: number };
  const authToken = String(connection.credentials.authToken);
  // Made by the first message sent, which loads the SDK.
  let client: Twilio | undefined;
  return {
    async send(m) {
      if (!settings.from && !settings.messagingServiceSid) throw new Error('The Twilio connection needs a sending number (from) or a messagingServiceSid');
      if (!client) {
        const { default: twilio } = await loadTwilio();
        client = twilio(String(connection.credentials.accountSid), authToken, { timeout: settings.timeoutMs ?? DEFAULT_TIMEOUT_MS, autoRetry: false });
        // The SDK's one documented way to another host is per domain: the test server speaks its REST API.
        if (settings.baseUrl) client.api.baseUrl = settings.baseUrl.replace(/\/$/, '');
      }
      const sent = await client.messages.create({
        to: m.to,
        body: m.body,
        ...(settings.messagingServiceSid ? { messagingServiceSid: settings.messagingServiceSid } : { from: settings.from! }),
        statusCallback: m.statusCallbackUrl,
      });
      return { providerMessageId: sent.sid };
    },
    async receipts(cb) {
      const { default: twilio } = await loadTwilio();
      const params = Object.fromEntries(new URLSearchParams(cb.rawBody.toString('utf8')));
      const signature = cb.headers['x-twilio-signature'];
      if (typeof signature !== 'string' || !twilio.validateRequest(authToken, signature, cb.url, params)) {
        throw new SmsCallbackRejected('X-Twilio-Signature does not match this connection’s auth token');
      }
      const delivered = FINAL[params.MessageStatus ?? ''];
      return {
        receipts: params.MessageSid && delivered !== undefined ? [{ providerMessageId: params.MessageSid, delivered, error: delivered ? null : `${params.MessageStatus} ${params.ErrorCode ?? ''}`.trim() }] : [],
        reply: { contentType: 'text/xml', body: '<?xml version="1.0" encoding="UTF-8"?><Response></Response>' },
      };
    },
  };
}
