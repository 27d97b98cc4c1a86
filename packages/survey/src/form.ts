// Reading one page's answers from an HTML form post. Field names: the
// question id, or `questionId.rowId` for a grid row.
import { interfaceText } from './interface-messages';
import { numberAnswerText, parseNumberAnswer } from './inputs/number-answer';
import type { Answers, Page, QuestionOf } from './model';
import type { Step } from './steps';
import type { FieldError } from './validate';

export interface FormLike {
  get(name: string): unknown;
  getAll(name: string): unknown[];
}

export interface PageForm {
  answers: Answers;
  /** Raw text the respondent typed, to show back when there is an error. */
  raw: Record<string, string>;
  errors: FieldError[];
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/**
 * The number a "use digits" message gives as its example: one the question
 * accepts (the middle of its range), so it agrees with a hint like "like 9".
 */
export function numberExample(question: Pick<QuestionOf<'number'>, 'min' | 'max'>): number {
  const { min, max } = question;
  if (min !== undefined && max !== undefined && min <= max) return Math.floor((min + max) / 2);
  return min ?? max ?? 12;
}

/** One step's answers (see steps.ts): for a grid row, that row alone. */
/** `lang`: the language the respondent reads, for the messages (see interface-messages). */
export function readStepForm(step: Step, form: FormLike, lang?: string): PageForm {
  const questions = step.row ? [{ ...step.row.question, rows: [step.row.row] }] : step.questions;
  return readPageForm({ ...step.page, questions }, form, lang);
}

export function readPageForm(page: Pick<Page, 'questions'>, form: FormLike, lang?: string): PageForm {
  const answers: Answers = {};
  const raw: Record<string, string> = {};
  const errors: FieldError[] = [];
  for (const q of page.questions) {
    switch (q.type) {
      case 'single':
      case 'scale': {
        const v = text(form.get(q.id));
        if (v) answers[q.id] = v;
        break;
      }
      case 'place':
      case 'multiple': {
        // One place is chosen like a radio; several like a multiple choice.
        if (q.type === 'place' && !q.multiple) {
          const v = text(form.get(q.id));
          if (v) answers[q.id] = v;
          break;
        }
        const values = form.getAll(q.id).map(text).filter(Boolean);
        if (values.length) answers[q.id] = values;
        break;
      }
      case 'grid': {
        const rows: Record<string, string> = {};
        for (const row of q.rows) {
          const v = text(form.get(`${q.id}.${row.value}`));
          if (v) rows[row.value] = v;
        }
        if (Object.keys(rows).length) answers[q.id] = rows;
        break;
      }
      case 'text':
      case 'longtext': {
        // Normalise line endings so length limits match what the browser counted.
        const v = text(form.get(q.id)).replace(/\r\n/g, '\n').trim();
        raw[q.id] = v;
        if (v) answers[q.id] = v;
        break;
      }
      case 'number': {
        const v = numberAnswerText(text(form.get(q.id)));
        raw[q.id] = v;
        if (!v) break;
        // Digits of any script ("١٥" is 15); stored as the plain number.
        const n = parseNumberAnswer(v);
        if (n !== undefined) answers[q.id] = n;
        else {
          const t = interfaceText(lang ?? 'en', 'numberDigits', { example: numberExample(q) });
          errors.push(lang ? { field: q.id, message: t.text, lang: t.lang } : { field: q.id, message: t.text });
        }
        break;
      }
      case 'consent':
        if (form.get(q.id) === 'yes') answers[q.id] = true;
        break;
      case 'statement':
        break;
    }
  }
  return { answers, raw, errors };
}
