// Figures that are 0 whatever the data, because of what the filters or a
// group choose: the explorer says "none by definition" for them rather than
// "fewer than the threshold", which would suggest a few people were there.
// These only ever explain a 0 that is withheld anyway; they show nothing.
import type { MeasureRule } from './measures';

/**
 * Whether choosing only `chosen` answers of a measure's own question leaves
 * no one in its base: a single-answer question whose every chosen answer is
 * one the measure leaves out of its base ("Don't know" for a measure that
 * leaves it out). With several answers each, someone may have chosen
 * another answer too, so never.
 */
export function baseNoneByDefinition(rule: Pick<MeasureRule, 'notInBase'>, kind: 'single' | 'multi', chosen: readonly string[]): boolean {
  return kind === 'single' && chosen.length > 0 && chosen.every((value) => rule.notInBase.includes(value));
}

/**
 * For each group of a cross-tab over a single-answer question, whether no
 * one can be in it: the filters on that same question leave its answer out,
 * or (for a measure split by its own question) the measure leaves that
 * answer out of its base. Groups of a question with several answers each
 * can hold anyone, so never.
 */
export function groupsNoneByDefinition(kind: 'single' | 'multi', groups: readonly string[], filtered: readonly string[] | undefined, notInBase: readonly string[] = []): boolean[] {
  return groups.map((value) => kind === 'single' && ((filtered !== undefined && filtered.length > 0 && !filtered.includes(value)) || notInBase.includes(value)));
}
