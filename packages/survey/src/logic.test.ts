import { describe, expect, it } from 'vitest';
import { nextPage, previousPage, visibleQuestionIds, visiblePages, withoutHiddenAnswers } from './logic';
import { type Answers, QuestionnaireDefinitionSchema } from './model';

const safePoints = [
  { value: 'very_safe', label: 'Very safe' },
  { value: 'quite_safe', label: 'Quite safe' },
  { value: 'not_very_safe', label: 'Not very safe' },
  { value: 'not_at_all_safe', label: 'Not at all safe' }
];

// Go out after dark? -> how safe (equals) -> why unsafe (anyOf on a single answer).
// Changed behaviour (multiple) -> places avoided (includes) -> why avoid (anyOf on a list).
const definition = QuestionnaireDefinitionSchema.parse({
  title: 'Logic fixture',
  audience: 'youth',
  summary: 'Fixture',
  intro: ['Fixture'],
  minutes: 5,
  pages: [
    { id: 'start', questions: [{ id: 'about', type: 'statement', label: 'About', body: 'About this survey' }] },
    {
      id: 'go_out',
      questions: [
        {
          id: 'go_out',
          type: 'single',
          label: 'Do you go out after dark?',
          options: [
            { value: 'yes', label: 'Yes' },
            { value: 'no', label: 'No' }
          ]
        }
      ]
    },
    {
      id: 'dark',
      questions: [{ id: 'safe_dark', type: 'scale', label: 'How safe?', points: safePoints, showIf: { question: 'go_out', equals: 'yes' } }]
    },
    {
      id: 'dark_why',
      questions: [
        {
          id: 'why_unsafe',
          type: 'longtext',
          label: 'Why do you feel unsafe?',
          showIf: { question: 'safe_dark', anyOf: ['not_very_safe', 'not_at_all_safe'] }
        }
      ]
    },
    {
      id: 'changed',
      questions: [
        {
          id: 'changed',
          type: 'multiple',
          label: 'Have you done any of these?',
          options: [
            { value: 'avoided', label: 'Avoided places' },
            { value: 'stayed_in', label: 'Stayed in' }
          ],
          none: { value: 'none', label: 'None of these' }
        }
      ]
    },
    {
      id: 'avoid',
      questions: [
        {
          id: 'avoid',
          type: 'place',
          label: 'Which places do you avoid?',
          places: [
            { value: 'park', label: 'Park' },
            { value: 'station', label: 'Station' },
            { value: 'shops', label: 'Shops' }
          ],
          showIf: { question: 'changed', includes: 'avoided' }
        }
      ]
    },
    {
      id: 'avoid_why',
      questions: [{ id: 'why_avoid', type: 'text', label: 'Why?', showIf: { question: 'avoid', anyOf: ['park', 'station'] } }]
    },
    { id: 'end', questions: [{ id: 'anything_else', type: 'text', label: 'Anything else?' }] }
  ]
});

const ids = (answers: Answers) => [...visibleQuestionIds(definition, answers)];
const pageIds = (answers: Answers) => visiblePages(definition, answers).map((p) => p.id);

describe('visibleQuestionIds', () => {
  it('hides every conditional question until its earlier question is answered', () => {
    expect(ids({})).toEqual(['about', 'go_out', 'changed', 'anything_else']);
  });

  it('shows a question when an equals condition holds, and not for another answer', () => {
    expect(ids({ go_out: 'yes' })).toContain('safe_dark');
    expect(ids({ go_out: 'no' })).not.toContain('safe_dark');
  });

  it('shows a question when an anyOf condition matches a single answer', () => {
    expect(ids({ go_out: 'yes', safe_dark: 'not_at_all_safe' })).toContain('why_unsafe');
    expect(ids({ go_out: 'yes', safe_dark: 'quite_safe' })).not.toContain('why_unsafe');
  });

  it('shows a question when an includes condition is one of several choices', () => {
    expect(ids({ changed: ['stayed_in', 'avoided'] })).toContain('avoid');
    expect(ids({ changed: ['stayed_in'] })).not.toContain('avoid');
    expect(ids({ changed: ['none'] })).not.toContain('avoid');
  });

  it('shows a question when any of a list answer is in an anyOf condition', () => {
    expect(ids({ changed: ['avoided'], avoid: ['shops', 'station'] })).toContain('why_avoid');
    expect(ids({ changed: ['avoided'], avoid: ['shops'] })).not.toContain('why_avoid');
  });

  it('hides a whole chain when the first link is hidden, even if later answers would match', () => {
    // Answers left over from before the respondent changed "avoided" and "yes".
    const stale = { go_out: 'no', safe_dark: 'not_very_safe', changed: ['stayed_in'], avoid: ['park'] };
    expect(ids(stale)).toEqual(['about', 'go_out', 'changed', 'anything_else']);
  });
});

describe('nextPage and previousPage', () => {
  it('skips pages whose questions are all hidden, going forwards and backwards', () => {
    const answers = { go_out: 'no', changed: ['none'] };
    expect(nextPage(definition, answers, 'go_out')?.id).toBe('changed');
    expect(nextPage(definition, answers, 'changed')?.id).toBe('end');
    expect(previousPage(definition, answers, 'end')?.id).toBe('changed');
    expect(previousPage(definition, answers, 'changed')?.id).toBe('go_out');
  });

  it('goes to a follow-up page once the answer that shows it is given', () => {
    expect(nextPage(definition, { go_out: 'yes' }, 'go_out')?.id).toBe('dark');
    expect(nextPage(definition, { go_out: 'yes', safe_dark: 'very_safe' }, 'dark')?.id).toBe('changed');
    expect(nextPage(definition, { go_out: 'yes', safe_dark: 'not_very_safe' }, 'dark')?.id).toBe('dark_why');
    expect(previousPage(definition, { go_out: 'yes', safe_dark: 'not_very_safe' }, 'changed')?.id).toBe('dark_why');
  });

  it('returns null after the last page and before the first', () => {
    expect(nextPage(definition, {}, 'end')).toBeNull();
    expect(previousPage(definition, {}, 'start')).toBeNull();
  });

  it('lists the visible pages in order', () => {
    expect(pageIds({ go_out: 'yes', changed: ['avoided'], avoid: ['park'] })).toEqual(['start', 'go_out', 'dark', 'changed', 'avoid', 'avoid_why', 'end']);
  });
});

describe('withoutHiddenAnswers', () => {
  it('drops answers to questions hidden after a change, including chained ones', () => {
    const before = {
      go_out: 'yes',
      safe_dark: 'not_at_all_safe',
      why_unsafe: 'Nobody around',
      changed: ['avoided'],
      avoid: ['park'],
      why_avoid: 'Fights',
      anything_else: 'No'
    };
    expect(withoutHiddenAnswers(definition, before)).toEqual(before);
    expect(withoutHiddenAnswers(definition, { ...before, go_out: 'no', changed: ['stayed_in'] })).toEqual({
      go_out: 'no',
      changed: ['stayed_in'],
      anything_else: 'No'
    });
  });

  it('keeps answers that are still shown after a change', () => {
    const after = { go_out: 'yes', safe_dark: 'quite_safe', why_unsafe: 'Old answer' };
    expect(withoutHiddenAnswers(definition, after)).toEqual({ go_out: 'yes', safe_dark: 'quite_safe' });
  });
});
