// The product's own words a respondent reads (buttons, headings, the help
// box, answer errors), one catalogue per language. English (en.ts) is the
// source and must have every key; each other catalogue is checked by
// `missingInterfaceMessages` and its test, and a key it lacks is shown in
// English, marked as English.
import { textDirection } from '../translations';
import { ar } from './ar';
import { cy } from './cy';
import { en, type MessageKey, type Messages } from './en';
import { pl } from './pl';
import { ro } from './ro';
import { so } from './so';
import { ur } from './ur';

export type { MessageKey, Messages } from './en';

const CATALOGUES: Readonly<Record<string, Partial<Messages>>> = { en, cy, ar, pl, ur, ro, so };

/** The languages the interface is written in besides English. */
export const INTERFACE_LANGUAGES = Object.keys(CATALOGUES).filter((l) => l !== 'en');

export const MESSAGE_KEYS = Object.keys(en) as MessageKey[];

/** A piece of interface text and the language it is really in (English when it fell back). */
export interface InterfaceText {
  text: string;
  lang: string;
  dir: 'ltr' | 'rtl';
}

/** The catalogue for a language tag: `ar` for `ar-EG` too. */
function catalogueOf(lang: string): [string, Partial<Messages>] | undefined {
  if (Object.hasOwn(CATALOGUES, lang)) return [lang, CATALOGUES[lang] as Partial<Messages>];
  const primary = lang.toLowerCase().split('-')[0] ?? '';
  return Object.hasOwn(CATALOGUES, primary) ? [primary, CATALOGUES[primary] as Partial<Messages>] : undefined;
}

export type MessageValues = Readonly<Record<string, string | number>>;

/**
 * A template with each `{name}` replaced by its value, in one pass: a value
 * that itself holds braces is put in as it is, never filled in again. A
 * name with no value is left as written.
 */
export function fillIn(template: string, values: MessageValues = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(values, name) ? String(values[name]) : whole));
}

/** The names a template fills in, e.g. `['number', 'count']` for “Part {number} of {count}”. */
export const placeholdersOf = (template: string): string[] => [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string);

/** A template cut into text and the names between it, for filling in with markup (a link, a bold name). */
export function templateParts(template: string): ({ text: string } | { slot: string })[] {
  const parts: ({ text: string } | { slot: string })[] = [];
  let at = 0;
  for (const m of template.matchAll(/\{(\w+)\}/g)) {
    if (m.index > at) parts.push({ text: template.slice(at, m.index) });
    parts.push({ slot: m[1] as string });
    at = m.index + m[0].length;
  }
  if (at < template.length) parts.push({ text: template.slice(at) });
  return parts;
}

/** The interface text `key` in `lang`, filled in; English (and marked so) where the language has no catalogue or lacks the key. */
export function interfaceText(lang: string, key: MessageKey, values?: MessageValues): InterfaceText {
  const found = catalogueOf(lang);
  const own = found?.[1][key]?.trim();
  if (found && own) return { text: fillIn(own, values), lang: found[0], dir: textDirection(found[0]) };
  return { text: fillIn(en[key], values), lang: 'en', dir: 'ltr' };
}

/** Keys a language's catalogue lacks (all of them when it has none), and keys whose placeholders differ from English. */
export function missingInterfaceMessages(lang: string): MessageKey[] {
  const found = catalogueOf(lang);
  if (!found) return [...MESSAGE_KEYS];
  const same = (a: string[], b: string[]) => a.length === b.length && [...a].sort().join() === [...b].sort().join();
  return MESSAGE_KEYS.filter((key) => {
    const own = found[1][key]?.trim();
    return !own || !same(placeholdersOf(own), placeholdersOf(en[key]));
  });
}

/** Text as compared for meaning: letters and digits only, case folded (“Select all that apply.” = “select all that apply”). */
const bare = (text: string) =>
  text
    .normalize('NFKC')
    .toLocaleLowerCase('en')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

const PICK_SEVERAL = new Set(
  Object.values(CATALOGUES)
    .flatMap((c) => [c.selectAll, c.pickMoreThanOne])
    .filter((t): t is string => typeof t === 'string')
    .map(bare)
);

/**
 * Whether a question's own hint already says several answers can be chosen,
 * in the words of the interface's own hint in any language: then that hint
 * is not shown a second time under it.
 */
export const saysPickSeveral = (help: string | undefined): boolean => help !== undefined && bare(help) !== '' && PICK_SEVERAL.has(bare(help));
