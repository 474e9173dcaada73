import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DirectResult } from './direct.js';
import { OUT_DIR } from './paths.js';
import type { Measurement } from './stats.js';

export interface Row {
  key: string;
  label: string;
  /** Requests (or direct replays) that make up one page action: a tree load is 2 requests. */
  perAction: number;
  m: Measurement;
}

const fmt = (n: number, digits = 2) => (Number.isFinite(n) ? n.toFixed(digits) : '-');
const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - [...s].length));

export function printTable(rows: readonly Row[]): void {
  const head = ['scenario / 场景', 'ops/s', 'p50 ms', 'p99 ms', 'ms/op', 'errors'];
  const body = rows.map((r) => [
    r.label,
    fmt(r.m.perSecond, 0),
    fmt(r.m.p50Ms, 3),
    fmt(r.m.p99Ms, 3),
    fmt(r.m.msPerOp, 3),
    String(r.m.errors),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => [...b[i]!].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? pad(c, widths[i]!) : c.padStart(widths[i]!))).join('  ');
  console.log(`\n${line(head)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`);
  for (const b of body) console.log(line(b));
}

export interface Ratio {
  key: string;
  label: string;
  value: number;
  /** Upper bound the issue sets for this ratio, when it sets one. */
  target?: number;
}

export function printRatios(ratios: readonly Ratio[]): void {
  console.log('\n比值 / ratios (same run):');
  for (const r of ratios) {
    const verdict = r.target === undefined ? '' : r.value <= r.target ? `  ✓ ≤ ${r.target}×` : `  ✗ > ${r.target}× target`;
    console.log(`  ${pad(r.label, 66)} ${fmt(r.value)}×${verdict}`);
  }
}

export function printSlowest(name: string, direct: DirectResult, top = 3): void {
  const total = direct.profile.reduce((s, q) => s + q.meanUs, 0);
  console.log(`\n${name}: ${direct.profile.length} statements, ${fmt(total, 1)} µs summed; slowest:`);
  for (const q of direct.profile.slice(0, top)) {
    console.log(`  ${fmt(q.meanUs, 1).padStart(9)} µs  ${q.sql.replace(/\s+/g, ' ').slice(0, 200)}`);
  }
  const slowest = direct.profile[0];
  if (slowest) console.log(`  plan of the slowest: ${slowest.plan.join(' | ')}`);
  if (direct.skippedWrites) console.log(`  (${direct.skippedWrites} captured write(s) not replayed)`);
}

/** Prints one machine-readable line and writes the same JSON to bench/out/results-<timestamp>.json. */
export function writeResults(payload: Record<string, unknown>): string {
  const at = new Date();
  const full = {
    at: at.toISOString(),
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? null,
      memGiB: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
    },
    ...payload,
  };
  const json = JSON.stringify(full);
  console.log(`\nBENCH_RESULT ${json}`);
  fs.mkdirSync(OUT_DIR, { recursive: true });
  const file = path.join(OUT_DIR, `results-${at.toISOString().replace(/[:.]/g, '-')}.json`);
  fs.writeFileSync(file, `${JSON.stringify(full, null, 2)}\n`);
  return file;
}
