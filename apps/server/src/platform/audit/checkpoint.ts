import fs from 'node:fs/promises';
import path from 'node:path';
import type { CryptoProvider } from '../crypto/provider.js';
import type { Db } from '../db/connect.js';
import type { Deps } from '../deps.js';
import { SYSTEM_CONTEXT } from './events.js';

/**
 * AUD-03: a signed checkpoint binds the chain's head (seq, hash) at a moment to the deployment's SM2 key. It is
 * written off the box — beside the AUD-07 copy, `<AUDIT_SINK_FILE>.checkpoints` — where someone holding only
 * the database can neither remove it nor forge a new one. Verification then refuses a log that is shorter
 * than, or differs from, the latest checkpoint: a wiped log or a rewound head no longer passes as complete.
 */
export interface Checkpoint {
  seq: number;
  hash: string;
  at: string;
  signature: string;
}

/** How often the running server writes one (and once at start). */
export const CHECKPOINT_INTERVAL_MS = 24 * 3_600_000;

export const checkpointFile = (sinkFile: string) => `${sinkFile}.checkpoints`;

const signedText = (c: Pick<Checkpoint, 'seq' | 'hash' | 'at'>) =>
  `tongxin-audit-checkpoint\u0000${c.seq}\u0000${c.hash}\u0000${c.at}`;

export function checkpointValid(crypto: CryptoProvider, c: Checkpoint): boolean {
  return crypto.verifyCheckpoint(signedText(c), c.signature);
}

/** Signs the current head, appends it to the checkpoint file (synced) and audits it. */
export async function writeCheckpoint(deps: Pick<Deps, 'db' | 'crypto' | 'clock' | 'audit'>, file: string): Promise<Checkpoint> {
  const head = await deps.db.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirstOrThrow();
  const unsigned = { seq: Number(head.seq), hash: head.hash, at: deps.clock.now().toISOString() };
  const checkpoint = { ...unsigned, signature: deps.crypto.signCheckpoint(signedText(unsigned)) };
  await fs.mkdir(path.dirname(file), { recursive: true });
  const handle = await fs.open(file, 'a', 0o600);
  try {
    await handle.appendFile(`${JSON.stringify(checkpoint)}\n`);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await deps.db.transaction().execute((trx) =>
    deps.audit.record(trx, SYSTEM_CONTEXT, {
      type: 'audit.checkpoint',
      objectType: 'audit_log',
      detail: { seq: checkpoint.seq, hash: checkpoint.hash },
    }),
  );
  return checkpoint;
}

/** The checkpoints in a file, oldest first; a torn last line (a crash mid-write) is skipped. */
export async function readCheckpoints(file: string): Promise<Checkpoint[]> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  const out: Checkpoint[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    try {
      out.push(JSON.parse(line) as Checkpoint);
    } catch {
      // torn line
    }
  }
  return out;
}

/** What the database must still hold: the latest validly signed checkpoint (null when none is signed). */
export function latestValid(
  crypto: CryptoProvider,
  checkpoints: readonly Checkpoint[],
): { latest: Checkpoint | null; forged: number } {
  let latest: Checkpoint | null = null;
  let forged = 0;
  for (const c of checkpoints) {
    if (!checkpointValid(crypto, c)) forged += 1;
    else if (!latest || c.seq > latest.seq) latest = c;
  }
  return { latest, forged };
}

/** Whether the chain row at a checkpoint's seq still carries the checkpoint's hash. */
export async function hashAt(db: Db, seq: number): Promise<string | null> {
  const row = await db.selectFrom('audit_log').select('hash').where('seq', '=', seq).executeTakeFirst();
  return row?.hash ?? null;
}

/** The anchors verification uses: the checkpoints beside the configured audit copy (none without one). */
export async function auditAnchors(sinkFile: string | null): Promise<{ checkpoints: Checkpoint[] } | undefined> {
  return sinkFile ? { checkpoints: await readCheckpoints(checkpointFile(sinkFile)) } : undefined;
}
