// A fixture for differencing attacks on the explorer: pupils at three schools
// who answered on known days, each kept with what the explorer may filter on,
// so a test can work out exactly who any view it is shown describes.
//
// Birch: 12 on Thu 1 Oct 2026, 12 on Wed 7 Oct, 12 on Wed 14 Oct, one alone on
// Fri 23 Oct, 12 on Thu 5 Nov. 13 of them (6 + 6 + the lone pupil) saw
// violence on social media. Cedar: 11 on Tue 6 Oct (3 saw violence), 11 on
// Tue 20 Oct (4 of them wrote nothing, so have no coded answer). Ash: 2 on
// Fri 2 Oct, 14 on Tue 13 Oct.
import { randomUUID } from 'node:crypto';
import { type Answers, sampleAnswers, withoutHiddenAnswers } from '@safer-voices/survey';
import { codeOutstanding } from '../coding/code-outstanding';
import { createResponseWriter } from '../ingest/response-writer';
import { demoSurvey } from './coding';
import { freshApi } from './fresh-api';
import { addStaff, bearerFor, demoOrganisationId } from './staff';

export interface DatedPupil {
  id: string;
  school: string;
  /** YYYY-MM-DD, UTC. */
  day: string;
  saw: 'yes' | 'no';
  /** Wrote a free-text answer, so has a coded answer (is in the themes' base). */
  coded: boolean;
}

const TEXTS = ['Boys carry knives near the station', 'I feel scared walking home at night', 'The dark alley behind the shops at night'];

export async function datedPupils() {
  const api = await freshApi();
  const organisationId = await demoOrganisationId(api);
  const analyst = await bearerFor(api, (await addStaff(api, organisationId, ['analyst'])).id);
  const survey = await demoSurvey(api);
  const writer = createResponseWriter(api.database.writes, api.database.client);
  const pupils: DatedPupil[] = [];

  async function add(count: number, school: string, day: string, { saw = 0, uncoded = 0 } = {}) {
    for (let i = 0; i < count; i++) {
      const n = pupils.length;
      const coded = i >= uncoded;
      const answers: Answers = { ...sampleAnswers(survey.definition, n), saw_violence_social_media: i < saw ? 'yes' : 'no', what_makes_unsafe: TEXTS[n % TEXTS.length] as string };
      delete answers.why_involved;
      delete answers.what_would_help;
      if (!coded) delete answers.what_makes_unsafe;
      const stored = await writer.write({ versionId: survey.versionId, answers: withoutHiddenAnswers(survey.definition, answers), context: { school, class: 'Year 9' }, idempotencyKey: randomUUID() });
      // Midday, so the day is the same in every timezone the tests run in.
      await api.database.client.execute({ sql: 'UPDATE responses SET submitted_at = ? WHERE id = ?', args: [Date.parse(`${day}T12:00:00Z`), stored.id] });
      pupils.push({ id: stored.id, school, day, saw: i < saw ? 'yes' : 'no', coded });
    }
  }

  await add(12, 'Birch', '2026-10-01', { saw: 6 });
  await add(12, 'Birch', '2026-10-07', { saw: 6 });
  await add(12, 'Birch', '2026-10-14');
  await add(1, 'Birch', '2026-10-23', { saw: 1 });
  await add(12, 'Birch', '2026-11-05');
  await add(11, 'Cedar', '2026-10-06', { saw: 3 });
  await add(11, 'Cedar', '2026-10-20', { uncoded: 4 });
  await add(2, 'Ash', '2026-10-02');
  await add(14, 'Ash', '2026-10-13');
  while ((await codeOutstanding(api.database, { limit: 100 })).responses > 0);

  const request = (path: string) => api.app.request(`/api/explore/${survey.questionnaireId}${path}`, { headers: analyst });
  return { api, survey, pupils, request };
}
