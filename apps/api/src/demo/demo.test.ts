// Synthetic responses: valid for every template whatever is drawn, following
// skip logic, and, seeded into a fresh demo, enough coded answers for the
// explorer to show figures by school and class, without filling the
// safeguarding queue.
import { validateAnswers } from '@safer-voices/survey';
import { parsedTemplates } from '@safer-voices/survey/templates';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExploreView } from '../explore/types';
import { type FreshApi, freshApi, jsonOf } from '../test/fresh-api';
import { addStaff, bearerFor, demoOrganisationId } from '../test/staff';
import { composeText } from './free-text';
import { seededRandom } from './random';
import { DEMO_RESPONSE_COUNTS, type SeededResponses, seedDemoResponses } from './seed-responses';
import { syntheticResponse } from './synthetic-answers';

describe('synthetic answers', () => {
  it('fit every demo questionnaire and follow its skip logic', () => {
    const random = seededRandom(7);
    for (const { slug, definition } of parsedTemplates()) {
      let avoided = 0;
      for (let i = 0; i < 400; i++) {
        const { answers } = syntheticResponse(definition, random);
        expect(validateAnswers(definition, answers), slug).toEqual([]);
        if (slug === 'youth-safety-11-19') {
          const changed = answers.changed_behaviour as string[] | undefined;
          if ('avoid_places' in answers) {
            expect(changed).toContain('avoided_places');
            avoided++;
          }
        }
      }
      if (slug === 'youth-safety-11-19') expect(avoided).toBeGreaterThan(20);
    }
  });

  it('draws a single question in the shares asked for, and leans on the answers given so far', () => {
    const youth = parsedTemplates().find((t) => t.slug === 'youth-safety-11-19')?.definition;
    if (!youth) throw new Error('No youth template');
    const random = seededRandom(5);
    const safe = { girl: { yes: 0, all: 0 }, boy: { yes: 0, all: 0 } };
    const drawn = new Map<string, number>();
    for (let i = 0; i < 2000; i++) {
      const { answers } = syntheticResponse(youth, random, {
        shares: { gender: { girl: 3, boy: 1 } },
        lean: (questionId, _row, given) => (questionId === 'safe_area_after_dark' && given.gender === 'girl' ? 0.3 : 0)
      });
      const gender = String(answers.gender ?? 'skipped');
      drawn.set(gender, (drawn.get(gender) ?? 0) + 1);
      const dark = answers.safe_area_after_dark;
      if ((gender === 'girl' || gender === 'boy') && (dark === 'very_safe' || dark === 'quite_safe' || dark === 'not_very_safe' || dark === 'not_at_all_safe')) {
        safe[gender].yes += dark === 'very_safe' || dark === 'quite_safe' ? 1 : 0;
        safe[gender].all += 1;
      }
    }
    expect([...drawn.keys()].sort()).toEqual(['boy', 'girl', 'skipped']);
    expect((drawn.get('girl') ?? 0) / (drawn.get('boy') ?? 1)).toBeGreaterThan(2.5);
    expect(drawn.get('skipped')).toBeLessThan(150);
    const share = ({ yes, all }: { yes: number; all: number }) => yes / all;
    expect(share(safe.boy) - share(safe.girl)).toBeGreaterThan(0.2);
    // Shares for a question the questionnaire lacks are ignored; a value it does not offer is an error.
    expect(() => syntheticResponse(youth, random, { shares: { no_such_question: { x: 1 } } })).not.toThrow();
    expect(() => syntheticResponse(youth, random, { shares: { gender: { woman: 1 } } })).toThrow(/gender name "woman"/);
    expect(() => syntheticResponse(youth, random, { shares: { age: { '12': 1 } } })).toThrow(/single-choice/);
  });

  it('writes answers of different lengths within the question’s limit, some empty', () => {
    const random = seededRandom(11);
    const texts = Array.from({ length: 500 }, () => composeText('unsafe', random, { maxLength: 200 }).text);
    expect(texts.every((t) => t.length <= 200)).toBe(true);
    expect(texts.filter((t) => t === '').length).toBeGreaterThan(20);
    expect(texts.some((t) => t.length > 120)).toBe(true);
    expect(new Set(texts).size).toBeGreaterThan(200);
  });
});

describe('demo responses', () => {
  let api: FreshApi;
  let seeded: SeededResponses;

  beforeAll(async () => {
    api = await freshApi();
    seeded = await seedDemoResponses(api.database.db, { now: Date.parse('2026-03-20T12:00:00Z') });
  }, 60_000);
  afterAll(() => api.close());

  it('are stored over the last eight weeks and coded, with few safeguarding flags', async () => {
    const total = Object.values(DEMO_RESPONSE_COUNTS).reduce((s, n) => s + n, 0);
    expect(seeded.responses).toBe(total);
    expect(await api.count('responses')).toBe(total);
    expect(await api.count('coded_responses')).toBe(total);
    expect(seeded.answersCoded).toBeGreaterThan(total);
    expect(await api.count('safeguarding_flags')).toBeLessThanOrEqual(total / 100);
    const span = await api.database.client.execute('SELECT min(submitted_at) AS first, max(submitted_at) AS last FROM responses');
    const first = Number(span.rows[0]?.first);
    const last = Number(span.rows[0]?.last);
    expect(first).toBeGreaterThanOrEqual(Date.parse('2026-01-23T00:00:00Z'));
    expect(last).toBeLessThanOrEqual(Date.parse('2026-03-20T12:00:00Z'));
    expect(last - first).toBeGreaterThan(50 * 86_400_000);
  });

  it('give the explorer figures to show, by school and class too', async () => {
    const analyst = await bearerFor(api, (await addStaff(api, await demoOrganisationId(api), ['analyst'])).id);
    const youth = await api.database.client.execute("SELECT id FROM questionnaires WHERE slug = 'youth-safety-11-19'");
    const res = await api.app.request(`/api/explore/${youth.rows[0]?.id}?by=school`, { headers: analyst });
    expect(res.status).toBe(200);
    const view: ExploreView = await jsonOf(res);
    expect(view.base.count).toBeGreaterThan(1000);
    expect(view.prevalence.filter((t) => t.count !== null).length).toBeGreaterThan(10);
    expect(view.quotes.length).toBe(5);
    expect(view.dimensions.find((d) => d.key === 'class')?.options.map((o) => o.value)).toContain('Year 9');
    expect(view.crosstab?.groups.length).toBe(4);
    expect(view.crosstab?.groups.every((g) => g.base.count !== null)).toBe(true);
  });
});
