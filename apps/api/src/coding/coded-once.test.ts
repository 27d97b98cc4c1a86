// Two coders (two API nodes' background coders, here two connections in one
// process) that read the same new responses at once: each response's coding
// is stored once, by the first to store it, and the other drops it.
import { openDatabase } from '@safer-voices/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countingCoder, demoSurvey, submitWith } from '../test/coding';
import { type FreshApi, freshApi } from '../test/fresh-api';
import { codeOutstanding } from './code-outstanding';
import { DISCLOSURE } from '../notify/notify-test-kit';

let api: FreshApi;

beforeAll(async () => {
  api = await freshApi();
});
afterAll(() => api.close());

describe('two coders reading the same new responses', () => {
  it('store each response once, and the second stores the rest of its chunk', async () => {
    const survey = await demoSurvey(api);
    for (let i = 0; i < 6; i++) await submitWith(api, survey, { what_makes_unsafe: i === 0 ? DISCLOSURE : `gangs near the station ${i}` }, i);
    const other = await openDatabase(api.database.url);
    try {
      // The first reads only the oldest three; the second all six, at the same moment.
      const [first, second] = await Promise.all([
        codeOutstanding(api.database, { limit: 3, coder: countingCoder('first').coder }),
        codeOutstanding(other, { limit: 6, coder: countingCoder('second').coder })
      ]);
      expect(first.responses + second.responses).toBe(9);
      expect(first.storedElsewhere + second.storedElsewhere).toBe(3);
    } finally {
      other.close();
    }
    const coded = await api.database.client.execute("SELECT model_version, count(*) AS n FROM coded_answers WHERE question_id = 'what_makes_unsafe' GROUP BY model_version ORDER BY model_version");
    // Every answer coded by one of them; the oldest three by whichever stored them first.
    const counts = Object.fromEntries(coded.rows.map((r) => [String(r.model_version), Number(r.n)]));
    expect((counts.first ?? 0) + (counts.second ?? 0)).toBe(6);
    expect([0, 3]).toContain(counts.first ?? 0);
    expect(Number((await api.database.client.execute('SELECT count(*) AS n FROM safeguarding_flags')).rows[0]?.n)).toBe(1);
    expect((await codeOutstanding(api.database)).responses).toBe(0);
  });
});
