import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { TODO_KIND_LABELS } from '@tongxin/contracts';
import { describe, expect, it } from 'vitest';

const modules = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Every `kind: '…'` (or `kind: a ? '…' : '…'`) written by a to-do source file (`todo-*.ts`). */
function emittedKinds(): Set<string> {
  const kinds = new Set<string>();
  for (const dir of fs.readdirSync(modules)) {
    const folder = path.join(modules, dir);
    if (!fs.statSync(folder).isDirectory()) continue;
    for (const file of fs.readdirSync(folder).filter((f) => /^todo-.*\.ts$/.test(f) && !f.endsWith('.test.ts'))) {
      const text = fs.readFileSync(path.join(folder, file), 'utf8');
      for (const m of text.matchAll(/\bkind:\s*([^,\n]+)/g)) for (const q of m[1]!.matchAll(/'([a-z-]+)'/g)) kinds.add(q[1]!);
    }
  }
  return kinds;
}

describe('to-do kinds', () => {
  it('every kind a source emits has a Chinese heading on the home page', () => {
    const kinds = emittedKinds();
    expect(kinds.size).toBeGreaterThanOrEqual(10);
    expect([...kinds].filter((k) => !(k in TODO_KIND_LABELS))).toEqual([]);
  });
});
