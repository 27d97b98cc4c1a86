import { describe, expect, it } from 'vitest';
import { checkLogic } from './check-logic';
import { DraftDefinitionSchema } from './exchange';
import type { QuestionnaireDefinitionInput } from './model';
import { parsedTemplates } from './templates';

type QuestionInput = QuestionnaireDefinitionInput['pages'][number]['questions'][number];

const yesNo = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' }
];
const onePerPage = (...questions: QuestionInput[]) =>
  DraftDefinitionSchema.parse({
    title: 'Fixture',
    audience: 'youth',
    summary: 'Fixture',
    intro: ['Fixture'],
    minutes: 5,
    pages: questions.map((q) => ({ id: q.id, questions: [q] }))
  });

const single = (id: string, more: Partial<QuestionInput> = {}) => ({ id, type: 'single', label: id, options: yesNo, ...more }) as QuestionInput;
const multiple: QuestionInput = { id: 'did', type: 'multiple', label: 'Did', options: [{ value: 'avoided', label: 'Avoided' }], none: { value: 'none', label: 'None' } };
const scale: QuestionInput = { id: 'safe', type: 'scale', label: 'Safe?', points: yesNo, extras: { dontKnow: "Don't know" } };

const messages = (problems: { path: string; message: string }[]) => problems.map((p) => `${p.path}: ${p.message}`);

describe('checkLogic', () => {
  it('finds nothing wrong in the templates', () => {
    for (const { slug, definition } of parsedTemplates()) expect(checkLogic(definition), slug).toEqual([]);
  });

  it('accepts sound conditions on every kind of answer', () => {
    const definition = onePerPage(
      single('go'),
      multiple,
      scale,
      { id: 'age', type: 'number', label: 'Age', min: 8, max: 19 },
      { id: 'ok', type: 'consent', label: 'OK', body: 'OK?', agreeLabel: 'Yes' },
      single('a', { showIf: { question: 'go', equals: 'yes' } }),
      single('b', { showIf: { question: 'did', includes: 'none' } }),
      single('c', { showIf: { question: 'safe', anyOf: ['no', 'dont_know'] } }),
      single('d', { showIf: { question: 'age', equals: 12 } }),
      single('e', { showIf: { question: 'ok', equals: true } }),
      single('f', { showIf: { question: 'a', equals: 'no' }, required: true })
    );
    expect(checkLogic(definition)).toEqual([]);
  });

  it('refuses references to unknown, later, same-page and own questions', () => {
    const definition = onePerPage(
      single('first', { showIf: { question: 'later', equals: 'yes' } }),
      single('later'),
      single('ghost', { showIf: { question: 'nobody', equals: 'yes' } }),
      single('self', { showIf: { question: 'self', equals: 'yes' } })
    );
    const samePage = DraftDefinitionSchema.parse({
      ...definition,
      pages: [{ id: 'p', questions: [single('x'), single('y', { showIf: { question: 'x', equals: 'yes' } })] }]
    });
    expect(messages(checkLogic(definition))).toEqual([
      'pages.0.questions.0.showIf: Show-if refers to “later”, which comes later; a condition must refer to a question on an earlier page',
      'pages.2.questions.0.showIf: Show-if refers to “nobody”, but there is no question with that id',
      'pages.3.questions.0.showIf: Show-if logic goes round in a circle: “self” → “self”'
    ]);
    expect(messages(checkLogic(samePage))).toEqual(['pages.0.questions.1.showIf: Show-if refers to “x” on the same page; a condition must refer to a question on an earlier page']);
  });

  it('names each question of a cycle', () => {
    const problems = checkLogic(onePerPage(single('a', { showIf: { question: 'b', equals: 'yes' } }), single('b', { showIf: { question: 'a', equals: 'yes' } })));
    expect(problems.map((p) => p.message)).toEqual(['Show-if logic goes round in a circle: “a” → “b” → “a”', 'Show-if logic goes round in a circle: “b” → “a” → “b”']);
  });

  it.each([
    ['a value that is not an option', single('x', { showIf: { question: 'go', equals: 'maybe' } }), /“maybe” is not an answer to “go” \(its values are “yes”, “no”\)/],
    ['includes on a one-answer question', single('x', { showIf: { question: 'go', includes: 'yes' } }), /“includes” works only on questions with several answers/],
    ['equals on a list answer', single('x', { showIf: { question: 'did', equals: 'avoided' } }), /list of answers, which never equals one value/],
    ['includes a value not offered', single('x', { showIf: { question: 'did', includes: 'fled' } }), /“fled” is not an answer to “did”/],
    ['anyOf with a value not on the scale', single('x', { showIf: { question: 'safe', anyOf: ['yes', 'prefer_not_to_say'] } }), /“prefer_not_to_say” is not an answer/],
    ['a number compared with text', single('x', { showIf: { question: 'age', equals: '12' } }), /compare it with a number/],
    ['a number outside its range', single('x', { showIf: { question: 'age', equals: 40 } }), /outside the numbers/],
    ['a grid', single('x', { showIf: { question: 'places', anyOf: ['park'] } }), /is a grid/],
    ['a statement', single('x', { showIf: { question: 'info', equals: 'yes' } }), /information only/],
    ['a consent box compared with text', single('x', { showIf: { question: 'ok', equals: 'yes' } }), /tick box/]
  ])('refuses a condition that can never be true: %s', (_name, question, message) => {
    const definition = onePerPage(
      single('go'),
      multiple,
      scale,
      { id: 'age', type: 'number', label: 'Age', min: 8, max: 19 },
      { id: 'places', type: 'grid', label: 'Places', rows: [{ value: 'park', label: 'Park' }], points: yesNo },
      { id: 'info', type: 'statement', label: 'Info', body: 'Read this' },
      { id: 'ok', type: 'consent', label: 'OK', body: 'OK?', agreeLabel: 'Yes' },
      question
    );
    const problems = checkLogic(definition);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.path).toBe('pages.7.questions.0.showIf');
    expect(problems[0]?.message).toMatch(message);
  });

  it('refuses a required question that is always hidden, directly or down a chain', () => {
    const problems = checkLogic(
      onePerPage(
        single('go'),
        single('never', { showIf: { question: 'go', equals: 'perhaps' }, required: true }),
        single('after', { showIf: { question: 'never', equals: 'yes' } }),
        single('deep', { showIf: { question: 'after', equals: 'yes' }, required: true })
      )
    );
    expect(messages(problems)).toEqual([
      'pages.1.questions.0.showIf: “perhaps” is not an answer to “go” (its values are “yes”, “no”)',
      'pages.1.questions.0.required: This question is required but always hidden: its show-if condition can never be true',
      'pages.3.questions.0.required: This question is required but always hidden: it depends on “after”, which is never shown'
    ]);
  });

  it('refuses ids and option values used twice', () => {
    const definition = onePerPage(single('go'), single('go'), single('dup', { options: [...yesNo, { value: 'yes', label: 'Yes again' }] }));
    expect(messages(checkLogic(definition))).toEqual([
      'pages.1.id: Page id “go” is used more than once',
      'pages.2.questions.0.options.2.value: “yes” is used twice in this question',
      'pages.1.questions.0.id: Question id “go” is used more than once'
    ]);
  });
});
