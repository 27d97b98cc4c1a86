// Answers shown to analysts are redacted with the school labels of the
// organisation's class codes as well as its own terms, wherever they are
// shown (review queue, double coding, a collection's preview), as the
// explorer and report quotes are: a pupil naming their school names it as
// their class code does. One rule (store/redaction-terms.ts), on a real
// database.
import { randomUUID } from 'node:crypto';
import { accessCodes } from '@safer-voices/db';
import { redactedAnswer } from '@safer-voices/insights';
import { sampleAnswers } from '@safer-voices/survey';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOutstanding } from '../coding/code-outstanding';
import { staffRedactionTerms, withSchoolLabels } from '../store/redaction-terms';
import { demoSurvey } from '../test/coding';
import { type FreshApi, freshApi, jsonOf } from '../test/fresh-api';
import { addOrganisation, addStaff, bearerFor, demoOrganisationId } from '../test/staff';

const SCHOOL = 'Hollybrook';
let api: FreshApi;
let survey: Awaited<ReturnType<typeof demoSurvey>>;
let organisationId: string;
let analyst: Record<string, string>;

beforeAll(async () => {
  api = await freshApi();
  survey = await demoSurvey(api);
  organisationId = await demoOrganisationId(api);
  analyst = await bearerFor(api, (await addStaff(api, organisationId, ['analyst'])).id);
  await api.database.db.insert(accessCodes).values({ id: randomUUID(), questionnaireId: survey.questionnaireId, codeHash: randomUUID(), kind: 'class', schoolLabel: SCHOOL, classLabel: 'Year 6' });
  for (let i = 0; i < 6; i++) {
    const answers: Record<string, unknown> = sampleAnswers(survey.definition, i);
    for (const id of ['what_makes_unsafe', 'why_involved', 'what_would_help']) delete answers[id];
    const text = `Older boys wait outside ${SCHOOL} and carry knives ${i}`;
    const res = await api.json('/api/responses', { versionId: survey.versionId, answers: { ...answers, what_makes_unsafe: text }, idempotencyKey: randomUUID() });
    expect(res.status).toBe(201);
  }
  await codeOutstanding(api.database, { limit: 100 });
}, 120_000);
afterAll(() => api.close());

describe('school labels of class codes in answers shown to analysts', () => {
  it('are redacted in the review queue', async () => {
    const res = await api.app.request(`/api/review/questionnaires/${survey.questionnaireId}?limit=20`, { headers: analyst });
    expect(res.status).toBe(200);
    const texts = ((await jsonOf(res)).items as { text: string }[]).map((i) => i.text).filter((t) => t.includes('carry knives'));
    expect(texts.length).toBeGreaterThan(0);
    expect(texts.filter((t) => t.includes('Hollybrook'))).toEqual([]);
  });

  it('are redacted in double coding', async () => {
    const created = await api.json('/api/review/double-coding/rounds', { questionnaireId: survey.questionnaireId, name: 'Schools', sampleSize: 5 }, analyst);
    expect(created.status, await created.clone().text()).toBe(201);
    const { round } = await jsonOf(created);
    const view = await jsonOf(await api.app.request(`/api/review/double-coding/rounds/${round.id}`, { headers: analyst }));
    expect(view.item.text).not.toContain('Hollybrook');
    expect(view.item.text.length).toBeGreaterThan(0);
  });

  it('are redacted in a collection’s preview', async () => {
    const form = new FormData();
    form.append('file', new File([`comment\r\nThey fight outside ${SCHOOL} every Friday\r\n`], 'posts.csv'));
    const res = await api.app.request('/api/collections/preview', { method: 'POST', body: form, headers: analyst });
    expect(res.status).toBe(200);
    const [comment] = (await jsonOf(res)).preview.columns;
    expect(comment.samples).toHaveLength(1);
    expect(comment.samples[0]).toMatch(/^They fight outside .+ every Friday$/);
    expect(comment.samples[0]).not.toContain('Hollybrook');
  });

  it('are the organisation’s own: another organisation’s terms do not include them', async () => {
    expect(await staffRedactionTerms(api.database.db, organisationId)).toContain(SCHOOL);
    expect(await staffRedactionTerms(api.database.db, await addOrganisation(api, 'Elsewhere VRP'))).not.toContain(SCHOOL);
  });

  it('redact any label of three or more characters from any text around it, each term once', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string()),
        fc.string({ minLength: 3 }).filter((s) => /^[A-Za-z][A-Za-z ]+[A-Za-z]$/.test(s)),
        fc.string(),
        fc.string(),
        (terms, school, before, after) => {
          const all = withSchoolLabels(terms, [school, ' ', 'Y9']);
          expect(new Set(all).size).toBe(all.length);
          expect(all).toContain(school);
          expect(all).not.toContain('Y9');
          expect(redactedAnswer(`${before} ${school} ${after}`, all).text).not.toContain(` ${school} `);
        }
      )
    );
  });
});
