// The codebook editor's API: versions per organisation starting from the
// default codebook, edits saved atomically as new versions (stale and
// simultaneous edits refused with 409), phrases checked by the coder's own
// parser, roles, scoping and the audit log.
import { createCoder, DEFAULT_CODEBOOK } from '@safer-voices/themes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentCodebook, isVersionTaken, saveCodebookStatement } from '../store/codebooks';
import { type FreshApi, freshApi, jsonOf } from '../test/fresh-api';
import { addOrganisation, addStaff, bearerFor, demoOrganisationId } from '../test/staff';
import type { ThemeStatus } from './codebook';

let api: FreshApi;
let organisationId: string;
let analyst: Record<string, string>;
let analystId: string;

beforeAll(async () => {
  api = await freshApi();
  organisationId = await demoOrganisationId(api);
  analystId = (await addStaff(api, organisationId, ['analyst'])).id;
  analyst = await bearerFor(api, analystId);
});
afterAll(() => api.close());

const get = (path: string, headers: Record<string, string>) => api.app.request(`/api/codebook${path}`, { headers });
const send = (path: string, body: unknown, headers: Record<string, string>, method = 'POST') => api.json(`/api/codebook${path}`, body, headers, method);
const current = async (headers = analyst) => (await jsonOf(await get('', headers))).codebook;
/** The fields of a codebook theme these tests read. */
interface ThemeView {
  id: string;
  seeds: string[];
  status: ThemeStatus;
}
/** A theme the codebook is expected to hold. */
function themeIn(codebook: { themes: ThemeView[] }, id: string): ThemeView {
  const found = codebook.themes.find((t) => t.id === id);
  if (!found) throw new Error(`no theme ${id} in the codebook`);
  return found;
}

const SCOOTERS = {
  label: 'E-scooters & bikes',
  definition: 'Electric scooters and bikes ridden fast or on pavements.',
  include: ['riding on pavements', 'riding on pavements', 'speeding'],
  exclude: [],
  examples: ['they fly past on scooters'],
  seeds: ['scooter|scooters', '  E-Scooter  ', 'electric .. bike|bikes @0.7'],
  against: ['scooter licence']
};

describe('reading the codebook', () => {
  it('starts as the default codebook: version 0, 16 themes in use', async () => {
    const res = await get('', analyst);
    expect(res.status).toBe(200);
    const body = await jsonOf(res);
    expect(body.codebook.version).toBe(0);
    expect(body.codebook.themes).toHaveLength(16);
    expect(body.codebook.themes.every((t: { status: string }) => t.status === 'active')).toBe(true);
    expect(themeIn(body.codebook, 'knives_weapons')).toMatchObject({ label: 'Knives & weapons', seeds: expect.arrayContaining(['stab*']) });
    expect(body.versions).toEqual([{ version: 0, note: 'The default codebook', createdBy: null, createdAt: null }]);
  });

  it('is for analysts, officers, authors and admins; changes are for analysts and admins', async () => {
    for (const role of ['officer', 'author', 'admin'] as const) {
      const headers = await bearerFor(api, (await addStaff(api, organisationId, [role])).id);
      expect((await get('', headers)).status).toBe(200);
      const edit = await send('/themes/fear/retire', { baseVersion: 0 }, headers);
      // Admins may change it; a stale version proves they got past the role check without changing anything.
      expect(edit.status).toBe(role === 'admin' ? 200 : 403);
      if (role === 'admin') {
        const restored = await send('/themes/fear/restore', { baseVersion: 1 }, headers);
        expect(restored.status).toBe(200);
      }
    }
    const lead = await bearerFor(api, (await addStaff(api, organisationId, ['safeguarding_lead'])).id);
    expect((await get('', lead)).status).toBe(403);
    expect((await get('', {})).status).toBe(401);
  });
});

describe('editing the codebook', () => {
  it('adds a theme with phrases as a new version, tidying its lines, with a note and an audit entry', async () => {
    const before = (await current()).version;
    const res = await send('/themes', { baseVersion: before, note: 'Came up in the residents survey', theme: SCOOTERS }, analyst);
    expect(res.status).toBe(201);
    const body = await jsonOf(res);
    expect(body.saved).toEqual({ version: before + 1, note: 'Added “E-scooters & bikes” — Came up in the residents survey', themeId: 'e_scooters_bikes' });
    const theme = themeIn(body.codebook, 'e_scooters_bikes');
    expect(theme).toMatchObject({ status: 'active', include: ['riding on pavements', 'speeding'], seeds: ['scooter|scooters', 'e-scooter', 'electric .. bike|bikes @0.7'] });
    // Every default theme is still there.
    expect(body.codebook.themes.map((t: { id: string }) => t.id)).toEqual([...DEFAULT_CODEBOOK.themes.map((t) => t.id), 'e_scooters_bikes']);

    const listed = await jsonOf(await get('', analyst));
    expect(listed.codebook.version).toBe(before + 1);
    expect(listed.versions[0]).toMatchObject({ version: before + 1, note: body.saved.note, createdBy: 'Test analyst' });
    expect(Date.parse(listed.versions[0].createdAt)).not.toBeNaN();
    const audit = await api.database.client.execute({ sql: "SELECT detail FROM audit_log WHERE action = 'codebook.saved' AND actor_staff_id = ?", args: [analystId] });
    expect(JSON.parse(String(audit.rows.at(-1)?.detail))).toEqual({ version: before + 1, edit: 'add', themeId: 'e_scooters_bikes' });
  });

  it('saves a codebook the coder uses: an answer about scooters gets the new theme', async () => {
    const { codebook, version } = await currentCodebook(api.database.db, organisationId);
    expect(codebook.version).toBe(version);
    const coder = createCoder({ codebook });
    expect(coder.codebookVersion).toBe(`organisation@${version}`);
    const coding = coder.code('Kids riding e-scooters on the pavement');
    expect(coding.themes.find((t) => t.id === 'e_scooters_bikes')?.decision).toBe('yes');
  });

  it('refuses phrases the coder would reject, naming each one, and saves nothing', async () => {
    const before = await api.count('codebooks');
    const { version } = await current();
    const seeds = ['knife @2', '.. knife', 'ab*', 'knife!', 'not', 'e-bike*', 'fine phrase'];
    const res = await send('/themes', { baseVersion: version, theme: { ...SCOOTERS, label: 'Weapons again', seeds } }, analyst);
    expect(res.status).toBe(400);
    const { issues } = await jsonOf(res);
    expect(issues.map((i: { field: string }) => i.field)).toEqual(['theme.seeds.0', 'theme.seeds.1', 'theme.seeds.2', 'theme.seeds.3', 'theme.seeds.4', 'theme.seeds.5']);
    expect(issues[5].message).toBe('“e-bike*”: leave hyphens and apostrophes out of a word ending in * (write ebike*)');
    expect(issues[0].message).toBe('“knife @2”: the weight after @ must be more than 0 and at most 1, like @0.6');
    expect(issues[1].message).toBe('“.. knife”: ".." must sit between words');
    expect(issues[2].message).toMatch(/at least 3 letters before \*/);
    expect(issues[3].message).toMatch(/“knife!” cannot match any answer/);
    const empty = await send('/themes', { baseVersion: version, theme: { ...SCOOTERS, label: 'No phrases', seeds: [] } }, analyst);
    expect((await jsonOf(empty)).issues).toEqual([{ field: 'theme.seeds', message: 'Add at least one phrase, or the coder cannot find this theme' }]);
    expect(await api.count('codebooks')).toBe(before);
  });

  it('refuses a label another theme in use already has', async () => {
    const { version } = await current();
    const res = await send('/themes', { baseVersion: version, theme: { ...SCOOTERS, label: 'knives & WEAPONS' } }, analyst);
    expect(res.status).toBe(422);
    expect((await jsonOf(res)).issues).toEqual([{ field: 'theme.label', message: 'There is already a theme called “Knives & weapons”' }]);
  });

  it('changes a theme’s definition and phrases, saying what changed', async () => {
    const { version, themes } = await current();
    const fear = themes.find((t: { id: string }) => t.id === 'fear');
    const theme = { ...fear, definition: 'Feeling scared, worried or unsafe.', seeds: [...fear.seeds, 'jittery'] };
    for (const key of ['id', 'status', 'mergedInto']) delete theme[key];
    const res = await send('/themes/fear', { baseVersion: version, theme }, analyst, 'PUT');
    expect(res.status).toBe(200);
    const body = await jsonOf(res);
    expect(body.saved.note).toBe('Changed the definition and phrases of “Fear & feeling unsafe”');
    expect(themeIn(body.codebook, 'fear')).toMatchObject({ definition: 'Feeling scared, worried or unsafe.', seeds: expect.arrayContaining(['jittery']) });
    const again = await send('/themes/fear', { baseVersion: version + 1, theme }, analyst, 'PUT');
    expect(again.status).toBe(422);
    expect((await jsonOf(again)).message).toMatch(/Nothing was changed/);
    expect((await send('/themes/no_such_theme', { baseVersion: version + 1, theme }, analyst, 'PUT')).status).toBe(404);
  });

  it('merges one theme into another: the first shows as merged, the second takes its phrases', async () => {
    const { version } = await current();
    expect((await send('/themes/peer_pressure/merge', { baseVersion: version, intoId: 'peer_pressure' }, analyst)).status).toBe(422);
    const res = await send('/themes/peer_pressure/merge', { baseVersion: version, intoId: 'bullying', note: 'Hard to tell apart' }, analyst);
    expect(res.status).toBe(200);
    const body = await jsonOf(res);
    expect(body.saved.note).toBe('Merged “Peer pressure, status & glamour” into “Bullying” — Hard to tell apart');
    const from = themeIn(body.codebook, 'peer_pressure');
    expect(from).toMatchObject({ status: 'merged', mergedInto: { id: 'bullying', label: 'Bullying' } });
    expect(themeIn(body.codebook, 'bullying').seeds).toEqual(expect.arrayContaining(from.seeds));
    // A merged theme cannot be merged again, edited, or brought back.
    expect((await send('/themes/peer_pressure/merge', { baseVersion: version + 1, intoId: 'fear' }, analyst)).status).toBe(422);
    const restore = await send('/themes/peer_pressure/restore', { baseVersion: version + 1 }, analyst);
    expect(restore.status).toBe(422);
    expect((await jsonOf(restore)).message).toMatch(/was merged into another theme/);
  });

  it('retires a theme and restores it, each as a version of its own', async () => {
    const { version } = await current();
    const retired = await jsonOf(await send('/themes/environment/retire', { baseVersion: version, note: 'Not asked about this year' }, analyst));
    expect(themeIn(retired.codebook, 'environment').status).toBe('retired');
    expect(retired.saved.note).toBe('Retired “Places & environment” — Not asked about this year');
    expect(
      createCoder({ codebook: (await currentCodebook(api.database.db, organisationId)).codebook })
        .code('no street lights')
        .themes.map((t) => t.id)
    ).not.toContain('environment');
    // Retiring twice, or merging into a retired theme, explains itself.
    expect((await send('/themes/environment/retire', { baseVersion: version + 1 }, analyst)).status).toBe(422);
    expect((await send('/themes/vawg/merge', { baseVersion: version + 1, intoId: 'environment' }, analyst)).status).toBe(422);
    const restored = await jsonOf(await send('/themes/environment/restore', { baseVersion: version + 1 }, analyst));
    expect(themeIn(restored.codebook, 'environment').status).toBe('active');
    expect(restored.codebook.version).toBe(version + 2);
  });

  it('keeps every version readable', async () => {
    const { versions } = await jsonOf(await get('', analyst));
    expect(versions.map((v: { version: number }) => v.version)).toEqual([...Array(versions.length).keys()].reverse());
    const first = await jsonOf(await get('/versions/0', analyst));
    expect(first.codebook.themes).toHaveLength(16);
    const withScooters = versions.find((v: { note: string }) => v.note.startsWith('Added “E-scooters'));
    const older = await jsonOf(await get(`/versions/${withScooters.version}`, analyst));
    expect(themeIn(older.codebook, 'e_scooters_bikes')).toBeDefined();
    expect(themeIn(older.codebook, 'peer_pressure').status).toBe('active');
    expect((await get('/versions/999', analyst)).status).toBe(404);
  });
});

describe('saving from an old version', () => {
  it('refuses an edit made from a version that is no longer current (409), saving nothing', async () => {
    const before = await api.count('codebooks');
    const { version } = await current();
    const res = await send('/themes/vawg/retire', { baseVersion: version - 1 }, analyst);
    expect(res.status).toBe(409);
    expect(await jsonOf(res)).toMatchObject({ error: 'codebook_changed', message: expect.stringContaining(`now version ${version}`) });
    expect(await api.count('codebooks')).toBe(before);
  });

  it('stores only one of two edits made at the same moment from the same version', async () => {
    const before = await api.count('codebooks');
    const { version } = await current();
    const results = await Promise.all([
      send('/themes/vawg/retire', { baseVersion: version }, analyst),
      send('/themes', { baseVersion: version, theme: { ...SCOOTERS, label: 'Dogs', seeds: ['dog|dogs'] } }, analyst)
    ]);
    expect(results.filter((r) => r.status === 409)).toHaveLength(1);
    expect(results.filter((r) => r.status === 200 || r.status === 201)).toHaveLength(1);
    expect(await api.count('codebooks')).toBe(before + 1);
    const audits = await api.database.client.execute({ sql: "SELECT count(*) AS n FROM audit_log WHERE action = 'codebook.saved' AND detail LIKE ?", args: [`%"version":${version + 1},%`] });
    expect(Number(audits.rows[0]?.n)).toBe(1);
  });

  it('has the database refuse a second copy of a version, whichever node saves it', async () => {
    const { db } = api.database;
    const { codebook } = await currentCodebook(db, organisationId);
    const next = { ...codebook, version: codebook.version + 1 };
    await db.batch([saveCodebookStatement(db, { organisationId, codebook: next, note: 'first', createdBy: analystId })]);
    const second = await db.batch([saveCodebookStatement(db, { organisationId, codebook: next, note: 'second', createdBy: analystId })]).catch((e: unknown) => e);
    expect(isVersionTaken(second)).toBe(true);
    expect((await jsonOf(await get('', analyst))).versions[0].note).toBe('first');
  });
});

describe('organisations', () => {
  it('keeps each organisation’s codebook its own, and another’s out of reach (404)', async () => {
    const other = await addOrganisation(api, 'Elsewhere VRP');
    const outsider = await bearerFor(api, (await addStaff(api, other, ['analyst', 'admin'])).id);
    expect((await current(outsider)).version).toBe(0);
    expect((await get(`?organisationId=${organisationId}`, outsider)).status).toBe(404);
    expect((await send(`/themes/fear/retire?organisationId=${organisationId}`, { baseVersion: 0 }, outsider)).status).toBe(404);
  });

  it('lets a hub admin edit a local partnership’s codebook', async () => {
    const partnership = await addOrganisation(api, 'Local Partnership', organisationId);
    const hubAdmin = await bearerFor(api, (await addStaff(api, organisationId, ['admin'])).id);
    const res = await send(`/themes/fear/retire?organisationId=${partnership}`, { baseVersion: 0 }, hubAdmin);
    expect(res.status).toBe(200);
    expect((await currentCodebook(api.database.db, partnership)).version).toBe(1);
    const partnershipAnalyst = await bearerFor(api, (await addStaff(api, partnership, ['analyst'])).id);
    expect((await get(`?organisationId=${organisationId}`, partnershipAnalyst)).status).toBe(404);
  });
});
