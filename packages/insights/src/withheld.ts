// Why a figure is withheld, in words: the one place that names the rules, so
// every table, chart and note says the same. Each reason the suppression
// engine gives (suppress.ts, explore/disclose.ts) belongs to one rule:
// - too few people: the figure rests on fewer than the threshold (primary);
// - protects another cell: not small itself, but showing it would let a
//   withheld figure be worked out from totals (secondary, complementary);
// - differencing: a view the filters can make differs by a few people;
// - none by definition: the filters leave no one in the base, whatever the data;
// - nobody answered: a wave no one has answered yet (waves.ts) has no figure
//   at all; said as such, not as "under 10", which would suggest a few did.
import type { SuppressionReason } from './suppress';
import type { WithheldReason as WaveWithheldReason } from './waves';

export const WITHHELD_RULES = ['too few people', 'protects another cell', 'differencing', 'none by definition', 'nobody answered'] as const;
export type WithheldRule = (typeof WITHHELD_RULES)[number];

/** The rule behind a withheld figure's reason (an unknown or missing reason is taken as too few people, the commonest). */
export function withheldRule(reason: SuppressionReason | string | null | undefined): WithheldRule {
  switch (reason) {
    case 'hidden so another hidden figure cannot be worked out from totals':
      return 'protects another cell';
    case 'difference below threshold':
      return 'differencing';
    case 'none by definition':
      return 'none by definition';
    case 'no respondents':
      return 'nobody answered';
    default:
      return 'too few people';
  }
}

/** A few words for a withheld cell, under its "[c]": which rule, and for too few people, too few of whom. */
export function withheldNote(reason: SuppressionReason | string | null | undefined, threshold: number): string {
  switch (reason) {
    case 'base below threshold':
      return `under ${threshold} in group`;
    case 'rest below threshold':
      return `under ${threshold} not counted`;
    case 'count below threshold':
      return `under ${threshold} counted`;
    default:
      return withheldRule(reason);
  }
}

/**
 * A wave's reason (waves.ts) as the suppression rule's: nobody answered stays
 * so; a figure held back because one questionnaire's part of it is too small
 * protects that part, which it and the other parts would give away; too few
 * respondents is too few people.
 */
export function waveWithheldReason(withheld: WaveWithheldReason | string | null | undefined): string | null {
  if (withheld === 'a part is too small to show') return 'hidden so another hidden figure cannot be worked out from totals';
  return withheld ?? null;
}

/** How a table marks a cell with no figure, as the ONS does: "[x]" not available (nobody answered), "[c]" confidential (withheld). */
export const withheldMarkOf = (reason: SuppressionReason | string | null | undefined): '[x]' | '[c]' => (withheldRule(reason) === 'nobody answered' ? '[x]' : '[c]');

/** A table cell with no figure: its mark and, in a few words, why ("[c] under 10 in group", "[x] nobody answered"). */
export const withheldCell = (reason: SuppressionReason | string | null | undefined, threshold: number): string => `${withheldMarkOf(reason)} ${withheldNote(reason, threshold)}`;

/** What a rule means, as a sentence for a table's notes. */
export function withheldRuleInWords(rule: WithheldRule, threshold: number): string {
  switch (rule) {
    case 'too few people':
      return `Too few people: fewer than ${threshold} people in the group answered (“under ${threshold} in group”), gave the answers counted (“under ${threshold} counted”), or gave any other answer (“under ${threshold} not counted”: a share near 100% would tell you about them).`;
    case 'protects another cell':
      return 'Protects another cell: not small itself, but showing it would let a withheld figure be worked out, for example by taking the other figures from a total.';
    case 'differencing':
      return `Differencing: comparing it with the same figure under slightly different filters would reveal a group of fewer than ${threshold} people.`;
    case 'none by definition':
      return "None by definition: the filters leave no one who could be counted, whatever the answers, for example choosing only an answer that the measure leaves out of its base (such as “Don't know”).";
    case 'nobody answered':
      return 'Nobody answered: no one has taken part in this wave, so there is no figure (“[x]”, not available), rather than one withheld.';
  }
}

export interface WithheldNote {
  rule: WithheldRule;
  /** How many of the figures this rule withheld. */
  figures: number;
  sentence: string;
}

/** The notes for a table: for each rule that withheld any of these figures (in the order of WITHHELD_RULES), how many and what it means. */
export function withheldNotes(figures: Iterable<{ reason?: SuppressionReason | string | null }>, threshold: number): WithheldNote[] {
  const tally = new Map<WithheldRule, number>();
  for (const f of figures) {
    const withheld = f.reason !== null && f.reason !== undefined;
    if (!withheld) continue;
    const rule = withheldRule(f.reason);
    tally.set(rule, (tally.get(rule) ?? 0) + 1);
  }
  return WITHHELD_RULES.filter((rule) => tally.has(rule)).map((rule) => ({ rule, figures: tally.get(rule) as number, sentence: withheldRuleInWords(rule, threshold) }));
}
