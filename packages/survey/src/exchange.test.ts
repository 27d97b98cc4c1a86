import { describe, expect, it } from 'vitest';
import { EXCHANGE_FORMAT, exportQuestionnaire, importQuestionnaire } from './exchange';
import { parsedTemplate } from './templates';

const template = () => {
  const definition = parsedTemplate('youth-safety-11-19');
  if (!definition) throw new Error('template missing');
  return definition;
};

/** Put a value deep inside a file as plain JSON, where the value may be one the questionnaire's type forbids. */
function setAt(file: object, path: (string | number)[], value: unknown): void {
  const last = path.at(-1);
  let at: unknown = file;
  for (const step of path.slice(0, -1)) at = (at as Record<string | number, unknown>)[step];
  if (typeof at !== 'object' || at === null || last === undefined) throw new Error(`nothing at ${path.join('.')}`);
  (at as Record<string | number, unknown>)[last] = value;
}

describe('exportQuestionnaire / importQuestionnaire', () => {
  it('keeps a title, summary and local service name without bidi override or isolate controls, so none shows reversed', () => {
    const file = exportQuestionnaire(template(), new Date('2026-05-01T09:00:00Z'));
    setAt(file, ['questionnaire', 'title'], '\u202eStaying safe\u202c');
    setAt(file, ['questionnaire', 'summary'], '\u2067آمن\u2069 \u200fsummary');
    const result = importQuestionnaire(file);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.definition.title).toBe('Staying safe');
    expect(result.definition.summary).toBe('آمن \u200fsummary');
  });

  it('round-trips a questionnaire, as an object or as text', () => {
    const file = exportQuestionnaire(template(), new Date('2026-05-01T09:00:00Z'));
    expect(file).toMatchObject({ format: EXCHANGE_FORMAT, version: 1, exportedAt: '2026-05-01T09:00:00.000Z' });
    expect(importQuestionnaire(file)).toEqual({ ok: true, definition: template(), problems: [] });
    expect(importQuestionnaire(JSON.stringify(file))).toEqual({ ok: true, definition: template(), problems: [] });
  });

  it.each([
    ['text that is not JSON', '{ nope', '(file)', /not valid JSON/],
    ['a list', [], '(file)', /one JSON object/],
    ['null', null, '(file)', /one JSON object/],
    ['another format', { format: 'something/else', version: 1, questionnaire: {} }, 'format', /not a Safer Voices questionnaire file/],
    ['a newer version', { format: EXCHANGE_FORMAT, version: 2, questionnaire: {} }, 'version', /version 2; this installation reads version 1/],
    ['no questionnaire', { format: EXCHANGE_FORMAT, version: 1 }, 'questionnaire', /no questionnaire/],
    ['an unknown field', { format: EXCHANGE_FORMAT, version: 1, questionnaire: template(), extra: 1 }, '(file)', /“extra”/]
  ])('explains %s, without throwing', (_name, input, path, message) => {
    const result = importQuestionnaire(input);
    expect(result.ok).toBe(false);
    expect(result.problems[0]?.path).toBe(path);
    expect(result.problems[0]?.message).toMatch(message);
  });

  it('reports every problem in the questionnaire with its path', () => {
    const broken = structuredClone(exportQuestionnaire(template()));
    setAt(broken, ['questionnaire', 'title'], '');
    setAt(broken, ['questionnaire', 'audience'], 'toddlers');
    setAt(broken, ['questionnaire', 'pages', 2, 'questions', 0, 'type'], 'slider');
    setAt(broken, ['questionnaire', 'pages', 1, 'questions', 0, 'options'], []);
    const result = importQuestionnaire(broken);
    expect(result.ok).toBe(false);
    const paths = result.problems.map((p) => p.path);
    expect(paths).toEqual(expect.arrayContaining(['questionnaire.title', 'questionnaire.audience', 'questionnaire.pages.2.questions.0.type']));
    expect(result.problems.length).toBeGreaterThanOrEqual(3);
  });

  it('holds a file’s title and summary to the settings form’s rules, in its words', () => {
    const file = structuredClone(exportQuestionnaire(template()));
    setAt(file, ['questionnaire', 'title'], '😀'.repeat(201));
    setAt(file, ['questionnaire', 'summary'], '\u200b\u2060\ufeff');
    expect(importQuestionnaire(file)).toEqual({
      ok: false,
      problems: [
        { path: 'questionnaire.title', message: 'The title must be 200 characters or fewer' },
        { path: 'questionnaire.summary', message: 'Enter a summary' }
      ]
    });
    setAt(file, ['questionnaire', 'title'], '\u00a0\u200b');
    setAt(file, ['questionnaire', 'summary'], 'Fine');
    expect(importQuestionnaire(file).problems).toEqual([{ path: 'questionnaire.title', message: 'Enter a title' }]);
  });

  it('reports logic problems, as checkLogic finds them, under the questionnaire', () => {
    const file = structuredClone(exportQuestionnaire(template()));
    const follow = file.questionnaire.pages.find((p) => p.id === 'avoid')?.questions[0];
    if (!follow) throw new Error('the template has no question on its “avoid” page');
    follow.showIf = { question: 'changed_behaviour', includes: 'ran_away' };
    follow.required = true;
    const result = importQuestionnaire(file);
    expect(result.problems.map((p) => p.path)).toEqual([expect.stringMatching(/^questionnaire\.pages\.\d+\.questions\.0\.showIf$/), expect.stringMatching(/\.required$/)]);
    expect(result.problems[0]?.message).toMatch(/“ran_away” is not an answer to “changed_behaviour”/);
  });

  it('reports the wrapper and the questionnaire together', () => {
    const result = importQuestionnaire({ format: 'wrong', version: 1, questionnaire: { title: 'x' } });
    expect(result.problems.map((p) => p.path)).toEqual(expect.arrayContaining(['format', 'questionnaire.audience']));
  });
});
