import { isUtf8 } from 'node:buffer';
import type { FastifyInstance } from 'fastify';
import { visit } from 'jsonc-parser';
import secureJson from 'secure-json-parse';
import { AppError } from '../../platform/http/errors.js';

/**
 * IN-03/IN-10 (issue #14, finding 3): what no field may carry, checked once for every route before its schema:
 * control characters (NUL broke PostgreSQL with a 500, even before sign-in), bidi overrides (U+202E makes a
 * name read backwards), the replacement character left by invalid UTF-8 in a URL, and — in JSON bodies —
 * invalid UTF-8 and duplicate keys (which value wins differs between parsers).
 */
// C0 controls but tab, LF and CR; DEL and the C1 block; bidi embeddings, overrides and isolates; U+FFFD.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufffd]/;

const refuse = (path: string, message: string) => new AppError(400, 'validation_failed', message, [{ path, message }]);

function describe(ch: string): string {
  const code = ch.codePointAt(0)!;
  if (code === 0xfffd) return '无法识别的字符（编码错误）';
  if ((code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069)) return '改变文字方向的控制字符';
  return '不可见的控制字符';
}

/** The first forbidden character under a value, with its field path (a.b.0.c). */
function findForbidden(value: unknown, path: string, depth = 0): { path: string; ch: string } | null {
  if (typeof value === 'string') {
    const m = FORBIDDEN.exec(value);
    return m ? { path, ch: m[0] } : null;
  }
  if (depth > 32 || value === null || typeof value !== 'object') return null;
  for (const [key, inner] of Object.entries(value)) {
    const here = path ? `${path}.${key}` : key;
    const keyHit = FORBIDDEN.exec(key);
    if (keyHit) return { path: here, ch: keyHit[0] };
    const hit = findForbidden(inner, here, depth + 1);
    if (hit) return hit;
  }
  return null;
}

/** A duplicate key anywhere in a JSON text, as its path; null when every object's keys are distinct. */
export function duplicateKey(text: string): string | null {
  const stack: Set<string>[] = [];
  let found: string | null = null;
  visit(text, {
    onObjectBegin: () => {
      stack.push(new Set());
    },
    onObjectEnd: () => {
      stack.pop();
    },
    onObjectProperty: (property, _offset, _length, _line, _char, pathSupplier) => {
      const keys = stack[stack.length - 1];
      if (!keys || found) return;
      if (keys.has(property)) found = [...pathSupplier(), property].join('.');
      keys.add(property);
    },
  });
  return found;
}

export function installInputGuard(app: FastifyInstance): void {
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_request, body: Buffer, done) => {
    if (body.length === 0) return done(null, undefined);
    if (!isUtf8(body)) return done(refuse('', '请求内容不是有效的 UTF-8 编码'));
    const text = body.toString('utf8');
    let parsed: unknown;
    try {
      parsed = secureJson.parse(text, undefined, { protoAction: 'error', constructorAction: 'error' });
    } catch {
      return done(new AppError(400, 'validation_failed', '请求格式不正确'));
    }
    const duplicate = duplicateKey(text);
    if (duplicate) return done(refuse(duplicate, `字段「${duplicate}」重复出现`));
    done(null, parsed);
  });

  app.addHook('preValidation', async (request) => {
    for (const [part, value] of [
      ['params', request.params],
      ['query', request.query],
      ['body', request.body],
    ] as const) {
      const hit = findForbidden(value, '');
      if (hit) throw refuse(hit.path || part, `「${hit.path || part}」含有${describe(hit.ch)}，请删除后重试`);
    }
  });
}
