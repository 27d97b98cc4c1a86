// When coding one answer fails anyway (the coder throws, a stored response
// cannot be read, the database refuses its rows), that answer is stored as
// "could not be coded" with the reason, analysts see it first in the review
// queue, on a children's or young people's questionnaire the safeguarding
// lead gets it as "needs a human look" — and every other answer is coded.
import { randomUUID } from 'node:crypto';
import { newId } from '@safer-voices/db';
import { type Coder, createCoder } from '@safer-voices/themes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coderThrowingOn, demoSurvey, submitWith } from '../test/coding';
import { type FreshApi, freshApi, jsonOf } from '../test/fresh-api';
import { addStaff, bearerFor, demoOrganisationId } from '../test/staff';
import { codeOutstanding } from './code-outstanding';

const POISON = 'this exact answer breaks the coder';
const DISCLOSURE = 'my stepdad hits me when he is drunk and i am scared to go home';
const EVERYDAY = 'more youth clubs and better street lights by the park';

let api: FreshApi;
let lead: Record<string, string>;
let analyst: Record<string, string>;

beforeAll(async () => {
  api = await freshApi();
  const organisationId = await demoOrganisationId(api);
  lead = await bearerFor(api, (await addStaff(api, organisationId, ['safeguarding_lead'])).id);
  analyst = await bearerFor(api, (await addStaff(api, organisationId, ['analyst'])).id);
});
afterAll(() => api.close());

const rowsOf = async (sql: string, args: string[]) => (await api.database.client.execute({ sql, args })).rows;
const queue = async () => (await jsonOf(await api.app.request('/api/safeguarding/flags', { headers: lead }))).flags as { id: string; text: string; tier: string }[];
const reviewOf = async (questionnaireId: string) => jsonOf(await api.app.request(`/api/review/questionnaires/${questionnaireId}?limit=20`, { headers: analyst }));
type Survey = Awaited<ReturnType<typeof demoSurvey>>;

/** One free-text answer per response (what makes them feel unsafe); the survey's other free-text questions left blank. */
function onlyFreeText(survey: Survey, text: string) {
  const blank = survey.definition.pages.flatMap((p) => p.questions).filter((q) => q.type === 'text' || q.type === 'longtext');
  return { ...Object.fromEntries(blank.map((q) => [q.id, ''])), what_makes_unsafe: text };
}

async function sendAll(survey: Survey, texts: string[]) {
  const ids: string[] = [];
  for (const text of texts) {
    const res = await submitWith(api, survey, onlyFreeText(survey, text));
    expect(res.status).toBe(201);
    ids.push((await jsonOf(res)).id);
  }
  return ids;
}

describe('an answer the coder fails on', () => {
  it('is stored as could not be coded, flagged for a human look on a young people’s survey, and the rest are coded', async () => {
    const survey = await demoSurvey(api, 'youth-safety-11-19');
    const [before, poisoned, disclosure, after] = await sendAll(survey, [EVERYDAY, POISON, DISCLOSURE, EVERYDAY]);
    // All four in one chunk, as the background coder takes them.
    const chunk = await codeOutstanding(api.database, { limit: 20, coder: coderThrowingOn(POISON) });
    expect(chunk).toMatchObject({ responses: 4, answers: 3, failed: 1 });

    for (const id of [before, disclosure, after]) {
      expect(await rowsOf('SELECT error FROM coded_answers WHERE response_id = ?', [id as string])).toEqual([expect.objectContaining({ error: null })]);
    }
    const [failed] = await rowsOf('SELECT error, needs_review FROM coded_answers WHERE response_id = ?', [poisoned as string]);
    expect(failed?.error).toBe('The coder could not code this answer: TypeError: tokenizer.tokenize is not a function or its return value is not iterable');
    // Nothing is tried again in a loop: the response has been looked at.
    expect((await codeOutstanding(api.database, { coder: coderThrowingOn(POISON) })).responses).toBe(0);

    // The lead sees the disclosure and, under it in the queue's order, the answer nobody could check.
    const flags = await queue();
    const poisonFlag = flags.find((f) => f.text === POISON);
    const disclosureFlag = flags.find((f) => f.text === DISCLOSURE);
    expect(poisonFlag).toMatchObject({ tier: 'unchecked', status: 'new', question: { id: 'what_makes_unsafe' } });
    expect(disclosureFlag?.tier).toMatch(/^(likely|possible)$/);
    const at = (f: unknown) => flags.indexOf(f as (typeof flags)[number]);
    if (disclosureFlag?.tier === 'likely') expect(at(disclosureFlag)).toBeLessThan(at(poisonFlag));
    else expect(at(poisonFlag)).toBeLessThan(at(disclosureFlag));

    // Analysts find it first in the review queue, with the reason.
    const view = await reviewOf(survey.questionnaireId);
    expect(view.counts.couldNotBeCoded).toBe(1);
    expect(view.items[0]).toMatchObject({ text: POISON, couldNotBeCoded: expect.stringContaining('tokenizer.tokenize is not a function'), suggestions: [] });

    // Their decision codes it: it is no longer counted as could not be coded, and the flag stays for the lead.
    const decided = await api.json('/api/review/decisions', { responseId: poisoned, questionId: 'what_makes_unsafe', themes: [] }, analyst);
    expect(decided.status).toBe(200);
    expect((await reviewOf(survey.questionnaireId)).counts.couldNotBeCoded).toBe(0);
    expect(await rowsOf('SELECT error, model_version FROM coded_answers WHERE response_id = ?', [poisoned as string])).toEqual([expect.objectContaining({ error: null, model_version: 'analyst' })]);
    expect((await queue()).find((f) => f.text === POISON)?.tier).toBe('unchecked');
  });

  it('raises no safeguarding flag on an adults’ survey, but is still shown to analysts', async () => {
    const survey = await demoSurvey(api, 'community-safety-residents');
    const poison = `${POISON} (residents)`;
    const [poisoned, everyday] = await sendAll(survey, [poison, EVERYDAY]);
    const chunk = await codeOutstanding(api.database, { coder: coderThrowingOn(poison) });
    expect(chunk).toMatchObject({ responses: 2, answers: 1, failed: 1, flagged: 0 });
    expect(await rowsOf('SELECT error FROM coded_answers WHERE response_id = ?', [everyday as string])).toEqual([expect.objectContaining({ error: null })]);
    expect(await rowsOf('SELECT * FROM safeguarding_flags WHERE response_id = ?', [poisoned as string])).toEqual([]);
    expect((await queue()).map((f) => f.text)).not.toContain(poison);
    expect((await reviewOf(survey.questionnaireId)).counts.couldNotBeCoded).toBe(1);
  });
});

describe('a response that cannot be read', () => {
  it('is marked with the reason and flagged for a human look, and the responses around it are coded', async () => {
    const survey = await demoSurvey(api, 'youth-safety-11-19');
    const [before] = await sendAll(survey, [EVERYDAY]);
    // Stored answers that are not JSON: written round the API, as damage would be.
    const damaged = newId();
    await api.database.client.execute({
      sql: 'INSERT INTO responses (id, version_id, idempotency_key, answers, submitted_at) VALUES (?, ?, ?, ?, ?)',
      args: [damaged, survey.versionId, randomUUID(), '{"what_makes_unsafe": "cut off', Date.now()]
    });
    const [after] = await sendAll(survey, [DISCLOSURE]);

    const chunk = await codeOutstanding(api.database);
    expect(chunk).toMatchObject({ responses: 3, answers: 2, failed: 1 });
    const [mark] = await rowsOf('SELECT error FROM coded_responses WHERE response_id = ?', [damaged]);
    expect(String(mark?.error)).toMatch(/^Its stored answers could not be read: /);
    for (const id of [before, after]) expect(await rowsOf('SELECT error FROM coded_answers WHERE response_id = ?', [id as string])).toEqual([expect.objectContaining({ error: null })]);

    // The queue still loads, with the damaged response as a flag to look at and the disclosure after it.
    const flags = await queue();
    expect(flags.find((f) => f.text === DISCLOSURE)).toBeDefined();
    expect(await rowsOf('SELECT tier FROM safeguarding_flags WHERE response_id = ?', [damaged])).toEqual([expect.objectContaining({ tier: 'unchecked' })]);
    expect((await reviewOf(survey.questionnaireId)).counts.unreadableResponses).toBe(1);
  });
});

describe('a response whose rows the database refuses', () => {
  it('is stored as could not be coded on its own, and the rest of its chunk is coded', async () => {
    const survey = await demoSurvey(api, 'youth-safety-11-19');
    const refused = 'an answer whose coding the database will refuse';
    // The same theme twice breaks answer_codes' primary key, so the chunk's batch fails.
    const real = createCoder();
    const coder: Coder = {
      codebookVersion: real.codebookVersion,
      modelVersion: real.modelVersion,
      code(text, context) {
        const coding = real.code(text, context);
        if (text !== refused) return coding;
        const theme = { id: 'gangs', confidence: 0.9, decision: 'yes' as const, evidence: [] };
        return { ...coding, themes: [theme, theme] };
      }
    };
    const [first, bad, last] = await sendAll(survey, [EVERYDAY, refused, DISCLOSURE]);
    await codeOutstanding(api.database, { coder });
    for (const id of [first, last]) expect(await rowsOf('SELECT error FROM coded_answers WHERE response_id = ?', [id as string])).toEqual([expect.objectContaining({ error: null })]);
    const [failed] = await rowsOf('SELECT error FROM coded_answers WHERE response_id = ?', [bad as string]);
    expect(String(failed?.error)).toMatch(/^Its coding could not be stored: .*UNIQUE constraint failed/);
    expect(await rowsOf('SELECT tier FROM safeguarding_flags WHERE response_id = ?', [bad as string])).toEqual([expect.objectContaining({ tier: 'unchecked' })]);
    expect((await queue()).find((f) => f.text === DISCLOSURE)).toBeDefined();
  });
});
