// How figures read in a report: whole percentages, intervals with an en dash,
// and "[c]" (confidential) wherever a figure is withheld, as the ONS marks it.
export const WITHHELD = '[c]';

export const percent = (value: number | null | undefined): string => (value === null || value === undefined ? WITHHELD : `${Math.round(value)}%`);

export const interval = (lower: number | null | undefined, upper: number | null | undefined): string =>
  lower === null || lower === undefined || upper === null || upper === undefined ? WITHHELD : `${Math.round(lower)}–${Math.round(upper)}%`;

export const count = (value: number | null | undefined): string => (value === null || value === undefined ? WITHHELD : value.toLocaleString('en-GB'));

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "June 2026": dates in a report are months, never days, so no day's few respondents stand out. */
export const month = (d: Date): string => `${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;

export const isoDay = (d: Date): string => d.toISOString().slice(0, 10);

/** Paragraphs from text separated by blank lines. */
export const paragraphsOf = (text: string): string[] =>
  text
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter((p) => p !== '');

/** "A", "A and B", "A, B and C". */
export const listed = (items: readonly string[]): string => (items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`);
