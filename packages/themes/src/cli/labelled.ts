import type { LabelledAnswer } from '../eval/evaluate';
import type { Writer } from '../safeguarding/detector';
import { readJsonl } from './read-answers';

// The `respondent` values of labelled files, by who wrote the answer.
const YOUNG = new Set(['pupil_8_11', 'pupil_11_16', 'youth_16_19', 'child', 'young_person']);
const ADULT = new Set(['young_adult_18_25', 'parent', 'resident', 'professional', 'adult']);

/** A labelled file's `respondent` as the coder's writer: young, adult, or not known. */
export function writerOf(respondent: unknown): Writer {
  if (typeof respondent !== 'string') return 'unknown';
  return YOUNG.has(respondent) ? 'young' : ADULT.has(respondent) ? 'adult' : 'unknown';
}

/**
 * Reads labelled answers in the themes-dev.jsonl format. Other fields are
 * allowed; `groupBy` names one whose answers stay together in cross-
 * validation (e.g. `source`). A record that is not a labelled answer is
 * skipped and reported through `warn`, never a reason to stop.
 */
export function readLabelled(path: string, { groupBy, warn = () => {} }: { groupBy?: string; warn?: (message: string) => void } = {}): LabelledAnswer[] {
  const answers: LabelledAnswer[] = [];
  readJsonl(path, warn).forEach((record, n) => {
    const { text, themes, safeguarding, question, id, respondent } = record;
    if (typeof text !== 'string' || !Array.isArray(themes)) {
      warn(`${path}: record ${n + 1} skipped: it needs a "text" string and a "themes" list`);
      return;
    }
    const group = groupBy ? record[groupBy] : undefined;
    answers.push({
      id: typeof id === 'string' ? id : undefined,
      text,
      question: typeof question === 'string' ? question : undefined,
      writer: writerOf(respondent),
      themes: themes.filter((t): t is string => typeof t === 'string'),
      safeguarding: safeguarding === true,
      group: typeof group === 'string' || typeof group === 'number' ? String(group) : undefined
    });
  });
  return answers;
}
