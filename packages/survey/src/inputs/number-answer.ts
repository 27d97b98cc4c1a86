// A number as a respondent types it, in whatever digits their keyboard gives:
// "15", "١٥" (Arabic-Indic), "۱۵" (Persian), "१५" (Devanagari), "１５"
// (full-width) all mean 15. Separators they may type are read too: spaces and
// commas (",", Arabic "٬") between thousands, "." or Arabic "٫" before
// decimals, and the invisible direction marks an Arabic keyboard adds.

const DECIMAL_DIGIT = /\p{Nd}/u;
const ANY_DECIMAL_DIGIT = /\p{Nd}/gu;
/** Thousands separators and spaces; direction marks (LRM, RLM, ALM) that show nothing. */
const IGNORED = /[,\s\u066c\u200e\u200f\u061c]/g;
const ARABIC_DECIMAL_SEPARATOR = /\u066b/g;
/** Plain decimal digits only: Number() would also accept "0x10" or "1e3". */
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

const values = new Map<string, string>();

/**
 * The ASCII digit for one decimal digit (\p{Nd}) of any script. Unicode keeps
 * decimal digits in runs of ten code points, 0 to 9 in order, and never
 * starts a run part-way, so a digit's value is how far it stands into its
 * unbroken stretch of decimal digits, counted in tens (mathematical digits
 * are five runs in a row).
 */
function asciiDigit(digit: string): string {
  let ascii = values.get(digit);
  if (ascii === undefined) {
    const code = digit.codePointAt(0) ?? 0;
    let before = 0;
    while (code - before > 0 && DECIMAL_DIGIT.test(String.fromCodePoint(code - before - 1))) before++;
    ascii = String(before % 10);
    values.set(digit, ascii);
  }
  return ascii;
}

/** The text with every decimal digit of any script written as 0–9; other characters as they were. */
export const asciiDigits = (text: string): string => text.replace(ANY_DECIMAL_DIGIT, asciiDigit);

/** What a number box keeps to show back: the typed text without the spaces and thousands separators read past. */
export const numberAnswerText = (text: string): string => text.trim().replace(IGNORED, '');

/**
 * The number typed, or undefined when it is not one written in digits (an
 * optional minus, digits, and a decimal part). Never throws.
 */
export function parseNumberAnswer(text: string): number | undefined {
  const plain = asciiDigits(numberAnswerText(text).replace(ARABIC_DECIMAL_SEPARATOR, '.'));
  return PLAIN_NUMBER.test(plain) ? Number(plain) : undefined;
}
