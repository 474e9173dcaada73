import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { v7 as uuidv7 } from 'uuid';
import type { Meeting } from '../modules/meetings/meeting.repository.js';
import type { AttachmentTable } from '../platform/db/types.js';
import { storeBytes } from '../platform/files/store.js';

/**
 * Photos for the latest held general meetings and theme days of 泸州云智 and a few others, stored in the
 * attachment store like uploads; the rows are returned for the caller to insert with the meetings.
 */
export async function seedMeetingPhotos(
  o: { dataDir: string; at: string },
  meetings: Meeting[],
  yunzhi: string | undefined,
  userId: string,
  rand: () => number,
): Promise<AttachmentTable[]> {
  const held = meetings.filter((m) => m.status === 'held' && (m.kind === 'theme_day' || m.kind === 'general_meeting'));
  const chosen = [
    ...held.filter((m) => m.branchId === yunzhi).slice(-4),
    ...held.filter((m) => m.branchId !== yunzhi && rand() < 0.02).slice(0, 6),
  ];
  const rows: AttachmentTable[] = [];
  for (const [i, m] of chosen.entries()) {
    const bytes = demoPhoto(i);
    const storageName = await storeBytes(o.dataDir, bytes);
    rows.push({
      id: uuidv7(),
      owner_kind: 'meeting',
      owner_id: m.id,
      org_id: m.orgId,
      file_name: `${m.heldOn.replaceAll('-', '')}-活动照片.png`,
      file_type: 'png',
      media_type: 'image/png',
      size_bytes: bytes.length,
      sm3: createHash('sm3').update(bytes).digest('hex'),
      storage_name: storageName,
      uploaded_by: userId,
      uploaded_at: o.at,
      attached_at: o.at,
    });
  }
  return rows;
}

/**
 * Four small pictures of a meeting room (a wall, a red banner, heads in rows), committed as files: real PNGs
 * drawn once, so the product carries no image encoder.
 */
const PHOTOS = [1, 2, 3, 4].map((n) => readFileSync(new URL(`./assets/meeting-photo-${n}.png`, import.meta.url)));

function demoPhoto(variant: number): Buffer {
  return PHOTOS[variant % PHOTOS.length]!;
}
