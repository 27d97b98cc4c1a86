import { describe, expect, it } from 'vitest';
import { QUESTION_TYPE_VALUES, readDraftNewQuestion } from './draft-new-question';

describe('a new question as first typed', () => {
  it('is its kind and its wording, trimmed', () => {
    expect(readDraftNewQuestion({ type: 'single', label: '  Where do you go?  ' }, 'question', 'add-start')).toEqual({ ok: true, question: { type: 'single', label: 'Where do you go?' } });
  });

  it('names each problem by the form’s field, in that form’s words', () => {
    expect(readDraftNewQuestion({ type: 'essay', label: ' ' }, 'question', 'add-start')).toEqual({
      ok: false,
      errors: [
        { field: 'add-start-type', message: 'Choose the kind of question' },
        { field: 'add-start-label', message: 'Enter the question' }
      ]
    });
    expect(readDraftNewQuestion({ label: 'Fine' }, 'page', 'newpage')).toEqual({ ok: false, errors: [{ field: 'newpage-type', message: 'Choose the kind of question for the new page' }] });
    expect(readDraftNewQuestion({ type: 'text' }, 'page', 'newpage')).toEqual({ ok: false, errors: [{ field: 'newpage-label', message: 'Enter the first question on the new page' }] });
  });

  it('takes wording of invisible characters alone as none', () => {
    expect(readDraftNewQuestion({ type: 'text', label: '\u200b\u2060\ufeff\u00a0' }, 'question', 'add-start')).toEqual({
      ok: false,
      errors: [{ field: 'add-start-label', message: 'Enter the question' }]
    });
  });

  it('knows every kind of question the model has', () => {
    expect(QUESTION_TYPE_VALUES).toEqual(['single', 'multiple', 'scale', 'grid', 'text', 'longtext', 'number', 'place', 'statement', 'consent']);
  });
});
