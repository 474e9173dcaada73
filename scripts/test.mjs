// `npm test`: type-check and lint, then unit, component (web, happy-dom), integration (SQLite, or PostgreSQL when
// TEST_DATABASE_URL is set: then only the type-check and integration) and browser journeys. Stops at the first
// failing step and exits non-zero.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const reports = fs.mkdtempSync(path.join(os.tmpdir(), 'tongxin-test-'));
const totals = { passed: 0, failed: 0, skipped: 0 };

function step(name, command, args) {
  console.log(`\n▶ ${name}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: process.env });
  if (result.status !== 0) {
    console.error(`\n✗ ${name} failed (exit ${result.status ?? result.signal})`);
    report();
    process.exit(result.status || 1);
  }
}

function vitest(name, args) {
  const out = path.join(reports, `${name}.json`);
  step(name, 'npx', ['vitest', 'run', ...args, '--reporter=default', '--reporter=json', `--outputFile.json=${out}`]);
  const json = JSON.parse(fs.readFileSync(out, 'utf8'));
  totals.passed += json.numPassedTests;
  totals.failed += json.numFailedTests;
  totals.skipped += json.numPendingTests + (json.numTodoTests ?? 0);
  if (json.numTotalTests === 0) {
    console.error(`\n✗ ${name} ran no test`);
    process.exit(1);
  }
}

function report() {
  console.log(`\ntests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
}

const engine = process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'SQLite';
// On PostgreSQL only what touches the database runs again (CI runs the whole suite on SQLite first):
// the type-check stays, as it is quick and guards the run; lint, unit, component and browser tests do not repeat.
const databaseOnly = engine === 'PostgreSQL';
step('type-check (server, contracts, bench)', 'npx', ['tsc', '-p', '.']);
if (!databaseOnly) {
  step('type-check (web)', 'npx', ['tsc', '-p', 'apps/web']);
  if (fs.existsSync(path.join(root, 'e2e/tsconfig.json'))) step('type-check (e2e)', 'npx', ['tsc', '-p', 'e2e']);
  step('lint (biome)', 'npx', ['biome', 'check', '.']);
  vitest('unit', ['--project', 'unit']);
  vitest('components (web)', ['--project', 'web']);
}
vitest(`integration (${engine})`, ['--project', 'integration']);
if (!databaseOnly) {
  step('build web', 'npm', ['run', 'build', '-w', '@tongxin/web']);
  vitest('browser journeys (Chromium)', ['--config', 'e2e/vitest.config.ts']);
}
report();
