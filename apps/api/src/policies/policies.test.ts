// The policy table, checked against the API it guards. Every role, for every
// action in the table, in its own organisation and in one it does not reach:
// a role the table names gets through (whatever the request then says), and
// is answered 404 for the other organisation; any other role gets 403, and
// someone not signed in 401. And every route the app serves must name a
// policy action, or be listed here as public or open to all staff, so a new
// route cannot go unguarded by mistake.
import { STAFF_ROLES, type StaffRole } from '@safer-voices/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireStaff } from '../auth/guards';
import { type FreshApi, freshApi, jsonOf } from '../test/fresh-api';
import { addOrganisation, addStaff, bearerFor, demoOrganisationId } from '../test/staff';
import { voteBody } from '../test/votes';
import { policyOf } from './guard';
import { type Action, may, type Noun, POLICIES, rolesFor } from './index';

/** Routes anyone may call: the public survey, sign-in and health. */
const PUBLIC = [
  'GET /api/health',
  'GET /api/questionnaires',
  'GET /api/questionnaires/:slug',
  'POST /api/responses',
  'POST /api/drafts',
  'GET /api/drafts/:token',
  'PUT /api/drafts/:token/pages/:pageId',
  'POST /api/drafts/:token/submit',
  'DELETE /api/drafts/:token',
  'POST /api/auth/login',
  'POST /api/auth/accept-invite',
  'GET /api/public/reports/:slug',
  'GET /api/public/organisations/:slug/you-said-we-did',
  'GET /api/public/votes/:slug',
  'GET /api/public/votes/:slug/entries/:entryId/audio',
  'HEAD /api/public/votes/:slug/entries/:entryId/audio',
  'GET /api/public/votes/:slug/entries/:entryId/captions',
  'POST /api/public/votes/:slug/ballots',
  'POST /api/public/votes/:slug/browser-voted',
  'GET /api/public/votes/:slug/receipts/:receipt',
  'GET /api/public/votes/:slug/results'
];
/** Routes about the signed-in person themselves, open to any role. */
const ANY_STAFF = ['POST /api/auth/logout', 'GET /api/auth/me', 'GET /api/organisations/current'];

let api: FreshApi;
let ownOrganisation: string;
let otherOrganisation: string;
let ownQuestionnaire: string;
let otherQuestionnaire: string;
const codebookVersion = 0;
const headersFor = new Map<StaffRole | 'anonymous', Record<string, string>>();
let counter = 0;
/** A series in each organisation, by organisation id. */
const seriesIn = new Map<string, string>();

async function blankQuestionnaire(headers: Record<string, string>) {
  const res = await api.json('/api/designer/questionnaires', { from: { kind: 'blank', title: `Policy test ${counter++}` } }, headers);
  return ((await jsonOf(res)) as { questionnaire: { id: string } }).questionnaire.id;
}

beforeAll(async () => {
  api = await freshApi();
  ownOrganisation = await demoOrganisationId(api);
  otherOrganisation = await addOrganisation(api, 'Elsewhere');
  for (const role of STAFF_ROLES) headersFor.set(role, await bearerFor(api, (await addStaff(api, ownOrganisation, [role])).id));
  headersFor.set('anonymous', {});
  ownQuestionnaire = await blankQuestionnaire(await bearerFor(api, (await addStaff(api, ownOrganisation, ['officer'])).id));
  otherQuestionnaire = await blankQuestionnaire(await bearerFor(api, (await addStaff(api, otherOrganisation, ['officer'])).id));
  for (const organisation of [ownOrganisation, otherOrganisation]) {
    const res = await api.json('/api/series', { name: 'Policy test series' }, await bearerFor(api, (await addStaff(api, organisation, ['officer'])).id));
    seriesIn.set(organisation, ((await jsonOf(res)) as { series: { id: string } }).series.id);
  }
});
afterAll(() => api.close());

type Sample = (organisationId: string, questionnaireId: string, headers: Record<string, string>) => Response | Promise<Response>;
const get = (path: string) => (headers: Record<string, string>) => api.app.request(path, { headers });

/** One request per action, made in a given organisation (by its id, or a questionnaire of it). */
const SAMPLES: { [N in Noun]: Record<Action<N>, Sample> } = {
  questionnaire: {
    view: (_org, id, h) => get(`/api/designer/questionnaires/${id}`)(h),
    design: (_org, id, h) => api.json(`/api/designer/questionnaires/${id}/close`, {}, h)
  },
  findings: { explore: (org, _id, h) => get(`/api/explore-list?organisationId=${org}`)(h) },
  codebook: {
    view: (org, _id, h) => get(`/api/codebook?organisationId=${org}`)(h),
    edit: (org, _id, h) =>
      api.json(
        `/api/codebook/themes?organisationId=${org}`,
        {
          baseVersion: codebookVersion,
          note: '',
          theme: { label: `Policy theme ${counter++}`, definition: 'Answers about the policy test', include: [], exclude: [], examples: [], seeds: ['policy test phrase'], against: [] }
        },
        h
      )
  },
  answer: {
    review: (org, _id, h) => get(`/api/review/model?organisationId=${org}`)(h),
    code: (_org, id, h) => api.json('/api/coding/jobs', { questionnaireId: id }, h)
  },
  collection: { manage: (org, _id, h) => get(`/api/collections?organisationId=${org}`)(h) },
  flag: { handle: (_org, _id, h) => get('/api/safeguarding/flags')(h) },
  settings: {
    view: (org, _id, h) => get(`/api/settings?organisationId=${org}`)(h),
    edit: (org, _id, h) => api.json(`/api/settings/webhook-secret?organisationId=${org}`, {}, h)
  },
  staff: { manage: (org, _id, h) => get(`/api/staff?organisationId=${org}`)(h) },
  series: {
    view: (org, _id, h) => get(`/api/series?organisationId=${org}`)(h),
    manage: (org, _id, h) => api.json(`/api/series?organisationId=${org}`, { name: `Policy series ${counter++}` }, h),
    weight: (org, _id, h) => api.app.request(`/api/series/${seriesIn.get(org)}/weighting`, { method: 'DELETE', headers: h })
  },
  strategy: {
    view: (org, _id, h) => get(`/api/strategy?organisationId=${org}`)(h),
    edit: (org, _id, h) => api.json(`/api/strategy/priorities?organisationId=${org}`, { title: 'Perception of safety' }, h)
  },
  report: {
    view: (org, _id, h) => get(`/api/reports?organisationId=${org}`)(h),
    edit: (org, _id, h) => api.json(`/api/reports?organisationId=${org}`, { definition: { title: `Policy report ${counter++}` } }, h),
    // A report of its own to publish: made by the same caller, so another organisation's is never found (404).
    publish: async (org, _id, h) => {
      const created = await api.json(`/api/reports?organisationId=${org}`, { definition: { title: `Policy report ${counter++}` } }, h);
      const id = created.status === 201 ? ((await jsonOf(created)) as { report: { id: string } }).report.id : 'none';
      return api.json(`/api/reports/${id}/publish`, { version: 1 }, h);
    }
  },
  vote: {
    view: (org, _id, h) => get(`/api/votes?organisationId=${org}`)(h),
    edit: (org, _id, h) => api.json(`/api/votes?organisationId=${org}`, voteBody(), h),
    // A vote of its own: made by the same caller, so another organisation's is never found (404).
    publish: async (org, _id, h) => api.app.request(`/api/votes/${await voteOf(org, h)}/publish`, { method: 'POST', headers: h }),
    review: async (org, _id, h) => get(`/api/votes/${await voteOf(org, h)}/review`)(h)
  }
};

/** A vote made by the caller in the organisation, or 'none' when they may not make one there. */
async function voteOf(org: string, h: Record<string, string>) {
  const created = await api.json(`/api/votes?organisationId=${org}`, voteBody(), h);
  return created.status === 201 ? ((await jsonOf(created)) as { vote: { id: string } }).vote.id : 'none';
}
/** Actions whose requests cannot name another organisation: a safeguarding lead's queue is always their own. */
const OWN_ORGANISATION_ONLY = new Set(['flag.handle']);

const CASES = (Object.keys(POLICIES) as Noun[]).flatMap((noun) =>
  Object.keys(POLICIES[noun]).flatMap((action) =>
    [...STAFF_ROLES, 'anonymous' as const].flatMap((caller) =>
      (['own', 'other'] as const)
        .filter((where) => where === 'own' || !OWN_ORGANISATION_ONLY.has(`${noun}.${action}`))
        .map((where) => ({ name: `${noun}.${action} by ${caller} in ${where} organisation`, noun, action: action as Action<typeof noun>, caller, where }))
    )
  )
);

describe('the policy table, over the API', () => {
  it.each(CASES)('$name', async ({ noun, action, caller, where }) => {
    const sample = (SAMPLES[noun] as Record<string, Sample>)[action];
    expect(sample, `no sample request for ${noun}.${action}`).toBeDefined();
    const res = await sample?.(where === 'own' ? ownOrganisation : otherOrganisation, where === 'own' ? ownQuestionnaire : otherQuestionnaire, headersFor.get(caller) ?? {});
    if (caller === 'anonymous') expect(res?.status).toBe(401);
    else if (!may({ roles: [caller] }, noun, action)) expect(res?.status).toBe(403);
    else if (where === 'other') expect(res?.status, await res?.text()).toBe(404);
    else expect([401, 403, 404], await res?.text()).not.toContain(res?.status);
  });

  it('has a role for every action, and only roles that exist', () => {
    for (const noun of Object.keys(POLICIES) as Noun[]) {
      for (const action of Object.keys(POLICIES[noun])) {
        const roles = rolesFor(noun, action as Action<typeof noun>);
        expect(roles.length, `${noun}.${action}`).toBeGreaterThan(0);
        for (const role of roles) expect(STAFF_ROLES).toContain(role);
      }
    }
  });
});

describe('every route', () => {
  it('names a policy action, or is listed as public or for any signed-in staff', () => {
    const guarded = new Map<string, string>();
    for (const route of api.app.routes) {
      if (route.method === 'ALL') continue;
      const key = `${route.method} ${route.path}`;
      const tag = policyOf(route.handler);
      if (tag) guarded.set(key, `${tag.noun}.${tag.action}`);
      else if (route.handler === requireStaff) guarded.set(key, 'any staff');
      else if (!guarded.has(key)) guarded.set(key, '');
    }
    const unguarded = [...guarded].filter(([key, how]) => !how && !PUBLIC.includes(key)).map(([key]) => key);
    expect(unguarded).toEqual([]);
    const openToAnyStaff = [...guarded].filter(([, how]) => how === 'any staff').map(([key]) => key);
    expect(openToAnyStaff.sort()).toEqual([...ANY_STAFF].sort());
    for (const key of PUBLIC) expect(guarded.get(key), `${key} is public but guarded, or gone`).toBe('');
  });
});
