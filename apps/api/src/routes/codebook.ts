// The organisation's codebook: versions, and edits that add, change, merge,
// retire and restore themes. Analysts, officers, authors and admins read it;
// analysts and admins change it. Each edit names the version it was made
// from (baseVersion) and is saved as the next version with its audit entry
// in one batch: an edit made from an older version is refused with 409, and
// of two edits made at the same moment from the same version only one is
// stored (the other gets 409 from the unique (organisation, version) index).
import { CodebookNote, ThemeMergeInput } from '@safer-voices/survey';
import { Hono } from 'hono';
import type { Context } from 'hono';
import { z } from 'zod';
import { auditStatement } from '../auth/audit';
import type { StaffEnv } from '../auth/guards';
import { requirePolicy } from '../policies/guard';
import { reachableOrganisation } from '../policies/reachable';
import type { Env } from '../env';
import { ApiError } from '../errors';
import { codebookAt, codebookHistory, currentCodebook, isVersionTaken, ORGANISATION_CODEBOOK_NAME, type StoredCodebookVersion, saveCodebookStatement } from '../store/codebooks';
import { validate } from '../validation';
import { applyEdit, type CodebookEdit, ThemeFieldsSchema } from '../store/codebook-edits';

const readers = requirePolicy('codebook', 'view');
const editors = requirePolicy('codebook', 'edit');

/** A hub admin may work on one of its partnerships' codebooks; one's own organisation by default. */
const OrganisationQuery = z.object({ organisationId: z.string().min(1).max(100).optional() });
const ThemeParam = z.object({ themeId: z.string().min(1).max(100) });
const VersionParam = z.object({ version: z.coerce.number().int().min(0).max(1_000_000) });
// The note and the merge are checked by the same schemas as the web's codebook forms.
const Note = CodebookNote;
const BaseVersion = z.number({ error: 'Say which version the edit was made from' }).int().min(0);

const AddSchema = z.strictObject({ baseVersion: BaseVersion, note: Note, theme: ThemeFieldsSchema });
const EditSchema = AddSchema;
const MergeSchema = z.strictObject({ baseVersion: BaseVersion, ...ThemeMergeInput.shape });
const StatusSchema = z.strictObject({ baseVersion: BaseVersion, note: Note });

export type ThemeStatus = 'active' | 'retired' | 'merged';

function codebookView(stored: StoredCodebookVersion) {
  const labels = new Map(stored.codebook.themes.map((t) => [t.id, t.label]));
  return {
    version: stored.version,
    note: stored.note,
    createdBy: stored.createdBy,
    createdAt: stored.createdAt,
    description: stored.codebook.description,
    themes: stored.codebook.themes.map((t) => ({
      id: t.id,
      label: t.label,
      definition: t.definition,
      include: t.include,
      exclude: t.exclude,
      examples: t.examples,
      seeds: t.seeds,
      against: t.against,
      status: (t.mergedInto ? 'merged' : t.retired ? 'retired' : 'active') as ThemeStatus,
      mergedInto: t.mergedInto ? { id: t.mergedInto, label: labels.get(t.mergedInto) ?? t.mergedInto } : null
    }))
  };
}

const changedMeanwhile = (version: number) =>
  new ApiError(409, 'codebook_changed', `Someone else changed the codebook meanwhile (it is now version ${version}). Reload it and make your change again.`);

/** Make the edit on the current version and store it as the next one. */
async function saveEdit(c: Context<StaffEnv>, organisationId: string, body: { baseVersion: number; note: string }, edit: CodebookEdit) {
  const { db } = c.var;
  const current = await currentCodebook(db, organisationId);
  if (current.version !== body.baseVersion) throw changedMeanwhile(current.version);
  const base = { ...current.codebook, name: ORGANISATION_CODEBOOK_NAME, version: current.version };
  const { codebook, themeId, summary } = applyEdit(base, edit);
  const note = body.note ? `${summary} — ${body.note}` : summary;
  try {
    await db.batch([
      saveCodebookStatement(db, { organisationId, codebook, note, createdBy: c.var.staff.id }),
      auditStatement(db, {
        organisationId,
        actorStaffId: c.var.staff.id,
        action: 'codebook.saved',
        target: { type: 'organisation', id: organisationId },
        detail: { version: codebook.version, edit: edit.kind, themeId, ...(edit.kind === 'merge' ? { intoId: edit.intoId } : {}) }
      })
    ]);
  } catch (error) {
    if (isVersionTaken(error)) throw changedMeanwhile((await currentCodebook(db, organisationId)).version);
    throw error;
  }
  const saved = await codebookAt(db, organisationId, codebook.version);
  if (!saved) throw new Error('The saved codebook version could not be read back');
  return { saved: { version: codebook.version, note, themeId }, codebook: codebookView(saved) };
}

export const codebookRoute = new Hono<Env>()
  .get('/', readers, validate('query', OrganisationQuery), async (c) => {
    const organisationId = await reachableOrganisation(c.var.db, c.var.staff, c.req.valid('query').organisationId);
    const [current, versions] = await Promise.all([codebookAt(c.var.db, organisationId, 'current'), codebookHistory(c.var.db, organisationId)]);
    if (!current) throw new Error('The current codebook could not be read');
    return c.json({ organisationId, codebook: codebookView(current), versions });
  })
  .get('/versions/:version', readers, validate('param', VersionParam), validate('query', OrganisationQuery), async (c) => {
    const organisationId = await reachableOrganisation(c.var.db, c.var.staff, c.req.valid('query').organisationId);
    const stored = await codebookAt(c.var.db, organisationId, c.req.valid('param').version);
    if (!stored) throw new ApiError(404, 'version_not_found', 'There is no such version of the codebook');
    return c.json({ organisationId, codebook: codebookView(stored) });
  })
  .post('/themes', editors, validate('query', OrganisationQuery), validate('json', AddSchema), async (c) => {
    const organisationId = await reachableOrganisation(c.var.db, c.var.staff, c.req.valid('query').organisationId);
    const body = c.req.valid('json');
    return c.json(await saveEdit(c, organisationId, body, { kind: 'add', theme: body.theme }), 201);
  })
  .put('/themes/:themeId', editors, validate('param', ThemeParam), validate('query', OrganisationQuery), validate('json', EditSchema), async (c) => {
    const organisationId = await reachableOrganisation(c.var.db, c.var.staff, c.req.valid('query').organisationId);
    const body = c.req.valid('json');
    return c.json(await saveEdit(c, organisationId, body, { kind: 'edit', themeId: c.req.valid('param').themeId, theme: body.theme }), 200);
  })
  .post('/themes/:themeId/merge', editors, validate('param', ThemeParam), validate('query', OrganisationQuery), validate('json', MergeSchema), async (c) => {
    const organisationId = await reachableOrganisation(c.var.db, c.var.staff, c.req.valid('query').organisationId);
    const body = c.req.valid('json');
    return c.json(await saveEdit(c, organisationId, body, { kind: 'merge', themeId: c.req.valid('param').themeId, intoId: body.intoId }), 200);
  })
  .post('/themes/:themeId/retire', editors, validate('param', ThemeParam), validate('query', OrganisationQuery), validate('json', StatusSchema), async (c) => {
    const organisationId = await reachableOrganisation(c.var.db, c.var.staff, c.req.valid('query').organisationId);
    return c.json(await saveEdit(c, organisationId, c.req.valid('json'), { kind: 'retire', themeId: c.req.valid('param').themeId }), 200);
  })
  .post('/themes/:themeId/restore', editors, validate('param', ThemeParam), validate('query', OrganisationQuery), validate('json', StatusSchema), async (c) => {
    const organisationId = await reachableOrganisation(c.var.db, c.var.staff, c.req.valid('query').organisationId);
    return c.json(await saveEdit(c, organisationId, c.req.valid('json'), { kind: 'restore', themeId: c.req.valid('param').themeId }), 200);
  });
