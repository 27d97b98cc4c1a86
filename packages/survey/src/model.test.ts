import { describe, expect, it } from 'vitest';
import { type QuestionnaireDefinitionInput, QuestionnaireDefinitionSchema, quickExitShown } from './model';

const yesNo = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' }
];

function definition(pages: QuestionnaireDefinitionInput['pages']): QuestionnaireDefinitionInput {
  return { title: 'Test', audience: 'youth', summary: 'Test survey', intro: ['Intro'], minutes: 5, pages };
}

function issues(input: QuestionnaireDefinitionInput) {
  const result = QuestionnaireDefinitionSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
}

describe('QuestionnaireDefinitionSchema', () => {
  it('accepts a show-if that refers to a question on an earlier page, and applies defaults', () => {
    const parsed = QuestionnaireDefinitionSchema.parse(
      definition([
        { id: 'p1', questions: [{ id: 'go_out', type: 'single', label: 'Do you go out?', options: yesNo }] },
        {
          id: 'p2',
          questions: [
            { id: 'where', type: 'text', label: 'Where?', showIf: { question: 'go_out', equals: 'yes' } },
            { id: 'story', type: 'longtext', label: 'Tell us more' },
            { id: 'safe', type: 'scale', label: 'How safe?', points: yesNo }
          ]
        }
      ])
    );
    const [where, story, safe] = parsed.pages[1]?.questions ?? [];
    expect(parsed.language).toBe('en');
    expect(where).toMatchObject({ required: false, maxLength: 200 });
    expect(story).toMatchObject({ maxLength: 1200 });
    expect(safe).toMatchObject({ extras: {} });
  });

  it('rejects a question id used twice, pointing at the second use', () => {
    const found = issues(
      definition([
        { id: 'p1', questions: [{ id: 'age', type: 'number', label: 'How old are you?' }] },
        { id: 'p2', questions: [{ id: 'age', type: 'text', label: 'Your age in words' }] }
      ])
    );
    expect(found).toEqual([{ path: 'pages.1.questions.0.id', message: 'Question id "age" is used more than once' }]);
  });

  it('rejects a show-if pointing at a question on the same page', () => {
    const found = issues(
      definition([
        {
          id: 'p1',
          questions: [
            { id: 'go_out', type: 'single', label: 'Do you go out?', options: yesNo },
            { id: 'where', type: 'text', label: 'Where?', showIf: { question: 'go_out', equals: 'yes' } }
          ]
        }
      ])
    );
    expect(found).toHaveLength(1);
    expect(found[0]?.path).toBe('pages.0.questions.1.showIf');
    expect(found[0]?.message).toContain('"go_out"');
  });

  it('rejects a show-if pointing at a question on a later page', () => {
    const found = issues(
      definition([
        { id: 'p1', questions: [{ id: 'where', type: 'text', label: 'Where?', showIf: { question: 'go_out', equals: 'yes' } }] },
        { id: 'p2', questions: [{ id: 'go_out', type: 'single', label: 'Do you go out?', options: yesNo }] }
      ])
    );
    expect(found.map((f) => f.path)).toEqual(['pages.0.questions.0.showIf']);
  });

  it('rejects a show-if pointing at itself or at a question that does not exist', () => {
    const found = issues(
      definition([
        { id: 'p1', questions: [{ id: 'intro', type: 'statement', label: 'About', body: 'Text' }] },
        {
          id: 'p2',
          questions: [{ id: 'loop', type: 'text', label: 'Loop', showIf: { question: 'loop', equals: 'x' } }]
        },
        { id: 'p3', questions: [{ id: 'ghost', type: 'text', label: 'Ghost', showIf: { question: 'nope', anyOf: ['x'] } }] }
      ])
    );
    expect(found.map((f) => f.path)).toEqual(['pages.1.questions.0.showIf', 'pages.2.questions.0.showIf']);
  });

  it('rejects ids that are not lower-case identifiers and empty option lists', () => {
    expect(issues(definition([{ id: 'Page 1', questions: [{ id: 'q', type: 'text', label: 'Q' }] }]))).not.toEqual([]);
    expect(issues(definition([{ id: 'p', questions: [{ id: '1q', type: 'text', label: 'Q' }] }]))).not.toEqual([]);
    expect(issues(definition([{ id: 'p', questions: [{ id: 'q', type: 'single', label: 'Q', options: [{ value: 'yes', label: 'Yes' }] }] }]))).not.toEqual([]);
    expect(issues(definition([{ id: 'p', questions: [{ id: 'q', type: 'text', label: 'Q', maxLength: 501 }] }]))).not.toEqual([]);
  });
});

describe('quickExitShown', () => {
  const parse = (audience: 'child' | 'youth' | 'adult', quickExit?: boolean) =>
    QuestionnaireDefinitionSchema.parse({
      ...definition([{ id: 'p', questions: [{ id: 'q', type: 'text', label: 'Q' }] }]),
      audience,
      ...(quickExit === undefined ? {} : { quickExit })
    });

  it('is on by default for children and young people, off for adults, and can be set either way', () => {
    expect(quickExitShown(parse('child'))).toBe(true);
    expect(quickExitShown(parse('youth'))).toBe(true);
    expect(quickExitShown(parse('adult'))).toBe(false);
    expect(quickExitShown(parse('adult', true))).toBe(true);
    expect(quickExitShown(parse('youth', false))).toBe(false);
  });
});

describe('the link to "You said, we did" on the confirmation page', () => {
  const base = definition([{ id: 'p', questions: [{ id: 'q', type: 'text', label: 'Q' }] }]);

  it('is off for a questionnaire that does not name it, and kept when set either way', () => {
    expect(QuestionnaireDefinitionSchema.parse(base).linkYouSaidWeDid).toBeUndefined();
    expect(QuestionnaireDefinitionSchema.parse({ ...base, linkYouSaidWeDid: true }).linkYouSaidWeDid).toBe(true);
    expect(QuestionnaireDefinitionSchema.parse({ ...base, linkYouSaidWeDid: false }).linkYouSaidWeDid).toBe(false);
  });

  it('refuses anything but true or false', () => {
    for (const value of ['yes', 1, null]) {
      expect(issues({ ...base, linkYouSaidWeDid: value } as unknown as QuestionnaireDefinitionInput).map((i) => i.path)).toEqual(['linkYouSaidWeDid']);
    }
  });
});
