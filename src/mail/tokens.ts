import crypto from 'node:crypto';
import { normaliseAddress, splitAddress } from './address';

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567';

/**
 * 160 random bits in lower-case base32 (32 chars): safe in an address local part and
 * unchanged by servers that lower-case addresses. Never derived from an id.
 */
export function newToken(random: (n: number) => Buffer = crypto.randomBytes): string {
  const bytes = random(20);
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out;
}

export const TOKEN_PATTERN = /^[a-z2-7]{32}$/;

/** `local+TOKEN@domain` on the bot's own mailbox. */
export function tokenAddress(botAddress: string, token: string): string {
  const { local, domain } = splitAddress(botAddress);
  return `${local}+${token}@${domain}`;
}

/** The token in a recipient address, if it is a plus-address of the bot's mailbox. */
export function tokenFromAddress(botAddress: string, recipient: string): string | null {
  const bot = splitAddress(normaliseAddress(botAddress));
  const r = splitAddress(normaliseAddress(recipient));
  if (r.domain !== bot.domain || !r.local.startsWith(bot.local + '+')) return null;
  const token = r.local.slice(bot.local.length + 1);
  return TOKEN_PATTERN.test(token) ? token : null;
}
