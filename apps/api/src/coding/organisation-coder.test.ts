// Each organisation's answers are coded with its own codebook; a saved
// codebook version is picked up within a few seconds, without rebuilding the
// coder on every answer.
import { randomUUID } from 'node:crypto';
import { codebooks } from '@safer-voices/db';
import { DEFAULT_CODEBOOK, retireTheme } from '@safer-voices/themes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FreshApi, freshApi } from '../test/fresh-api';
import { addOrganisation } from '../test/staff';
import { CODER_CHECK_MS, coderFor } from './organisation-coder';

let api: FreshApi;

beforeAll(async () => {
  api = await freshApi();
});
afterAll(() => api.close());

describe("an organisation's coder", () => {
  it('uses the default codebook until the organisation saves its own, then its newest version', async () => {
    const { db } = api.database;
    const organisationId = await addOrganisation(api, 'Own Codebook VRP');
    const start = Date.now();
    const first = await coderFor(db, organisationId, start);
    expect(first.codebookVersion).toBe('default@1');
    expect(first.code('kids carry knives round here').themes.find((t) => t.id === 'knives_weapons')?.decision).toBe('yes');

    const edited = retireTheme(DEFAULT_CODEBOOK, 'knives_weapons');
    await db.insert(codebooks).values({ id: randomUUID(), organisationId, version: 1, codebook: edited });
    // Within the check interval the same coder is used...
    expect(await coderFor(db, organisationId, start + 1000)).toBe(first);
    // ...and after it, the saved version.
    const second = await coderFor(db, organisationId, start + CODER_CHECK_MS + 1);
    expect(second.codebookVersion).toBe(`default@${edited.version}`);
    expect(second.code('kids carry knives round here').themes.map((t) => t.id)).not.toContain('knives_weapons');
    // Nothing changed since: the coder is kept, not rebuilt.
    expect(await coderFor(db, organisationId, start + 2 * CODER_CHECK_MS + 2)).toBe(second);
  });

  it('keeps organisations apart', async () => {
    const { db } = api.database;
    const other = await addOrganisation(api, 'Default Codebook VRP');
    expect((await coderFor(db, other)).code('kids carry knives round here').themes.map((t) => t.id)).toContain('knives_weapons');
  });
});
