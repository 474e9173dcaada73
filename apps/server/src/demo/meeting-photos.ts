import { createHash } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { encodePng } from '../modules/attachments/png.js';
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

/** A small picture of a meeting room: a wall, a red banner with gold letters' blur, heads in rows. */
function demoPhoto(variant: number): Buffer {
  const w = 360;
  const h = 240;
  const heads: [number, number][] = [];
  for (let row = 0; row < 3; row++)
    for (let c = 0; c < 9; c++) heads.push([20 + c * 40 + (row % 2) * 18 + ((variant * 7) % 11), 150 + row * 30]);
  return encodePng(w, h, (x, y) => {
    if (y > 40 && y < 80 && x > 40 && x < w - 40) {
      const letters = (x - 50) % 34 < 24 && y > 50 && y < 70;
      return letters ? [250, 210, 90] : [196, 22, 28];
    }
    for (const [hx, hy] of heads) {
      const dx = x - hx;
      const dy = y - hy;
      if (dx * dx + dy * dy < 120) return [40, 32, 30];
      if (dy > 8 && dy < 30 && Math.abs(dx) < 16) return [60 + (variant % 3) * 30, 70, 90];
    }
    const shade = 225 - Math.floor(y / 12);
    return y < 130 ? [shade, shade - 8, shade - 20] : [150, 110, 80];
  });
}
