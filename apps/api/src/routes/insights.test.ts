// Theme prevalence: counts of respondents per theme with Wilson intervals,
// small-number suppression, redacted quotes with evidence, roles and scoping,
// and the organisation's own threshold and redaction terms.
import { wilson } from '@safer-voices/insights';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOutstanding } from '../coding/code-outstanding';
import { demoSurvey, submitWith } from '../test/coding';
import { type FreshApi, freshApi, jsonOf } from '../test/fresh-api';
import { addOrganisation, addStaff, bearerFor, demoOrganisationId } from '../test/staff';
import type { ThemeFigure, ThemesView } from './insights-themes';

let api: FreshApi;
let analyst: Record<string, string>;
let youthId: string;
let childrenId: string;

const KNIVES = 'Boys carrying knives near the station';
const SNAPCHAT = 'People add you on snapchat and send threats';
const SCARED = 'I feel scared walking home at night, ask Sophie Smith on 07700 900123';

beforeAll(async () => {
  api = await freshApi();
  const organisationId = await demoOrganisationId(api);
  analyst = await bearerFor(api, (await addStaff(api, organisationId, ['analyst'])).id);
  const youth = await demoSurvey(api);
  youthId = youth.questionnaireId;
  // 30 respondents: 14 knives, 4 snapchat, 12 scared (with a name and a phone number).
  const unsafe = [...Array(14).fill(KNIVES), ...Array(4).fill(SNAPCHAT), ...Array(12).fill(SCARED)];
  for (const [i, text] of unsafe.entries()) {
    const res = await submitWith(api, youth, { what_makes_unsafe: text, why_involved: 'Gangs selling drugs to kids' }, i);
    expect(res.status).toBe(201);
  }
  const children = await demoSurvey(api, 'feeling-safe-8-11');
  childrenId = children.questionnaireId;
  for (let i = 0; i < 5; i++) expect((await submitWith(api, children, {}, i)).status).toBe(201);
  while ((await codeOutstanding(api.database, { limit: 50 })).responses > 0);
});
afterAll(() => api.close());

const themes = (id: string, headers: Record<string, string>, query = '') => api.app.request(`/api/insights/questionnaires/${id}/themes${query}`, { headers });
/** The figure for a theme the view is expected to list. */
function theme(body: ThemesView, id: string): ThemeFigure {
  const found = body.themes.find((t) => t.id === id);
  if (!found) throw new Error(`no theme ${id} in the view`);
  return found;
}

describe('theme prevalence', () => {
  it('counts respondents with each theme for one question, with a 95% Wilson interval', async () => {
    const res = await themes(youthId, analyst, '?question=what_makes_unsafe');
    expect(res.status).toBe(200);
    const body = await jsonOf(res);
    expect(body.question).toBe('what_makes_unsafe');
    expect(body.threshold).toBe(10);
    expect(body.base).toEqual({ count: 30, suppressed: null, reason: null });
    expect(body.questions.map((q: { id: string }) => q.id)).toEqual(['what_makes_unsafe', 'why_involved', 'what_would_help']);
    const knives = theme(body, 'knives_weapons');
    const w = wilson(14, 30);
    expect(knives).toMatchObject({ count: 14, suppressed: null, label: expect.any(String) });
    expect(knives.percent).toBeCloseTo((14 / 30) * 100, 6);
    expect(knives.lower).toBeCloseTo((w.lower as number) * 100, 6);
    expect(knives.upper).toBeCloseTo((w.upper as number) * 100, 6);
    expect(theme(body, 'fear')).toMatchObject({ count: 12 });
  });

  it('withholds counts under 10, and counts that would give away fewer than 10 without the theme', async () => {
    const one = await jsonOf(await themes(youthId, analyst, '?question=what_makes_unsafe'));
    expect(theme(one, 'social_media')).toMatchObject({ count: null, percent: null, lower: null, suppressed: 'primary', reason: 'count below threshold', quotes: [] });
    expect(theme(one, 'vawg')).toMatchObject({ count: null, suppressed: 'primary' }); // zero
    const why = await jsonOf(await themes(youthId, analyst, '?question=why_involved'));
    // All 30 said gangs: 30 would tell that 0 did not.
    expect(theme(why, 'county_lines')).toMatchObject({ count: null, suppressed: 'secondary', quotes: [] });
  });

  it('hides the base and every theme when fewer than 10 answered', async () => {
    const body = await jsonOf(await themes(childrenId, analyst));
    expect(body.base).toEqual({ count: null, suppressed: 'primary', reason: 'base below threshold' });
    for (const t of body.themes) expect(t).toMatchObject({ count: null, percent: null, suppressed: 'primary', quotes: [] });
    expect(body.questions.every((q: { base: number | null }) => q.base === null)).toBe(true);
  });

  it('counts each respondent once across all free-text questions', async () => {
    const body = await jsonOf(await themes(youthId, analyst));
    expect(body.question).toBeNull();
    expect(body.base.count).toBe(30);
    expect(theme(body, 'knives_weapons').count).toBe(14);
  });

  it('quotes up to 5 answers per shown theme, redacted, with the evidence on the redacted text', async () => {
    const body = await jsonOf(await themes(youthId, analyst, '?question=what_makes_unsafe'));
    const fear = theme(body, 'fear');
    expect(fear.quotes).toHaveLength(5);
    for (const q of fear.quotes) {
      expect(q.text).toBe('I feel scared walking home at night, ask [name] on [phone]');
      expect(q.evidence.length).toBeGreaterThan(0);
      expect(q.evidence.map((e: { start: number; end: number }) => q.text.slice(e.start, e.end))).toContain('scared');
    }
    expect(JSON.stringify(body)).not.toMatch(/Sophie|07700/);
    expect(theme(body, 'knives_weapons').quotes[0]?.text).toBe(KNIVES);
  });

  it('is for analysts, officers, authors and admins of the organisation', async () => {
    const organisationId = await demoOrganisationId(api);
    for (const role of ['officer', 'author', 'admin'] as const) {
      expect((await themes(youthId, await bearerFor(api, (await addStaff(api, organisationId, [role])).id))).status).toBe(200);
    }
    const lead = await bearerFor(api, (await addStaff(api, organisationId, ['safeguarding_lead'])).id);
    expect((await themes(youthId, lead)).status).toBe(403);
    expect((await themes(youthId, {})).status).toBe(401);
    expect((await themes(youthId, analyst, '?question=age')).status).toBe(400);
  });

  it("answers 404 for another organisation's questionnaire and for one that does not exist", async () => {
    const other = await addOrganisation(api, 'Elsewhere VRP');
    const outsider = await bearerFor(api, (await addStaff(api, other, ['analyst'])).id);
    const res = await themes(youthId, outsider);
    expect(res.status).toBe(404);
    expect((await jsonOf(res)).error).toBe('questionnaire_not_found');
    expect((await themes('no-such-id', analyst)).status).toBe(404);
  });
});

describe("the organisation's settings", () => {
  let residentsId: string;
  let admin: Record<string, string>;
  const OAKFIELD = 'Boys carrying knives outside Oakfield Academy';
  const setSettings = async (settings: { suppressionThreshold: number; redactionTerms: string[] }) => {
    const res = await api.json('/api/settings', { ...settings, notifyWebhookUrl: null, notifyEmail: null }, admin, 'PUT');
    expect(res.status).toBe(200);
  };

  beforeAll(async () => {
    admin = await bearerFor(api, (await addStaff(api, await demoOrganisationId(api), ['admin'])).id);
    const residents = await demoSurvey(api, 'community-safety-residents');
    residentsId = residents.questionnaireId;
    // 35 respondents: 15 about knives (naming a school), 20 about litter.
    const texts = [...Array(15).fill(OAKFIELD), ...Array(20).fill('Litter everywhere and rubbish dumped')];
    for (const [i, text] of texts.entries()) expect((await submitWith(api, residents, { what_makes_unsafe: text }, i)).status).toBe(201);
    while ((await codeOutstanding(api.database, { limit: 50 })).responses > 0);
  });
  afterAll(() => setSettings({ suppressionThreshold: 10, redactionTerms: [] }));

  const unsafe = async () => jsonOf(await themes(residentsId, analyst, '?question=what_makes_unsafe'));

  it('withholds a count of 15 when the threshold is 20, and shows it at 10', async () => {
    expect(theme(await unsafe(), 'knives_weapons')).toMatchObject({ count: 15, suppressed: null });
    await setSettings({ suppressionThreshold: 20, redactionTerms: [] });
    const body = await unsafe();
    expect(body.threshold).toBe(20);
    expect(body.base).toEqual({ count: 35, suppressed: null, reason: null });
    expect(theme(body, 'knives_weapons')).toMatchObject({ count: null, percent: null, suppressed: 'primary', reason: 'count below threshold', quotes: [] });
  });

  it("redacts the organisation's terms from quotes, keeping the evidence on the words it marks", async () => {
    await setSettings({ suppressionThreshold: 10, redactionTerms: ['oakfield academy'] });
    const knives = theme(await unsafe(), 'knives_weapons');
    expect(knives.quotes.length).toBeGreaterThan(0);
    for (const q of knives.quotes) {
      expect(q.text).toBe('Boys carrying knives outside [redacted]');
      expect(q.evidence.map((e: { start: number; end: number }) => q.text.slice(e.start, e.end))).toContain('knives');
    }
    expect(JSON.stringify(await unsafe())).not.toMatch(/Oakfield/i);
  });

  it("labels and orders themes as in the organisation's codebook", async () => {
    const theme = { label: 'Litter & fly-tipping', definition: 'Rubbish, litter and dumping.', include: [], exclude: [], examples: [], seeds: ['litter*', 'rubbish'], against: [] };
    expect((await api.json('/api/codebook/themes', { baseVersion: 0, theme }, admin)).status).toBe(201);
    const ids = (await unsafe()).themes.map((t: { id: string; label: string }) => `${t.id}: ${t.label}`);
    expect(ids.at(-1)).toBe('litter_fly_tipping: Litter & fly-tipping');
  });
});
