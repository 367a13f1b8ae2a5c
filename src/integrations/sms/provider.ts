/** One text message as every SMS provider takes it (issue 20 §1). */
export interface SmsRequest {
  /** E.164. */
  to: string;
  /** The text as the buyer reads it: what providers without approved templates (Twilio) send. */
  body: string;
  /** Aliyun/Tencent: the approved template for this step, and its variables by name (in order of appearance). */
  templateCode: string | null;
  params: Record<string, string>;
  paramOrder: string[];
  /** Retour's id of the message: sent along where the provider echoes it back (OutId, SessionContext). */
  reference: string;
  /** Where the provider reports delivery, when it takes a per-message callback (Twilio). */
  statusCallbackUrl: string;
}

export interface SmsSent {
  providerMessageId: string;
}

/** A delivery report: the provider's id of the message, and whether it reached the phone. */
export interface SmsReceipt {
  providerMessageId: string;
  delivered: boolean;
  /** The provider's code or words when it did not. */
  error: string | null;
}

/** What a receipt callback verified to, and what the provider expects as the answer. */
export interface SmsReceiptBatch {
  receipts: SmsReceipt[];
  reply: { contentType: string; body: string };
}

export interface SmsCallback {
  rawBody: Buffer;
  headers: Record<string, string | string[] | undefined>;
  query: Record<string, string | undefined>;
  /** The URL the provider called, as it signed it (Twilio). */
  url: string;
}

/** A provider that sends and reports: throws when the send failed (the worker retries). */
export interface SmsProvider {
  send(message: SmsRequest): Promise<SmsSent>;
  /** Verifies and reads a delivery report; rejects with SmsCallbackRejected when it is not the provider's. Async: Twilio's check loads its SDK. */
  receipts(callback: SmsCallback): Promise<SmsReceiptBatch>;
}

export class SmsCallbackRejected extends Error {}

/** The host, port and scheme of a `baseUrl` setting, for SDKs that take them apart. */
export function endpointOf(baseUrl: string | undefined, fallbackHost: string): { host: string; protocol: 'http' | 'https' } {
  if (!baseUrl) return { host: fallbackHost, protocol: 'https' };
  const u = new URL(baseUrl);
  return { host: u.host, protocol: u.protocol === 'http:' ? 'http' : 'https' };
}
