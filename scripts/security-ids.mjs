// Lists the SECURITY.md requirement ids (AUTH-, AZ-, AUD-, DP-, IN-, DB-, LD-) that no test names yet.
// `node scripts/security-ids.mjs [path/to/SECURITY.md]`; exit code 1 when any id is unnamed.
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const spec = process.argv[2] ?? path.join(root, '../shared/docs/SECURITY.md');
const ids = [
  ...new Set([...fs.readFileSync(spec, 'utf8').matchAll(/^\| ((?:AUTH|AZ|AUD|DP|IN|DB|LD)-\d+) \|/gm)].map((m) => m[1])),
];

const testFiles = [];
const walk = (dir) => {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full);
    else if (/\.(test|e2e)\.tsx?$/.test(entry.name)) testFiles.push(full);
  }
};
for (const dir of ['apps', 'packages', 'e2e']) walk(path.join(root, dir));
const text = testFiles.map((f) => fs.readFileSync(f, 'utf8')).join('\n');

const unnamed = ids.filter((id) => !new RegExp(`\\b${id}\\b(?!\\d)`).test(text));
console.log(`SECURITY.md: ${ids.length} ids; named in tests: ${ids.length - unnamed.length}; not yet: ${unnamed.length}`);
if (unnamed.length) {
  console.log(unnamed.join(' '));
  process.exitCode = 1;
}
