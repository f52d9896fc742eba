import { describe, expect, it } from 'vitest';
import { base32Decode, base32Encode, matchTotp, totpCode, totpStep } from './totp.ts';

// RFC 6238 appendix B, SHA-1 secret "12345678901234567890"; the RFC's 8-digit values end in these 6 digits.
const SECRET = base32Encode(Buffer.from('12345678901234567890'));

describe('TOTP (RFC 6238)', () => {
  it('matches the RFC test vectors', () => {
    expect(totpCode(SECRET, totpStep(59_000))).toBe('287082');
    expect(totpCode(SECRET, totpStep(1_111_111_109_000))).toBe('081804');
    expect(totpCode(SECRET, totpStep(1_234_567_890_000))).toBe('005924');
    expect(totpCode(SECRET, totpStep(2_000_000_000_000))).toBe('279037');
  });

  it('round-trips base32', () => {
    const buf = Buffer.from([0, 1, 2, 250, 255, 17, 99]);
    expect(base32Decode(base32Encode(buf))).toEqual(buf);
  });

  it('accepts one step of drift and refuses replays of a used step', () => {
    const t = 1_234_567_890_000;
    const prev = totpCode(SECRET, totpStep(t) - 1);
    expect(matchTotp(SECRET, prev, t, 0)).toBe(totpStep(t) - 1);
    expect(matchTotp(SECRET, prev, t, totpStep(t) - 1)).toBeNull();
    expect(matchTotp(SECRET, totpCode(SECRET, totpStep(t) - 2), t, 0)).toBeNull();
  });
});
