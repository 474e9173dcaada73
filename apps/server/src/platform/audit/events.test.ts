import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { AUDIT_EVENT_TYPES } from './events.js';

const operations = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../../docs/operations.md');

describe('AUD-09 log inventory', () => {
  it('docs/operations.md lists every audit event type the code writes', () => {
    const text = fs.readFileSync(operations, 'utf8');
    const missing = AUDIT_EVENT_TYPES.filter((type) => !text.includes(`\`${type}\``));
    expect(missing).toEqual([]);
  });
});
