import { describe, expect, it } from 'vitest';
import { editorAnchor, fromLondonFields, problemsOf, toLondonFields } from './designer-api.ts';

describe('schedule dates in UK time', () => {
  it('reads a summer date as British Summer Time and a winter one as GMT', () => {
    expect(fromLondonFields('2026-07-01', '09:00')).toBe('2026-07-01T08:00:00.000Z');
    expect(fromLondonFields('2026-12-01', '09:00')).toBe('2026-12-01T09:00:00.000Z');
  });

  it('refuses dates and times that do not exist', () => {
    expect(fromLondonFields('2026-02-31', '09:00')).toBeUndefined();
    expect(fromLondonFields('2026-02-01', '25:00')).toBeUndefined();
    expect(fromLondonFields('1/2/2026', '09:00')).toBeUndefined();
  });

  it('shows an instant back as it was typed', () => {
    expect(toLondonFields('2026-07-01T08:00:00.000Z')).toEqual({ date: '2026-07-01', time: '09:00' });
    expect(toLondonFields(null)).toEqual({ date: '', time: '' });
  });
});

describe('problems', () => {
  const definition = {
    pages: [
      { id: 'start', questions: [] },
      { id: 'school', questions: [{ id: 'safe' }] }
    ]
  };

  it('link to the question, else the page, else nowhere in particular', () => {
    expect(editorAnchor('pages.1.questions.0.showIf', definition)).toBe('#question-safe');
    expect(editorAnchor('definition.pages.0.id', definition)).toBe('#page-start');
    expect(editorAnchor('title', definition)).toBe('');
    expect(editorAnchor('pages.7', definition)).toBe('');
  });

  it('become form errors with their paths, once each', () => {
    const failure = {
      status: 422,
      error: 'x',
      message: 'The file has 2 problems',
      issues: [
        { field: 'questionnaire.title', message: 'Required' },
        { field: 'questionnaire.title', message: 'Required' }
      ]
    };
    expect(problemsOf(failure, 'file', true)).toEqual([{ field: 'file', message: 'questionnaire.title: Required' }]);
    expect(problemsOf({ ...failure, issues: [] }, 'file')).toEqual([{ field: 'file', message: 'The file has 2 problems' }]);
  });
});
