// The explorer keeping up with the database, on the schools fixture
// (test/explore.ts): new responses, a new version, a re-coding job, analysts'
// decisions, and collections imported from a file.
import { randomUUID } from 'node:crypto';
import { questionnaireVersions } from '@safer-voices/db';
import { type Answers, sampleAnswers, withoutHiddenAnswers } from '@safer-voices/survey';
import { createCoder, DEFAULT_CODEBOOK, retireTheme } from '@safer-voices/themes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRecodeJob, runRecodeChunk } from '../coding/recode-job';
import { createResponseWriter } from '../ingest/response-writer';
import { ALLEY, KNIVES, type SchoolsExplorer, SNAP, schoolsExplorer, theme } from '../test/explore';
import { jsonOf } from '../test/fresh-api';
import { addStaff } from '../test/staff';

let api: SchoolsExplorer['api'];
let organisationId: string;
let analyst: Record<string, string>;
let survey: SchoolsExplorer['survey'];
let explore: SchoolsExplorer['explore'];
let view: SchoolsExplorer['view'];
let pupils: SchoolsExplorer['pupils'];
let codeEverything: SchoolsExplorer['codeEverything'];
beforeAll(async () => {
  ({ api, organisationId, analyst, survey, explore, view, pupils, codeEverything } = await schoolsExplorer());
}, 60_000);
afterAll(() => api.close());

describe('keeping up with the database', () => {
  it('counts new responses once they are coded', async () => {
    await pupils(10, 'Ash', 'Year 10', SNAP);
    expect(theme(await view(), 'social_media').count).toBe(10); // not coded yet
    await codeEverything();
    const v = await view();
    expect(v.base.count).toBe(72);
    expect(theme(v, 'social_media').count).toBe(20);
  });

  it('adds a newly published version, its new question becoming a dimension', async () => {
    const definition = structuredClone(survey.definition);
    definition.pages.push({
      id: 'travel',
      questions: [
        {
          id: 'travel_mode',
          type: 'single',
          label: 'How do you usually get to school?',
          required: false,
          options: [
            { value: 'walk', label: 'Walk' },
            { value: 'bus', label: 'Bus' }
          ]
        }
      ]
    });
    const versionId = randomUUID();
    await api.database.db.insert(questionnaireVersions).values({ id: versionId, questionnaireId: survey.questionnaireId, version: 2, definition, publishedAt: new Date() });
    const writer = createResponseWriter(api.database.writes, api.database.client);
    for (let i = 0; i < 12; i++) {
      const answers: Answers = { ...withoutHiddenAnswers(definition, sampleAnswers(definition, i)), what_makes_unsafe: KNIVES, travel_mode: 'bus' };
      delete answers.why_involved;
      delete answers.what_would_help;
      await writer.write({ versionId, answers, idempotencyKey: randomUUID() });
    }
    await codeEverything();
    const v = await view('?version=2');
    expect(v.versions.map((x) => x.version)).toEqual([1, 2]);
    expect(v.dimensions.find((d) => d.key === 'travel_mode')).toMatchObject({ label: 'How do you usually get to school?' });
    expect(v.base.count).toBe(12);
    expect((await view('?f.travel_mode=bus')).base.count).toBe(12);
    // Version 1 has 72: version 2 leaves out 72, and version 1 alone leaves out the 12.
    expect((await view('?version=1')).base.count).toBe(72);
  });

  it('follows a re-coding job, including answers that lose every theme', async () => {
    const job = await createRecodeJob(api.database.db, { organisationId, questionnaireId: survey.questionnaireId, createdBy: (await addStaff(api, organisationId, ['analyst'])).id });
    const coder = createCoder({ codebook: retireTheme(DEFAULT_CODEBOOK, 'social_media') });
    await runRecodeChunk(api.database, { limit: 62, coder });
    // Part way: the first 62 pupils are re-coded, the 10 who came later not yet.
    expect(theme(await view('?version=1'), 'social_media').count).toBe(10);
    while ((await runRecodeChunk(api.database, { limit: 40, coder })) !== null);
    const v = await view('?version=1');
    expect(job.status).toBe('queued');
    expect(v.base.count).toBe(72);
    expect(theme(v, 'social_media')).toMatchObject({ count: null, suppressed: 'primary' });
    expect(theme(v, 'knives_weapons').count).toBe(24);
  });
});

describe('analysts’ decisions', () => {
  it('reach the figures at once, even one that leaves an answer with no themes', async () => {
    const before = theme(await view('?version=1'), 'knives_weapons').count as number;
    const coded = await api.database.client.execute({
      sql: "SELECT ac.response_id, ac.question_id FROM answer_codes ac JOIN responses r ON r.id = ac.response_id WHERE ac.theme_id = 'knives_weapons' AND r.version_id = ? LIMIT 1",
      args: [survey.versionId]
    });
    const [answer] = coded.rows;
    const decided = await api.json('/api/review/decisions', { responseId: answer?.response_id, questionId: answer?.question_id, themes: [] }, analyst);
    expect(decided.status, await decided.clone().text()).toBe(200);
    expect(theme(await view('?version=1'), 'knives_weapons').count).toBe(before - 1);
  });
});

describe('collections', () => {
  it('are explored like surveys, by their grouping columns', async () => {
    const rows = Array.from({ length: 24 }, (_, i) => `${i % 2 === 0 ? 'Taunton' : 'Bridgwater'},"${i < 14 ? KNIVES : ALLEY}"`);
    const form = new FormData();
    form.append('file', new File([['area,comment', ...rows].join('\r\n')], 'posts.csv'));
    form.append('name', 'Community posts');
    form.append('textColumn', 'comment');
    form.append('groupColumns', 'area');
    const imported = await api.app.request('/api/collections', { method: 'POST', body: form, headers: analyst });
    expect(imported.status, await imported.clone().text()).toBe(201);
    const { collection } = await jsonOf(imported);
    await codeEverything();
    const v = await jsonOf(await explore('', analyst, collection.id));
    expect(v.questionnaire).toMatchObject({ id: collection.id, title: 'Community posts', kind: 'collection' });
    expect(v.base.count).toBe(24);
    expect(theme(v, 'knives_weapons').count).toBe(14);
    const area = v.dimensions.find((d: { label: string }) => /area/i.test(d.label));
    expect(area.options.map((o: { label: string }) => o.label).sort()).toEqual(['Bridgwater', 'Taunton']);
    const taunton = area.options.find((o: { label: string }) => o.label === 'Taunton').value;
    expect((await jsonOf(await explore(`?f.${area.key}=${taunton}`, analyst, collection.id))).base.count).toBe(12);
  });
});
