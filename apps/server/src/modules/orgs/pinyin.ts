import { pinyin } from 'pinyin-pro';

/** Full pinyin and initials of a name, lower case, for search ("zs" finds 张三, "jiangyang" finds 江阳). */
export function pinyinKeys(name: string): { full: string; initials: string } {
  const full = pinyin(name, { toneType: 'none', type: 'array', nonZh: 'consecutive' }).join('').replace(/\s+/g, '').toLowerCase();
  const initials = pinyin(name, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'consecutive' })
    .join('')
    .replace(/\s+/g, '')
    .toLowerCase();
  return { full, initials };
}
