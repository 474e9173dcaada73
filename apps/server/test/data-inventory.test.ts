import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestEnv, testDeps } from './support.js';

/**
 * DP-05 (minimum necessary): every column of the migrated schema has a documented purpose in
 * docs/data-inventory.md, and the inventory names no column the schema lacks. Runs on the engine the suite
 * runs on (SQLite, or PostgreSQL with TEST_DATABASE_URL).
 */
const INVENTORY = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../docs/data-inventory.md');
const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;
const SECTION_FIELDS = ['Purpose', 'Legal basis', 'Retention', 'Who can see'] as const;

interface InventorySection {
  columns: Map<string, string>;
  duplicates: string[];
  fields: Set<string>;
}

/** `## <table>` sections with `| <column> | <purpose> |` rows; any other `## ` heading ends a section. */
function parseInventory(text: string): Map<string, InventorySection> {
  const sections = new Map<string, InventorySection>();
  let current: InventorySection | null = null;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line.startsWith('## ')) {
      const name = line.slice(3).trim().replaceAll('`', '');
      current = IDENTIFIER.test(name) ? { columns: new Map(), duplicates: [], fields: new Set() } : null;
      if (current) sections.set(name, current);
      continue;
    }
    if (!current) continue;
    const field = /^- \*\*([^*]+)\*\*:\s*\S/.exec(line);
    if (field) current.fields.add(field[1]!.trim());
    if (!line.startsWith('|')) continue;
    const cells = line
      .split('|')
      .slice(1, -1)
      .map((c) => c.trim());
    const column = (cells[0] ?? '').replaceAll('`', '');
    if (!IDENTIFIER.test(column) || column === 'column') continue;
    if (current.columns.has(column)) current.duplicates.push(column);
    current.columns.set(column, cells[1] ?? '');
  }
  return sections;
}

async function schemaColumns(env: TestEnv): Promise<Map<string, Set<string>>> {
  const { db, database } = env.deps;
  const rows =
    database.dialect === 'sqlite'
      ? (
          await sql<{ table_name: string; column_name: string }>`
            select m.name as table_name, p.name as column_name
            from sqlite_master as m join pragma_table_info(m.name) as p
            where m.type = 'table' and m.name not like 'sqlite\\_%' escape '\\'
              and m.name not like 'kysely\\_migration%' escape '\\'`.execute(db)
        ).rows
      : (
          await sql<{ table_name: string; column_name: string }>`
            select table_name, column_name from information_schema.columns
            where table_schema = 'public' and table_name not like 'kysely\\_migration%' escape '\\'`.execute(db)
        ).rows;
  const tables = new Map<string, Set<string>>();
  for (const r of rows) {
    const columns = tables.get(r.table_name) ?? new Set<string>();
    columns.add(r.column_name);
    tables.set(r.table_name, columns);
  }
  return tables;
}

describe('data inventory (DP-05)', () => {
  let env: TestEnv;
  let schema: Map<string, Set<string>>;
  let inventory: Map<string, InventorySection>;

  beforeAll(async () => {
    env = await testDeps();
    schema = await schemaColumns(env);
    inventory = parseInventory(fs.readFileSync(INVENTORY, 'utf8'));
  });
  afterAll(async () => {
    await env.close();
  });

  it('reads a real schema and a real inventory', () => {
    // Guards the comparisons below against passing on two empty sides.
    expect(schema.get('member')).toContain('id_number_enc');
    expect(inventory.get('member')?.columns.has('id_number_enc')).toBe(true);
  });

  it('documents every column of every table', () => {
    const undocumented: string[] = [];
    for (const [table, columns] of schema) {
      const documented = inventory.get(table)?.columns;
      for (const column of columns) if (!documented?.has(column)) undocumented.push(`${table}.${column}`);
    }
    expect(undocumented, `columns missing from docs/data-inventory.md: ${undocumented.join(', ')}`).toEqual([]);
  });

  it('documents no table or column the schema lacks', () => {
    const unknown: string[] = [];
    for (const [table, section] of inventory) {
      const columns = schema.get(table);
      if (!columns) unknown.push(`${table} (whole table)`);
      else for (const column of section.columns.keys()) if (!columns.has(column)) unknown.push(`${table}.${column}`);
    }
    expect(unknown, `documented but not in the schema: ${unknown.join(', ')}`).toEqual([]);
  });

  it('gives every table its purpose, legal basis, retention and readers, and every column a purpose once', () => {
    const gaps: string[] = [];
    for (const [table, section] of inventory) {
      for (const field of SECTION_FIELDS) if (!section.fields.has(field)) gaps.push(`${table}: no "${field}"`);
      for (const [column, purpose] of section.columns) if (purpose === '') gaps.push(`${table}.${column}: no purpose`);
      for (const column of section.duplicates) gaps.push(`${table}.${column}: listed twice`);
    }
    expect(gaps, gaps.join('; ')).toEqual([]);
  });
});
