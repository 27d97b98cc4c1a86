// Short text staff type for others to read (a title, a name, how long answers
// are kept): what counts as empty and how long is too long, once.
//
// Empty means nothing a reader would see: spaces of any kind, zero-width
// spaces and joiners (U+200B, U+2060, U+FEFF), other format characters and
// blank look-alikes (the Hangul fillers, the blank Braille pattern) count as
// nothing. Length is counted as a person counts: in characters as they
// appear (grapheme clusters), so "👩‍👩‍👧" or "é" written as e + accent is one,
// whatever its length in UTF-16.
//
// The invisible controls that embed, override or isolate a direction
// (U+202A–U+202E, U+2066–U+2069) are removed from what is stored: with them a
// title like "\u202Eevil.exe" shows reversed, and one left open runs on into
// whatever the page shows after it. Removed, not refused: no one can see them
// to delete them (a keyboard or a pasted document adds them), and removing
// them keeps every visible character as typed, in the order typed; only the
// ordering they impose on mixed left-to-right and right-to-left runs goes,
// and the page lays out those runs itself. The marks U+200E and U+200F stay:
// they reorder nothing beyond themselves and place punctuation in mixed text.
import { z } from 'zod';

/** Bidi embedding, override and isolate controls, and their closers. */
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;

/** The text without bidi embedding, override and isolate controls (see above); marks kept. */
export const withoutBidiControls = (text: string): string => text.replace(BIDI_CONTROLS, '');

/** A character that shows something: not a space, format character, default-ignorable, control or blank Braille. */
const VISIBLE = /[^\p{White_Space}\p{Default_Ignorable_Code_Point}\p{Cc}\p{Cf}\p{Cs}\u2800]/u;

/** True when the text holds something a reader would see. */
export const hasVisibleText = (text: string): boolean => VISIBLE.test(text);

/** True when the text is nothing but characters that show nothing (or is empty). */
export const isInvisibleOnly = (text: string): boolean => !hasVisibleText(text);

/** True when the text has at least one letter or digit, in any script. */
export const hasLetterOrDigit = (text: string): boolean => /[\p{L}\p{N}]/u.test(text);

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/**
 * How many characters a person would count: grapheme clusters. `stopAfter`
 * stops counting once past it (a limit's check needs no more).
 */
export function characterCount(text: string, stopAfter = Number.POSITIVE_INFINITY): number {
  // A cluster is at least one UTF-16 unit: text no longer than the limit in units is within it.
  if (text.length <= stopAfter) {
    let count = 0;
    for (const _ of graphemes.segment(text)) count++;
    return count;
  }
  let count = 0;
  for (const _ of graphemes.segment(text)) if (++count > stopAfter) break;
  return count;
}

/** A number as GOV.UK writes it in a message: 2,000. */
const figure = (n: number) => n.toLocaleString('en-GB');

export interface ShortTextRules {
  /** Said when nothing visible was given: "Enter a title". */
  empty: string;
  /** The most characters (as a person counts them) allowed; no limit when left out. */
  most?: number;
  /** What the field is, to start the too-long message: "The title" makes "The title must be 200 characters or fewer". */
  what?: string;
}

/** The message for text over the limit: "The title must be 200 characters or fewer". */
export const tooLongMessage = (what: string, most: number) => `${what} must be ${figure(most)} characters or fewer`;

/**
 * The problem with a required short text, or null: nothing visible is
 * `empty`, more than `most` characters is too long. Never throws.
 */
export function shortTextProblem(text: string, { empty, most, what }: ShortTextRules): string | null {
  if (isInvisibleOnly(text)) return empty;
  if (most !== undefined && characterCount(withoutBidiControls(text), most) > most) return tooLongMessage(what ?? 'The text', most);
  return null;
}

/**
 * A required line of text as a zod schema: without bidi controls, trimmed,
 * refused as `empty` when nothing visible is left (or it is not text at all),
 * and as too long over `most` characters.
 */
export const requiredShortText = (rules: ShortTextRules) =>
  z
    .string({ error: rules.empty })
    .overwrite(withoutBidiControls)
    .trim()
    .superRefine((text, ctx) => {
      const problem = shortTextProblem(text, rules);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    });

/**
 * Optional text up to `most` characters (as a person counts them): without
 * bidi controls, trimmed, empty allowed; text that shows nothing is stored as
 * empty, so a transcript or description of zero-width spaces is no transcript.
 */
export const textUpTo = (most: number, what: string) =>
  z
    .string()
    .overwrite(withoutBidiControls)
    .trim()
    .overwrite((text) => (isInvisibleOnly(text) ? '' : text))
    .refine((text) => characterCount(text, most) <= most, tooLongMessage(what, most));
