// Two officers editing one draft: each change is made from the revision the
// officer last read, and a change from an older revision is refused with 409
// stale_draft, changing nothing, instead of overwriting the other's work.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFromTemplate, designerPath, officerHeaders } from '../../test/designer';
import { type FreshApi, freshApi, jsonOf } from '../../test/fresh-api';
import { demoOrganisationId } from '../../test/staff';

let api: FreshApi;
let first: Record<string, string>;
let second: Record<string, string>;

beforeAll(async () => {
  api = await freshApi();
  const organisationId = await demoOrganisationId(api);
  first = await officerHeaders(api, organisationId);
  second = await officerHeaders(api, organisationId);
});
afterAll(() => api.close());

const read = async (id: string, headers: Record<string, string>) => jsonOf(await api.app.request(designerPath(id), { headers }));
const from = (headers: Record<string, string>, revision: string) => ({ ...headers, 'if-match': `"${revision}"` });

describe('designer: changes from an older revision', () => {
  it('refuses the second officer’s stale save with 409 and keeps the first officer’s change', async () => {
    const { questionnaire } = await createFromTemplate(api, first);
    const [seenByFirst, seenBySecond] = [await read(questionnaire.id, first), await read(questionnaire.id, second)];
    expect(seenBySecond.revision).toBe(seenByFirst.revision);

    const retitled = { ...seenByFirst.working.definition, title: 'Retitled by the first officer' };
    const saved = await api.json(designerPath(questionnaire.id, '/draft'), { definition: retitled }, from(first, seenByFirst.revision), 'PUT');
    expect(saved.status).toBe(200);
    const afterFirst = await jsonOf(saved);
    expect(afterFirst.revision).not.toBe(seenByFirst.revision);

    const stale = { ...seenBySecond.working.definition, summary: 'Changed by the second officer' };
    const refused = await api.json(designerPath(questionnaire.id, '/draft'), { definition: stale }, from(second, seenBySecond.revision), 'PUT');
    expect(refused.status).toBe(409);
    expect(await jsonOf(refused)).toMatchObject({ error: 'stale_draft', message: expect.stringContaining('Someone else changed this questionnaire') });

    const edit = await api.json(designerPath(questionnaire.id, '/draft/edits'), { op: 'move_page', pageId: seenBySecond.working.definition.pages[0].id, to: 1 }, from(second, seenBySecond.revision));
    expect(edit.status).toBe(409);
    const access = await api.json(designerPath(questionnaire.id, '/access'), { mode: 'codes' }, from(second, seenBySecond.revision), 'PUT');
    expect(access.status).toBe(409);

    const now = await read(questionnaire.id, second);
    expect(now.revision).toBe(afterFirst.revision);
    expect(now.working.definition).toEqual(afterFirst.working.definition);
    expect(now.questionnaire.accessMode).toBe('open');

    // Made again from the current revision, the second officer's change is saved.
    const again = await api.json(designerPath(questionnaire.id, '/draft'), { definition: { ...now.working.definition, summary: 'Changed by the second officer' } }, from(second, now.revision), 'PUT');
    expect(again.status).toBe(200);
    expect((await jsonOf(again)).working.definition).toMatchObject({ title: 'Retitled by the first officer', summary: 'Changed by the second officer' });
  });

  it('keeps clients that send no revision working: their change applies to the draft as it is now', async () => {
    const { questionnaire, working } = await createFromTemplate(api, first);
    const res = await api.json(designerPath(questionnaire.id, '/draft'), { definition: { ...working.definition, title: 'No revision sent' } }, second, 'PUT');
    expect(res.status).toBe(200);
    expect((await jsonOf(res)).working.definition.title).toBe('No revision sent');
  });

  it('refuses one of two saves made at the same moment from the same revision', async () => {
    const { questionnaire, revision, working } = await createFromTemplate(api, first);
    const save = (headers: Record<string, string>, title: string) =>
      api.json(designerPath(questionnaire.id, '/draft'), { definition: { ...working.definition, title } }, from(headers, revision), 'PUT');
    const results = await Promise.all([save(first, 'One'), save(second, 'Two')]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
  });
});
