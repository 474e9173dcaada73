import sanitizeHtml from 'sanitize-html';

/** Most characters of HTML the minutes may hold once sanitised (the form's limit is checked in the contract). */
export const MINUTES_MAX_HTML = 50_000;

/**
 * The minutes' allowlist: paragraphs, emphasis, lists, two heading levels and quotes. No attribute survives
 * except a link's href, and only http(s) links, which always open in a new tab without an opener.
 */
const SAFE_HREF = /^https?:\/\/[^\s]+$/i;

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'strong', 'b', 'em', 'i', 'u', 's', 'ol', 'ul', 'li', 'h3', 'h4', 'blockquote', 'a'],
  // rel/target are forced by the transform below, whatever the client sent.
  allowedAttributes: { a: ['href', 'rel', 'target'] },
  allowedSchemes: ['http', 'https'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  // Script and style bodies are dropped with their tags; other unknown tags keep their text.
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'title', 'iframe', 'object', 'template'],
  disallowedTagsMode: 'discard',
  transformTags: {
    // A link without a plain http(s) address is unwrapped to its text (span is not allowed, so it is discarded).
    a: (_tagName, attribs): sanitizeHtml.Tag =>
      SAFE_HREF.test(attribs.href ?? '')
        ? { tagName: 'a', attribs: { href: attribs.href!, rel: 'noopener noreferrer nofollow', target: '_blank' } }
        : { tagName: 'span', attribs: {} },
  },
};

const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Whether stored minutes are plain text from before rich text (no tag at all). */
export function isPlainText(value: string): boolean {
  return !/<\/?[a-z][a-z0-9]*(\s[^<>]*)?\/?>/i.test(value);
}

/** Plain text → one paragraph per line (blank lines dropped), escaped. */
export function plainTextToHtml(value: string): string {
  return value
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => `<p>${escapeText(line)}</p>`)
    .join('');
}

/** Sanitise minutes on write; empty (or nothing left after sanitising) becomes null. */
export function sanitizeMinutes(value: string | null): string | null {
  if (!value) return null;
  // A form or API client may still send plain text: keep its line breaks as paragraphs.
  const html = isPlainText(value) ? plainTextToHtml(value) : sanitizeHtml(value, OPTIONS).trim();
  const visible = sanitizeHtml(html, { allowedTags: [], allowedAttributes: {} }).trim();
  return visible ? html : null;
}

/**
 * Minutes for display. Rows written before rich text were converted to paragraphs by migration 0017 (all rows
 * then were plain text, so that conversion is exact). On the way out every row is sanitised again (cheap, and a
 * row written by hand or by an older build can never carry markup that runs); a row without any tag is still
 * shown as paragraphs so its line breaks survive.
 */
export function minutesForDisplay(stored: string | null): string | null {
  if (!stored) return null;
  return isPlainText(stored) ? plainTextToHtml(stored) : sanitizeHtml(stored, OPTIONS);
}
