// No answer, whatever it holds, can hold up the coding of the answers after
// it: pupils type "-", emoji or nothing at all, and a disclosure sent after
// them must still reach the safeguarding lead within seconds. The real
// background coder runs on its own connection, as in the server.
import { openDatabase } from '@safer-voices/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoSurvey, submitWith } from '../test/coding';
import { type FreshApi, freshApi, jsonOf } from '../test/fresh-api';
import { addStaff, bearerFor, demoOrganisationId } from '../test/staff';
import { type BackgroundCoder, startBackgroundCoder } from './background-coder';

const LONGEST = 1500; // what_makes_unsafe's limit in the youth survey
const ODD_ANSWERS: Record<string, string> = {
  'a dash': '-',
  'emoji only': '🙂🙂',
  'only spaces': '     ',
  'an em dash': '—',
  'a hash': '#',
  'the empty string': '',
  'a lone surrogate': '\uD800',
  'the longest allowed answer': `${'we need more lights near the bus station and the park because it gets dark early '.repeat(20)}`.slice(0, LONGEST)
};
const DISCLOSURE = 'my stepdad hits me when he is drunk and i am scared to go home';

let api: FreshApi;
let own: Awaited<ReturnType<typeof openDatabase>>;
let coder: BackgroundCoder;
let lead: Record<string, string>;

beforeAll(async () => {
  api = await freshApi();
  lead = await bearerFor(api, (await addStaff(api, await demoOrganisationId(api), ['safeguarding_lead'])).id);
  own = await openDatabase(api.database.url);
  coder = startBackgroundCoder(own, { intervalMs: 50 });
});
afterAll(async () => {
  await coder.stop();
  own.close();
  api.close();
});

const rowsOf = async (sql: string, args: string[]) => (await api.database.client.execute({ sql, args })).rows;

describe('answers of any content', () => {
  it('are all coded, and a disclosure sent after them reaches the queue within seconds', async () => {
    const survey = await demoSurvey(api);
    const sent: { label: string; id: string; text: string }[] = [];
    for (const [label, text] of Object.entries(ODD_ANSWERS)) {
      const res = await submitWith(api, survey, { what_makes_unsafe: text, why_involved: '', what_would_help: '' });
      expect(res.status, label).toBe(201);
      sent.push({ label, id: (await jsonOf(res)).id, text });
    }
    const disclosure = await submitWith(api, survey, { what_makes_unsafe: DISCLOSURE, why_involved: '', what_would_help: '' });
    expect(disclosure.status).toBe(201);
    const started = Date.now();

    const queued = async () => (await jsonOf(await api.app.request('/api/safeguarding/flags', { headers: lead }))).flags.find((f: { text: string }) => f.text === DISCLOSURE);
    await expect.poll(queued, { timeout: 50_000, interval: 100 }).toMatchObject({ status: 'new', tier: expect.stringMatching(/^(likely|possible)$/) });
    expect(Date.now() - started).toBeLessThan(60_000);
    const flag = await queued();
    // The words that raised it are marked.
    expect(flag.evidence.length).toBeGreaterThan(0);
    expect(flag.evidence.map((e: { text: string }) => e.text).join(' ')).toMatch(/hits|scared|stepdad/);

    for (const { label, id, text } of sent) {
      // Every response has been looked at, none as a failure.
      expect(await rowsOf('SELECT error FROM coded_responses WHERE response_id = ?', [id]), label).toEqual([expect.objectContaining({ error: null })]);
      const coded = await rowsOf("SELECT error FROM coded_answers WHERE response_id = ? AND question_id = 'what_makes_unsafe'", [id]);
      // Blank answers have nothing to code; every other answer is coded.
      expect(coded, label).toEqual(text.trim() === '' ? [] : [expect.objectContaining({ error: null })]);
    }
    // The promise is a minute; the test may take that long on a loaded machine.
  }, 60_000);
});
