import { generateKeyPairSync, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** Keys live in a key file (mode 0600) or the TONGXIN_KEYS environment variable: never in the database. */
export interface KeySet {
  /** SM4 key for field encryption (16 bytes). */
  encryption: Buffer;
  /** HMAC-SM3 key authenticating ciphertexts. */
  mac: Buffer;
  /** HMAC-SM3 key for blind indexes. */
  blindIndex: Buffer;
  /** HMAC-SM3 key for the audit hash chain. */
  audit: Buffer;
  /** AUTH-06: the password pepper, argon2id's secret input; never in the database. */
  pepper: Buffer;
  /** AUD-03: the SM2 private key (PKCS#8 DER) that signs audit checkpoints. */
  checkpoint: Buffer;
}

const SIZES: Record<Exclude<keyof KeySet, 'checkpoint'>, number> = {
  encryption: 16,
  mac: 32,
  blindIndex: 32,
  audit: 32,
  pepper: 32,
};

/** A new SM2 key pair's private half, as PKCS#8 DER. */
function newCheckpointKey(): Buffer {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'SM2' });
  return privateKey.export({ format: 'der', type: 'pkcs8' });
}

function parse(json: string, source: string): KeySet {
  const raw = JSON.parse(json) as Record<string, unknown>;
  const out = {} as KeySet;
  for (const [name, size] of Object.entries(SIZES) as [Exclude<keyof KeySet, 'checkpoint'>, number][]) {
    const hex = raw[name];
    if (typeof hex !== 'string' || !/^[0-9a-f]+$/i.test(hex) || hex.length !== size * 2) {
      throw new Error(`${source} 中的密钥 ${name} 缺失或长度不是 ${size} 字节`);
    }
    out[name] = Buffer.from(hex, 'hex');
  }
  const checkpoint = raw.checkpoint;
  if (typeof checkpoint !== 'string' || !/^[0-9a-f]+$/i.test(checkpoint)) throw new Error(`${source} 中的密钥 checkpoint 缺失`);
  out.checkpoint = Buffer.from(checkpoint, 'hex');
  return out;
}

export function generateKeySet(): KeySet {
  return {
    encryption: randomBytes(SIZES.encryption),
    mac: randomBytes(SIZES.mac),
    blindIndex: randomBytes(SIZES.blindIndex),
    audit: randomBytes(SIZES.audit),
    pepper: randomBytes(SIZES.pepper),
    checkpoint: newCheckpointKey(),
  };
}

function serialise(keys: KeySet): string {
  return `${JSON.stringify(Object.fromEntries(Object.entries(keys).map(([k, v]) => [k, (v as Buffer).toString('hex')])), null, 2)}\n`;
}

/** Loads the keys; on a first start (no file, no env) creates the key file. */
export function loadKeys(keyFile: string, env: NodeJS.ProcessEnv = process.env): KeySet {
  if (env.TONGXIN_KEYS) return parse(env.TONGXIN_KEYS, 'TONGXIN_KEYS');
  if (fs.existsSync(keyFile)) return withPepper(keyFile);
  const keys = generateKeySet();
  fs.mkdirSync(path.dirname(keyFile), { recursive: true });
  fs.writeFileSync(keyFile, serialise(keys), { mode: 0o600, flag: 'wx' });
  return keys;
}

/**
 * A key file from before the pepper and the checkpoint key existed gains them (written back atomically); the
 * other keys are unchanged.
 */
function withPepper(keyFile: string): KeySet {
  const raw = JSON.parse(fs.readFileSync(keyFile, 'utf8')) as Record<string, unknown>;
  if (raw.pepper === undefined || raw.checkpoint === undefined) {
    raw.pepper ??= randomBytes(SIZES.pepper).toString('hex');
    raw.checkpoint ??= newCheckpointKey().toString('hex');
    const temp = `${keyFile}.new`;
    fs.writeFileSync(temp, `${JSON.stringify(raw, null, 2)}\n`, { mode: 0o600 });
    fs.renameSync(temp, keyFile);
  }
  return parse(JSON.stringify(raw), keyFile);
}
