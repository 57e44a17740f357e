import { newToken, TOKEN_PATTERN, tokenAddress, tokenFromAddress } from '../../src/mail/tokens';

describe('reply tokens', () => {
  test('are 160 random bits in lower-case base32', () => {
    const t = newToken();
    expect(t).toMatch(TOKEN_PATTERN);
    expect(t).toHaveLength(32); // 32 chars x 5 bits = 160 bits >= 128
    const many = new Set(Array.from({ length: 2000 }, () => newToken()));
    expect(many.size).toBe(2000);
  });

  test('encode the random bytes, not anything else', () => {
    expect(newToken(() => Buffer.alloc(20, 0))).toBe('a'.repeat(32));
    expect(newToken(() => Buffer.alloc(20, 0xff))).toBe('7'.repeat(32));
  });

  test('round-trip through a plus-address of the bot mailbox', () => {
    const t = newToken();
    const addr = tokenAddress('mentoring@scheme.example', t);
    expect(addr).toBe(`mentoring+${t}@scheme.example`);
    expect(tokenFromAddress('mentoring@scheme.example', addr)).toBe(t);
    expect(tokenFromAddress('mentoring@scheme.example', addr.toUpperCase())).toBe(t);
  });

  test('are not read from other mailboxes or malformed details', () => {
    const t = newToken();
    expect(tokenFromAddress('mentoring@scheme.example', `other+${t}@scheme.example`)).toBeNull();
    expect(tokenFromAddress('mentoring@scheme.example', `mentoring+${t}@elsewhere.example`)).toBeNull();
    expect(tokenFromAddress('mentoring@scheme.example', 'mentoring+short@scheme.example')).toBeNull();
    expect(tokenFromAddress('mentoring@scheme.example', 'mentoring@scheme.example')).toBeNull();
  });
});
