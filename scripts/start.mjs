// `npm start`: build the web app when it is missing or older than its sources, then start the server.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const dist = path.join(root, 'apps/web/dist/index.html');

function newest(dir) {
  let latest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(full) : fs.statSync(full).mtimeMs);
  }
  return latest;
}

const sources = ['apps/web/src', 'apps/web/index.html', 'packages/contracts/src']
  .map((p) => path.join(root, p))
  .filter(fs.existsSync);
const stale =
  !fs.existsSync(dist) ||
  sources.some((s) => (fs.statSync(s).isDirectory() ? newest(s) : fs.statSync(s).mtimeMs) > fs.statSync(dist).mtimeMs);
if (stale) {
  console.log('正在构建前端（首次启动约需半分钟）…');
  const build = spawnSync('npm', ['run', 'build', '-w', '@tongxin/web'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
const server = spawnSync(process.execPath, ['apps/server/bin/tongxin.mjs', 'start', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
});
process.exit(server.status ?? 1);
