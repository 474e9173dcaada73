import { createCipheriv } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateKeySet } from './keys.js';
import { softwareCrypto } from './provider.js';

const crypto = softwareCrypto(generateKeySet());

describe('DP-10 crypto provider', () => {
  it('SM3 known answer', () => {
    expect(crypto.sm3('abc')).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
  });
  it('SM4 known answer (the cipher under the provider)', () => {
    const key = Buffer.from('0123456789abcdeffedcba9876543210', 'hex');
    const cipher = createCipheriv('sm4-ecb', key, null).setAutoPadding(false);
    expect(Buffer.concat([cipher.update(key), cipher.final()]).toString('hex')).toBe('681edf34d206965e86b3e94f536e4246');
  });
  it('encrypts and decrypts any text, with a fresh IV each time', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        const sealed = crypto.encrypt(text);
        expect(crypto.decrypt(sealed)).toBe(text);
        expect(crypto.encrypt(text)).not.toBe(sealed);
      }),
    );
  });
  it('refuses a tampered ciphertext (encrypt-then-MAC)', () => {
    const sealed = crypto.encrypt('510104199001011234');
    const raw = Buffer.from(sealed.slice(3), 'base64');
    raw[20] = (raw[20] ?? 0) ^ 1;
    expect(() => crypto.decrypt(`v1:${raw.toString('base64')}`)).toThrow('密文完整性校验失败');
  });
  it('refuses ciphertext made with another key', () => {
    const other = softwareCrypto(generateKeySet());
    expect(() => crypto.decrypt(other.encrypt('x'))).toThrow();
  });
  it('blind index: deterministic per purpose, different across purposes and keys', () => {
    expect(crypto.blindIndex('id_number', 'A')).toBe(crypto.blindIndex('id_number', 'A'));
    expect(crypto.blindIndex('id_number', 'A')).not.toBe(crypto.blindIndex('phone', 'A'));
    expect(softwareCrypto(generateKeySet()).blindIndex('id_number', 'A')).not.toBe(crypto.blindIndex('id_number', 'A'));
  });
  it('AUTH-06: passwords are stored as peppered argon2id at 64 MiB × 5 passes', async () => {
    const hash = await crypto.hashPassword('Zhengque#Mima1');
    expect(hash).toMatch(/^tx1\$argon2id\$v=19\$m=65536,t=5,p=1\$/);
    // The pepper is a key held by the provider: the same hash does not verify under other keys.
    expect(await softwareCrypto(generateKeySet()).verifyPassword(hash, 'Zhengque#Mima1')).toBe(false);
    expect(await crypto.verifyPassword(hash, 'Zhengque#Mima1')).toBe(true);
    expect(await crypto.verifyPassword(hash, 'Zhengque#Mima2')).toBe(false);
    expect(await crypto.verifyPassword('not a hash', 'x')).toBe(false);
  });
});
