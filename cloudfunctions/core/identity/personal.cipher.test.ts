import { randomBytes } from 'node:crypto';
import { openText, sealText } from './personal.cipher';

describe('the personal cipher (AES-256-GCM)', () => {
  const key = randomBytes(32);

  it('opens what it sealed, and never shows the plain value in the sealed form', () => {
    const sealed = sealText('13800138000', key);
    expect(sealed).not.toContain('13800138000');
    expect(sealed.startsWith('v1.')).toBe(true);
    expect(openText(sealed, key)).toBe('13800138000');
  });

  it('seals the same number differently each time, so equal phones cannot be matched by their ciphertext', () => {
    expect(sealText('13800138000', key)).not.toBe(sealText('13800138000', key));
  });

  it('refuses a tampered value and a wrong key', () => {
    const sealed = sealText('13800138000', key);
    const [s, iv, tag, body] = sealed.split('.');
    const flipped = Buffer.from(body, 'base64url');
    flipped[0] ^= 1;
    expect(() => openText([s, iv, tag, flipped.toString('base64url')].join('.'), key)).toThrow();
    expect(() => openText(sealed, randomBytes(32))).toThrow();
  });
});
