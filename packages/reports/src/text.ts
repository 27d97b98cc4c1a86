// Text from a report reaches HTML, SVG and Word XML. Whatever was typed —
// any Unicode, markup-looking text, right-to-left scripts, emoji — must come
// out as the same readable text and never as markup. Two steps, used by every
// renderer: clean (drop what XML cannot hold at all) and escape.

/**
 * Replace lone surrogates with U+FFFD and drop control characters that XML 1.0
 * forbids (a Word file or an SVG holding one does not open at all). Tabs and
 * line breaks stay; well-formed emoji (surrogate pairs) stay.
 */
export function cleanText(text: string): string {
  // As String.prototype.toWellFormed does (not in this project's ES2023 lib).
  const wellFormed = text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
  // U+0000–U+0008, U+000B, U+000C, U+000E–U+001F, U+007F–U+009F, U+FFFE, U+FFFF:
  // invalid or discouraged in XML; none of them is visible text.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
  return wellFormed.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]/g, '');
}

/** Escape for text content and for attribute values in double quotes (HTML and XML alike). */
export function escapeMarkup(text: string): string {
  return cleanText(text).replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** An id attribute (and #fragment) made of safe characters only, so links to sections work in every output. */
export function safeId(raw: string, fallback: string): string {
  const id = raw
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9_-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase();
  return id === '' ? fallback : id;
}

/** Languages written right to left, by primary subtag, for the page's dir attribute. */
const RTL = new Set(['ar', 'arc', 'dv', 'fa', 'ha', 'he', 'khw', 'ks', 'ku', 'ps', 'sd', 'ur', 'yi']);

export function directionOf(language: string): 'ltr' | 'rtl' {
  const primary = language.split(/[-_]/)[0]?.toLowerCase() ?? '';
  return RTL.has(primary) ? 'rtl' : 'ltr';
}

/** A BCP 47 tag safe to put in lang attributes and Word's language setting; "en-GB" when the tag is unusable. */
export function languageTag(language: string): string {
  try {
    return Intl.getCanonicalLocales(language)[0] ?? 'en-GB';
  } catch {
    return 'en-GB';
  }
}
