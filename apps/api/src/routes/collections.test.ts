// Importing free text into collections: a preview that keeps nothing, an
// import that writes the collection and every row or nothing at all, a retry
// that is not doubled, role and organisation checks, collections kept away
// from respondents, and the background coder coding the imported rows.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOutstanding } from '../coding/code-outstanding';
import { type FreshApi, freshApi, jsonOf } from '../test/fresh-api';
import { addOrganisation, addStaff, bearerFor, demoOrganisationId } from '../test/staff';

let api: FreshApi;
let analyst: Record<string, string>;
let organisationId: string;

beforeAll(async () => {
  api = await freshApi();
  organisationId = await demoOrganisationId(api);
  analyst = await bearerFor(api, (await addStaff(api, organisationId, ['analyst'])).id);
});
afterAll(() => api.close());

const POSTS_CSV = [
  'posted,area,source,comment',
  '12/03/2024,Taunton,Facebook,"Lads on bikes keep racing round the park at night, it is scary"',
  '13/03/2024,Bridgwater,Nextdoor,Sam said the underpass by the station feels unsafe after dark',
  '14/03/2024,Taunton,Nextdoor,',
  '2024-03-15,Bridgwater,Facebook,my stepdad hits me and I do not want to go home',
  '16/03/2024 18:30,Taunton,Facebook,"=HYPERLINK(""http://example.test"")"'
].join('\r\n');

function upload(fields: Record<string, string | string[]>, file: { content: string | Uint8Array<ArrayBuffer>; name: string } | null = { content: POSTS_CSV, name: 'posts.csv' }) {
  const form = new FormData();
  if (file) form.append('file', new File([file.content], file.name));
  for (const [key, value] of Object.entries(fields)) for (const v of [value].flat()) form.append(key, v);
  return form;
}

const post = (path: string, form: FormData, headers: Record<string, string> = analyst) => api.app.request(path, { method: 'POST', body: form, headers });
const importCsv = (fields: Record<string, string | string[]>, headers: Record<string, string> = analyst, file?: { content: string | Uint8Array<ArrayBuffer>; name: string }) =>
  post('/api/collections', upload(fields, file), headers);

async function stored() {
  return { questionnaires: await api.count('questionnaires'), versions: await api.count('questionnaire_versions'), responses: await api.count('responses'), audit: await api.count('audit_log') };
}

async function workbook(rows: ExcelJS.CellValue[][], extraSheet = false) {
  const book = new ExcelJS.Workbook();
  if (extraSheet) book.addWorksheet('Notes').addRow(['Read me first']);
  const sheet = book.addWorksheet('Posts');
  for (const row of rows) sheet.addRow(row);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

describe('preview', () => {
  it('lists each column with redacted sample values and the row count, storing nothing', async () => {
    const before = await stored();
    const res = await post('/api/collections/preview', upload({}));
    expect(res.status).toBe(200);
    const { fileName, preview } = await jsonOf(res);
    expect(fileName).toBe('posts.csv');
    expect(preview).toMatchObject({ format: 'csv', rows: 5, sheets: [], sheet: null });
    expect(preview.columns.map((c: { name: string }) => c.name)).toEqual(['posted', 'area', 'source', 'comment']);
    const [posted, area, , comment] = preview.columns;
    expect(posted).toMatchObject({ dates: true, filled: 5 });
    expect(area).toMatchObject({ distinct: 2, dates: false, samples: ['Taunton', 'Bridgwater'] });
    expect(comment.filled).toBe(4);
    // The name in the second comment is redacted, as quotes are everywhere.
    expect(comment.samples[1]).toBe('[name] said the underpass by the station feels unsafe after dark');
    expect(await stored()).toEqual(before);
  });

  it('reads an XLSX workbook: the first worksheet, or the one chosen, with date cells', async () => {
    const bytes = await workbook(
      [
        ['When', 'Text', 'Area'],
        [new Date(Date.UTC(2024, 2, 12)), 'Knife crime worries me', 'Yeovil'],
        [new Date(Date.UTC(2024, 2, 13)), { richText: [{ text: 'More ' }, { text: 'youth clubs' }] }, 'Chard']
      ],
      true
    );
    const first = await jsonOf(await post('/api/collections/preview', upload({}, { content: bytes, name: 'posts.xlsx' })));
    expect(first.preview).toMatchObject({ format: 'xlsx', sheets: ['Notes', 'Posts'], sheet: 'Notes', rows: 0 });
    const chosen = await jsonOf(await post('/api/collections/preview', upload({ sheet: 'Posts' }, { content: bytes, name: 'posts.xlsx' })));
    expect(chosen.preview).toMatchObject({ sheet: 'Posts', rows: 2 });
    expect(chosen.preview.columns[0]).toMatchObject({ name: 'When', dates: true, samples: ['2024-03-12', '2024-03-13'] });
    expect(chosen.preview.columns[1].samples).toEqual(['Knife crime worries me', 'More youth clubs']);
    const missing = await post('/api/collections/preview', upload({ sheet: 'Nope' }, { content: bytes, name: 'posts.xlsx' }));
    expect(missing.status).toBe(422);
    expect((await jsonOf(missing)).issues[0]).toMatchObject({ field: 'sheet', message: expect.stringContaining('Notes, Posts') });
  });
});

describe('import', () => {
  let collectionId: string;

  it('creates the collection and a response per row with text, dated from the date column and grouped', async () => {
    const res = await importCsv({ name: 'Local group posts', textColumn: 'comment', dateColumn: 'posted', groupColumns: ['area', 'source'] }, { ...analyst, 'idempotency-key': 'import-posts-1' });
    expect(res.status).toBe(201);
    const body = await jsonOf(res);
    expect(body).toMatchObject({ skipped: 1, replayed: false, collection: { name: 'Local group posts', rows: 4, coded: 0, organisationId, source: 'Imported from “posts.csv”' } });
    collectionId = body.collection.id;

    const version = await api.database.client.execute({ sql: 'SELECT id, definition, published_at FROM questionnaire_versions WHERE questionnaire_id = ?', args: [collectionId] });
    expect(version.rows).toHaveLength(1);
    expect(version.rows[0]?.published_at).not.toBeNull();
    const definition = JSON.parse(String(version.rows[0]?.definition));
    const questions = definition.pages[0].questions;
    expect(questions[0]).toMatchObject({ id: 'text', type: 'longtext', label: 'comment' });
    expect(questions[1]).toMatchObject({
      id: 'group_area',
      type: 'single',
      label: 'area',
      options: [
        { value: 'bridgwater', label: 'Bridgwater' },
        { value: 'taunton', label: 'Taunton' }
      ]
    });
    expect(questions[2]).toMatchObject({ id: 'group_source', options: [{ label: 'Facebook' }, { label: 'Nextdoor' }] });

    const rows = await api.database.client.execute({ sql: 'SELECT answers, submitted_at FROM responses WHERE version_id = ? ORDER BY submitted_at', args: [String(version.rows[0]?.id)] });
    const answers = rows.rows.map((r) => JSON.parse(String(r.answers)));
    expect(answers[0]).toEqual({ text: 'Lads on bikes keep racing round the park at night, it is scary', group_area: 'taunton', group_source: 'facebook' });
    // Stored as given; whatever exports it later must neutralise the formula.
    expect(answers[3].text).toBe('=HYPERLINK("http://example.test")');
    expect(rows.rows.map((r) => new Date(Number(r.submitted_at)).toISOString())).toEqual([
      '2024-03-12T00:00:00.000Z',
      '2024-03-13T00:00:00.000Z',
      '2024-03-15T00:00:00.000Z',
      // 18:30 in London in March (GMT).
      '2024-03-16T18:30:00.000Z'
    ]);
    const audit = await api.database.client.execute({ sql: "SELECT detail FROM audit_log WHERE action = 'questionnaire.created' AND target_id = ?", args: [collectionId] });
    expect(JSON.parse(String(audit.rows[0]?.detail))).toEqual({ from: { kind: 'collection', format: 'csv' }, rows: 4, skipped: 1 });
  });

  it('answers a retried import with the first collection and stores nothing new', async () => {
    const before = await stored();
    const res = await importCsv({ name: 'Local group posts', textColumn: 'comment', dateColumn: 'posted', groupColumns: ['area', 'source'] }, { ...analyst, 'idempotency-key': 'import-posts-1' });
    expect(res.status).toBe(200);
    expect(await jsonOf(res)).toMatchObject({ replayed: true, collection: { id: collectionId, rows: 4 } });
    expect(await stored()).toEqual(before);
    const reused = await importCsv({ name: 'Another name', textColumn: 'comment' }, { ...analyst, 'idempotency-key': 'import-posts-1' });
    expect(reused.status).toBe(409);
    expect(await stored()).toEqual(before);
  });

  it('lists the organisation’s collections with rows and how many are coded so far', async () => {
    const { collections } = await jsonOf(await api.app.request('/api/collections', { headers: analyst }));
    expect(collections).toEqual([expect.objectContaining({ id: collectionId, name: 'Local group posts', rows: 4, coded: 0 })]);
    const one = await api.app.request(`/api/collections/${collectionId}`, { headers: analyst });
    expect((await jsonOf(one)).collection).toMatchObject({ id: collectionId, note: '4 rows of text from the column “comment”; 1 row with no text was skipped.' });
  });

  it('is never offered to respondents: not listed, no page, no drafts, no submissions', async () => {
    const slug = `collection-${collectionId}`;
    const listed = await jsonOf(await api.app.request('/api/questionnaires'));
    expect(listed.questionnaires.map((q: { slug: string }) => q.slug)).not.toContain(slug);
    expect((await api.app.request(`/api/questionnaires/${slug}`)).status).toBe(404);
    expect((await api.json('/api/drafts', { slug })).status).toBe(404);
    const version = await api.database.client.execute({ sql: 'SELECT id FROM questionnaire_versions WHERE questionnaire_id = ?', args: [collectionId] });
    const submitted = await api.json('/api/responses', { versionId: String(version.rows[0]?.id), answers: { text: 'hello' }, idempotencyKey: 'respondent-try-1' });
    expect(submitted.status).toBe(404);
  });

  it('is not a questionnaire to design: the designer neither lists nor opens it', async () => {
    const officer = await bearerFor(api, (await addStaff(api, organisationId, ['officer'])).id);
    const listed = await jsonOf(await api.app.request('/api/designer/questionnaires', { headers: officer }));
    expect(listed.questionnaires.map((q: { id: string }) => q.id)).not.toContain(collectionId);
    expect((await api.app.request(`/api/designer/questionnaires/${collectionId}`, { headers: officer })).status).toBe(404);
  });

  it('is coded by the background coder like survey answers, flags included', async () => {
    while ((await codeOutstanding(api.database, { limit: 200 })).responses > 0);
    const { collection } = await jsonOf(await api.app.request(`/api/collections/${collectionId}`, { headers: analyst }));
    expect(collection.coded).toBe(4);
    const flags = await api.database.client.execute({
      sql: `SELECT f.organisation_id FROM safeguarding_flags f JOIN responses r ON r.id = f.response_id JOIN questionnaire_versions v ON v.id = r.version_id
            WHERE v.questionnaire_id = ? AND f.question_id = 'text'`,
      args: [collectionId]
    });
    expect(flags.rows.map((r) => r.organisation_id)).toEqual([organisationId]);
  });

  it('imports an XLSX worksheet with date cells and no grouping', async () => {
    const bytes = await workbook([
      ['When', 'Text'],
      [new Date(Date.UTC(2024, 6, 1, 9, 0)), 'The bus station is rough at night'],
      [new Date(Date.UTC(2024, 6, 2)), { formula: '"Shared "&"formula"', result: 'Shared formula' }]
    ]);
    const res = await importCsv({ name: 'Workbook', textColumn: 'Text', dateColumn: 'When' }, analyst, { content: bytes, name: 'book.xlsx' });
    expect(res.status).toBe(201);
    const { collection } = await jsonOf(res);
    const rows = await api.database.client.execute({
      sql: 'SELECT r.answers, r.submitted_at FROM responses r JOIN questionnaire_versions v ON v.id = r.version_id WHERE v.questionnaire_id = ? ORDER BY r.submitted_at',
      args: [collection.id]
    });
    expect(rows.rows.map((r) => JSON.parse(String(r.answers)).text)).toEqual(['The bus station is rough at night', 'Shared formula']);
    // 09:00 in London in July is 08:00 UTC.
    expect(new Date(Number(rows.rows[0]?.submitted_at)).toISOString()).toBe('2024-07-01T08:00:00.000Z');
  });
});

describe('refusals change nothing', () => {
  const refusals: [string, () => Response | Promise<Response>, number, RegExp][] = [
    ['no file', () => post('/api/collections', upload({ name: 'x', textColumn: 'comment' }, null)), 400, /file/],
    [
      'a file that is not CSV or XLSX',
      () => importCsv({ name: 'x', textColumn: 'comment' }, analyst, { content: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]), name: 'photo.png' }),
      422,
      /not a CSV or XLSX/
    ],
    ['an old .xls file', () => importCsv({ name: 'x', textColumn: 'comment' }, analyst, { content: new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3]), name: 'old.xls' }), 422, /\.xls/],
    [
      'text that is not UTF-8',
      () => importCsv({ name: 'x', textColumn: 'comment' }, analyst, { content: new Uint8Array([0x63, 0x6f, 0x6d, 0x0a, 0xa3, 0x35, 0x0a]), name: 'latin1.csv' }),
      422,
      /UTF-8/
    ],
    // Read piece by piece: a quote left open past the first piece is still caught, and nothing is stored.
    [
      'a quote that is never closed',
      () => importCsv({ name: 'x', textColumn: 'comment' }, analyst, { content: `comment\n${'fine\n'.repeat(100_000)}"never closed\n`, name: 'q.csv' }),
      422,
      /could not be read: .*[Qq]uote/
    ],
    ['a header with an unnamed column', () => importCsv({ name: 'x', textColumn: 'comment' }, analyst, { content: 'comment,\nhello,world\n', name: 'h.csv' }), 422, /no name/],
    ['an unknown text column', () => importCsv({ name: 'x', textColumn: 'message' }), 422, /no column called “message”/],
    ['a missing name', () => importCsv({ name: ' ', textColumn: 'comment' }), 400, /name/],
    [
      'text longer than 5,000 characters',
      () => importCsv({ name: 'x', textColumn: 'comment' }, analyst, { content: `comment\nshort\n${'a'.repeat(5001)}\nfine\n${'b'.repeat(6000)}\n`, name: 'long.csv' }),
      422,
      /Rows 3, 5 have text longer/
    ],
    ['dates it cannot read', () => importCsv({ name: 'x', textColumn: 'comment', dateColumn: 'area' }), 422, /Rows 2, 3, 5, 6 have no date/],
    [
      'the text column as a grouping column',
      () => importCsv({ name: 'x', textColumn: 'n', groupColumns: 'n' }, analyst, { content: `n\n${Array.from({ length: 60 }, (_, i) => `v${i}`).join('\n')}\n`, name: 'n.csv' }),
      422,
      /text column cannot also/
    ],
    [
      'more than 50 different group values',
      () => importCsv({ name: 'x', textColumn: 't', groupColumns: 'g' }, analyst, { content: `t,g\n${Array.from({ length: 60 }, (_, i) => `text ${i},g${i}`).join('\n')}\n`, name: 'g.csv' }),
      422,
      /more than 50 different values/
    ],
    ['a grouping column with one value', () => importCsv({ name: 'x', textColumn: 't', groupColumns: 'g' }, analyst, { content: 't,g\none,A\ntwo,A\n', name: 'g.csv' }), 422, /only one value/],
    ['more than three grouping columns', () => importCsv({ name: 'x', textColumn: 'comment', groupColumns: ['area', 'source', 'posted', 'area'] }), 400, /at most 3/],
    ['more than 50,000 rows', () => importCsv({ name: 'x', textColumn: 't' }, analyst, { content: `t\n${'a\n'.repeat(50_001)}`, name: 'big.csv' }), 413, /at most 50,000/],
    ['a file over 10 MB', () => importCsv({ name: 'x', textColumn: 't' }, analyst, { content: new Uint8Array(10 * 1024 * 1024 + 1).fill(0x61), name: 'huge.csv' }), 413, /10 MB/],
    // A zip's first bytes and nothing more: said to be unreadable as a workbook, not "too large once unpacked".
    [
      'a cut-off zip named .xlsx',
      () => importCsv({ name: 'x', textColumn: 't' }, analyst, { content: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 8, 0, 0x21, 0, 0x63, 0x6f]), name: 'fake.xlsx' }),
      422,
      /could not be read as an Excel workbook/
    ]
  ];

  for (const [what, send, status, message] of refusals) {
    it(`refuses ${what} with ${status}`, async () => {
      const before = await stored();
      const res = await send();
      expect(res.status).toBe(status);
      const body = await jsonOf(res);
      expect(`${body.message} ${JSON.stringify(body.issues ?? [])}`).toMatch(message);
      expect(await stored()).toEqual(before);
    });
  }

  it('refuses formula cells without a saved value, naming their rows', async () => {
    const bytes = await workbook([['Text'], ['fine'], [{ formula: 'A2&"!"' }], [{ formula: 'A2&"?"' }]]);
    const before = await stored();
    const res = await importCsv({ name: 'x', textColumn: 'Text' }, analyst, { content: bytes, name: 'f.xlsx' });
    expect(res.status).toBe(422);
    expect((await jsonOf(res)).issues).toEqual([{ field: 'textColumn', message: expect.stringMatching(/^Rows 3, 4 of “Text” hold formulas without a saved value/) }]);
    const preview = await jsonOf(await post('/api/collections/preview', upload({}, { content: bytes, name: 'f.xlsx' })));
    expect(preview.preview.columns[0]).toMatchObject({ formulaCells: 2, filled: 1 });
    expect(await stored()).toEqual(before);
  });
});

describe('who may import', () => {
  it('is for analysts and admins of the organisation', async () => {
    for (const role of ['officer', 'author', 'safeguarding_lead'] as const) {
      const headers = await bearerFor(api, (await addStaff(api, organisationId, [role])).id);
      expect((await post('/api/collections/preview', upload({}), headers)).status).toBe(403);
      expect((await importCsv({ name: 'x', textColumn: 'comment' }, headers)).status).toBe(403);
      expect((await api.app.request('/api/collections', { headers })).status).toBe(403);
    }
    // Signed in by nothing, from a page of this site (a form without an Origin is refused first).
    expect((await post('/api/collections/preview', upload({}), { origin: 'http://localhost' })).status).toBe(401);
    const admin = await bearerFor(api, (await addStaff(api, organisationId, ['admin'])).id);
    expect((await post('/api/collections/preview', upload({}), admin)).status).toBe(200);
  });

  it("answers another organisation's collections as if they did not exist", async () => {
    const other = await addOrganisation(api, 'Elsewhere VRP');
    const outsider = await bearerFor(api, (await addStaff(api, other, ['analyst'])).id);
    const { collections } = await jsonOf(await api.app.request('/api/collections', { headers: analyst }));
    expect(collections.length).toBeGreaterThan(0);
    expect((await api.app.request(`/api/collections/${collections[0].id}`, { headers: outsider })).status).toBe(404);
    expect((await jsonOf(await api.app.request('/api/collections', { headers: outsider }))).collections).toEqual([]);
    expect((await api.app.request(`/api/collections?organisationId=${organisationId}`, { headers: outsider })).status).toBe(404);
    const before = await stored();
    expect((await post(`/api/collections?organisationId=${organisationId}`, upload({ name: 'x', textColumn: 'comment' }), outsider)).status).toBe(404);
    expect(await stored()).toEqual(before);
  });
});
