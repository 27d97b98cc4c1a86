// Consultation reports on a real database: two waves of the youth survey as a
// series (feeling safe after dark rose), the explorer's pupils with coded
// free text (one answer names a pupil, a phone number and a school; some are
// flagged for safeguarding), and a questionnaire with too few answers to show
// anything. An author composes, saves, previews and publishes; a
// safeguarding lead clears a flagged answer; the public sees only what was
// published, frozen.
import { randomUUID } from 'node:crypto';
import type { ReportDocument } from '../reports/model';
import { withheldRuleInWords } from '@safer-voices/insights';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFromTemplate, designerPath } from '../test/designer';
import { KNIVES, KNIVES_AND_SCARED, type SchoolsExplorer, schoolsExplorer } from '../test/explore';
import { jsonOf } from '../test/fresh-api';
import { addOrganisation, addStaff, bearerFor } from '../test/staff';

let fx: SchoolsExplorer;
let author: Record<string, string>;
let officer: Record<string, string>;
let lead: Record<string, string>;
let outsider: Record<string, string>;
let seriesId: string;
let wave2026VersionId: string;
let smallId: string;
let priorityId: string;
let successMeasureId: string;
/** An answer coded with knives_weapons and flagged for safeguarding, and one coded with it and never flagged. */
let flaggedQuote: { responseId: string; questionId: string };
let plainQuote: { responseId: string; questionId: string };

const THRESHOLD = 10;

async function publishedYouthSurvey() {
  const created = await createFromTemplate(fx.api, officer, 'youth-safety-11-19');
  const published = await jsonOf(await fx.api.json(designerPath(created.questionnaire.id, '/publish'), {}, officer));
  return { id: created.questionnaire.id as string, versionId: published.versions[0].id as string };
}

/** Pupils' answers stored straight into the database: `safe` of each school's 40 feel safe after dark. */
async function answer(versionId: string, schools: number, perSchool: number, safe: number, when = Date.now()) {
  const statements = [];
  for (let s = 0; s < schools; s++) {
    for (let i = 0; i < perSchool; i++) {
      const answers = { safe_area_after_dark: i < safe ? 'very_safe' : 'not_very_safe', safe_at_school: i % 2 === 0 ? 'quite_safe' : 'not_very_safe' };
      statements.push({
        sql: 'INSERT INTO responses (id, version_id, idempotency_key, answers, context, submitted_at) VALUES (?, ?, ?, ?, ?, ?)',
        args: [randomUUID(), versionId, randomUUID(), JSON.stringify(answers), JSON.stringify({ school: `School ${s + 1}`, class: 'Year 9' }), when]
      });
    }
  }
  await fx.api.database.client.batch(statements, 'write');
}

async function answerWith(text: string) {
  const result = await fx.api.database.client.execute({
    sql: "SELECT r.id FROM responses r JOIN answer_codes c ON c.response_id = r.id AND c.question_id = 'what_makes_unsafe' AND c.theme_id = 'knives_weapons' AND c.decision = 'yes' WHERE json_extract(r.answers, '$.what_makes_unsafe') = ? ORDER BY r.id",
    args: [text]
  });
  return String(result.rows[0]?.id);
}

beforeAll(async () => {
  fx = await schoolsExplorer();
  const { api, organisationId } = fx;
  author = await bearerFor(api, (await addStaff(api, organisationId, ['author'])).id);
  officer = await bearerFor(api, (await addStaff(api, organisationId, ['officer'])).id);
  lead = await bearerFor(api, (await addStaff(api, organisationId, ['safeguarding_lead'])).id);
  outsider = await bearerFor(api, (await addStaff(api, await addOrganisation(api, 'Elsewhere'), ['author', 'analyst', 'admin', 'safeguarding_lead'])).id);
  const first = await publishedYouthSurvey();
  const second = await publishedYouthSurvey();
  wave2026VersionId = second.versionId;
  const small = await publishedYouthSurvey();
  smallId = small.id;
  // 2025: 50% safe after dark; 2026: 65%.
  await answer(first.versionId, 10, 40, 20, Date.parse('2025-06-10T12:00:00Z'));
  await answer(second.versionId, 10, 40, 26, Date.parse('2026-06-10T12:00:00Z'));
  await answer(small.versionId, 1, 7, 4);
  seriesId = (await jsonOf(await api.json('/api/series', { name: 'Youth safety survey' }, officer))).series.id;
  for (const [label, date, q] of [
    ['2025', '2025-06-15', first.id],
    ['2026', '2026-06-15', second.id]
  ] as const) {
    const res = await api.json(`/api/series/${seriesId}/waves`, { label, fieldworkDate: date, questionnaireIds: [q] }, officer);
    expect(res.status, await res.clone().text()).toBe(201);
  }
  priorityId = (await jsonOf(await api.json('/api/strategy/priorities', { title: 'Safer streets after dark' }, author))).id;
  const waves = (await jsonOf(await api.app.request(`/api/series/${seriesId}`, { headers: author }))).series.waves;
  const measure = await api.json(
    '/api/strategy/measures',
    {
      priorityId,
      name: 'More pupils feel safe after dark',
      seriesId,
      measureKey: 'safe_area_after_dark',
      baselineWaveId: waves[0].id,
      direction: 'increase',
      targetPoints: 5,
      targetDate: '2028-06-30'
    },
    author
  );
  expect(measure.status, await measure.clone().text()).toBe(201);
  successMeasureId = (await jsonOf(measure)).id;
  flaggedQuote = { responseId: await answerWith(KNIVES_AND_SCARED), questionId: 'what_makes_unsafe' };
  plainQuote = { responseId: await answerWith(KNIVES), questionId: 'what_makes_unsafe' };
  // The coder flags disclosures on its own; this answer is flagged whatever it decided.
  await api.database.client.execute({
    sql: "INSERT OR IGNORE INTO safeguarding_flags (id, organisation_id, response_id, question_id, confidence, evidence, tier, status, updated_at) VALUES (?, ?, ?, 'what_makes_unsafe', 0.9, '[]', 'likely', 'reviewed', ?)",
    args: [randomUUID(), organisationId, flaggedQuote.responseId, Date.now()]
  });
}, 120_000);
afterAll(() => fx.api.close());

const create = async (definition: unknown, headers = author, slug?: string) => fx.api.json('/api/reports', { definition, ...(slug ? { slug } : {}) }, headers);

async function created(definition: unknown, slug?: string): Promise<{ id: string; slug: string }> {
  const res = await create(definition, author, slug);
  expect(res.status, await res.clone().text()).toBe(201);
  return (await jsonOf(res)).report;
}

const preview = async (id: string, headers = author) => {
  const res = await fx.api.app.request(`/api/reports/${id}`, { headers });
  expect(res.status, await res.clone().text()).toBe(200);
  return jsonOf<{ report: { version: number; status: string }; document: ReportDocument; omitted: unknown[] }>(res);
};

/** The easy-read version's sentences longer than 15 words. */
const sentencesOver15Words = (easy: ReportDocument['easyRead'] | undefined) =>
  [...(easy?.intro ?? []), ...(easy?.findings ?? []), ...(easy?.next ?? [])].filter((s) => s.split(/\s+/).filter(Boolean).length > 15);

const blocksOf = (doc: ReportDocument, kind: string) => doc.sections.find((s) => s.kind === kind)?.blocks ?? [];

/** Every piece of text in the document, table cells and chart labels too. */
function textsOf(doc: ReportDocument): string[] {
  const out: string[] = [];
  const walk = (v: unknown) => {
    if (typeof v === 'string') out.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(doc);
  return out;
}

/** Counts of people the document shows below the threshold: "7 people", or a cell of a column of people that is a number from 1 to threshold − 1. */
function smallCounts(doc: ReportDocument, threshold: number): string[] {
  const found: string[] = [];
  for (const text of textsOf(doc)) {
    for (const m of text.matchAll(/\b(\d[\d,]*)\s+(?:of\s+(?:the\s+)?)?(people|pupils|respondents|responses|answers|children|young people|residents)\b/gi)) {
      const n = Number((m[1] as string).replace(/,/g, ''));
      if (n > 0 && n < threshold) found.push(text);
    }
  }
  const tables = doc.sections.flatMap((s) => s.blocks.flatMap((b) => (b.type === 'table' ? [b] : b.type === 'chart' ? [b.table] : [])));
  for (const table of tables) {
    table.head.forEach((h, c) => {
      if (!/people|number|count|answering/i.test(h)) return;
      for (const row of table.rows) {
        const n = Number((row[c] ?? '').replace(/,/g, ''));
        if (/^\d[\d,]*$/.test(row[c] ?? '') && n > 0 && n < threshold) found.push(`${table.caption}: ${row.join(' | ')}`);
      }
    });
  }
  return found;
}

describe('composing and publishing a report', () => {
  it('creates a draft with the standard sections, and resolves an empty one without inventing anything', async () => {
    const report = await created({ title: 'Nothing yet' });
    expect(report.slug).toMatch(/^nothing-yet-[a-z0-9]{6}$/);
    const { document, report: meta } = await preview(report.id);
    expect(meta).toMatchObject({ version: 1, status: 'draft' });
    expect(document).toMatchObject({ title: 'Nothing yet', status: 'draft', version: 1, language: 'en-GB', organisation: expect.stringContaining('Safer Somerset') });
    expect(document.sections.map((s) => [s.kind, s.heading])).toEqual([
      ['summary', 'Summary'],
      ['methodology', 'How we did this'],
      ['safety', 'How safe people feel'],
      ['themes', 'What people told us'],
      ['you-said-we-did', 'You said, we did']
    ]);
    expect(blocksOf(document, 'summary')).toEqual([{ type: 'paragraph', text: 'Nothing has been added to this section yet.' }]);
    expect(document.easyRead?.findings).toEqual(['We do not have enough answers yet to say what you told us.']);
    const none = await created({ title: 'No sections', sections: [] });
    expect((await preview(none.id)).document.sections).toEqual([]);
  });

  it('keeps sections in the order given, with the author’s paragraphs and headings', async () => {
    const report = await created({
      title: 'Order',
      sections: [
        { id: 'said', kind: 'you-said-we-did', rows: [] },
        { id: 'intro', kind: 'summary', heading: 'In short', text: 'First paragraph.\n\nSecond   paragraph\nwrapped.' }
      ]
    });
    const { document } = await preview(report.id);
    expect(document.sections.map((s) => s.id)).toEqual(['said', 'intro']);
    expect(document.sections[1]).toMatchObject({
      heading: 'In short',
      blocks: [
        { type: 'paragraph', text: 'First paragraph.' },
        { type: 'paragraph', text: 'Second paragraph wrapped.' }
      ]
    });
  });

  it('shows each chosen measure as a trend with intervals, the change in the CSEW’s words, and the measure of success’s status', async () => {
    const report = await created({
      title: 'Safety',
      covers: { seriesId },
      sections: [{ id: 'safety', kind: 'safety', measureKeys: ['safe_area_after_dark'], successMeasureIds: [successMeasureId] }]
    });
    const blocks = blocksOf((await preview(report.id)).document, 'safety');
    const chart = blocks.find((b) => b.type === 'chart');
    if (chart?.type !== 'chart' || chart.chart.kind !== 'trend') throw new Error('no trend chart');
    expect(chart.chart.points.map((p) => [p.label, p.value, p.joined])).toEqual([
      ['2025', 50, false],
      ['2026', 65, true]
    ]);
    expect(chart.alt).toMatch(/^Line chart of .*2025 50% \(\d+–\d+%\); 2026 65% \(\d+–\d+%\)\. 2025 to 2026: an increase\.$/);
    expect(chart.table.head).toEqual(['Wave', '% very, fairly or quite safe', '95% interval', 'People answering', 'Change from the wave before']);
    expect(chart.table.rows[1]).toEqual(['2026', '65%', expect.stringMatching(/^\d+–\d+%$/), '400', '+15.0 points, an increase']);
    expect(blocks).toContainEqual({ type: 'paragraph', text: expect.stringMatching(/^In 2026, .*an increase from 2025 \(50%\)\.$/) });
    const success = blocks.find((b) => b.type === 'table' && b.caption.startsWith('Measures of success'));
    expect(success).toMatchObject({ rows: [['More pupils feel safe after dark', 'Safer streets after dark', 'Up 5 points by 2028', expect.any(String), expect.any(String)]] });
    const easy = (await preview(report.id)).document.easyRead;
    expect(easy?.findings[0]).toMatch(/went up, from 50 in 100 to 65 in 100\./);
    expect(sentencesOver15Words(easy)).toEqual([]);
  });

  it('fills in the methodology: dates, how people answered, who took part through the threshold, coding and the rules', async () => {
    const report = await created({
      title: 'Method',
      covers: { seriesId, questionnaireIds: [fx.survey.questionnaireId] },
      sections: [{ id: 'm', kind: 'methodology', notes: 'We also met two youth councils.' }]
    });
    const { document } = await preview(report.id);
    const blocks = blocksOf(document, 'methodology');
    expect(blocks[0]).toEqual({ type: 'paragraph', text: 'We also met two youth councils.' });
    const tables = blocks.flatMap((b) => (b.type === 'table' ? [b] : []));
    const when = tables.find((t) => t.caption === 'The questionnaires this report draws on');
    expect(when?.rows).toContainEqual([expect.any(String), '2025', 'Aged 11–19', 'June 2025', 'Online, with an open link']);
    const ages = tables.find((t) => t.caption === 'People who took part, by age group');
    expect(ages?.head).toEqual(['Age group', 'People, 2025', 'People, 2026', expect.any(String), 'People, all']);
    expect(ages?.rows[0]?.slice(0, 3)).toEqual(['Aged 11–19', '400', '400']);
    const schools = tables.find((t) => t.caption === 'People who took part, by school');
    // Ash, Elm and Oak pupils answered only the explorer's survey; each of the ten schools 40 in each wave.
    expect(schools?.rows.find((r) => r[0] === 'School 1')?.slice(1, 3)).toEqual(['40', '40']);
    expect(smallCounts(document, THRESHOLD)).toEqual([]);
    const text = textsOf(document).join('\n');
    expect(text).toContain(`No figure in this report rests on fewer than ${THRESHOLD} people`);
    expect(text).toContain('Crime Survey for England and Wales');
    expect(text).toContain('Figures are not weighted');
    expect(text).toContain('which gives each answer the themes of a codebook (the default codebook). Analysts check');
    expect(text).toMatch(/Of the free-text answers coded, \d+% were coded by the coder alone and \d+% were checked by an analyst\./);
  });

  it('uses the author’s easy-read version when they wrote one', async () => {
    const easyRead = { intro: ['We asked you how safe you feel.'], findings: ['One.', 'Two.', 'Three.'], next: ['We will light the park.'] };
    const report = await created({ title: 'Easy', easyRead });
    expect((await preview(report.id)).document.easyRead).toEqual({ title: 'Easy: easy read', ...easyRead });
  });

  it('refuses to save from an outdated version (409) and keeps every version', async () => {
    const report = await created({ title: 'Versions' });
    const first = await fx.api.json(`/api/reports/${report.id}`, { version: 1, definition: { title: 'Versions, edited' } }, author, 'PUT');
    expect(first.status, await first.clone().text()).toBe(200);
    expect((await jsonOf(first)).report.version).toBe(2);
    const stale = await fx.api.json(`/api/reports/${report.id}`, { version: 1, definition: { title: 'Versions, mine' } }, author, 'PUT');
    expect(stale.status).toBe(409);
    expect((await jsonOf(stale)).message).toMatch(/Someone saved this report since you opened it \(it is now at version 2\)/);
    const old = await fx.api.app.request(`/api/reports/${report.id}/document?version=1`, { headers: author });
    expect((await jsonOf<ReportDocument>(old)).title).toBe('Versions');
    expect((await fx.api.app.request(`/api/reports/${report.id}/document?version=9`, { headers: author })).status).toBe(404);
    const audit = await fx.api.database.client.execute({ sql: 'SELECT action FROM audit_log WHERE target_id = ? ORDER BY created_at', args: [report.id] });
    expect(audit.rows.map((r) => r.action)).toEqual(['report.created', 'report.saved']);
  });
});

describe('themes and quotes', () => {
  const themesReport = (quotes: { responseId: string; questionId: string }[]) => ({
    title: 'Themes',
    covers: { questionnaireIds: [fx.survey.questionnaireId] },
    sections: [{ id: 'themes', kind: 'themes', themes: [{ themeId: 'knives_weapons', text: 'Knives came up most.', quotes }, { themeId: 'exclusion' }] }]
  });

  it('offers the explorer’s redacted quotes for a theme, leaving out an answer flagged for safeguarding and not yet cleared', async () => {
    const report = await created(themesReport([]));
    const res = await fx.api.app.request(`/api/reports/${report.id}/quotes?theme=knives_weapons&shown=30`, { headers: author });
    expect(res.status, await res.clone().text()).toBe(200);
    const { quotes } = await jsonOf(res);
    expect(quotes.length).toBeGreaterThan(0);
    expect(quotes.find((q: { responseId: string }) => q.responseId === flaggedQuote.responseId)).toBeUndefined();
    expect(JSON.stringify(quotes)).not.toMatch(/Sophie|07700|Oak Academy/);
    expect((await fx.api.app.request(`/api/reports/${report.id}/quotes?theme=nope`, { headers: author })).status).toBe(400);
  });

  it('shows more quotes when asked, still redacted, a flagged one still left out, and lets the author choose one past the first ten', async () => {
    const report = await created(themesReport([]));
    const page = async (query: string) => {
      const res = await fx.api.app.request(`/api/reports/${report.id}/quotes?theme=knives_weapons${query}`, { headers: author });
      expect(res.status, await res.clone().text()).toBe(200);
      return jsonOf<{ quotes: { responseId: string; questionId: string; text: string }[]; more: boolean }>(res);
    };
    const first = await page('');
    expect(first.quotes).toHaveLength(10);
    expect(first.more).toBe(true);
    const all = await page('&shown=30');
    // Knives: 24 pupils, one of them flagged and not cleared.
    expect(all.quotes).toHaveLength(23);
    expect(all.more).toBe(false);
    expect(all.quotes.slice(0, 10)).toEqual(first.quotes);
    expect(all.quotes.filter((q) => /Sophie|Smith|07700|Oak Academy/.test(q.text))).toEqual([]);
    expect(all.quotes.find((q) => q.responseId === flaggedQuote.responseId)).toBeUndefined();
    const later = all.quotes.slice(10).find((q) => q.responseId !== flaggedQuote.responseId);
    if (!later) throw new Error('no quote past the first ten');
    const saved = await fx.api.json(`/api/reports/${report.id}`, { version: 1, definition: themesReport([{ responseId: later.responseId, questionId: later.questionId }]) }, author, 'PUT');
    expect(saved.status, await saved.clone().text()).toBe(200);
    for (const bad of ['0', '501', '1e400', 'abc']) {
      const res = await fx.api.app.request(`/api/reports/${report.id}/quotes?theme=knives_weapons&shown=${bad}`, { headers: author });
      expect([bad, res.status]).toEqual([bad, 400]);
      expect((await jsonOf(res)).issues).toEqual([{ field: 'shown', message: 'Say how many quotes to show, from 1 to 500' }]);
    }
  });

  it('shows prevalence as a chart and table, withholds a theme too few mention, and a theme with no quotes has none', async () => {
    const report = await created(themesReport([plainQuote]));
    const blocks = blocksOf((await preview(report.id)).document, 'themes');
    const chart = blocks.find((b) => b.type === 'chart');
    if (chart?.type !== 'chart' || chart.chart.kind !== 'bars') throw new Error('no bar chart');
    // Knives: 24 of 62 pupils. Exclusion: too few, so no bar and [c] in the table.
    expect(chart.chart.bars.map((b) => [b.label, Math.round(b.value)])).toEqual([[expect.any(String), 39]]);
    // Each [c] names its rule in the insights package's words; the table's notes say it in full.
    expect(chart.table.rows[1]?.slice(1)).toEqual(['[c] under 10 counted', '[c] under 10 counted']);
    expect(chart.table.withheld).toEqual([{ sentence: withheldRuleInWords('too few people', 10), figures: 2 }]);
    expect(chart.alt).toMatch(/Not shown: [^.]*exclu[^.]* \(under 10 counted\)\./i);
    expect(blocks).toContainEqual({ type: 'paragraph', text: 'Knives came up most.' });
    expect((await preview(report.id)).document.easyRead?.findings).toEqual(['The thing most of you wrote about was knives & weapons.']);
    const quotes = blocks.filter((b) => b.type === 'quote');
    expect(quotes).toEqual([{ type: 'quote', text: KNIVES, attribution: expect.stringMatching(/^(Pupil|Young person), 11–19 survey, \d{4}$/) }]);
    const exclusionAt = blocks.findIndex((b) => b.type === 'subheading' && /exclu/i.test(b.text));
    expect(exclusionAt).toBeGreaterThan(0);
    // No words or quotes for it, and no figure: it says why rather than standing as a bare heading.
    expect(blocks.slice(exclusionAt + 1)).toEqual([{ type: 'paragraph', text: "For Young people's safety survey: no figure is shown, because fewer than 10 people wrote about this." }]);
  });

  it('refuses a quote from an answer flagged for safeguarding until a safeguarding lead clears it, then shows it redacted', async () => {
    const res = await create(themesReport([flaggedQuote]));
    expect(res.status).toBe(422);
    const body = await jsonOf(res);
    expect(body).toMatchObject({
      error: 'quote_not_cleared',
      message: 'This answer was flagged for safeguarding: a safeguarding lead must clear it for publication before it can be quoted',
      issues: [{ field: 'sections.0.themes.0.quotes.0', message: expect.stringContaining('safeguarding lead must clear it') }]
    });
    // Authors cannot clear; leads can, in their own organisation only.
    expect((await fx.api.json('/api/reports/clearances', { ...flaggedQuote, note: 'Fine' }, author)).status).toBe(403);
    expect((await fx.api.json('/api/reports/clearances', { ...flaggedQuote, note: 'Fine' }, outsider)).status).toBe(404);
    const cleared = await fx.api.json('/api/reports/clearances', { ...flaggedQuote, note: 'Nothing identifying once redacted' }, lead);
    expect(cleared.status, await cleared.clone().text()).toBe(201);
    expect((await jsonOf(cleared)).clearances).toContainEqual(expect.objectContaining({ ...flaggedQuote, note: 'Nothing identifying once redacted', flagged: true }));
    // Once cleared, the author is offered it among the theme's quotes.
    const offered = await jsonOf(await fx.api.app.request(`/api/reports/${(await created(themesReport([]))).id}/quotes?theme=knives_weapons&shown=30`, { headers: author }));
    expect(offered.quotes.map((q: { responseId: string }) => q.responseId)).toContain(flaggedQuote.responseId);
    const report = await created(themesReport([flaggedQuote]));
    const quote = blocksOf((await preview(report.id)).document, 'themes').find((b) => b.type === 'quote');
    if (quote?.type !== 'quote') throw new Error('no quote');
    expect(quote.text).toContain('carry knives');
    expect(quote.text).not.toMatch(/Sophie|Smith|07700|Oak Academy/);
    const audit = await fx.api.database.client.execute("SELECT count(*) AS n FROM audit_log WHERE action = 'report.quote_cleared'");
    expect(Number(audit.rows[0]?.n)).toBe(1);
  });

  it('refuses quotes that are not answers in what the report covers, or not of the theme', async () => {
    const other = await create({ ...themesReport([{ responseId: plainQuote.responseId, questionId: 'nope' }]) });
    expect(other.status).toBe(422);
    expect((await jsonOf(other)).issues).toEqual([{ field: 'sections.0.themes.0.quotes.0', message: 'That is not a written answer to a free-text question' }]);
    const uncovered = await create({ ...themesReport([plainQuote]), covers: { seriesId } });
    expect((await jsonOf(uncovered)).issues).toEqual([{ field: 'sections.0.themes.0.quotes.0', message: 'That answer is not in the questionnaires this report covers' }]);
  });
});

describe('publishing', () => {
  const definition = () => ({
    title: 'Youth safety 2026',
    covers: { seriesId },
    sections: [
      { id: 'summary', kind: 'summary', text: 'What you told us.' },
      { id: 'methodology', kind: 'methodology' },
      { id: 'safety', kind: 'safety', measureKeys: ['safe_area_after_dark'] },
      { id: 'said', kind: 'you-said-we-did', rows: [{ youSaid: 'The park is dark', weDid: 'Put up lights in the park', priorityId, successMeasureId, status: 'done' }] }
    ]
  });

  it('freezes the published report: new responses change drafts, never what was published, and the public sees only that', async () => {
    const report = await created(definition(), 'youth-safety-2026');
    expect((await fx.api.app.request('/api/public/reports/youth-safety-2026')).status).toBe(404);
    const published = await fx.api.json(`/api/reports/${report.id}/publish`, { version: 1 }, author);
    expect(published.status, await published.clone().text()).toBe(200);
    const frozen = (await jsonOf(published)).document as ReportDocument;
    expect(frozen).toMatchObject({ status: 'published', version: 1 });
    expect((await fx.api.json(`/api/reports/${report.id}/publish`, { version: 1 }, author)).status).toBe(409);

    await answer(wave2026VersionId, 2, 40, 40, Date.parse('2026-06-11T12:00:00Z'));

    const publicRes = await fx.api.app.request('/api/public/reports/youth-safety-2026');
    expect(publicRes.status).toBe(200);
    expect(await jsonOf(publicRes)).toEqual(frozen);
    expect(await jsonOf(await fx.api.app.request(`/api/reports/${report.id}/document?version=1`, { headers: author }))).toEqual(frozen);
    // A new draft from the same definition has the new answers: 480 in 2026.
    const saved = await fx.api.json(`/api/reports/${report.id}`, { version: 1, definition: { ...definition(), title: 'Youth safety 2026, updated' } }, author, 'PUT');
    expect(saved.status, await saved.clone().text()).toBe(200);
    const draft = (await preview(report.id)).document;
    const rowOf = (doc: ReportDocument) => {
      const chart = blocksOf(doc, 'safety').find((b) => b.type === 'chart');
      return chart?.type === 'chart' ? chart.table.rows[1]?.[3] : undefined;
    };
    expect([rowOf(frozen), rowOf(draft)]).toEqual(['400', '480']);
    expect(await jsonOf(await fx.api.app.request('/api/public/reports/youth-safety-2026'))).toEqual(frozen);
    // The database refuses to change a published version.
    await expect(fx.api.database.client.execute({ sql: "UPDATE report_versions SET definition = '{}' WHERE report_id = ? AND version = 1", args: [report.id] })).rejects.toThrow(/immutable/);

    const said = await jsonOf(await fx.api.app.request('/api/public/organisations/demo/you-said-we-did'));
    expect(said.organisation.slug).toBe('demo');
    expect(said.reports).toEqual([
      {
        slug: 'youth-safety-2026',
        title: 'Youth safety 2026',
        publishedAt: expect.any(String),
        rows: [
          {
            youSaid: 'The park is dark',
            weDid: 'Put up lights in the park',
            priority: 'Safer streets after dark',
            measure: expect.stringMatching(/^More pupils feel safe after dark: /),
            status: 'done'
          }
        ]
      }
    ]);
    // The author's words as typed, capital and all.
    expect(frozen.easyRead?.next).toEqual(['We have done this: Put up lights in the park.']);
    expect(sentencesOver15Words(frozen.easyRead)).toEqual([]);
    const audit = await fx.api.database.client.execute({ sql: 'SELECT action FROM audit_log WHERE target_id = ? ORDER BY created_at', args: [report.id] });
    expect(audit.rows.map((r) => r.action)).toEqual(['report.created', 'report.published', 'report.saved']);
    expect((await fx.api.app.request('/api/public/organisations/nowhere/you-said-we-did')).status).toBe(404);
  });

  it('refuses a web address already taken', async () => {
    await created({ title: 'Taken' }, 'taken-address');
    const again = await create({ title: 'Taken too' }, author, 'taken-address');
    expect(again.status).toBe(409);
    expect((await jsonOf(again)).issues).toEqual([{ field: 'slug', message: 'Another report already has that web address; choose another' }]);
  });
});

describe('suppression', () => {
  it('says a wave nobody answered has no figure, marked [x], not a withheld one of a few people', async () => {
    const later = (await jsonOf(await fx.api.json('/api/series', { name: 'Next wave not started' }, officer))).series.id;
    let waves: { id: string }[] = [];
    for (const [label, questionnaireIds] of [
      ['2026', [smallId]],
      ['2027', []]
    ] as const) {
      const wave = await fx.api.json(`/api/series/${later}/waves`, { label, fieldworkDate: `${label}-06-15`, questionnaireIds }, officer);
      expect(wave.status, await wave.clone().text()).toBe(201);
      waves = (await jsonOf(wave)).series.waves;
    }
    const report = await created({ title: 'Before fieldwork', covers: { seriesId: later }, sections: [{ id: 's', kind: 'safety', measureKeys: ['safe_area_after_dark'] }] });
    const { document } = await preview(report.id);
    const [chart] = blocksOf(document, 'safety').flatMap((b) => (b.type === 'chart' ? [b] : []));
    // A few people answered in 2026 (withheld); nobody yet in 2027 (no figure at all).
    expect(chart?.table.rows).toEqual([
      ['2026', '[c] too few people', '[c] too few people', '[c] too few people', '—'],
      ['2027', '[x] nobody answered', '[x] nobody answered', '[x] nobody answered', expect.any(String)]
    ]);
    expect(chart?.table.withheld).toEqual([
      { sentence: withheldRuleInWords('too few people', THRESHOLD), figures: 3 },
      { sentence: withheldRuleInWords('nobody answered', THRESHOLD), figures: 3 }
    ]);
    expect(chart?.alt).toContain('2026 withheld (too few people); 2027 no figure (nobody answered)');
    // A questionnaire is in one wave only: the next test puts it in a series of its own.
    for (const wave of waves) expect((await fx.api.app.request(`/api/series/${later}/waves/${wave.id}`, { method: 'DELETE', headers: officer })).status).toBe(200);
  });

  it('withholds every figure of a questionnaire with too few answers, and shows no small count anywhere', async () => {
    const small = (await jsonOf(await fx.api.json('/api/series', { name: 'Small series' }, officer))).series.id;
    const wave = await fx.api.json(`/api/series/${small}/waves`, { label: '2026', fieldworkDate: '2026-06-15', questionnaireIds: [smallId] }, officer);
    expect(wave.status, await wave.clone().text()).toBe(201);
    const report = await created({
      title: 'Too few',
      covers: { seriesId: small },
      sections: [
        { id: 'm', kind: 'methodology' },
        { id: 's', kind: 'safety', measureKeys: ['safe_area_after_dark', 'safe_at_school'] },
        { id: 't', kind: 'themes', themes: [{ themeId: 'knives_weapons' }, { themeId: 'fear' }] }
      ]
    });
    const { document } = await preview(report.id);
    const charts = blocksOf(document, 'safety').flatMap((b) => (b.type === 'chart' ? [b] : []));
    expect(charts).toHaveLength(2);
    for (const chart of charts) {
      expect(chart.chart).toEqual({ kind: 'trend', points: [{ label: '2026', value: null, lower: null, upper: null, joined: false }] });
      expect(chart.table.rows).toEqual([['2026', '[c] too few people', '[c] too few people', '[c] too few people', '—']]);
      expect(chart.table.withheld).toEqual([{ sentence: withheldRuleInWords('too few people', THRESHOLD), figures: 3 }]);
      expect(chart.alt).toContain('2026 withheld (too few people)');
    }
    expect(blocksOf(document, 'safety')).toContainEqual({ type: 'paragraph', text: expect.stringMatching(/too few .* answered to show a figure\.$/) });
    // Left out of every count, since the explorer's list shows the other questionnaires' counts.
    expect(blocksOf(document, 'methodology').filter((b) => b.type === 'table' && b.caption.startsWith('People who took part'))).toEqual([]);
    expect(blocksOf(document, 'methodology')).toContainEqual({
      type: 'paragraph',
      text: "Too few people answered “Young people's safety survey” (2026) to count them here or to show any figure from it alone."
    });
    expect(smallCounts(document, THRESHOLD)).toEqual([]);
    expect(JSON.stringify(document)).not.toMatch(/"7"|\b7 (people|pupils|answers)/);
  });

  it('finds a small count when one is there (the check itself works)', () => {
    const doc = {
      sections: [
        {
          blocks: [
            { type: 'paragraph', text: 'Only 7 pupils said so' },
            { type: 'table', caption: 'x', head: ['School', 'People'], rows: [['A', '3']] }
          ]
        }
      ]
    } as unknown as ReportDocument;
    expect(smallCounts(doc, THRESHOLD)).toHaveLength(2);
  });
});

describe('reach and bad input', () => {
  it('answers another organisation’s report with 404 everywhere', async () => {
    const report = await created({ title: 'Ours' });
    for (const res of [
      await fx.api.app.request(`/api/reports/${report.id}`, { headers: outsider }),
      await fx.api.app.request(`/api/reports/${report.id}/document`, { headers: outsider }),
      await fx.api.json(`/api/reports/${report.id}`, { version: 1, definition: { title: 'Theirs' } }, outsider, 'PUT'),
      await fx.api.json(`/api/reports/${report.id}/publish`, { version: 1 }, outsider)
    ]) {
      expect(res.status).toBe(404);
    }
    const list = await jsonOf(await fx.api.app.request('/api/reports', { headers: outsider }));
    expect(list.reports).toEqual([]);
    const borrowing = await create({ title: 'Borrowing', covers: { seriesId, questionnaireIds: [fx.survey.questionnaireId] } }, outsider);
    expect(borrowing.status).toBe(422);
    expect((await jsonOf(borrowing)).issues).toEqual([
      { field: 'covers.seriesId', message: 'Choose one of your organisation’s series' },
      { field: 'covers.questionnaireIds.0', message: `There is no survey “${fx.survey.questionnaireId}” in your organisation` }
    ]);
  });

  it('refuses malformed definitions with the field named', async () => {
    const cases: [unknown, string, string][] = [
      [{ title: '' }, 'definition.title', 'Enter a title for the report, like “Youth safety survey 2026: what you told us”'],
      [{ title: '\u200b\u2060' }, 'definition.title', 'Enter a title for the report, like “Youth safety survey 2026: what you told us”'],
      [{ title: 'x'.repeat(201) }, 'definition.title', 'A title for the report must be 200 characters or fewer'],
      [{ title: 'T', sections: [{ id: 'a', kind: 'chart' }] }, 'definition.sections.0.kind', 'Choose a kind of section: summary, methodology, safety, themes or you-said-we-did'],
      [{ title: 'T', sections: [{ id: 'Bad Id', kind: 'summary' }] }, 'definition.sections.0.id', 'A section id is 1 to 40 lower-case letters, digits and dashes, like “summary-1”'],
      [
        {
          title: 'T',
          sections: [
            { id: 'a', kind: 'summary' },
            { id: 'a', kind: 'summary' }
          ]
        },
        'definition.sections',
        'Give each section its own id'
      ],
      [
        { title: 'T', sections: [{ id: 's', kind: 'safety', measureKeys: ['safe_area_after_dark'] }] },
        'definition.sections.0.measureKeys',
        'Choose the series the report covers before choosing its measures'
      ],
      [
        { title: 'T', sections: [{ id: 'y', kind: 'you-said-we-did', rows: [{ youSaid: 'x', weDid: '', priorityId, status: 'done' }] }] },
        'definition.sections.0.rows.0.weDid',
        'Enter what was done, like “Funded two youth sessions in Midsomer Norton”'
      ],
      [
        { title: 'T', sections: [{ id: 'y', kind: 'you-said-we-did', rows: [{ youSaid: 'x', weDid: 'y', priorityId, status: 'soon' }] }] },
        'definition.sections.0.rows.0.status',
        'Choose planned, in progress or done'
      ],
      [{ title: 'T', easyRead: { intro: ['Hi'], findings: ['a', 'b'], next: ['c'] } }, 'definition.easyRead.findings', 'Enter the three biggest findings']
    ];
    for (const [definition, field, message] of cases) {
      const res = await create(definition);
      expect(res.status, JSON.stringify(definition)).toBe(400);
      expect((await jsonOf(res)).issues, JSON.stringify(definition)).toContainEqual({ field, message });
    }
    const unknownPriority = await create({ title: 'T', sections: [{ id: 'y', kind: 'you-said-we-did', rows: [{ youSaid: 'x', weDid: 'y', priorityId: 'nope', status: 'done' }] }] });
    expect(unknownPriority.status).toBe(422);
    expect((await jsonOf(unknownPriority)).issues).toEqual([{ field: 'sections.0.rows.0.priorityId', message: 'Choose one of your strategy’s priorities' }]);
  });

  it('stores a title with a right-to-left override without it, so the report’s name does not show reversed', async () => {
    const report = await created({ title: '\u202eWhat you told us\u202c' });
    expect((await preview(report.id)).document.title).toBe('What you told us');
  });

  it('creates one report for a create sent again with the same Idempotency-Key (the form’s one-time token)', async () => {
    const key = { ...author, 'idempotency-key': `report-${randomUUID()}` };
    const definition = { title: 'Sent twice', covers: { seriesId } };
    const first = await fx.api.json('/api/reports', { definition }, key);
    expect(first.status, await first.clone().text()).toBe(201);
    const { report } = await jsonOf(first);
    const again = await fx.api.json('/api/reports', { definition }, key);
    expect(again.status).toBe(200);
    expect(await jsonOf(again)).toMatchObject({ report: { id: report.id, slug: report.slug, version: 1 }, replayed: true });
    const [raced1, raced2] = await Promise.all([
      fx.api.json('/api/reports', { definition: { ...definition, title: 'Raced' } }, { ...author, 'idempotency-key': 'raced-key-1' }),
      fx.api.json('/api/reports', { definition: { ...definition, title: 'Raced' } }, { ...author, 'idempotency-key': 'raced-key-1' })
    ]);
    expect([raced1.status, raced2.status].sort()).toEqual([200, 201]);
    const listed = (await jsonOf(await fx.api.app.request('/api/reports', { headers: author }))).reports as { title: string }[];
    expect(listed.filter((r) => r.title === 'Sent twice')).toHaveLength(1);
    expect(listed.filter((r) => r.title === 'Raced')).toHaveLength(1);
    // The same key for a different report is refused; a bad key is a 400.
    expect((await fx.api.json('/api/reports', { definition: { ...definition, title: 'Another' } }, key)).status).toBe(409);
    expect((await fx.api.json('/api/reports', { definition }, { ...author, 'idempotency-key': 'short' })).status).toBe(400);
    // Another organisation's key makes its own report.
    expect((await fx.api.json('/api/reports', { definition: { title: 'Sent twice' } }, { ...outsider, 'idempotency-key': key['idempotency-key'] })).status).toBe(201);
  });

  it('refuses a “You said, we did” row whose measure of success belongs to another priority (400 on the field)', async () => {
    const other = (await jsonOf(await fx.api.json('/api/strategy/priorities', { title: 'Youth services' }, author))).id;
    const row = (priority: string) => ({ youSaid: 'Dark streets', weDid: 'More lights', priorityId: priority, successMeasureId, status: 'planned' });
    const definition = (priority: string) => ({ title: 'Rows', sections: [{ id: 'ysd', kind: 'you-said-we-did', rows: [row(priority)] }] });
    const res = await create(definition(other));
    expect(res.status).toBe(400);
    expect(await jsonOf(res)).toMatchObject({
      message: 'That measure of success belongs to another priority',
      issues: [{ field: 'sections.0.rows.0.successMeasureId', message: 'That measure of success belongs to another priority' }]
    });
    const report = await created(definition(priorityId));
    const saved = await fx.api.json(`/api/reports/${report.id}`, { version: 1, definition: definition(other) }, author, 'PUT');
    expect(saved.status).toBe(400);
    expect((await jsonOf(saved)).issues).toEqual([{ field: 'sections.0.rows.0.successMeasureId', message: 'That measure of success belongs to another priority' }]);
    expect((await preview(report.id)).report.version).toBe(1);
  });

  it('answers a version it does not have, however it is written, with “There is no version N of this report”', async () => {
    const report = await created({ title: 'Versions' });
    const document = (version: string) => fx.api.app.request(`/api/reports/${report.id}/document?version=${encodeURIComponent(version)}`, { headers: author });
    for (const [asked, status, shown] of [
      ['2', 404, '2'],
      ['0', 404, '0'],
      ['99999999999999999999', 404, '99999999999999999999'],
      ['1e400', 400, '1e400'],
      ['-1', 400, '-1'],
      ['2.5', 400, '2.5'],
      ['abc', 400, 'abc']
    ] as const) {
      const res = await document(asked);
      expect([asked, res.status]).toEqual([asked, status]);
      expect((await jsonOf(res)).message).toBe(`There is no version ${shown} of this report`);
    }
    expect((await document('1')).status).toBe(200);
    expect((await document('01')).status).toBe(200);
    for (const [version, status, shown] of [
      ['99999999999999999999', 404, '100000000000000000000'],
      ['1e400', 400, 'Infinity'],
      ['-1', 400, '-1']
    ] as const) {
      const res = await fx.api.json(`/api/reports/${report.id}/publish`, `{"version":${version}}`, author);
      expect([version, res.status]).toEqual([version, status]);
      expect((await jsonOf(res)).message).toBe(`There is no version ${shown} of this report`);
    }
    expect((await fx.api.json(`/api/reports/${report.id}/publish`, { version: '1' }, author)).status).toBe(400);
    expect((await fx.api.json(`/api/reports/${report.id}/publish`, {}, author)).status).toBe(400);
  });

  it('never fails with a 5xx, whatever Unicode arrives in a body', async () => {
    const report = await created({ title: 'Fuzzed' });
    const anyJson = fc.oneof(
      fc.string({ unit: 'grapheme' }),
      fc.jsonValue(),
      fc.record({
        definition: fc.record({
          title: fc.string({ unit: 'grapheme' }),
          sections: fc.array(fc.record({ id: fc.string(), kind: fc.constantFrom('summary', 'themes', 'safety', 'x'), text: fc.string({ unit: 'grapheme' }) }))
        })
      }),
      fc.record({ version: fc.integer(), definition: fc.record({ title: fc.string({ unit: 'binary' }) }) })
    );
    await fc.assert(
      fc.asyncProperty(anyJson, fc.constantFrom('create', 'save', 'publish', 'clear'), async (body, target) => {
        const text = typeof body === 'string' ? body : JSON.stringify(body);
        const res =
          target === 'create'
            ? await fx.api.json('/api/reports', text, author)
            : target === 'save'
              ? await fx.api.json(`/api/reports/${report.id}`, text, author, 'PUT')
              : target === 'publish'
                ? await fx.api.json(`/api/reports/${report.id}/publish`, text, author)
                : await fx.api.json('/api/reports/clearances', text, lead);
        expect(res.status, text).toBeLessThan(500);
      }),
      { numRuns: 120 }
    );
  }, 60_000);
});

describe('methodology from the series’ weighting and analysts’ double coding', () => {
  it('says how figures are weighted and how well two analysts agreed (Cohen’s κ)', async () => {
    const { api, organisationId, survey } = fx;
    const analysts = [await bearerFor(api, (await addStaff(api, organisationId, ['analyst'])).id), await bearerFor(api, (await addStaff(api, organisationId, ['analyst'])).id)];
    const round = await api.json('/api/review/double-coding/rounds', { questionnaireId: survey.questionnaireId, name: 'Spring check', sampleSize: 12 }, analysts[0]);
    expect(round.status, await round.clone().text()).toBe(201);
    const roundId = (await jsonOf(round)).round.id;
    for (const [who, headers] of analysts.entries()) {
      for (let n = 0; ; n++) {
        const { item } = await jsonOf(await api.app.request(`/api/review/double-coding/rounds/${roundId}`, { headers }));
        if (!item) break;
        // They agree on knives; the second also sees fear in the first answer.
        const themes = [...(/knives/i.test(item.text) ? ['knives_weapons'] : []), ...(who === 1 && n === 0 ? ['fear'] : [])];
        const saved = await api.json(`/api/review/double-coding/rounds/${roundId}/labels`, { responseId: item.responseId, questionId: item.questionId, themes }, headers, 'PUT');
        expect(saved.status, await saved.clone().text()).toBe(200);
      }
    }
    const weighted = await api.json(
      `/api/series/${seriesId}/weighting`,
      { variables: [{ key: 'school', shares: Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`School ${i + 1}`, 10])) }] },
      analysts[0],
      'PUT'
    );
    expect(weighted.status, await weighted.clone().text()).toBe(200);
    const report = await created({ title: 'Method', covers: { seriesId, questionnaireIds: [survey.questionnaireId] }, sections: [{ id: 'm', kind: 'methodology' }] });
    const text = textsOf((await preview(report.id)).document).join('\n');
    expect(text).toMatch(
      /In the double-coding round “Spring check”, two analysts coded the same 12 answers without seeing each other’s choices: Cohen’s κ = \d\.\d\d \(95% interval -?\d\.\d\d to \d\.\d\d\), [\w ]+ agreement\./
    );
    expect(text).toMatch(
      /Figures for the series are weighted to the population by school \(from class codes\): each wave is raked to the population’s shares, with weights kept between 0\.3 and 3 times the average\./
    );
    // The chart's points carry it, so its alternative text (in every output) says the figures are weighted.
    const safety = await created({
      title: 'Weighted chart',
      covers: { seriesId, questionnaireIds: [survey.questionnaireId] },
      sections: [{ id: 's', kind: 'safety', measureKeys: ['safe_area_after_dark'] }]
    });
    const blocks = JSON.stringify((await preview(safety.id)).document);
    const chart = JSON.parse(blocks)
      .sections.flatMap((section: { blocks: { type: string }[] }) => section.blocks)
      .find((b: { type: string }) => b.type === 'chart');
    const shownPoints = chart.chart.points.filter((p: { value: number | null }) => p.value !== null);
    expect(shownPoints.length).toBeGreaterThan(0);
    expect(shownPoints.every((p: { weighted?: boolean }) => p.weighted === true)).toBe(true);
    expect((await api.app.request(`/api/series/${seriesId}/weighting`, { method: 'DELETE', headers: analysts[0] })).status).toBe(204);
  });
});
