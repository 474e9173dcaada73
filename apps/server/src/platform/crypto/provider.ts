import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  createPrivateKey,
  createPublicKey,
  randomBytes,
  sign,
  timingSafeEqual,
  verify,
} from 'node:crypto';
import { hash as argonHash, verify as argonVerify } from '@node-rs/argon2';
import type { KeySet } from './keys.js';

/**
 * DP-10: the one crypto interface. Everything that hashes, encrypts or signs goes through it, so certified
 * hardware (a 密码机 or KMS) can replace this software implementation without touching callers.
 */
export interface CryptoProvider {
  sm3(data: string | Buffer): string;
  /** SM3 over data that arrives in parts (a streamed download): digest() equals sm3() of the parts joined. */
  sm3Stream(): { update(data: Buffer): void; digest(): string };
  hmacSm3(key: 'audit' | 'blindIndex', data: string | Buffer): string;
  /** SM4-CTR, then HMAC-SM3 over version ‖ iv ‖ ciphertext (encrypt-then-MAC). */
  encrypt(plaintext: string): string;
  decrypt(sealed: string): string;
  /** Keyed, deterministic index for equality lookup of an encrypted field. */
  blindIndex(purpose: string, value: string): string;
  hashPassword(password: string): Promise<string>;
  verifyPassword(hash: string, password: string): Promise<boolean>;
  randomToken(bytes?: number): string;
  /** AUD-03: a signature over an audit checkpoint with the deployment's SM2 key (SM3 digest), hex. */
  signCheckpoint(text: string): string;
  verifyCheckpoint(text: string, signature: string): boolean;
  /** The public half of the checkpoint key (SPKI PEM), for verifiers off the box. */
  checkpointPublicKey(): string;
}

const VERSION = 'v1';

export interface PasswordCost {
  memoryCost: number;
  timeCost: number;
  parallelism: number;
}

/**
 * AUTH-06: argon2id at 64 MiB × 5 passes, ≈ 8× the work of OWASP's minimum (19 MiB × 2), which verified in
 * ~15 ms here — so ≥ 100 ms. `npx tsx bench/src/password-cost.ts` prints both in one run. The cost is written
 * into each hash, so raising it later leaves older hashes verifiable.
 */
export const PASSWORD_COST: PasswordCost = { memoryCost: 65_536, timeCost: 5, parallelism: 1 };
/** The prefix of a peppered hash; hashes without it predate the pepper and verify without it. */
const PEPPERED = 'tx1';

export function softwareCrypto(keys: KeySet, passwordCost: PasswordCost = PASSWORD_COST): CryptoProvider {
  // OpenSSL signs on the SM2 curve with an SM3 digest; a certified provider (USBKey, 密码机) replaces it here.
  const signingKey = createPrivateKey({ key: keys.checkpoint, format: 'der', type: 'pkcs8' });
  const verifyingKey = createPublicKey(signingKey);
  // algorithm 2 is Argon2id (a const enum in the typings, which isolated modules cannot read).
  const argon = { algorithm: 2, ...passwordCost, secret: keys.pepper } as const;
  const mac = (parts: Buffer[]) => {
    const h = createHmac('sm3', keys.mac);
    for (const p of parts) h.update(p);
    return h.digest();
  };
  return {
    sm3: (data) => createHash('sm3').update(data).digest('hex'),
    sm3Stream() {
      const hash = createHash('sm3');
      return { update: (data) => void hash.update(data), digest: () => hash.digest('hex') };
    },
    hmacSm3: (key, data) => createHmac('sm3', keys[key]).update(data).digest('hex'),
    encrypt(plaintext) {
      const iv = randomBytes(16);
      const cipher = createCipheriv('sm4-ctr', keys.encryption, iv);
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      const tag = mac([Buffer.from(VERSION), iv, body]);
      return `${VERSION}:${Buffer.concat([iv, body, tag]).toString('base64')}`;
    },
    decrypt(sealed) {
      const [version, payload] = sealed.split(':');
      if (version !== VERSION || !payload) throw new Error('密文格式不正确');
      const raw = Buffer.from(payload, 'base64');
      if (raw.length < 48) throw new Error('密文格式不正确');
      const iv = raw.subarray(0, 16);
      const body = raw.subarray(16, raw.length - 32);
      const tag = raw.subarray(raw.length - 32);
      if (!timingSafeEqual(tag, mac([Buffer.from(VERSION), iv, body]))) throw new Error('密文完整性校验失败');
      const decipher = createDecipheriv('sm4-ctr', keys.encryption, iv);
      return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
    },
    blindIndex: (purpose, value) => createHmac('sm3', keys.blindIndex).update(`${purpose}\u0000${value}`).digest('hex'),
    hashPassword: async (password) => `${PEPPERED}${await argonHash(password, argon)}`,
    async verifyPassword(hash, password) {
      try {
        if (hash.startsWith(PEPPERED)) return await argonVerify(hash.slice(PEPPERED.length), password, { secret: keys.pepper });
        return await argonVerify(hash, password);
      } catch {
        return false;
      }
    },
    randomToken: (bytes = 32) => randomBytes(bytes).toString('base64url'),
    signCheckpoint: (text) => sign('sm3', Buffer.from(text), signingKey).toString('hex'),
    verifyCheckpoint(text, signature) {
      try {
        return verify('sm3', Buffer.from(text), verifyingKey, Buffer.from(signature, 'hex'));
      } catch {
        return false;
      }
    },
    checkpointPublicKey: () => verifyingKey.export({ format: 'pem', type: 'spki' }).toString(),
  };
}
