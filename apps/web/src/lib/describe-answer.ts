// An answer as words a respondent recognises, for "Check your answers".
import type { AnswerValue, Question } from '@safer-voices/survey';
import { choicesOf, scaleExtras } from './choices.ts';

/** `notAnswered`: those words in the respondent's language (see interface-messages). */
export function describeAnswer(question: Question, value: AnswerValue | undefined, notAnswered = 'Not answered'): string[] {
  const NOT_ANSWERED = notAnswered;
  if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return [NOT_ANSWERED];
  switch (question.type) {
    case 'grid': {
      const rows = value as Record<string, string>;
      const labels = new Map([...question.points, ...scaleExtras(question.extras)].map((c) => [c.value, c.label]));
      return question.rows.map((row) => `${row.label}: ${rows[row.value] ? (labels.get(rows[row.value] as string) ?? rows[row.value]) : NOT_ANSWERED}`);
    }
    case 'number':
      return [`${value}${question.suffix ? ` ${question.suffix}` : ''}`];
    case 'consent':
      return [value === true ? question.agreeLabel : NOT_ANSWERED];
    case 'text':
    case 'longtext':
      return [String(value)];
    default: {
      const { main, after } = choicesOf(question);
      const labels = new Map([...main, ...after].map((c) => [c.value, c.label]));
      return (Array.isArray(value) ? value : [String(value)]).map((v) => labels.get(v) ?? v);
    }
  }
}
