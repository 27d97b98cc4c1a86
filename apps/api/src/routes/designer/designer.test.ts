import fc from 'fast-check';
import { exportQuestionnaire, type QuestionnaireDefinition } from '@safer-voices/survey';
import { parsedTemplate } from '@safer-voices/survey/templates';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFromTemplate, designerPath, officerHeaders, respond } from '../../test/designer';
import type { Issue } from '../../errors';
import { type FreshApi, freshApi, jsonOf } from '../../test/fresh-api';
import { addOrganisation, demoOrganisationId } from '../../test/staff';

let api: FreshApi;
let officer: Record<string, string>;
let otherOfficer: Record<string, string>;

beforeAll(async () => {
  api = await freshApi();
  officer = await officerHeaders(api, await demoOrganisationId(api));
  otherOfficer = await officerHeaders(api, await addOrganisation(api, 'Elsewhere VRP'));
});
afterAll(() => api.close());

const get = async (path: string, headers = officer) => jsonOf(await api.app.request(path, { headers }));

describe('designer: creating and listing', () => {
  it('lists the demo questionnaires as live, with response counts', async () => {
    const body = await get('/api/designer/questionnaires');
    expect(body.questionnaires).toHaveLength(3);
    for (const q of body.questionnaires) expect(q).toMatchObject({ status: 'live', publishedVersion: 1, draftVersion: null, responses: { count: 0 }, accessMode: 'open' });
  });

  it('creates from blank, from a template and as a copy, each as a draft', async () => {
    const blank = await jsonOf(await api.json('/api/designer/questionnaires', { from: { kind: 'blank', title: 'Town centre 2026' } }, officer));
    expect(blank.questionnaire).toMatchObject({ title: 'Town centre 2026', status: 'draft', draftVersion: 1, publishedVersion: null });
    expect(blank.questionnaire.slug).toBe('town-centre-2026');
    const fromTemplate = await createFromTemplate(api, officer, 'feeling-safe-8-11');
    expect(fromTemplate.working.definition).toEqual(parsedTemplate('feeling-safe-8-11'));
    expect(fromTemplate.problems).toEqual([]);
    const copy = await jsonOf(await api.json('/api/designer/questionnaires', { from: { kind: 'copy', questionnaireId: fromTemplate.questionnaire.id } }, officer));
    expect(copy.working.definition).toEqual(fromTemplate.working.definition);
    expect(copy.questionnaire.id).not.toBe(fromTemplate.questionnaire.id);
  });

  it('explains an unknown template', async () => {
    const res = await api.json('/api/designer/questionnaires', { from: { kind: 'template', slug: 'nope' } }, officer);
    expect(res.status).toBe(422);
    expect((await jsonOf(res)).issues[0].field).toBe('from.slug');
  });
});

describe('designer: editing and publishing', () => {
  it('saves a draft with logic problems, and refuses to publish it with the list', async () => {
    const created = await createFromTemplate(api, officer);
    const definition: QuestionnaireDefinition = structuredClone(created.working.definition);
    const level = definition.pages.find((p) => p.id === 'worry_crime_level')?.questions[0];
    if (!level) throw new Error('the template has no question on its “worry_crime_level” page');
    level.showIf = { question: 'worry_crime', equals: 'sometimes' };
    const saved = await api.json(designerPath(created.questionnaire.id, '/draft'), { definition }, officer, 'PUT');
    expect(saved.status).toBe(200);
    const body = await jsonOf(saved);
    expect(body.problems.map((p: Issue) => p.field)).toEqual([expect.stringMatching(/showIf$/), expect.stringMatching(/required$/)]);
    const refused = await api.json(designerPath(created.questionnaire.id, '/publish'), {}, officer);
    expect(refused.status).toBe(422);
    expect((await jsonOf(refused)).issues).toEqual(body.problems);
  });

  it('refuses a definition of the wrong shape with every issue, saving nothing', async () => {
    const created = await createFromTemplate(api, officer);
    const res = await api.json(designerPath(created.questionnaire.id, '/draft'), { definition: { title: '', pages: [] } }, officer, 'PUT');
    expect(res.status).toBe(422);
    const fields = (await jsonOf(res)).issues.map((i: Issue) => i.field);
    expect(fields).toEqual(expect.arrayContaining(['definition.title', 'definition.audience', 'definition.pages']));
    expect((await get(designerPath(created.questionnaire.id))).working.definition).toEqual(created.working.definition);
  });

  it('words problems with the settings as the settings form does', async () => {
    const created = await createFromTemplate(api, officer);
    const definition = { ...created.working.definition, title: '', minutes: 2.5, localContact: { name: '', url: 'javascript:alert(1)' } };
    const res = await api.json(designerPath(created.questionnaire.id, '/draft'), { definition }, officer, 'PUT');
    expect(res.status).toBe(422);
    expect((await jsonOf(res)).issues).toEqual([
      { field: 'definition.title', message: 'Enter a title' },
      { field: 'definition.minutes', message: 'Enter how many minutes it takes, as a whole number, like 10' },
      { field: 'definition.localContact.name', message: 'Enter the name of the local service, or clear its other details' },
      { field: 'definition.localContact.url', message: 'A link must start https://, http://, tel: or mailto:, not javascript:' }
    ]);
  });

  it('refuses a title too long, counting characters as a person does, when creating and when saving', async () => {
    const created = await createFromTemplate(api, officer);
    for (const title of ['😀'.repeat(5000), 'a'.repeat(5000), 'ж'.repeat(201)]) {
      const made = await api.json('/api/designer/questionnaires', { from: { kind: 'blank', title } }, officer);
      expect(made.status).toBe(400);
      expect((await jsonOf(made)).issues).toEqual([{ field: 'from.title', message: 'The title must be 200 characters or fewer' }]);
      const saved = await api.json(designerPath(created.questionnaire.id, '/draft'), { definition: { ...created.working.definition, title } }, officer, 'PUT');
      expect(saved.status).toBe(422);
      expect((await jsonOf(saved)).issues).toEqual([{ field: 'definition.title', message: 'The title must be 200 characters or fewer' }]);
    }
    // 200 characters to a reader, 1,600 in UTF-16.
    const families = '👩‍👩‍👧'.repeat(200);
    const made = await api.json('/api/designer/questionnaires', { from: { kind: 'blank', title: families } }, officer);
    expect(made.status).toBe(201);
    expect((await jsonOf(made)).questionnaire.title).toBe(families);
    expect((await get(designerPath(created.questionnaire.id))).working.definition.title).toBe(created.working.definition.title);
  });

  it('refuses a title or summary of invisible characters alone as empty', async () => {
    const created = await createFromTemplate(api, officer);
    for (const blank of ['\u200b', '\u2060\ufeff', '\u00a0\u00a0', '\u200b \u3000\u2800\u3164']) {
      const made = await api.json('/api/designer/questionnaires', { from: { kind: 'blank', title: blank } }, officer);
      expect(made.status).toBe(400);
      expect((await jsonOf(made)).issues).toEqual([{ field: 'from.title', message: 'Enter a title' }]);
      const saved = await api.json(designerPath(created.questionnaire.id, '/draft'), { definition: { ...created.working.definition, title: blank, summary: blank } }, officer, 'PUT');
      expect(saved.status).toBe(422);
      expect((await jsonOf(saved)).issues).toEqual([
        { field: 'definition.title', message: 'Enter a title' },
        { field: 'definition.summary', message: 'Enter a summary' }
      ]);
    }
  });

  it('answers any Unicode title with a new draft or a 400 naming the title, never more', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string({ unit: 'binary', maxLength: 260 }), fc.string({ unit: 'grapheme', maxLength: 220 })), async (title) => {
        const res = await api.json('/api/designer/questionnaires', { from: { kind: 'blank', title } }, officer);
        expect([201, 400]).toContain(res.status);
        if (res.status === 400) {
          const [issue] = (await jsonOf(res)).issues;
          expect(['Enter a title', 'The title must be 200 characters or fewer']).toContain(issue.message);
        }
      }),
      { numRuns: 40 }
    );
  });

  it('applies small edits, including a standard item in one step', async () => {
    const created = await createFromTemplate(api, officer);
    const id = created.questionnaire.id;
    const inserted = await jsonOf(await api.json(designerPath(id, '/draft/edits'), { op: 'insert_standard_item', key: 'knife_crime_problem', at: 2 }, officer));
    expect(inserted.working.definition.pages[2].questions[0]).toMatchObject({ id: 'knife_crime_problem', measure: 'knife_crime_problem' });
    const moved = await jsonOf(await api.json(designerPath(id, '/draft/edits'), { op: 'move_page', pageId: 'knife_crime_problem', to: 1 }, officer));
    expect(moved.working.definition.pages[1].id).toBe('knife_crime_problem');
    const refused = await api.json(designerPath(id, '/draft/edits'), { op: 'remove_question', questionId: 'nope' }, officer);
    expect(refused.status).toBe(422);
    expect((await jsonOf(refused)).issues).toEqual([{ field: 'questionId', message: 'There is no question “nope”' }]);
  });

  it('freezes each published version: responses to v1 keep v1 after v2 is published', async () => {
    const created = await createFromTemplate(api, officer);
    const { id, slug } = created.questionnaire;
    expect((await api.json(designerPath(id, '/publish'), {}, officer)).status).toBe(200);
    const first = await jsonOf(await respond(api, slug));
    const v1 = (await get(designerPath(id))).versions[0];
    expect(v1).toMatchObject({ version: 1, responses: { fewerThan: 10 } });
    const stored = await api.database.client.execute({ sql: 'SELECT definition FROM questionnaire_versions WHERE id = ?', args: [v1.id] });

    const definition = structuredClone(created.working.definition);
    definition.title = 'Community safety survey, second wave';
    const edited = await jsonOf(await api.json(designerPath(id, '/draft'), { definition }, officer, 'PUT'));
    expect(edited.questionnaire).toMatchObject({ status: 'live', publishedVersion: 1, draftVersion: 2 });
    expect((await jsonOf(await api.app.request(`/api/questionnaires/${slug}`))).version).toBe(1);
    const published = await jsonOf(await api.json(designerPath(id, '/publish'), {}, officer));
    expect(published.questionnaire).toMatchObject({ publishedVersion: 2, draftVersion: null, responses: { fewerThan: 10 } });
    expect((await api.json(designerPath(id, '/publish'), {}, officer)).status).toBe(409);

    const second = await jsonOf(await respond(api, slug));
    expect(second.versionId).not.toBe(first.versionId);
    const response = await api.database.client.execute({ sql: 'SELECT version_id FROM responses WHERE id = ?', args: [first.id] });
    expect(response.rows[0]?.version_id).toBe(first.versionId);
    const after = await api.database.client.execute({ sql: 'SELECT definition FROM questionnaire_versions WHERE id = ?', args: [v1.id] });
    expect(after.rows[0]?.definition).toBe(stored.rows[0]?.definition);
    await expect(api.database.client.execute({ sql: "UPDATE questionnaire_versions SET definition = '{}' WHERE id = ?", args: [v1.id] })).rejects.toThrow(/immutable/);
    const list = await get('/api/designer/questionnaires');
    expect(list.questionnaires.find((q: { id: string }) => q.id === id)).toMatchObject({ responses: { fewerThan: 10 }, title: 'Community safety survey, second wave' });
  });

  it('schedules, closes with a clear answer for late respondents, and lists it as closed', async () => {
    const created = await createFromTemplate(api, officer);
    const { id, slug } = created.questionnaire;
    await api.json(designerPath(id, '/publish'), {}, officer);
    const bad = await api.json(designerPath(id, '/schedule'), { opensAt: '2026-09-10T09:00:00Z', closesAt: '2026-09-01T09:00:00Z' }, officer, 'PUT');
    expect((await jsonOf(bad)).issues[0].field).toBe('closesAt');
    const future = await jsonOf(await api.json(designerPath(id, '/schedule'), { opensAt: '2099-01-01T00:00:00Z', closesAt: null }, officer, 'PUT'));
    expect(future.questionnaire).toMatchObject({ status: 'live', availability: 'not_yet_open', opensAt: '2099-01-01T00:00:00.000Z' });
    await api.json(designerPath(id, '/schedule'), { opensAt: null, closesAt: null }, officer, 'PUT');
    const closed = await jsonOf(await api.json(designerPath(id, '/close'), {}, officer));
    expect(closed.questionnaire).toMatchObject({ status: 'closed', availability: 'closed' });
    await new Promise((resolve) => setTimeout(resolve, 5));
    const late = await api.json('/api/drafts', { slug });
    expect(late.status).toBe(409);
    expect(await jsonOf(late)).toMatchObject({ error: 'questionnaire_closed', message: expect.stringMatching(/has closed/) });
  });
});

describe('designer: import and export', () => {
  it('exports the versioned format and imports it as a new draft', async () => {
    const created = await createFromTemplate(api, officer, 'youth-safety-11-19');
    const res = await api.app.request(designerPath(created.questionnaire.id, '/export'), { headers: officer });
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename=".+-v1\.json"/);
    const file = await jsonOf(res);
    expect(file).toMatchObject({ format: 'safer-voices/questionnaire', version: 1, questionnaire: created.working.definition });
    const imported = await api.json('/api/designer/import', file, officer);
    expect(imported.status).toBe(201);
    expect((await jsonOf(imported)).questionnaire).toMatchObject({ status: 'draft', title: "Young people's safety survey" });
  });

  it('explains every problem in a bad file and imports nothing', async () => {
    const before = await api.count('questionnaires');
    const template = parsedTemplate('youth-safety-11-19');
    if (!template) throw new Error('template missing');
    const file = exportQuestionnaire(template);
    file.version = 1;
    const question = file.questionnaire.pages[0]?.questions[0];
    if (!question) throw new Error('the template has no first question');
    // Values the questionnaire's type forbids, as a file edited by hand may hold.
    Object.assign(file.questionnaire, { audience: 'everyone' });
    Object.assign(question, { type: 'video' });
    const res = await api.json('/api/designer/import', file, officer);
    expect(res.status).toBe(422);
    const body = await jsonOf(res);
    expect(body.message).toMatch(/problems; nothing was imported/);
    expect(body.issues.map((i: Issue) => i.field)).toEqual(expect.arrayContaining(['questionnaire.audience', 'questionnaire.pages.0.questions.0.type']));
    // A problem with a setting is worded as the editor's settings form words it.
    expect(body.issues).toContainEqual({ field: 'questionnaire.audience', message: 'Choose who the questionnaire is for' });
    expect((await api.json('/api/designer/import', '{ not json', officer)).status).toBe(400);
    expect(await api.count('questionnaires')).toBe(before);
  });
});

describe('designer: other organisations', () => {
  it('answers every id from another organisation with 404 and shows none of its data', async () => {
    const mine = await createFromTemplate(api, officer);
    const id = mine.questionnaire.id;
    const requests: [string, string, unknown?][] = [
      ['GET', designerPath(id)],
      ['PUT', designerPath(id, '/draft'), { definition: mine.working.definition }],
      ['POST', designerPath(id, '/draft/edits'), { op: 'remove_page', pageId: 'start' }],
      ['POST', designerPath(id, '/publish'), {}],
      ['PUT', designerPath(id, '/schedule'), { opensAt: null, closesAt: null }],
      ['POST', designerPath(id, '/close'), {}],
      ['PUT', designerPath(id, '/access'), { mode: 'codes' }],
      ['GET', designerPath(id, '/export')],
      ['POST', designerPath(id, '/codes/class'), { school: 'X', className: 'Y' }],
      ['POST', designerPath(id, '/codes/single'), { count: 2 }],
      ['GET', designerPath(id, '/codes')],
      ['GET', designerPath(id, '/codes.csv')],
      ['POST', '/api/designer/questionnaires', { from: { kind: 'copy', questionnaireId: id } }]
    ];
    for (const [method, path, body] of requests) {
      const res = body === undefined ? await api.app.request(path, { method, headers: otherOfficer }) : await api.json(path, body, otherOfficer, method);
      expect(res.status, `${method} ${path}`).toBe(404);
      expect(JSON.stringify(await jsonOf(res))).not.toContain(mine.questionnaire.slug);
    }
    const theirs = await get('/api/designer/questionnaires', otherOfficer);
    expect(theirs.questionnaires).toEqual([]);
    expect((await get(designerPath(id))).working.definition).toEqual(mine.working.definition);
    expect((await get(designerPath(id))).questionnaire.status).toBe('draft');
  });
});
