// Explorer quotes leave out an answer flagged for safeguarding until a
// safeguarding lead clears it for quoting, for every role that explores,
// as reports do (the one rule in store/quotable-answers.ts). Dealing with the
// flag in the queue does not clear it for quoting; the theme's figures count
// the answer all along.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExploreView } from './types';
import { jsonOf } from '../test/fresh-api';
import { ALLEY, type SchoolsExplorer, schoolsExplorer, theme } from '../test/explore';
import { addStaff, bearerFor } from '../test/staff';

const DISCLOSURE = "my uncle hits me and I'm scared to go home";
const QUERY = '?theme=fear&f.school=Yew';

let explorer: SchoolsExplorer;
let officer: Record<string, string>;
let lead: Record<string, string>;
beforeAll(async () => {
  explorer = await schoolsExplorer();
  officer = await bearerFor(explorer.api, (await addStaff(explorer.api, explorer.organisationId, ['officer'])).id);
  lead = await bearerFor(explorer.api, (await addStaff(explorer.api, explorer.organisationId, ['safeguarding_lead'])).id);
  // At Yew, the only answers with the theme are the disclosures: if any is quoted, it is one of them.
  await explorer.pupils(12, 'Yew', 'Year 8', DISCLOSURE);
  await explorer.pupils(10, 'Yew', 'Year 8', ALLEY);
  await explorer.codeEverything();
});
afterAll(async () => explorer.api.close());

async function viewAs(headers: Record<string, string>): Promise<ExploreView> {
  const res = await explorer.explore(QUERY, headers);
  expect(res.status, await res.clone().text()).toBe(200);
  return jsonOf(res);
}

async function disclosureFlags(): Promise<{ id: string; responseId: string; question: { id: string } }[]> {
  const res = await explorer.api.app.request('/api/safeguarding/flags', { headers: lead });
  expect(res.status).toBe(200);
  return (await jsonOf(res)).flags.filter((f: { text: string }) => f.text === DISCLOSURE);
}

describe('explorer quotes and safeguarding flags', () => {
  it('leave out a flagged answer for an officer and an analyst, while the theme still counts it', async () => {
    expect(await disclosureFlags()).toHaveLength(12);
    for (const headers of [officer, explorer.analyst]) {
      const v = await viewAs(headers);
      expect(theme(v, 'fear').count).toBe(12);
      expect(v.quotes.map((q) => q.text).filter((t) => /uncle|hits me/i.test(t))).toEqual([]);
      expect(JSON.stringify(v)).not.toMatch(/uncle/i);
    }
  });

  it('still leave it out once the lead has dealt with the flag, and show it once the lead clears it for quoting', async () => {
    const [flag, ...others] = await disclosureFlags();
    if (!flag) throw new Error('no flag');
    for (const f of [flag, ...others]) {
      const res = await explorer.api.json(`/api/safeguarding/flags/${f.id}`, { status: 'no_action', note: 'Spoke to the school DSL' }, lead, 'PUT');
      expect(res.status, await res.clone().text()).toBe(200);
    }
    for (const headers of [officer, explorer.analyst]) expect(JSON.stringify(await viewAs(headers))).not.toMatch(/uncle/i);

    const cleared = await explorer.api.json('/api/reports/clearances', { responseId: flag.responseId, questionId: flag.question.id, note: 'Nothing identifying once redacted' }, lead);
    expect(cleared.status, await cleared.clone().text()).toBe(201);
    for (const headers of [officer, explorer.analyst]) {
      const v = await viewAs(headers);
      expect(theme(v, 'fear').count).toBe(12);
      // One of the twelve is cleared: it, and none of the others, is quoted.
      expect(v.quotes.filter((q) => q.text === DISCLOSURE)).toHaveLength(1);
    }
  });
});
