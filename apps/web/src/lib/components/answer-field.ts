// What each field of a respondent's page takes: its question, the answer so
// far, that question's errors, and whether its label is the page's heading.
import type { AnswerValue, FieldError, Question } from '@safer-voices/survey';

export interface AnswerFieldProps<Q extends Question = Question> {
  question: Q;
  value: AnswerValue | undefined;
  errors: FieldError[];
  asHeading: boolean;
}
