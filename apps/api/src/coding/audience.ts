// Whether a questionnaire is answered by children or young people: its
// audience says so, or its age band starts under 18. Their answers that
// cannot be checked automatically go to the safeguarding lead.
import type { QuestionnaireDefinition } from '@safer-voices/survey';

const ADULTHOOD = 18;

export function forChildrenOrYoungPeople(definition: Pick<QuestionnaireDefinition, 'audience' | 'ageBand'>): boolean {
  if (definition.audience === 'child' || definition.audience === 'youth') return true;
  const youngest = /^\s*(\d+)/.exec(definition.ageBand ?? '')?.[1];
  return youngest !== undefined && Number(youngest) < ADULTHOOD;
}
