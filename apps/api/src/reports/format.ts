// How figures read in a report: whole percentages, intervals with an en dash,
// and "[c]" (confidential) wherever a figure is withheld, as the ONS marks it,
// followed by the rule that withheld it in packages/insights' words
// (withheld.ts), which the table's notes say in full; "[x]" (not available)
// where there is no figure because nobody answered.
import { waveWithheldReason, withheldCell, withheldNote, withheldNotes, withheldRule } from '@safer-voices/insights';
import type { TableWithheldNote } from './model';

export const WITHHELD = '[c]';

/**
 * The withheld cells of one table and the notes they need: `cell(reason)`
 * is "[c] under 10 in group" or "[x] nobody answered" (a reason unknown or
 * missing reads "too few people"); `notes()` each rule that withheld any of them, once, with its
 * sentence and how many figures it withheld.
 */
export function withheldMarks(threshold: number): { cell(reason: string | null | undefined): string; notes(): { withheld?: TableWithheldNote[] } } {
  const reasons: string[] = [];
  return {
    cell(reason) {
      reasons.push(reason ?? '');
      return withheldCell(reason ?? null, threshold);
    },
    notes() {
      const notes = withheldNotes(
        reasons.map((reason) => ({ reason })),
        threshold
      ).map(({ sentence, figures }) => ({ sentence, figures }));
      return notes.length > 0 ? { withheld: notes } : {};
    }
  };
}

/** A series' wave figure's reason (packages/insights waves.ts) as the suppression rule's. */
export const waveReason = waveWithheldReason;

/** A figure not shown, for a chart's alternative text: "2027 withheld (under 10 in group)", "2028 no figure (nobody answered)". */
export const notShownWords = (label: string, reason: string | null | undefined, threshold: number): string =>
  `${label} ${withheldRule(reason) === 'nobody answered' ? 'no figure' : 'withheld'} (${withheldNote(reason ?? null, threshold)})`;

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
