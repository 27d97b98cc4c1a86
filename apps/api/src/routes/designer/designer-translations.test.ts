// Publishing a questionnaire whose respondents can choose a language that is
// not fully translated: refused with the languages named, unless the officer confirms.
import { translatableStrings } from '@safer-voices/survey';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFromTemplate, designerPath, officerHeaders } from '../../test/designer';
import { type FreshApi, freshApi, jsonOf } from '../../test/fresh-api';
import { demoOrganisationId } from '../../test/staff';

let api: FreshApi;
let officer: Record<string, string>;

beforeAll(async () => {
  api = await freshApi();
  officer = await officerHeaders(api, await demoOrganisationId(api));
});
afterAll(() => api.close());

async function draftWith(translations: Record<string, Record<string, string>>) {
  const created = await createFromTemplate(api, officer);
  const definition = { ...created.working.definition, translations };
  const saved = await api.json(designerPath(created.questionnaire.id, '/draft'), { definition }, officer, 'PUT');
  expect(saved.status, await saved.clone().text()).toBe(200);
  return { id: created.questionnaire.id as string, slug: created.questionnaire.slug as string, strings: translatableStrings(definition) };
}

describe('publishing languages that are not fully translated', () => {
  it('refuses, naming each such language and what is missing, and publishes when the officer confirms', async () => {
    const { id, slug, strings } = await draftWith({ ar: { title: 'الشعور بالأمان' }, pl: {} });
    const refused = await api.json(designerPath(id, '/publish'), {}, officer);
    expect(refused.status).toBe(422);
    const body = await jsonOf(refused);
    expect(body.error).toBe('translations_incomplete');
    // Polish has nothing translated, so it is not offered and not mentioned.
    expect(body.issues).toEqual([
      { field: 'translations.ar', message: `Arabic: ${strings.length - 1} of ${strings.length} pieces of text are not translated, so respondents who choose it would read them in English` }
    ]);
    expect((await api.app.request(`/api/questionnaires/${slug}`)).status).toBe(404);

    const confirmed = await api.json(designerPath(id, '/publish'), { confirmIncompleteLanguages: true }, officer);
    expect(confirmed.status, await confirmed.clone().text()).toBe(200);
    expect((await jsonOf(await api.app.request(`/api/questionnaires/${slug}`))).definition.translations.ar.title).toBe('الشعور بالأمان');
  });

  it('publishes a fully translated language without asking', async () => {
    const created = await createFromTemplate(api, officer);
    const all = Object.fromEntries(translatableStrings(created.working.definition).map(({ key }) => [key, `cy: ${key}`]));
    const { id } = await draftWith({ cy: all });
    expect((await api.json(designerPath(id, '/publish'), {}, officer)).status).toBe(200);
  });

  it('refuses a confirmation that is not exactly true', async () => {
    const { id } = await draftWith({ ar: { title: 'الشعور بالأمان' } });
    const res = await api.json(designerPath(id, '/publish'), { confirmIncompleteLanguages: 'yes' }, officer);
    expect(res.status).toBe(400);
  });
});
