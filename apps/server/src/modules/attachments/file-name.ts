import { invalid } from '../../platform/http/errors.js';
import { extensionOf, FILE_TYPES, type FileType, notAllowed } from './file-types.js';

/**
 * IN-06: a file name is only a label (nothing is stored under it), but one that carries a path, a control
 * character, a reserved character or no extension is refused rather than silently cut down, and its extension
 * must be one the use allows.
 */
export function checkFileName(raw: string, allowed: readonly FileType[]): string {
  const name = raw.normalize('NFC').trim();
  const bad =
    !name ||
    name.length > 120 ||
    /[/\\:*?"<>|\p{Cc}\p{Cf}]/u.test(name) ||
    name.includes('..') ||
    name.startsWith('.') ||
    !name.includes('.');
  if (bad) throw invalid('file', '文件名不合法（不能含路径、特殊字符，须带扩展名），请重命名后重新上传');
  const ext = extensionOf(name);
  if (!allowed.some((t) => (FILE_TYPES[t].extensions as readonly string[]).includes(ext))) {
    throw invalid('file', notAllowed(allowed));
  }
  return name;
}

/** The name's extension must belong to the type the bytes turned out to be (a .jpg that is a PDF is refused). */
export function checkExtensionMatches(name: string, type: FileType): void {
  if (!(FILE_TYPES[type].extensions as readonly string[]).includes(extensionOf(name))) {
    throw invalid('file', `文件扩展名与内容不符：内容是${FILE_TYPES[type].label}，请改正扩展名后上传`);
  }
}
