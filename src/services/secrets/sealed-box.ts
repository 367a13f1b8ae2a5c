import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Secrets Retour keeps for later use (webhook signing secrets, connector credentials) are stored
 * sealed with AES-256-GCM under a key derived from SECRET_KEY per purpose, so a copy of the
 * database alone reveals none of them and a key for one purpose opens nothing else.
 * Format: `v1.iv.tag.data` (base64url).
 */
const keys = new Map<string, Buffer>();
function keyFor(secretKey: string, purpose: string): Buffer {
  const name = `${purpose}\0${secretKey}`;
  let key = keys.get(name);
  if (!key) {
    key = Buffer.from(hkdfSync('sha256', secretKey, 'retour', purpose, 32));
    keys.set(name, key);
  }
  return key;
}

export function seal(secretKey: string, purpose: string, plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyFor(secretKey, purpose), iv);
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), data.toString('base64url')].join('.');
}

/** Throws when the text was not sealed for this purpose under this SECRET_KEY (or was altered). */
export function unseal(secretKey: string, purpose: string, stored: string): string {
  const [version, iv, tag, data] = stored.split('.');
  if (version !== 'v1' || !iv || !tag || data === undefined) throw new Error('unknown sealed secret format');
  const decipher = createDecipheriv('aes-256-gcm', keyFor(secretKey, purpose), Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
}
