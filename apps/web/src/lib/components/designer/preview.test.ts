import { journeySteps, type QuestionnaireDefinition, stepProgress } from '@safer-voices/survey';
import { parsedTemplate } from '@safer-voices/survey/templates';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstPreviewPage, type PreviewState, previewStep, readCarriedAnswers } from './preview.ts';

const definition = parsedTemplate('youth-safety-11-19') as QuestionnaireDefinition;
const form = (fields: Record<string, string | string[]>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) for (const v of [value].flat()) data.append(name, v);
  return data;
};
const pageOf = (questionId: string) => definition.pages.find((p) => p.questions.some((q) => q.id === questionId))?.id as string;

describe('the answered preview', () => {
  it('starts on the first page with nothing answered', () => {
    const first = firstPreviewPage(definition);
    expect(first).toMatchObject({ kind: 'page', step: { page: { id: definition.pages[0]?.id } }, answers: {}, number: 1, first: true });
  });

  it('skips the follow-up after “No” and shows it after “Yes”, as the survey does', () => {
    const asked = pageOf('saw_violence_social_media');
    const followUp = pageOf('social_media_content');
    const no = previewStep(definition, {}, asked, '', form({ saw_violence_social_media: 'no' }), false);
    expect(no.kind === 'page' && no.step.page.id).not.toBe(followUp);
    const yes = previewStep(definition, {}, asked, '', form({ saw_violence_social_media: 'yes' }), false);
    expect(yes.kind === 'page' && yes.step.page.id).toBe(followUp);
    expect(yes.kind === 'page' && yes.answers).toEqual({ saw_violence_social_media: 'yes' });
  });

  it('keeps a page whose answer is missing or unreadable, with the respondent’s message', () => {
    const consent = previewStep(definition, {}, pageOf('consent'), '', form({}), false);
    expect(consent).toMatchObject({ kind: 'page', step: { page: { id: pageOf('consent') } } });
    expect(consent.kind === 'page' && consent.errors.map((e) => e.field)).toEqual(['consent']);
    const age = previewStep(definition, { consent: true }, pageOf('age'), '', form({ age: 'twelve' }), false);
    expect(age).toMatchObject({ kind: 'page', step: { page: { id: pageOf('age') } }, raw: { age: 'twelve' } });
    expect(age.kind === 'page' && age.errors.map((e) => e.field)).toEqual(['age']);
  });

  it('goes back by the same logic, and an answer changed to “No” drops what only “Yes” led to', () => {
    const asked = pageOf('saw_violence_social_media');
    const followUp = pageOf('social_media_content');
    const carried = { saw_violence_social_media: 'yes', social_media_content: ['fights'] };
    const back = previewStep(definition, carried, followUp, '', form({}), true);
    expect(back.kind === 'page' && back.step.page.id).toBe(asked);
    const changed = previewStep(definition, carried, asked, '', form({ saw_violence_social_media: 'no' }), false);
    expect(changed.kind === 'page' && changed.answers).toEqual({ saw_violence_social_media: 'no' });
  });

  it('ends after the last page', () => {
    const last = definition.pages.at(-1)?.id as string;
    expect(previewStep(definition, { consent: true }, last, '', form({ what_would_help: 'More youth clubs' }), false)).toEqual({
      kind: 'end',
      answers: { consent: true, what_would_help: 'More youth clubs' }
    });
  });

  it('an unknown page starts again', () => {
    expect(previewStep(definition, {}, 'no_such_page', '', form({}), false)).toMatchObject({ kind: 'page', step: { page: { id: definition.pages[0]?.id } } });
    expect(previewStep(definition, {}, pageOf('consent'), 'no_such_row', form({}), false)).toMatchObject({ kind: 'page', number: 1 });
  });

  it('shows the steps respondents get, a grid one row at a time, and counts them as respondents’ pages do', () => {
    // Through the whole preview, giving only the consent, as the hidden field carries the answers.
    const seen: Extract<PreviewState, { kind: 'page' }>[] = [];
    let state = firstPreviewPage(definition);
    for (let guard = 0; state.kind === 'page' && guard < 100; guard++) {
      seen.push(state);
      const fields: Record<string, string> = state.step.questions.some((q) => q.type === 'consent') ? { consent: 'yes' } : {};
      state = previewStep(definition, readCarriedAnswers(JSON.stringify(state.answers), definition), state.step.page.id, state.step.key, form(fields), false);
    }
    expect(state.kind).toBe('end');
    const steps = journeySteps(definition, { consent: true });
    expect(seen.map((s) => `${s.step.page.id}:${s.step.key}`)).toEqual(steps.map((s) => `${s.page.id}:${s.key}`));
    for (const [i, shown] of seen.entries()) expect({ number: shown.number, count: shown.count }).toEqual(stepProgress(definition, steps[i] as (typeof steps)[number]));
    const rows = seen.filter((s) => s.step.row);
    expect(rows.map((s) => s.step.row?.row.value)).toEqual(['town_centre', 'park', 'bus_station', 'train_station', 'high_street_shops', 'alleyways']);
    expect(rows[0]).toMatchObject({ number: 8, count: 19 });
    // Back from the second row is the first row, with the first row's answer kept.
    const second = rows[1] as Extract<PreviewState, { kind: 'page' }>;
    const back = previewStep(definition, { ...second.answers, safe_places: { town_centre: 'very_safe' } }, second.step.page.id, second.step.key, form({}), true);
    expect(back).toMatchObject({ kind: 'page', number: 8, step: { key: rows[0]?.step.key }, answers: { safe_places: { town_centre: 'very_safe' } } });
  });

  it('carries only answers the draft can take, whatever the hidden field holds', () => {
    expect(readCarriedAnswers('{"saw_violence_social_media":"yes","nope":"x","social_media_content":{"a":1}}', definition)).toEqual({ saw_violence_social_media: 'yes' });
    for (const odd of ['', 'null', '[]', '"x"', '{', '{"__proto__":{"x":1}}', '{"constructor":"x"}']) expect(readCarriedAnswers(odd, definition)).toEqual({});
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary' }),
          fc.json(),
          fc.dictionary(fc.constantFrom('saw_violence_social_media', 'social_media_content', 'x'), fc.jsonValue()).map((o) => JSON.stringify(o))
        ),
        (posted) => {
          const answers = readCarriedAnswers(posted, definition);
          const ids = new Set(definition.pages.flatMap((p) => p.questions.map((q) => q.id)));
          for (const id of Object.keys(answers)) expect(ids.has(id)).toBe(true);
        }
      )
    );
  });
});
