// Why a figure is withheld, in words: the one place that names the rules, so
// every table, chart and note says the same. Each reason the suppression
// engine gives (suppress.ts, explore/disclose.ts) belongs to one rule:
// - too few people: the figure rests on fewer than the threshold (primary);
// - protects another cell: not small itself, but showing it would let a
//   withheld figure be worked out from totals (secondary, complementary);
// - differencing: a view the filters can make differs by a few people;
// - none by definition: the filters leave no one in the base, whatever the data.
import type { SuppressionReason } from './suppress';

export const WITHHELD_RULES = ['too few people', 'protects another cell', 'differencing', 'none by definition'] as const;
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
