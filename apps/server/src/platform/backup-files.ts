import fs from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { CryptoProvider } from './crypto/provider.js';
import type { DB } from './db/types.js';
import { pathOf } from './files/store.js';

/**
 * Attachment bytes live beside the database ($DATA_DIR/files), so a backup that held only the database would
 * lose every photo and scanned sign-in sheet. They go to one store shared by all backups in a folder,
 * `<backup folder>/files/<2 hex>/<32 hex>`: a stored file never changes (random name, written once), so each
 * backup copies only the files the previous ones did not, and checks each copy's SM3 against its row.
 */
export const backupRoot = (backupFile: string) => path.dirname(path.resolve(backupFile));

interface StoredFile {
  storage_name: string;
  sm3: string;
  size_bytes: number;
}

export function listStoredFiles(db: Kysely<DB>): Promise<StoredFile[]> {
  return db.selectFrom('attachment').select(['storage_name', 'sm3', 'size_bytes']).execute();
}

/** Copies from one root (a data folder or a backup folder, each with its files/) what the other lacks, checking each copy. */
export async function copyStoredFiles(
  files: StoredFile[],
  from: string,
  to: string,
  crypto: CryptoProvider,
): Promise<{ copied: number; missing: string[] }> {
  let copied = 0;
  const missing: string[] = [];
  for (const f of files) {
    const target = pathOf(to, f.storage_name);
    if (sizeOf(target) === f.size_bytes) continue;
    const source = pathOf(from, f.storage_name);
    if (sizeOf(source) === null) {
      missing.push(f.storage_name);
      continue;
    }
    const bytes = await fs.promises.readFile(source);
    if (crypto.sm3(bytes) !== f.sm3) throw new Error(`附件文件 ${f.storage_name} 与登记的 SM3 不符，已停止`);
    await fs.promises.mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
    const temp = `${target}.part`;
    await fs.promises.writeFile(temp, bytes, { mode: 0o600 });
    const handle = await fs.promises.open(temp, 'r');
    await handle.sync();
    await handle.close();
    await fs.promises.rename(temp, target);
    copied += 1;
  }
  return { copied, missing };
}

function sizeOf(file: string): number | null {
  try {
    return fs.statSync(file).size;
  } catch {
    return null;
  }
}
