/**
 * Cached access tokens are sealed with AES-256-GCM under a key derived (HKDF-SHA256) from the
 * secret that can mint them anyway, so a copy of the database without the secret file is no
 * use, and a token is never more exposed than its secret. A new secret simply fails to unseal
 * the old row, which then counts as a cache miss.
 */
import crypto from 'node:crypto';

const INFO = 'mentormail oauth token cache v1';

export function sealingKey(secret: Buffer, cacheKey: string): Buffer {
  return Buffer.from(crypto.hkdfSync('sha256', secret, Buffer.from(cacheKey), Buffer.from(INFO), 32));
}

export function seal(key: Buffer, plaintext: string, cacheKey: string): Buffer {
  const nonce = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(Buffer.from(cacheKey)); // a row moved under another key does not open
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return Buffer.concat([nonce, cipher.getAuthTag(), body]);
}

/** The plaintext, or null when the key is not the one it was sealed with (or the row was altered). */
export function unseal(key: Buffer, sealed: Buffer, cacheKey: string): string | null {
  if (sealed.length < 28) return null;
  try {
    const decipher = crypto.createDecipheriv('aes-256-gcm', key, sealed.subarray(0, 12));
    decipher.setAAD(Buffer.from(cacheKey));
    decipher.setAuthTag(sealed.subarray(12, 28));
    return Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}
