// The one reach check: a questionnaire or organisation outside what someone
// reaches is a 404, as if it did not exist; a hub admin reaches the hub's
// partnerships, and nobody else does.
import { randomUUID } from 'node:crypto';
import { questionnaires, type StaffRole } from '@safer-voices/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../errors';
import { type FreshApi, freshApi } from '../test/fresh-api';
import { addOrganisation } from '../test/staff';
import { reachable, reachableOrganisation, reachableQuestionnaire } from './reachable';

let api: FreshApi;
let hub: string;
let partnership: string;
let other: string;
const questionnaireOf = new Map<string, string>();

beforeAll(async () => {
  api = await freshApi();
  hub = await addOrganisation(api, 'Hub');
  partnership = await addOrganisation(api, 'Partnership', hub);
  other = await addOrganisation(api, 'Elsewhere');
  for (const organisationId of [hub, partnership, other]) {
    const id = randomUUID();
    await api.database.db.insert(questionnaires).values({ id, organisationId, slug: `reach-${id.slice(0, 8)}` });
    questionnaireOf.set(organisationId, id);
  }
});
afterAll(() => api.close());

const person = (organisationId: string, roles: StaffRole[]) => ({ organisationId, roles });
const id = (organisationId: string) => questionnaireOf.get(organisationId) as string;

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e
  );
  expect(error).toBeInstanceOf(ApiError);
  const { status, code, message } = error as ApiError;
  return { status, code, message };
}

describe('reachableQuestionnaire', () => {
  it('gives a questionnaire of the person’s own organisation', async () => {
    expect(await reachableQuestionnaire(api.database.db, person(other, ['analyst']), id(other))).toEqual({ id: id(other), organisationId: other, kind: 'survey' });
  });

  it('answers 404 for a questionnaire of another organisation', async () => {
    expect(await refusal(reachableQuestionnaire(api.database.db, person(hub, ['admin']), id(other)))).toEqual({
      status: 404,
      code: 'questionnaire_not_found',
      message: 'There is no such questionnaire'
    });
  });

  it('gives a hub admin the questionnaires of the hub’s partnerships, but not other hub staff', async () => {
    expect((await reachableQuestionnaire(api.database.db, person(hub, ['admin']), id(partnership))).organisationId).toBe(partnership);
    expect((await refusal(reachableQuestionnaire(api.database.db, person(hub, ['analyst', 'officer']), id(partnership)))).status).toBe(404);
  });

  it('never gives a partnership its hub', async () => {
    expect((await refusal(reachableQuestionnaire(api.database.db, person(partnership, ['admin']), id(hub)))).code).toBe('questionnaire_not_found');
  });

  it('answers 404 for an unknown id', async () => {
    expect(await refusal(reachableQuestionnaire(api.database.db, person(hub, ['admin']), randomUUID()))).toEqual({
      status: 404,
      code: 'questionnaire_not_found',
      message: 'There is no such questionnaire'
    });
  });
});

describe('reachableOrganisation', () => {
  it('is the person’s own organisation when none is named', async () => {
    expect(await reachableOrganisation(api.database.db, person(other, ['analyst']))).toBe(other);
    expect(await reachableOrganisation(api.database.db, person(other, ['analyst']), undefined)).toBe(other);
  });

  it('gives a hub admin a partnership, and 404 for another organisation or an unknown id', async () => {
    expect(await reachableOrganisation(api.database.db, person(hub, ['admin']), partnership)).toBe(partnership);
    for (const organisationId of [other, randomUUID()]) {
      expect(await refusal(reachableOrganisation(api.database.db, person(hub, ['admin']), organisationId))).toEqual({
        status: 404,
        code: 'organisation_not_found',
        message: 'There is no such organisation'
      });
    }
  });
});

describe('reachable', () => {
  const notFound = () => new ApiError(404, 'thing_not_found', 'There is no such thing');

  it('gives back what was found when it is in reach, and the given 404 when it is not or was not found', async () => {
    const thing = { organisationId: partnership, name: 'a thing' };
    expect(await reachable(api.database.db, person(hub, ['admin']), thing, notFound)).toBe(thing);
    expect((await refusal(reachable(api.database.db, person(other, ['admin']), thing, notFound))).code).toBe('thing_not_found');
    expect((await refusal(reachable(api.database.db, person(hub, ['admin']), undefined, notFound))).code).toBe('thing_not_found');
  });
});
