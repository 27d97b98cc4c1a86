// A complete, valid set of answers for any questionnaire: the first option
// of every visible question. Used by tests, benchmarks and previews.
import { allQuestions, visibleQuestionIds } from './logic';
import type { AnswerValue, Answers, Question, QuestionnaireDefinition } from './model';

function sampleAnswer(question: Question, pick: number): AnswerValue | undefined {
  const nth = <T>(list: T[]) => list[pick % list.length] as T;
  switch (question.type) {
    case 'single':
      return nth(question.options).value;
    case 'scale':
      return nth(question.points).value;
    case 'multiple':
      return [nth(question.options).value];
    case 'place':
      return question.multiple ? [nth(question.places).value] : nth(question.places).value;
    case 'grid':
      return Object.fromEntries(question.rows.map((row) => [row.value, nth(question.points).value]));
    case 'text':
    case 'longtext':
      return 'More street lights near the park and somewhere to go after school.'.slice(0, question.maxLength);
    case 'number':
      return question.min ?? (question.max !== undefined ? Math.min(question.max, 1) : 1);
    case 'consent':
      return true;
    case 'statement':
      return undefined;
  }
}

/** `pick` chooses which option each question gets, to vary generated responses. */
export function sampleAnswers(definition: QuestionnaireDefinition, pick = 0): Answers {
  const answers: Answers = {};
  for (const question of allQuestions(definition)) {
    if (!visibleQuestionIds(definition, answers).has(question.id)) continue;
    const value = sampleAnswer(question, pick);
    if (value !== undefined) answers[question.id] = value;
  }
  return answers;
}
