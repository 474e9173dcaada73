import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../../apps/server/src/platform/config.js';

/** bench/out: generated data and results, gitignored. */
export const OUT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../out');

export const dataDirFor = (orgs: number) => path.join(OUT_DIR, `data-${orgs}`);

/** The server's own config for a bench data dir: always SQLite, whatever DATABASE_URL the shell has. */
export function benchConfig(dataDir: string) {
  return loadConfig({ DATA_DIR: dataDir, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'warn' });
}

/** True when this module is the script node was started with (tsx bench/src/x.ts). */
export function isMain(metaUrl: string): boolean {
  return process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(metaUrl);
}
