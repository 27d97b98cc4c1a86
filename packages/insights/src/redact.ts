// Redaction of personal details in free-text answers before staff see them.
// Rules are conservative: when in doubt about a place or a word, it stays;
// a name, contact or home address found is replaced with a placeholder.
import { FIRST_NAMES } from './first-names';
import { mapSpan, mergeSpans, type Replacement, type Span } from './spans';

export type { Replacement, Span } from './spans';
export { mapSpan, mergeSpans } from './spans';

export interface RedactOptions {
  /** The organisation's own terms (school names, staff names): matched whole-word, any case. */
  extraTerms?: readonly string[];
}

export interface Redacted {
  text: string;
  /** In order of position; see mapSpan. */
  replacements: Replacement[];
}

type Kind = Replacement['kind'];
interface Match {
  start: number;
  end: number;
  kind: Kind;
  priority: number;
}

const PLACEHOLDER: Record<Kind, string> = {
  name: '[name]',
  phone: '[phone]',
  email: '[email]',
  address: '[address]',
  postcode: '[postcode]',
  redacted: '[redacted]'
};

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;

// Personal numbers only: mobiles (07), geographic landlines (01, 02), in
// national or +44 form. Helplines and service numbers (0800, 0808, 03…,
// e.g. Childline 0800 1111) are signposting, not personal data, and stay.
const PHONE = /(?<![\w+])(?:\+44[\s-]?(?:\(0\)[\s-]?)?|\(?0)[127](?:\)?[\s-]?\d){8,9}(?!\d)/g;

// Full UK postcodes (outward and inward code). A district alone ("B12") is an
// area, like a place name, and stays.
const POSTCODE = /\b(?:GIR ?0AA|[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]? ?\d[ABD-HJLNP-UW-Z]{2})\b/gi;

// House number + street name + street type. A street name without a house
// number ("Park Road is dark") is a place people talk about and stays.
const STREET_TYPES = 'Road|Rd|Street|St|Lane|Ln|Avenue|Ave|Close|Drive|Dr|Way|Crescent|Cres|Grove|Place|Pl|Court|Ct|Gardens|Terrace|Walk|Row|Square|Sq|Mews|Rise|Hill|View|Parade|Green';
const NOT_STREET_WORDS = new Set('the a an of to in on at by up down along my our your his her their and or from near past into for minutes mins miles metres times people boys girls'.split(' '));
const ADDRESS = new RegExp(`\\b(?:(?:flat|apartment|apt)\\s+\\d+[a-z]?,?\\s+)?\\d{1,4}[a-z]?,?\\s+((?:[A-Za-z][A-Za-z'’-]*\\s+){1,3})(?:${STREET_TYPES})\\b\\.?`, 'gi');

const TITLED = /\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Sir)\.?\s+[A-Z][A-Za-z'’-]+(?:-[A-Z][a-z]+)?/g;
// "my name is sam": the word after the phrase, any case; then a capitalised surname if one follows.
const INTRODUCED = /\b(?:my name is|my name's|my names|i am called|i'm called|im called|call me)\s+([A-Za-z][A-Za-z'’-]+)/gi;
const NAMED = /\b(?:named|called)\s+([A-Z][a-z'’-]+)/g;
const SURNAME = /^\s+[A-Z][a-z'’]+(?:-[A-Z][a-z]+)?/;
const NOT_A_NAME = new Set('a an the not just only really so very too it this that them him her me you us police names out in on up back for names sometimes'.split(' '));
const CAPITALISED = /\b[A-Z][a-z'’]+(?:-[A-Z][a-z]+)?\b/g;
// A listed first name followed by one of these is part of a place: "Alexandra Park", "St John's".
const PLACE_WORDS = new Set(
  `Park Road Street Lane Avenue Close Drive Way Square Centre Station School Academy College Primary Hospital Church Bridge Estate Court Gardens House Hall Green Hill Street's`.split(' ')
);

function escapeForPattern(term: string): string {
  return term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
}

function* matchesOf(re: RegExp, text: string): Generator<RegExpExecArray> {
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) yield m;
}

function findNames(text: string, out: Match[]): void {
  for (const m of matchesOf(TITLED, text)) out.push({ start: m.index, end: m.index + m[0].length, kind: 'name', priority: 2 });
  for (const re of [INTRODUCED, NAMED]) {
    for (const m of matchesOf(re, text)) {
      const name = m[1] ?? '';
      if (NOT_A_NAME.has(name.toLowerCase()) || (re === NAMED && PLACE_WORDS.has(name))) continue;
      const end = m.index + m[0].length;
      const surname = SURNAME.exec(text.slice(end))?.[0] ?? '';
      out.push({ start: end - name.length, end: end + surname.length, kind: 'name', priority: 2 });
    }
  }
  for (const m of matchesOf(CAPITALISED, text)) {
    if (!FIRST_NAMES.has(m[0])) continue;
    const after = /^\s+([A-Z][a-z'’]+(?:-[A-Z][a-z]+)?)/.exec(text.slice(m.index + m[0].length));
    const next = after?.[1];
    if (next && PLACE_WORDS.has(next)) continue;
    if (/\b(?:St\.?|Saint)\s+$/.test(text.slice(0, m.index))) continue; // St John's, Saint Anne's
    // Take a following capitalised word as a surname ("Jack Smith"), unless it is a known first name on its own.
    const end = m.index + m[0].length + (next && !FIRST_NAMES.has(next) ? (after?.[0].length ?? 0) : 0);
    out.push({ start: m.index, end, kind: 'name', priority: 1 });
  }
}

/**
 * Replace personal details with placeholders: [email], [phone], [postcode],
 * [address], [redacted] (the organisation's terms), [name]. Where matches
 * overlap, the earliest wins, then the longest, then the most specific kind.
 */
export function redact(text: string, options: RedactOptions = {}): Redacted {
  const found: Match[] = [];
  const add = (re: RegExp, kind: Kind, priority: number) => {
    for (const m of matchesOf(re, text)) found.push({ start: m.index, end: m.index + m[0].length, kind, priority });
  };
  add(EMAIL, 'email', 6);
  add(PHONE, 'phone', 5);
  add(POSTCODE, 'postcode', 4);
  for (const m of matchesOf(ADDRESS, text)) {
    const words = (m[1] ?? '').trim().split(/\s+/);
    if (words.some((w) => NOT_STREET_WORDS.has(w.toLowerCase()))) continue;
    found.push({ start: m.index, end: m.index + m[0].length, kind: 'address', priority: 3 });
  }
  const terms = (options.extraTerms ?? []).map((t) => t.trim()).filter(Boolean);
  if (terms.length > 0) {
    const sorted = [...terms].sort((a, b) => b.length - a.length).map(escapeForPattern);
    add(new RegExp(`(?<![\\p{L}\\p{N}])(?:${sorted.join('|')})(?![\\p{L}\\p{N}])`, 'giu'), 'redacted', 3);
  }
  findNames(text, found);

  found.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start) || b.priority - a.priority);
  const replacements: Replacement[] = [];
  let out = '';
  let cursor = 0;
  for (const m of found) {
    if (m.start < cursor) continue;
    out += text.slice(cursor, m.start);
    const placeholder = PLACEHOLDER[m.kind];
    replacements.push({ kind: m.kind, start: m.start, end: m.end, newStart: out.length, newEnd: out.length + placeholder.length });
    out += placeholder;
    cursor = m.end;
  }
  out += text.slice(cursor);
  return { text: out, replacements };
}

export interface RedactedAnswer {
  text: string;
  /** Moves spans found in the original text (the coder's evidence) onto `text`, merged. */
  mapEvidence(spans: readonly Span[]): Span[];
}

/** An answer as staff see it: redacted, with `terms` (the organisation's) redacted too. */
export function redactedAnswer(original: string, terms: readonly string[] = []): RedactedAnswer {
  const { text, replacements } = redact(original, { extraTerms: terms });
  return { text, mapEvidence: (spans) => mergeSpans(spans.map((span) => mapSpan(span, replacements))) };
}
