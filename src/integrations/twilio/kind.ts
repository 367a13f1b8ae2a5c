import { Type } from 'typebox';
import type { ConnectionKind } from '../connection-kind.js';
import { twilioSmsProvider } from './provider.js';

/** Twilio Programmable Messaging, for shops abroad: free text, status callbacks signed with the auth token. */
export const twilioKind: ConnectionKind = {
  kind: 'twilio',
  category: 'sms',
  credentials: Type.Object(
    {
      accountSid: Type.String({ pattern: '^AC[0-9a-fA-F]{32}$', description: 'Account SID (AC…)' }),
      authToken: Type.String({ minLength: 16, maxLength: 128, description: 'Auth token: authenticates calls and verifies X-Twilio-Signature on status callbacks' }),
    },
    { additionalProperties: false },
  ),
  settings: Type.Object(
    {
      from: Type.Optional(Type.String({ pattern: '^\\+[1-9][0-9]{6,14}$', description: 'The sending number in E.164' })),
      messagingServiceSid: Type.Optional(Type.String({ pattern: '^MG[0-9a-fA-F]{32}$', description: 'Or a Messaging Service (MG…) that picks the number' })),
      baseUrl: Type.Optional(Type.String({ format: 'uri', maxLength: 500, description: 'Only for a test server: called instead of https://api.twilio.com' })),
      timeoutMs: Type.Optional(Type.Integer({ minimum: 100, maximum: 60_000, description: 'How long one call may take (default 10 s)' })),
    },
    { additionalProperties: false },
  ),
  sms: twilioSmsProvider,
};
