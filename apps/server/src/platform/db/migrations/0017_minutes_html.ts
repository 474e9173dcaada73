import type { Kysely } from 'kysely';

// Frozen copy of the conversion in modules/meetings/minutes-html.ts as it was when rich text came in.
const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const toParagraphs = (text: string) =>
  text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => `<p>${escapeText(line)}</p>`)
    .join('');

/**
 * Minutes become rich text (issue #4). Every row written before this migration holds plain text, so each is
 * converted here to escaped paragraphs: a line that looked like markup (`<script>…`) stays text, exactly as
 * the old page showed it. Converting here rather than guessing on read keeps the stored value unambiguous.
 * No schema change: the column stays text.
 */
export async function up(db: Kysely<any>): Promise<void> {
  let after = '';
  for (;;) {
    const rows: { id: string; minutes: string }[] = await db
      .selectFrom('meeting')
      .select(['id', 'minutes'])
      .where('minutes', 'is not', null)
      .where('id', '>', after)
      .orderBy('id')
      .limit(500)
      .execute();
    if (rows.length === 0) return;
    for (const row of rows) {
      const html = toParagraphs(row.minutes);
      await db
        .updateTable('meeting')
        .set({ minutes: html || null })
        .where('id', '=', row.id)
        .execute();
    }
    after = rows[rows.length - 1]!.id;
  }
}

export async function down(): Promise<void> {
  throw new Error('0017_minutes_html cannot be reverted: restore a backup instead');
}
