import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Where attachment bytes live: $DATA_DIR/files/<2 hex>/<32 hex>, a random name that says nothing of the file
 * and is never under the web root. The user's file name is only a label in the database.
 */
export function filesDir(dataDir: string): string {
  return path.join(dataDir, 'files');
}

const STORAGE_NAME = /^[0-9a-f]{2}\/[0-9a-f]{32}$/;

export function pathOf(dataDir: string, storageName: string): string {
  if (!STORAGE_NAME.test(storageName)) throw new Error('bad storage name');
  return path.join(filesDir(dataDir), storageName);
}

/** Writes the bytes durably (temp file, fsync, rename) and returns their storage name. */
export async function storeBytes(dataDir: string, bytes: Buffer): Promise<string> {
  const hex = randomBytes(16).toString('hex');
  const storageName = `${hex.slice(0, 2)}/${hex}`;
  const target = pathOf(dataDir, storageName);
  await fs.promises.mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
  const temp = `${target}.part`;
  const handle = await fs.promises.open(temp, 'wx', 0o600);
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await fs.promises.rename(temp, target);
  return storageName;
}

/** Removes stored files whose rows are gone; a file already missing is fine. */
export async function removeStored(dataDir: string, storageNames: readonly string[]): Promise<void> {
  for (const name of storageNames) {
    await fs.promises.rm(pathOf(dataDir, name), { force: true });
  }
}

export function readStream(dataDir: string, storageName: string): fs.ReadStream {
  return fs.createReadStream(pathOf(dataDir, storageName));
}

export async function fileExists(dataDir: string, storageName: string): Promise<boolean> {
  try {
    return (await fs.promises.stat(pathOf(dataDir, storageName))).isFile();
  } catch {
    return false;
  }
}
