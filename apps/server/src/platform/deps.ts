import type { AuditWriter } from './audit/record-audit.js';
import type { Clock } from './clock.js';
import type { Config } from './config.js';
import type { CryptoProvider } from './crypto/provider.js';
import type { Database, Db } from './db/connect.js';

/** What buildApp needs from outside; tests pass their own clock, database and keys. */
export interface Deps {
  config: Config;
  database: Database;
  db: Db;
  crypto: CryptoProvider;
  clock: Clock;
  audit: AuditWriter;
  /** The demo world is loaded: the UI shows a 演示环境 banner. */
  demo: boolean;
}
