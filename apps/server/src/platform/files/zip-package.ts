import type { Readable } from 'node:stream';
import yauzl, { type Entry, type ZipFile } from 'yauzl';

/**
 * IN-06 zip-bomb limits for uploaded Office packages (.xlsx imports, .docx/.xlsx attachments), on one kept zip
 * reader (yauzl), read from memory only. The central directory is read before anything is inflated (entry
 * count, declared sizes, encryption, compression methods, file names: no absolute paths, `..` or backslashes),
 * then every entry is inflated once, discarding the output, to prove its real size against the declared one and
 * the limit: a bomb that lies about its sizes is caught without holding its output.
 */
export interface ZipLimits {
  maxEntries: number;
  maxUncompressedBytes: number;
}

/** Why a package was refused: unreadable, too many entries, too large once inflated, or encrypted. */
export class ZipRefused extends Error {
  constructor(readonly reason: 'broken' | 'count' | 'size' | 'encrypted') {
    super(`zip refused: ${reason}`);
  }
}

export interface ZipPackage {
  /** The entries' names, in the order their data lies in the file. */
  readonly names: readonly string[];
  has(name: string): boolean;
  /** One entry, inflated; for small parts (the limits bound what any entry may hold). */
  read(name: string): Promise<Buffer>;
  /** At most the first `bytes` of an entry, inflated (the rest is never inflated). */
  head(name: string, bytes: number): Promise<Buffer>;
  /** One entry as a stream, inflated (its real size was proven at open). */
  open(name: string): Promise<Readable>;
}

export async function openZip(file: Buffer, limits: ZipLimits): Promise<ZipPackage> {
  const zip = await new Promise<ZipFile>((resolve, reject) =>
    yauzl.fromBuffer(file, { lazyEntries: true, validateEntrySizes: false, strictFileNames: true }, (err, z) =>
      err || !z ? reject(new ZipRefused('broken')) : resolve(z),
    ),
  );
  if (zip.entryCount > limits.maxEntries) throw new ZipRefused('count');
  const entries = (await readDirectory(zip, limits)).sort(
    (a, b) => a.relativeOffsetOfLocalHeader - b.relativeOffsetOfLocalHeader,
  );
  const byName = new Map(entries.map((e) => [e.fileName, e]));
  if (byName.size !== entries.length) throw new ZipRefused('broken');
  let total = 0;
  for (const e of entries) {
    total += await inflatedSize(zip, e, limits.maxUncompressedBytes - total);
  }
  const entry = (name: string) => {
    const e = byName.get(name);
    if (!e) throw new ZipRefused('broken');
    return e;
  };
  return {
    names: entries.map((e) => e.fileName),
    has: (name) => byName.has(name),
    open: (name) => openStream(zip, entry(name)),
    async read(name) {
      const chunks: Buffer[] = [];
      for await (const chunk of await openStream(zip, entry(name))) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks);
    },
    async head(name, bytes) {
      const chunks: Buffer[] = [];
      let seen = 0;
      const stream = await openStream(zip, entry(name));
      try {
        for await (const chunk of stream) {
          chunks.push(chunk as Buffer);
          seen += (chunk as Buffer).length;
          if (seen >= bytes) break;
        }
      } catch {
        // A head is a hint (the sheet's stated size); a broken tail shows when the entry is read in full.
      } finally {
        stream.destroy();
      }
      return Buffer.concat(chunks).subarray(0, bytes);
    },
  };
}

/** The central directory, checked entry by entry before anything is inflated. */
function readDirectory(zip: ZipFile, limits: ZipLimits): Promise<Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: Entry[] = [];
    let declared = 0;
    let settled = false;
    const fail = (reason: ZipRefused['reason']) => {
      if (settled) return;
      settled = true;
      zip.close();
      reject(new ZipRefused(reason));
    };
    zip.on('entry', (e: Entry) => {
      if (e.isEncrypted()) return fail('encrypted');
      if (e.compressionMethod !== 0 && e.compressionMethod !== 8) return fail('broken');
      if (e.compressionMethod === 0 && e.compressedSize !== e.uncompressedSize) return fail('broken');
      declared += e.uncompressedSize;
      if (declared > limits.maxUncompressedBytes) return fail('size');
      entries.push(e);
      zip.readEntry();
    });
    zip.on('end', () => {
      if (settled) return;
      settled = true;
      resolve(entries);
    });
    zip.on('error', () => fail('broken'));
    zip.readEntry();
  });
}

function openStream(zip: ZipFile, e: Entry): Promise<Readable> {
  return new Promise((resolve, reject) =>
    zip.openReadStream(e, (err, stream) => (err || !stream ? reject(new ZipRefused('broken')) : resolve(stream))),
  );
}

/** Inflates an entry to count its bytes, keeping none; more than it declares (or than is left) is a bomb. */
async function inflatedSize(zip: ZipFile, e: Entry, left: number): Promise<number> {
  const stream = await openStream(zip, e);
  return new Promise((resolve, reject) => {
    let seen = 0;
    stream.on('data', (chunk: Buffer) => {
      seen += chunk.length;
      if (seen > e.uncompressedSize || seen > left) {
        stream.destroy();
        reject(new ZipRefused('size'));
      }
    });
    stream.on('end', () => (seen === e.uncompressedSize ? resolve(seen) : reject(new ZipRefused('broken'))));
    stream.on('error', () => reject(new ZipRefused('broken')));
  });
}
