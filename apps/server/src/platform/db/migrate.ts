import { type Migration, type MigrationProvider, Migrator } from 'kysely';
import type { Db } from './connect.js';
import * as m0001 from './migrations/0001_core.js';
import * as m0002 from './migrations/0002_member_ledger.js';
import * as m0003 from './migrations/0003_transfers.js';
import * as m0004 from './migrations/0004_dues.js';
import * as m0005 from './migrations/0005_member_import.js';
import * as m0007 from './migrations/0007_member_counts.js';
import * as m0008 from './migrations/0008_enterprises.js';
import * as m0009 from './migrations/0009_enterprise_import.js';
import * as m0010 from './migrations/0010_service_requests.js';
import * as m0011 from './migrations/0011_attachments.js';
import * as m0012 from './migrations/0012_meetings.js';
import * as m0013 from './migrations/0013_notices.js';
import * as m0014 from './migrations/0014_appraisals.js';
import * as m0015 from './migrations/0015_development.js';
import * as m0016 from './migrations/0016_development_plans.js';
import * as m0017 from './migrations/0017_minutes_html.js';
import * as m0018 from './migrations/0018_enterprise_name_index.js';
import * as m0019 from './migrations/0019_password_history.js';
import * as m0030 from './migrations/0030_events.js';
import * as m0040 from './migrations/0040_ratings.js';
import * as m0050 from './migrations/0050_governance.js';

// Listed in code, not read from a folder, so the same build runs under tsx, tests and bundles.
const MIGRATIONS: Record<string, Migration> = {
  '0001_core': m0001,
  '0002_member_ledger': m0002,
  '0003_transfers': m0003,
  '0004_dues': m0004,
  '0005_member_import': m0005,
  '0007_member_counts': m0007,
  '0008_enterprises': m0008,
  '0009_enterprise_import': m0009,
  '0010_service_requests': m0010,
  '0011_attachments': m0011,
  '0012_meetings': m0012,
  '0013_notices': m0013,
  '0014_appraisals': m0014,
  '0015_development': m0015,
  '0016_development_plans': m0016,
  '0017_minutes_html': m0017,
  '0018_enterprise_name_index': m0018,
  '0019_password_history': m0019,
  '0030_events': m0030,
  '0040_ratings': m0040,
  '0050_governance': m0050,
};

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

export async function migrateToLatest(db: Db): Promise<string[]> {
  // Capabilities are built side by side and land in any order, so a database may already hold a higher number
  // than one that lands later (0011 before 0008). Each migration stands alone; pending ones still run in order.
  const migrator = new Migrator({ db, provider, allowUnorderedMigrations: true });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
