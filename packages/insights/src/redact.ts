// Redaction of personal details in free-text answers before staff see them.
// Rules are conservative: when in doubt about a place or a word, it stays;
// a name, contact or home address found is replaced with a placeholder.
import { FIRST_NAMES, nameKey, WORDLIKE_NAMES } from './first-names';
import { mapSpan, mergeSpans, type Replacement, type Span } from './spans';

export type { Replacement, Span } from './spans';
export { mapSpan, mergeSpans } from './spans';

export interface RedactOptions {
  /** The organisation's own terms (school names, staff names, its class-code school labels): matched whole-word, any case. */
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
  handle: '[handle]',
  school: '[school]',
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

// Social-media handles and profile links. An e-mail address is not a handle:
// the @ must not follow a letter, digit or e-mail character.
const HANDLE = /(?<![A-Za-z0-9._%+@-])@[A-Za-z0-9_](?:[A-Za-z0-9._]{0,28}[A-Za-z0-9_])?(?![A-Za-z0-9_@])/g;
const PROFILE_URL =
  /(?<![A-Za-z0-9.-])(?:https?:\/\/)?(?:www\.|m\.|vm\.)?(?:instagram\.com|instagr\.am|tiktok\.com|snapchat\.com|x\.com|twitter\.com|facebook\.com|fb\.com|youtube\.com|youtu\.be|threads\.net)\/[A-Za-z0-9._~@/?=&%-]*[A-Za-z0-9_]/gi;
// "sc: jordyp", "snap is jordyp_07": after a colon any handle; after "is" only one with a digit, _ or . (not "my snap is broken").
const LABELLED_HANDLE = /\b(?:snap(?:chat)?|sc|insta(?:gram)?|ig|tiktok|tt)\s*(?::\s*@?([A-Za-z0-9._]{2,30})|\s+is\s+@?([A-Za-z][A-Za-z0-9]*[0-9._][A-Za-z0-9._]*))(?![A-Za-z0-9_])/gi;

// Places of study: "Northfield Academy", "Hillcrest High School", "St Mary's
// Primary". The words before the school word are taken while they look like
// a name; "the high street", "at college", "my old school" stay.
const SCHOOL_WORD = /(?<![\p{L}\p{N}])(?:sixth\s+form|school|academy|college|primary|high|junior|infants?)(?![\p{L}\p{N}])/giu;
/** Words that name a kind of school, part of a school's name but not a name on their own. */
const SCHOOL_KIND = new Set(
  "high primary junior infant infants secondary grammar sixth form community catholic church girls boys girls’ boys’ girls' boys' technical free studio prep preparatory international upper middle lower c of e ce rc r.c. cofe".split(
    ' '
  )
);
/** Words that are never part of a school's name. */
const NOT_SCHOOL_NAME = new Set(
  `the a an my our your his her their this that these those at in to into from near outside inside by of and or i year go going went goes after before local old new every any no some most all both it when if but so then is was
because for with same different other big small good bad best worst whole private state public posh rough nearest next last first mums dads sisters brothers
football dance drama police boxing performing arts art sports sport music stage theatre military driving language summer holiday night weekend after-school afterschool
hate love like hated loved liked leave left leaving start started starting finish finished quit miss skip skipped attend attended`.split(/\s+/)
);
const PLACE_AFTER = new Set(`${STREET_TYPES}`.toLowerCase().split('|').concat(['gate', 'field', 'fields', 'wood', 'end', 'cross', 'bridge', 'park']));
const WORD_BEFORE = /([\p{L}\p{M}'’.-]+)\s+$/u;

function findSchools(text: string, out: Match[]): void {
  for (const m of matchesOf(SCHOOL_WORD, text)) {
    const suffix = m[0];
    const capitalised = /^\p{Lu}/u.test(suffix);
    const kind = suffix.toLowerCase();
    if (!capitalised && /^(?:primary|high|junior|infants?)$/.test(kind)) continue;
    const next = /^\s+([\p{L}]+)/u.exec(text.slice(m.index + suffix.length))?.[1]?.toLowerCase();
    if (next && PLACE_AFTER.has(next)) continue; // School Lane, High Street
    let start = m.index;
    let nameWords = 0;
    let words = 0;
    for (let before = WORD_BEFORE.exec(text.slice(0, start)); before && words < 6; before = WORD_BEFORE.exec(text.slice(0, start))) {
      const word = before[1] ?? '';
      const lower = word.toLowerCase();
      if (SCHOOL_KIND.has(lower)) {
        // A kind word only joins a name already being read ("Hillcrest High School"), or one still to come.
      } else if (NOT_SCHOOL_NAME.has(lower) || nameWords >= 4) {
        break;
      } else if (/^\p{Lu}/u.test(word) || kind === 'academy') {
        nameWords++;
      } else {
        break;
      }
      start = before.index;
      words++;
    }
    if (nameWords === 0) continue; // "the high school", "Secondary school"
    // "Hating school…": a lone capitalised word opening a sentence before a lower-case school word is not a name.
    const opensSentence = /(?:^|[.!?\n])\s*$/u.test(text.slice(0, start));
    if (!capitalised && nameWords === 1 && opensSentence && /^\p{Lu}/u.test(text.slice(start))) continue;
    out.push({ start, end: m.index + suffix.length, kind: 'school', priority: 2 });
  }
}

const TITLED = /\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Sir)\.?\s+[A-Z][A-Za-z'’-]+(?:-[A-Z][a-z]+)?/g;
// "my name is sam": the word after the phrase, any case; then a capitalised surname if one follows.
const INTRODUCED = /\b(?:my name is|my name's|my names|i am called|i'm called|im called|call me)\s+([A-Za-z][A-Za-z'’-]+)/gi;
const NAMED = /\b(?:named|called)\s+([A-Z][a-z'’-]+)/g;
const SURNAME = /^\s+[A-Z][a-z'’]+(?:-[A-Z][a-z]+)?/;
const NOT_A_NAME = new Set('a an the not just only really so very too it this that them him her me you us police names out in on up back for names sometimes'.split(' '));
const CAPITALISED = /(?<![\p{L}\p{N}\p{M}'’])\p{Lu}[\p{Ll}\p{M}'’]+(?:-\p{Lu}\p{Ll}+)?(?![\p{L}\p{N}\p{M}])/gu;
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
    const word = m[0].replace(POSSESSIVE, ''); // "Siobhan's mum": the name goes, the 's stays
    if (!FIRST_NAMES.has(nameKey(word))) continue;
    const after = m[0] === word ? /^\s+(\p{Lu}[\p{Ll}\p{M}'’]+(?:-\p{Lu}\p{Ll}+)?)/u.exec(text.slice(m.index + word.length)) : null;
    const next = after?.[1];
    if (next && PLACE_WORDS.has(next)) continue;
    if (/\b(?:St\.?|Saint)\s+$/.test(text.slice(0, m.index))) continue; // St John's, Saint Anne's
    // Take a following capitalised word as a surname ("Jack Smith"), unless it is a known first name on its own.
    const end = m.index + word.length + (next && !FIRST_NAMES.has(nameKey(next.replace(POSSESSIVE, ''))) ? (after?.[0].length ?? 0) - (next.length - next.replace(POSSESSIVE, '').length) : 0);
    out.push({ start: m.index, end, kind: 'name', priority: 1 });
  }
  // Lower case: "my mate jordan pike", "my cousin jack". After a word that says a person
  // follows, any listed name; otherwise a listed name that is not also a word, with a surname.
  for (const m of matchesOf(LOWER_WORD, text)) {
    const word = m[0].replace(POSSESSIVE, '');
    const key = nameKey(word);
    if (!FIRST_NAMES.has(key) || word !== word.toLowerCase()) continue;
    const afterPerson = PERSON_BEFORE.test(text.slice(0, m.index));
    if (!afterPerson && WORDLIKE_NAMES.has(key)) continue;
    const rest = text.slice(m.index + word.length);
    const surname = m[0] === word ? /^[ \t]+([\p{L}\p{M}'’-]+)/u.exec(rest) : null;
    const taken = surname && looksLikeSurname(surname[1] ?? '') ? surname[0].length - ((surname[1] ?? '').length - (surname[1] ?? '').replace(POSSESSIVE, '').length) : 0;
    if (!afterPerson && taken === 0) continue;
    out.push({ start: m.index, end: m.index + word.length + taken, kind: 'name', priority: 1 });
  }
}

/**
 * Words in another script within an answer written mostly in the Latin
 * alphabet ("Олег and 李明 saw it") are, in an English-language survey, most
 * often names, and no list of first names covers them: they go as names. An
 * answer written mostly in another script is left to its own words.
 */
const OTHER_SCRIPT_WORD = /(?:(?!\p{Script=Latin})[\p{L}\p{M}])+/gu;
const LETTER = /\p{L}/gu;
const LATIN_LETTER = /\p{Script=Latin}/gu;

function findOtherScriptNames(text: string, out: Match[]): void {
  const letters = text.match(LETTER)?.length ?? 0;
  const latin = text.match(LATIN_LETTER)?.length ?? 0;
  if (letters === 0 || latin * 2 < letters) return;
  for (const m of matchesOf(OTHER_SCRIPT_WORD, text)) out.push({ start: m.index, end: m.index + m[0].length, kind: 'name', priority: 1 });
}

const POSSESSIVE = /['’]s$/u;
const LOWER_WORD = /(?<![\p{L}\p{N}\p{M}'’-])\p{Ll}[\p{Ll}\p{M}'’]*(?![\p{L}\p{N}\p{M}-])/gu;
const PERSON_BEFORE = /(?<![\p{L}\p{N}])(?:mate|mates|friend|friends|called|named|bro|bruv|brother|sis|sister|cousin|cuz|my boy|my girl|boyfriend|girlfriend|bf|gf|bestie)\s+$/iu;
// Common words that follow a first name and are not surnames ("sam said", "jack keeps").
const NOT_SURNAME = new Set(
  `a an the and or but so if then than that this these those there here when where what who which why how not no yes too very just only also even still already again always never ever sometimes often soon now
later today tonight yesterday tomorrow i me my mine we us our you your he him his she her hers it its they them their is am are was were be been being has have had do does did done will would shall should
can could may might must said says say told tells tell asked asks ask got gets get go goes went gone come comes came make makes made take takes took give gives gave see sees saw seen know knows knew think
thinks thought want wants like likes love loves hate hates hit hits punched punches kicked kicks pushed pushes stabbed stabs shot shoots carries carry carried sells sold sell deals threatens threatened
bullies bullied bully beat beats starts started keeps keep kept runs ran run lives lived live walks walked walk from to of in on at by for with about into onto over under after before near outside
inside behind around through up down out off away back all any some every each both few many much more most other others another same such own lol lmao innit bruv man mate bro year class school home
college academy street road park one two three four five six seven eight nine ten first last next everyone someone nobody anyone people boys girls kids guys well though because cos coz cause since
until while as im i'm ive i've dont don't didnt didn't aint ain't isnt isn't wasnt wasn't has hasnt fam`.split(/\s+/)
);
function looksLikeSurname(word: string): boolean {
  const lower = word.replace(POSSESSIVE, '').toLowerCase();
  return lower.length >= 2 && !NOT_SURNAME.has(lower) && !FIRST_NAMES.has(nameKey(lower)) && !/(?:ing|ed|ly|n't|nt)$/.test(lower);
}

/**
 * Replace personal details with placeholders: [email], [phone], [postcode],
 * [address], [handle] (social media), [school], [redacted] (the
 * organisation's terms), [name]. Where matches
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
  for (const m of matchesOf(PROFILE_URL, text)) found.push({ start: m.index, end: m.index + m[0].replace(/\.+$/, '').length, kind: 'handle', priority: 5 });
  for (const m of matchesOf(HANDLE, text)) {
    const handle = m[0].replace(/\.+$/, '');
    if (handle.length >= 3) found.push({ start: m.index, end: m.index + handle.length, kind: 'handle', priority: 4 });
  }
  for (const m of matchesOf(LABELLED_HANDLE, text)) {
    const handle = (m[1] ?? m[2] ?? '').replace(/\.+$/, '');
    const end = m.index + m[0].length;
    if (handle.length >= 2) found.push({ start: end - (m[1] ?? m[2] ?? '').length, end: end - (m[1] ?? m[2] ?? '').length + handle.length, kind: 'handle', priority: 4 });
  }
  findSchools(text, found);
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
  findOtherScriptNames(text, found);

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
