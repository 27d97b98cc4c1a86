// The explorer's test fixture on a real temporary database: pupils from three
// schools answer the youth survey with class codes, and the coder codes
// their answers. 62 pupils: knives 24 (12 with fear), fear 28, the alley
// (environment) 12, snapchat threats (social media) 10; Ash's 6 Year 9 pupils
// are the small group of the differencing attack.
import { randomUUID } from 'node:crypto';
import { organisationSettings } from '@safer-voices/db';
import { type Answers, sampleAnswers, withoutHiddenAnswers } from '@safer-voices/survey';
import { expect } from 'vitest';
import { codeOutstanding } from '../coding/code-outstanding';
import { createResponseWriter } from '../ingest/response-writer';
import type { ExploreView } from '../explore/types';
import { demoSurvey } from './coding';
import { freshApi, jsonOf } from './fresh-api';
import { addStaff, bearerFor, demoOrganisationId } from './staff';

export const KNIVES_AND_SCARED = 'Boys at Oak Academy carry knives and I feel scared walking home at night, ring Sophie Smith on 07700 900123';
export const KNIVES = 'Boys carry knives near the station';
export const ALLEY = 'The dark alley behind the shops at night';
export const SCARED = 'I feel scared walking home at night';
export const SNAP = 'People send threats on snapchat';

export async function schoolsExplorer() {
  const api = await freshApi();
  const organisationId = await demoOrganisationId(api);
  const analyst = await bearerFor(api, (await addStaff(api, organisationId, ['analyst'])).id);
  const survey = await demoSurvey(api);
  await api.database.db.insert(organisationSettings).values({ organisationId, redactionTerms: ['Oak Academy'], updatedAt: new Date() });
  let submitted = 0;

  /** Pupils' responses through the ingest writer, as a class code would start them. */
  async function pupils(count: number, school: string, klass: string, text: string) {
    const writer = createResponseWriter(api.database.writes, api.database.client);
    for (let i = 0; i < count; i++) {
      const answers: Answers = { ...sampleAnswers(survey.definition, submitted++), saw_violence_social_media: text === SNAP ? 'yes' : 'no', what_makes_unsafe: text };
      delete answers.why_involved;
      delete answers.what_would_help;
      await writer.write({ versionId: survey.versionId, answers: withoutHiddenAnswers(survey.definition, answers), context: { school, class: klass }, idempotencyKey: randomUUID() });
    }
  }

  async function codeEverything() {
    while ((await codeOutstanding(api.database, { limit: 100 })).responses > 0);
  }

  const explore = async (query = '', headers = analyst, id = survey.questionnaireId) => api.app.request(`/api/explore/${id}${query}`, { headers });
  const view = async (query = ''): Promise<ExploreView> => {
    const res = await explore(query);
    expect(res.status, await res.clone().text()).toBe(200);
    return jsonOf(res);
  };

  await pupils(12, 'Oak', 'Year 9', KNIVES_AND_SCARED);
  await pupils(8, 'Oak', 'Year 9', ALLEY);
  await pupils(12, 'Elm', 'Year 9', KNIVES);
  await pupils(4, 'Elm', 'Year 9', ALLEY);
  await pupils(6, 'Ash', 'Year 9', SCARED);
  await pupils(10, 'Ash', 'Year 10', SCARED);
  await pupils(10, 'Ash', 'Year 10', SNAP);
  await codeEverything();
  return { api, organisationId, analyst, survey, pupils, codeEverything, explore, view };
}

export type SchoolsExplorer = Awaited<ReturnType<typeof schoolsExplorer>>;

export const theme = (v: ExploreView, id: string) => v.prevalence.find((t) => t.themeId === id) as ExploreView['prevalence'][number];
