import type { CryptoProvider } from '../crypto/provider.js';
import type { Db } from '../db/connect.js';
import { canonical, GENESIS_HASH, headText } from './chain.js';
import { type Checkpoint, latestValid } from './checkpoint.js';

export interface VerifyResult {
  ok: boolean;
  checked: number;
  firstBadSeq: number | null;
  reason: string | null;
}

const BATCH = 5_000;

/** What the chain is checked against from outside the database: signed checkpoints (AUD-03). */
export interface AuditAnchors {
  checkpoints: readonly Checkpoint[];
}

/**
 * AUD-03: walks the chain in order and names the first entry that was altered, removed or reordered. With
 * anchors, the log must also still hold the latest signed checkpoint's entry, unchanged: a log wiped or cut
 * back (head rewound with it) fails, even though what is left is a consistent chain.
 */
export async function verifyAuditChain(db: Db, crypto: CryptoProvider, anchors?: AuditAnchors): Promise<VerifyResult> {
  const anchored = anchors ? latestValid(crypto, anchors.checkpoints) : { latest: null, forged: 0 };
  if (anchored.forged > 0) {
    return { ok: false, checked: 0, firstBadSeq: null, reason: `有 ${anchored.forged} 个检查点的签名无效（检查点文件被改动）` };
  }
  const checkpoint = anchored.latest;
  // The head first: rows committed while we walk lie beyond it and are left for the next run.
  const head = await db.selectFrom('audit_head').select(['seq', 'hash', 'mac']).where('id', '=', 1).executeTakeFirst();
  const headOk =
    head &&
    (Number(head.seq) === 0 ? head.mac === '' : crypto.hmacSm3('audit', headText(Number(head.seq), head.hash)) === head.mac);
  if (!headOk)
    return { ok: false, checked: 0, firstBadSeq: Number(head?.seq ?? 0), reason: '链尾标记被篡改（末尾记录可能被截去）' };
  const lastSeq = Number(head?.seq ?? 0);
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let checked = 0;
  for (;;) {
    const rows = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '>=', expectedSeq)
      .orderBy('seq')
      .limit(BATCH)
      .execute();
    for (const row of rows) {
      const seq = Number(row.seq);
      const bad = (reason: string): VerifyResult => ({ ok: false, checked, firstBadSeq: seq, reason });
      if (seq !== expectedSeq) return { ok: false, checked, firstBadSeq: expectedSeq, reason: `缺少第 ${expectedSeq} 条记录` };
      if (row.prev_hash !== prevHash) return bad('前序哈希不一致（记录被删除或调换顺序）');
      const { hash, prev_hash: _prev, ...rest } = row;
      if (crypto.hmacSm3('audit', prevHash + canonical({ ...rest, seq })) !== hash) return bad('记录内容被篡改');
      if (checkpoint && seq === checkpoint.seq && hash !== checkpoint.hash) {
        return bad(`与 ${checkpoint.at} 签名的检查点不一致（记录被改写）`);
      }
      prevHash = hash;
      expectedSeq += 1;
      checked += 1;
    }
    if (rows.length < BATCH) break;
  }
  if (!head || lastSeq !== checked || head.hash !== prevHash) {
    return { ok: false, checked, firstBadSeq: checked + 1, reason: '链尾记录缺失（末尾记录被删除）' };
  }
  if (checkpoint && checked < checkpoint.seq) {
    return {
      ok: false,
      checked,
      firstBadSeq: checked + 1,
      reason: `审计日志只有 ${checked} 条，少于 ${checkpoint.at} 签名的检查点（第 ${checkpoint.seq} 条）：记录被删除或回滚`,
    };
  }
  return { ok: true, checked, firstBadSeq: null, reason: null };
}
