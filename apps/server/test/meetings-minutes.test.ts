import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as m0017 from '../src/platform/db/migrations/0017_minutes_html.js';
import { call, meeting, meetingsWorld } from './meetings.support.js';
import { testApp } from './support.js';

let t: Awaited<ReturnType<typeof testApp>>;
let w: Awaited<ReturnType<typeof meetingsWorld>>;
beforeAll(async () => {
  t = await testApp();
  w = await meetingsWorld(t);
});
afterAll(() => t.close());

let day = 0;
/** Saves a meeting with these minutes; returns what the database holds and what the detail shows. */
async function save(minutes: string | null) {
  day += 1;
  const res = await call(
    t,
    w.secretary,
    'POST',
    '/api/meetings',
    meeting(w.tree.branchA1, {
      kind: 'theme_day',
      date: `2026-09-${String(day).padStart(2, '0')}`,
      minutes,
      attendance: [{ memberId: w.members[0]!, attendance: 'present' }],
    }),
  );
  expect(res.statusCode, res.body).toBe(201);
  const id = res.json().id as string;
  const row = await t.deps.db.selectFrom('meeting').select('minutes').where('id', '=', id).executeTakeFirstOrThrow();
  const detail = (await call(t, w.secretary, 'GET', `/api/meetings/${id}`)).json();
  return { id, stored: row.minutes, shown: detail.minutes as string | null };
}

describe('minutes as sanitised rich text (IN-04)', () => {
  it.each([
    [
      'keeps the allowlist',
      '<h3>议程</h3><ol><li><strong>学习</strong></li><li><em>讨论</em></li></ol><blockquote><u>下</u><s>删</s></blockquote><p>一<br>二</p>',
      '<h3>议程</h3><ol><li><strong>学习</strong></li><li><em>讨论</em></li></ol><blockquote><u>下</u><s>删</s></blockquote><p>一<br />二</p>',
    ],
    ['drops a script with its body', '<p>会议<script>alert(1)</script>结束</p>', '<p>会议结束</p>'],
    ['drops an image and its onerror', '<p>照片<img src="x" onerror="alert(1)"></p>', '<p>照片</p>'],
    ['drops event handlers on allowed tags', '<p onclick="alert(1)" onmouseover="x()">点</p>', '<p>点</p>'],
    ['unwraps a javascript: link to its text', '<p><a href="javascript:alert(1)">点我</a></p>', '<p>点我</p>'],
    [
      'unwraps a data: and a protocol-relative link',
      '<p><a href="data:text/html,x">甲</a><a href="//evil.example">乙</a></p>',
      '<p>甲乙</p>',
    ],
    [
      'keeps an https link with rel and target forced',
      '<a href="https://www.12371.cn/" target="_self" rel="opener" class="x">共产党员网</a>',
      '<a href="https://www.12371.cn/" rel="noopener noreferrer nofollow" target="_blank">共产党员网</a>',
    ],
    [
      'drops style and class attributes',
      '<p style="color:red;background:url(javascript:x)" class="big" id="p1">红</p>',
      '<p>红</p>',
    ],
    [
      'unwraps nested junk and keeps its text',
      '<div><table><tr><td><span style="x"><b>要点</b></span></td></tr></table></div><svg><script>x()</script></svg><iframe src="https://x"></iframe><style>p{}</style>',
      '<b>要点</b>',
    ],
    ['does not rebuild a split script tag', '<p><scr<script>x</script>ipt>alert(1)</script></p>', '<p>xipt&gt;alert(1)</p>'],
    ['keeps plain text as paragraphs, escaped', '第一段 a<b\n\n第二段 & 完', '<p>第一段 a&lt;b</p><p>第二段 &amp; 完</p>'],
  ])('%s', async (_name, input, expected) => {
    const { stored, shown } = await save(input);
    expect(stored).toBe(expected);
    expect(shown).toBe(expected);
  });

  it('stores nothing when nothing is left after sanitising', async () => {
    const { stored, shown } = await save('<img src=x onerror=alert(1)><script>x</script>');
    expect(stored).toBeNull();
    expect(shown).toBeNull();
  });

  it('refuses minutes over 50,000 characters, naming the field', async () => {
    const res = await call(
      t,
      w.secretary,
      'POST',
      '/api/meetings',
      meeting(w.tree.branchA1, {
        kind: 'theme_day',
        date: '2026-08-01',
        minutes: `<p>${'字'.repeat(50_001)}</p>`,
        attendance: [{ memberId: w.members[0]!, attendance: 'present' }],
      }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('会议记录不能超过50000个字符');
  });

  it('migration 0017 turns plain-text minutes into escaped paragraphs, exactly as the old page showed them', async () => {
    const { id } = await save('<p>占位</p>');
    const old = '会议传达学习了全会精神。\n<script>alert(1)</script>\n\n大家逐一发言 & 表态。';
    await t.deps.db.updateTable('meeting').set({ minutes: old }).where('id', '=', id).execute();
    await m0017.up(t.deps.db);
    const row = await t.deps.db.selectFrom('meeting').select('minutes').where('id', '=', id).executeTakeFirstOrThrow();
    const expected =
      '<p>会议传达学习了全会精神。</p><p>&lt;script&gt;alert(1)&lt;/script&gt;</p><p>大家逐一发言 &amp; 表态。</p>';
    expect(row.minutes).toBe(expected);
    expect((await call(t, w.secretary, 'GET', `/api/meetings/${id}`)).json().minutes).toBe(expected);
    // Rows already holding HTML were written after the migration and are never in its way again: it ran once.
  });

  it('sanitises again on read a row that holds markup outside the allowlist', async () => {
    const { id } = await save('<p>占位</p>');
    await t.deps.db
      .updateTable('meeting')
      .set({ minutes: '<p onclick="x()">旧</p><img src=x onerror=y>' })
      .where('id', '=', id)
      .execute();
    const detail = (await call(t, w.secretary, 'GET', `/api/meetings/${id}`)).json();
    expect(detail.minutes).toBe('<p>旧</p>');
  });
});
