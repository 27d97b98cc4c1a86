import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkLogic } from '../check-logic';
import { DraftEditSchema } from '../edit';
import { DraftDefinitionSchema, exportQuestionnaire, importQuestionnaire } from '../exchange';
import { parsedTemplate } from '../templates';
import { MOST_QUESTION_TEXT as MOST, QUESTION_TEXT_MESSAGES as M, questionTextProblems, ReceivedQuestionTextSchema, receivedOptionSchema } from './question-text';
import { hasVisibleText } from './short-text';
import { checkShortTextField } from './short-text-field.testkit';

const single = { id: 'feel', type: 'single', label: 'How safe do you feel?', options: [{ value: 'safe', label: 'Safe' }] };
const consent = { id: 'agree', type: 'consent', label: 'Consent', body: 'You can stop at any time.', agreeLabel: 'I agree' };
const HAS_BIDI_CONTROL = /[\u202a-\u202e\u2066-\u2069]/u;

describe('a question’s wording', () => {
  checkShortTextField({ schema: ReceivedQuestionTextSchema, valid: single, field: 'label', empty: M.label, most: MOST.label, tooLong: 'The question must be 1,000 characters or fewer' });
});

describe('an answer option’s words', () => {
  checkShortTextField({
    schema: receivedOptionSchema(M.options),
    valid: { value: 'safe' },
    field: 'label',
    empty: M.options,
    most: MOST.option,
    tooLong: 'An answer option must be 500 characters or fewer'
  });
});

describe('a question’s help text', () => {
  checkShortTextField({ schema: ReceivedQuestionTextSchema, valid: single, field: 'help', most: MOST.help, tooLong: 'The help text must be 2,000 characters or fewer' });
});

describe('the words beside a tick box', () => {
  checkShortTextField({
    schema: ReceivedQuestionTextSchema,
    valid: consent,
    field: 'agreeLabel',
    empty: M.agreeLabel,
    most: MOST.agreeLabel,
    tooLong: 'The words beside the tick box must be 500 characters or fewer'
  });
});

describe('a question’s texts', () => {
  const problems = (question: object) => ReceivedQuestionTextSchema.safeParse(question).error?.issues.map((i) => [i.path.join('.'), i.message]) ?? [];

  it('refuses an option, grid row or column, place or “none” that shows nothing, at its own field, in the form’s words', () => {
    expect(
      problems({
        ...single,
        options: [
          { value: 'a', label: 'A' },
          { value: 'b', label: '\u200b' }
        ]
      })
    ).toEqual([['options.1.label', M.options]]);
    expect(problems({ ...single, type: 'grid', options: undefined, rows: [{ value: 'park', label: '   ' }], points: [{ value: 'safe', label: '\u3164' }] })).toEqual([
      ['rows.0.label', M.rows],
      ['points.0.label', M.points]
    ]);
    expect(problems({ ...single, type: 'place', options: undefined, places: [{ value: 'park', label: '\u2800' }], none: { value: 'none', label: '\ufeff' } })).toEqual([
      ['places.0.label', M.places],
      ['none.label', M.none]
    ]);
    expect(problems({ ...single, label: '   ' })).toEqual([['label', M.label]]);
    expect(problems({ id: 'about', type: 'statement', label: 'About', body: '\u200b\u200b' })).toEqual([['body', M.body]]);
  });

  it('stores every text without bidi controls, trimmed, and an extra or hint that shows nothing as not given', () => {
    const read = ReceivedQuestionTextSchema.parse({
      id: 'grid',
      type: 'grid',
      label: '\u202eWhat is your name?',
      help: '\u200b',
      rows: [{ value: 'park', label: ' \u2067الحديقة\u2069 ' }],
      points: [{ value: 'safe', label: 'Safe\u202c' }],
      extras: { dontKnow: '\u200b', preferNotToSay: '\u202dPrefer not to say' }
    });
    expect(read).toEqual({
      id: 'grid',
      type: 'grid',
      label: 'What is your name?',
      help: '',
      rows: [{ value: 'park', label: 'الحديقة' }],
      points: [{ value: 'safe', label: 'Safe' }],
      extras: { dontKnow: '', preferNotToSay: 'Prefer not to say' }
    });
  });

  it('reads any Unicode in any text without throwing; what it accepts has no bidi control, and required wording shows something', () => {
    const text = fc.oneof(fc.string({ unit: 'binary', maxLength: 40 }), fc.constantFrom('\u202e', '\u2066', '\u200b', ' ', '\u3164'), fc.string({ unit: 'grapheme', maxLength: 20 }));
    const anything = fc.oneof(text, fc.constant(undefined), fc.integer(), fc.constant(null));
    fc.assert(
      fc.property(text, text, text, anything, text, (label, option, row, help, agree) => {
        const question = { id: 'q', type: 'grid', label, help, options: [{ value: 'a', label: option }], rows: [{ value: 'r', label: row }], agreeLabel: agree };
        let read: ReturnType<typeof ReceivedQuestionTextSchema.safeParse> | undefined;
        expect(() => {
          read = ReceivedQuestionTextSchema.safeParse(question);
        }).not.toThrow();
        if (!read?.success) return;
        const q = read.data as { label: string; help?: string; agreeLabel: string; options: { label: string }[]; rows: { label: string }[] };
        for (const kept of [q.label, q.agreeLabel, q.options[0]?.label ?? '', q.rows[0]?.label ?? '']) {
          expect(kept).not.toMatch(HAS_BIDI_CONTROL);
          expect(hasVisibleText(kept)).toBe(true);
        }
        expect(q.help ?? '').not.toMatch(HAS_BIDI_CONTROL);
      }),
      { numRuns: 300 }
    );
  });
});

const template = () => {
  const definition = parsedTemplate('youth-safety-11-19');
  if (!definition) throw new Error('template missing');
  return definition;
};

describe('a questionnaire with wording that shows nothing', () => {
  it('is refused at import at the field, and one with a right-to-left override imports with the override removed', () => {
    const file = exportQuestionnaire(template());
    const pages = JSON.parse(JSON.stringify(file.questionnaire.pages));
    const choice = pages.flatMap((p: { questions: { options?: { label: string }[]; label: string }[] }) => p.questions).find((q: { options?: unknown }) => q.options);
    choice.label = '\u202eWhat is your name?';
    choice.options[0].label = ` ${choice.options[0].label}\u2069`;
    const expected = choice.options[0].label.trim().replace('\u2069', '');
    const imported = importQuestionnaire({ ...file, questionnaire: { ...file.questionnaire, pages } });
    if (!imported.ok) throw new Error(JSON.stringify(imported.problems));
    const found = imported.definition.pages.flatMap((p) => p.questions).find((q) => q.id === (choice as unknown as { id: string }).id) as { label: string; options: { label: string }[] };
    expect(found.label).toBe('What is your name?');
    expect(found.options[0]?.label).toBe(expected);

    choice.options[0].label = '\u200b';
    const refused = importQuestionnaire({ ...file, questionnaire: { ...file.questionnaire, pages } });
    expect(refused.ok).toBe(false);
    const p = pages.findIndex((page: { questions: unknown[] }) => page.questions.includes(choice));
    const q = pages[p].questions.indexOf(choice);
    expect(refused.problems).toEqual([{ path: `questionnaire.pages.${p}.questions.${q}.options.0.label`, message: M.options }]);
  });

  it('saved before the rule, is not ready to publish: checkLogic names the field', () => {
    const definition = DraftDefinitionSchema.parse({
      title: 'Old draft',
      audience: 'youth',
      summary: 'S',
      intro: ['I'],
      minutes: 5,
      pages: [
        {
          id: 'p',
          title: '\u200b',
          questions: [
            {
              ...single,
              label: '   ',
              options: [
                { value: 'a', label: 'A' },
                { value: 'b', label: '\u200b' }
              ]
            }
          ]
        }
      ]
    });
    expect(checkLogic(definition)).toEqual([
      { path: 'pages.0.questions.0.label', message: M.label },
      { path: 'pages.0.questions.0.options.1.label', message: M.options }
    ]);
    expect(questionTextProblems(template())).toEqual([]);
  });

  it('cannot be added or replaced by an edit; an edit’s question is stored without bidi controls', () => {
    const refused = DraftEditSchema.safeParse({
      op: 'replace_question',
      questionId: 'feel',
      question: {
        ...single,
        options: [
          { value: 'a', label: '\u200b' },
          { value: 'b', label: 'B' }
        ]
      }
    });
    expect(refused.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['question.options.0.label', M.options]]);
    const page = DraftEditSchema.safeParse({ op: 'add_page', page: { id: 'new', questions: [{ ...single, label: '\u2060' }] } });
    expect(page.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['page.questions.0.label', M.label]]);
    const kept = DraftEditSchema.parse({ op: 'add_question', pageId: 'p', question: { ...single, label: '\u202eWhat is your name?', options: [...single.options, { value: 'b', label: 'B' }] } });
    expect(kept.op === 'add_question' && kept.question.label).toBe('What is your name?');
  });
});
