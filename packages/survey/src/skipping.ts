// Saying which questions may be skipped. GOV.UK marks each optional question
// "(optional)"; children (8–11) read one sentence at the start more easily
// than the same word on every heading, so a children's questionnaire whose
// every question may be skipped says so once and marks none.
import { allQuestions } from './logic';
import type { QuestionnaireDefinition } from './model';

export interface Skipping {
  /** The start page says "You can skip any question" (`all`) or "… marked (optional)" (`some`). */
  notice: 'all' | 'some' | null;
  /** Each optional question's label ends "(optional)". */
  markOptional: boolean;
}

export function skipping(definition: QuestionnaireDefinition): Skipping {
  // Statements take no answer; consent is asked to be given, not skipped.
  const asked = allQuestions(definition).filter((q) => q.type !== 'statement' && q.type !== 'consent');
  const optional = asked.filter((q) => !q.required).length;
  const notice = optional === 0 ? null : optional === asked.length ? 'all' : 'some';
  return { notice, markOptional: !(definition.audience === 'child' && notice === 'all') };
}
