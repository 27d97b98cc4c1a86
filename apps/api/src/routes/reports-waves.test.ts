// A report over a series whose newest wave is small, on a real database: the
// explorer's 62 coded pupils are the 2025 wave, and 4 pupils who wrote an
// answer are the 2026 wave. "What people told us" shows the newest wave with
// enough people and says which; a series with only small waves says plainly
// why it shows nothing; the generated easy-read version falls back to the
// biggest findings when the author chose no measures or themes.
import { randomUUID } from 'node:crypto';
import type { ReportDocument } from '../reports/model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createResponseWriter } from '../ingest/response-writer';
import { createFromTemplate, designerPath } from '../test/designer';
import { KNIVES, type SchoolsExplorer, schoolsExplorer } from '../test/explore';
import { jsonOf } from '../test/fresh-api';
import { addStaff, bearerFor } from '../test/staff';

let fx: SchoolsExplorer;
let author: Record<string, string>;
let officer: Record<string, string>;
let bothWaves: string;
let smallOnly: string;

async function series(name: string, waves: [label: string, date: string, questionnaireId: string][]) {
  const id = (await jsonOf(await fx.api.json('/api/series', { name }, officer))).series.id as string;
  for (const [label, fieldworkDate, q] of waves) {
    const res = await fx.api.json(`/api/series/${id}/waves`, { label, fieldworkDate, questionnaireIds: [q] }, officer);
    expect(res.status, await res.clone().text()).toBe(201);
  }
  return id;
}

beforeAll(async () => {
  fx = await schoolsExplorer();
  author = await bearerFor(fx.api, (await addStaff(fx.api, fx.organisationId, ['author'])).id);
  officer = await bearerFor(fx.api, (await addStaff(fx.api, fx.organisationId, ['officer'])).id);
  const small = async () => {
    const created = await createFromTemplate(fx.api, officer, 'youth-safety-11-19');
    const published = await jsonOf(await fx.api.json(designerPath(created.questionnaire.id, '/publish'), {}, officer));
    const writer = createResponseWriter(fx.api.database.writes, fx.api.database.client);
    for (let i = 0; i < 4; i++) {
      await writer.write({ versionId: published.versions[0].id, answers: { what_makes_unsafe: KNIVES }, context: { school: 'Oak', class: 'Year 9' }, idempotencyKey: randomUUID() });
    }
    return created.questionnaire.id as string;
  };
  const [newest, pilot] = [await small(), await small()];
  await fx.codeEverything();
  bothWaves = await series('Youth safety survey', [
    ['2025', '2025-06-15', fx.survey.questionnaireId],
    ['2026', '2026-06-15', newest]
  ]);
  smallOnly = await series('Small pilot', [['Pilot', '2026-06-15', pilot]]);
}, 120_000);
afterAll(() => fx.api.close());

async function resolved(definition: unknown): Promise<ReportDocument> {
  const res = await fx.api.json('/api/reports', { definition }, author);
  expect(res.status, await res.clone().text()).toBe(201);
  const { report } = await jsonOf(res);
  const read = await fx.api.app.request(`/api/reports/${report.id}`, { headers: author });
  expect(read.status, await read.clone().text()).toBe(200);
  return (await jsonOf(read)).document;
}

const themesOf = (doc: ReportDocument) => doc.sections.find((s) => s.kind === 'themes')?.blocks ?? [];
const themesSection = { id: 'themes', kind: 'themes', themes: [{ themeId: 'knives_weapons' }] };

describe('what people told us, over a series whose newest wave is small', () => {
  it('shows the newest wave with enough people, and says which and why', async () => {
    const blocks = themesOf(await resolved({ title: 'Waves', covers: { seriesId: bothWaves }, sections: [themesSection] }));
    expect(blocks).toContainEqual({
      type: 'paragraph',
      text: 'The figures below are from the 2025 wave of Youth safety survey, the newest wave with enough people to show them: in the 2026 wave fewer than 10 people wrote an answer we could count.'
    });
    const chart = blocks.find((b) => b.type === 'chart');
    if (chart?.type !== 'chart' || chart.chart.kind !== 'bars') throw new Error('no bar chart');
    expect(chart.title).toBe('Themes in written answers: 2025, Youth safety survey');
    // Knives: 24 of the 62 pupils of 2025, not 4 of the 4 of 2026.
    expect(chart.chart.bars.map((b) => Math.round(b.value))).toEqual([39]);
    expect(chart.table.rows).toEqual([[expect.any(String), '39%', expect.stringMatching(/^\d+–\d+%$/)]]);
  });

  it('says plainly why nothing is shown when no wave has enough people', async () => {
    const blocks = themesOf(await resolved({ title: 'Pilot', covers: { seriesId: smallOnly }, sections: [themesSection] }));
    expect(blocks).toEqual([
      {
        type: 'paragraph',
        text: 'No figures from Small pilot are shown: in every wave fewer than 10 people wrote an answer we could count, too few to show without risking someone being identified.'
      },
      // Never a heading with nothing under it.
      { type: 'subheading', text: 'Knives & weapons' },
      { type: 'paragraph', text: 'No figure is shown, because fewer than 10 people wrote an answer we could count.' }
    ]);
  });
});

describe('the generated easy-read version when the author chose no measures or themes', () => {
  it('falls back to the most common themes and the newest figures shown, at most three short sentences', async () => {
    const doc = await resolved({ title: 'Nothing chosen', covers: { seriesId: bothWaves } });
    const findings = doc.easyRead?.findings ?? [];
    expect(findings.length).toBeGreaterThan(1);
    expect(findings.length).toBeLessThanOrEqual(3);
    expect(findings[0]).toBe('The thing most of you wrote about was fear & feeling unsafe.');
    // A sentence from the measure's name and headline, not "Safe at school: 52 in 100 of you said very, fairly or quite safe".
    expect(findings[1]).toMatch(/^\d+ in 100 of you said you feel safe at school\.$/);
    expect(findings.filter((f) => f.split(/\s+/).length > 15)).toEqual([]);
  });

  it('says so in one plain sentence when nothing can be shown', async () => {
    const doc = await resolved({ title: 'Pilot only', covers: { seriesId: smallOnly } });
    expect(doc.easyRead?.findings).toEqual(['We do not have enough answers yet to say what you told us.']);
  });
});
