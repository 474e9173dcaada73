import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { RouteRecord } from '../src/platform/http/route-access.js';

/**
 * How the access matrix is found (AZ-02). A matrix row is a test in `apps/server/test/matrix*.test.ts` whose
 * full name holds one segment starting with the route as registered, `METHOD /path/:param`, and the expected
 * status as `→ NNN` (the form every `describe.each`/`it.each` title there already has, e.g.
 * `GET /api/orgs/:id — member on city → 404`). Marks in the name:
 * - `(public)`: the route is public, and this row shows an anonymous caller served;
 * - `(own)`: any signed-in account may call it about itself (its todos, its sessions); the denial is anonymous.
 * A route is covered when it has an allowed row (2xx, or a 3xx redirect) and a denied row by a signed-in actor (403 or 404), or an
 * allowed `(public)` row, or an allowed `(own)` row and a 401 row.
 */
export interface MatrixRow {
  route: string;
  status: number;
  marks: Set<'public' | 'own'>;
  name: string;
}

const ROUTE = /^(GET|POST|PUT|PATCH|DELETE) (\/[^\s?]*)/;
const STATUS = /→ (\d{3})\b/;

export function parseRow(name: string): MatrixRow | null {
  const route = name
    .split(' > ')
    .map((segment) => segment.match(ROUTE))
    .find(Boolean);
  const status = name.match(STATUS);
  if (!route || !status) return null;
  const marks = new Set<'public' | 'own'>();
  if (name.includes('(public)')) marks.add('public');
  if (name.includes('(own)')) marks.add('own');
  return { route: `${route[1]} ${route[2]}`, status: Number(status[1]), marks, name };
}

/** The rows of every matrix file, from the test names Vitest collects (`vitest list`: nothing is run). */
export function collectMatrixRows(root: string): MatrixRow[] {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tongxin-matrix-')), 'rows.json');
  const vitest = path.join(root, 'node_modules/vitest/vitest.mjs');
  const args = [
    'list',
    '--project',
    'integration',
    '--isolate=false',
    '--maxWorkers=1',
    `--json=${out}`,
    'apps/server/test/matrix',
  ];
  const result = spawnSync(process.execPath, [vitest, ...args], { cwd: root, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`vitest list failed: ${result.stderr}`);
  const tests = JSON.parse(fs.readFileSync(out, 'utf8')) as { name: string; file: string }[];
  fs.rmSync(path.dirname(out), { recursive: true, force: true });
  return tests
    .filter((test) => /\/matrix[^/]*\.test\.ts$/.test(test.file))
    .map((test) => parseRow(test.name))
    .filter((row): row is MatrixRow => row !== null);
}

const allowed = (row: MatrixRow) => row.status >= 200 && row.status < 400;

/** What the matrix lacks for each route (empty when complete). Routes in `knownGaps` are reported only when covered. */
export function checkMatrix(routes: RouteRecord[], rows: MatrixRow[], knownGaps: readonly string[] = []): string[] {
  const byRoute = new Map<string, MatrixRow[]>();
  for (const row of rows) byRoute.set(row.route, [...(byRoute.get(row.route) ?? []), row]);
  const problems: string[] = [];
  for (const { method, url, access } of routes) {
    const key = `${method} ${url}`;
    const mine = byRoute.get(key) ?? [];
    let lack: string | null = null;
    if (mine.length === 0) lack = '不在访问矩阵中';
    else if (access === 'public') {
      if (!mine.some((row) => row.marks.has('public') && allowed(row))) lack = '公开路由缺少标记 (public) 的允许用例';
    } else if (mine.some((row) => row.marks.has('public'))) lack = '需登录的路由被标记为 (public)';
    else if (mine.some((row) => row.marks.has('own'))) {
      if (!mine.some(allowed) || !mine.some((row) => row.status === 401)) lack = '(own) 路由缺少允许或未登录拒绝用例';
    } else if (!mine.some(allowed)) lack = '缺少允许用例 (2xx)';
    else if (!mine.some((row) => row.status === 403 || row.status === 404)) lack = '缺少已登录者被拒绝的用例 (403/404)';
    const gap = knownGaps.includes(key);
    if (lack && !gap) problems.push(`${key}: ${lack}`);
    if (!lack && gap) problems.push(`${key}: 已覆盖，请从 KNOWN_MATRIX_GAPS 删除`);
  }
  const registered = new Set(routes.map((r) => `${r.method} ${r.url}`));
  for (const gap of knownGaps) if (!registered.has(gap)) problems.push(`${gap}: 路由已不存在，请从 KNOWN_MATRIX_GAPS 删除`);
  return problems;
}
