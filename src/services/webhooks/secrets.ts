import { randomBytes } from 'node:crypto';
import { seal, unseal } from '../secrets/index.js';

/** Endpoint signing secrets are sealed so a copy of the database alone cannot forge webhooks. */
const PURPOSE = 'webhook endpoint secrets v1';

/** A new signing secret in the Standard Webhooks format: `whsec_` and 24 random bytes, base64. */
export function newSigningSecret(): string {
  return `whsec_${randomBytes(24).toString('base64')}`;
}

export const encryptSecret = (secretKey: string, plain: string): string => seal(secretKey, PURPOSE, plain);
export const decryptSecret = (secretKey: string, stored: string): string => unseal(secretKey, PURPOSE, stored);
