import path from 'node:path';
import { auditWriter } from './audit/record-audit.js';
import { type Clock, systemClock } from './clock.js';
import type { Config } from './config.js';
import { loadKeys } from './crypto/keys.js';
import { softwareCrypto } from './crypto/provider.js';
import { openDatabase } from './db/connect.js';
import { migrateToLatest } from './db/migrate.js';
import type { Deps } from './deps.js';

export function sqliteFile(config: Config): string {
  return path.join(config.dataDir, 'tongxin.db');
}

/** Opens keys and database and migrates: what main, the CLI and tests share. */
export async function openDeps(config: Config, clock: Clock = systemClock): Promise<Deps> {
  const crypto = softwareCrypto(loadKeys(config.keyFile));
  const database = await openDatabase({ databaseUrl: config.databaseUrl, sqliteFile: sqliteFile(config) });
  await migrateToLatest(database.db);
  const demo =
    (await database.db.selectFrom('audit_log').select('seq').where('type', '=', 'system.seed').limit(1).executeTakeFirst()) !==
    undefined;
  return { config, database, db: database.db, crypto, clock, audit: auditWriter(crypto, clock, database.dialect), demo };
}
