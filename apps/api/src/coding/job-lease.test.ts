// One process at a time works on a re-coding job; another carries it on once
// the first has left it alone for JOB_LEASE_MS. Two sets of leases play two
// processes on one database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countingCoder, demoSurvey, submitWith } from '../test/coding';
import { type FreshApi, freshApi } from '../test/fresh-api';
import { addStaff, demoOrganisationId } from '../test/staff';
import { codeOutstanding } from './code-outstanding';
import { JOB_LEASE_MS, JobLeases } from './job-lease';
import { createRecodeJob, recordJobError, runRecodeChunk } from './recode-job';

let api: FreshApi;
let survey: Awaited<ReturnType<typeof demoSurvey>>;
const RESPONSES = 30;

beforeAll(async () => {
  api = await freshApi();
  survey = await demoSurvey(api);
  for (let i = 0; i < RESPONSES; i++) await submitWith(api, survey, { what_makes_unsafe: `gangs near the station ${i}` }, i % 3);
  await codeOutstanding(api.database, { limit: 1000 });
});
afterAll(() => api.close());

async function newJob() {
  const organisationId = await demoOrganisationId(api);
  return createRecodeJob(api.database.db, { organisationId, questionnaireId: survey.questionnaireId, createdBy: (await addStaff(api, organisationId, ['officer'])).id });
}

describe('re-coding jobs on several processes', () => {
  it('are worked on by one process at a time, and carried on by another when the first stops', async () => {
    const job = await newJob();
    const first = new JobLeases();
    const second = new JobLeases();
    const { coder, calls } = countingCoder('model-lease-test');
    const ownAnswersCoded = () => calls.filter((text) => text.startsWith('gangs near the station')).length;

    expect((await runRecodeChunk(api.database, { limit: 10, coder, leases: first }))?.done).toBe(10);
    // The first process holds it: the second leaves it alone, and codes nothing.
    expect(await runRecodeChunk(api.database, { limit: 10, coder, leases: second })).toBeNull();
    expect((await runRecodeChunk(api.database, { limit: 10, coder, leases: first }))?.done).toBe(20);
    expect(ownAnswersCoded()).toBe(20);

    // The first process stops; once its lease has run out the second carries on from the cursor.
    const later = new Date(Date.now() + JOB_LEASE_MS);
    const carriedOn = await runRecodeChunk(api.database, { limit: 10, coder, leases: second, now: later });
    expect(carriedOn).toMatchObject({ id: job.id, status: 'done', done: RESPONSES });
    // Each response's answers coded once in all: none skipped, none coded by both.
    expect(ownAnswersCoded()).toBe(RESPONSES);
    expect(await runRecodeChunk(api.database, { limit: 10, coder, leases: first })).toBeNull();
  });

  it('keep a job with its process when a chunk fails, and leave it alone once another has taken it', async () => {
    const job = await newJob();
    const first = new JobLeases();
    const second = new JobLeases();
    const { coder } = countingCoder('model-lease-failure');
    await runRecodeChunk(api.database, { limit: 10, coder, leases: first });
    await recordJobError(api.database.db, job.id, new Error('the database went away'), false, first);
    expect(await runRecodeChunk(api.database, { limit: 10, coder, leases: second })).toBeNull();
    expect((await runRecodeChunk(api.database, { limit: 10, coder, leases: first }))?.done).toBe(20);

    // Taken over by the second process while the first stalled: the first then leaves it alone,
    // and a failure it reports late changes nothing.
    const later = new Date(Date.now() + JOB_LEASE_MS);
    expect((await runRecodeChunk(api.database, { limit: 5, coder, leases: second, now: later }))?.done).toBe(25);
    expect(await runRecodeChunk(api.database, { limit: 10, coder, leases: first })).toBeNull();
    await recordJobError(api.database.db, job.id, new Error('a late failure'), true, first);
    const [stored] = (await api.database.client.execute({ sql: 'SELECT status, done, error FROM jobs WHERE id = ?', args: [job.id] })).rows;
    expect({ ...stored }).toEqual({ status: 'running', done: 25, error: null });
  });
});
