// Collections: free text imported from CSV or XLSX files, coded and explored
// like survey answers. Analysts and admins preview a file (nothing is kept),
// then import it: the collection and every row are written in one batch, or
// nothing is. An Idempotency-Key makes a retried import answer with the
// collection the first attempt made.
import { CollectionChoicesInput } from '@safer-voices/survey';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import { requirePolicy } from '../policies/guard';
import { reachableOrganisation } from '../policies/reachable';
import { reachableOrganisationIds } from '../auth/scope';
import { type ImportChoices, planImport } from '../collections/plan';
import { previewOf } from '../collections/preview';
import { staffRedactionTerms } from '../store/redaction-terms';
import { readTable } from '../collections/read-file';
import { MAX_FILE_BYTES } from '../collections/table';
import type { Env } from '../env';
import { ApiError } from '../errors';
import { collectionIdFor, createCollection, findCollection, listCollections } from '../store/collections';
import { validate } from '../validation';
import { IdempotencyKeySchema } from './responses';

/** The file plus a few short form fields. */
export const COLLECTION_BODY_LIMIT = MAX_FILE_BYTES + 64 * 1024;

const limitUpload = bodyLimit({
  maxSize: COLLECTION_BODY_LIMIT,
  onError: () => {
    throw new ApiError(413, 'file_too_large', `The file is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB`, [
      { field: 'file', message: `The file must be ${MAX_FILE_BYTES / 1024 / 1024} MB or smaller. Split it, or remove columns you do not need.` }
    ]);
  }
});

const analysts = requirePolicy('collection', 'manage');

/** An empty form field is a choice not made. */
const optionalText = (max: number) => z.preprocess((v) => (v === '' ? undefined : v), z.string().trim().min(1).max(max).optional());
const FileField = z.instanceof(File, { message: 'Choose a CSV or XLSX file' });
const PreviewForm = z.object({ file: FileField, sheet: optionalText(100) });
// The choices are checked by the same schema as the web's import form; a form's empty date and grouping fields are none.
const ImportForm = PreviewForm.extend({
  ...CollectionChoicesInput.shape,
  dateColumn: z.preprocess((v) => (v === '' ? undefined : v), CollectionChoicesInput.shape.dateColumn),
  // One grouping column arrives as a string, several as an array.
  groupColumns: z.preprocess((v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v.filter((x) => x !== '') : [v]), CollectionChoicesInput.shape.groupColumns)
});
const OrganisationQuery = z.object({ organisationId: z.string().min(1).max(100).optional() });
const IdParam = z.object({ id: z.string().min(1).max(100) });

const collectionNotFound = () => new ApiError(404, 'collection_not_found', 'There is no such collection');

export const collectionsRoute = new Hono<Env>()
  .get('/', analysts, validate('query', OrganisationQuery), async (c) => {
    const organisationId = await reachableOrganisation(c.var.db, c.var.staff, c.req.valid('query').organisationId);
    return c.json({ collections: await listCollections(c.var.db, organisationId) });
  })
  .get('/:id', analysts, validate('param', IdParam), async (c) => {
    const found = await findCollection(c.var.db, c.req.valid('param').id, await reachableOrganisationIds(c.var.db, c.var.staff));
    if (!found) throw collectionNotFound();
    return c.json({ collection: found });
  })
  .post('/preview', analysts, limitUpload, validate('query', OrganisationQuery), validate('form', PreviewForm), async (c) => {
    const organisationId = await reachableOrganisation(c.var.db, c.var.staff, c.req.valid('query').organisationId);
    const { file, sheet } = c.req.valid('form');
    const table = await readTable(file, sheet);
    return c.json({ fileName: file.name, preview: previewOf(table, await staffRedactionTerms(c.var.db, organisationId)) });
  })
  .post('/', analysts, limitUpload, validate('query', OrganisationQuery), validate('form', ImportForm), async (c) => {
    const organisationId = await reachableOrganisation(c.var.db, c.var.staff, c.req.valid('query').organisationId);
    const form = c.req.valid('form');
    const key = c.req.header('Idempotency-Key');
    const parsedKey = IdempotencyKeySchema.optional().safeParse(key);
    if (!parsedKey.success)
      throw new ApiError(400, 'invalid_request', 'The Idempotency-Key header is not valid', [{ field: 'idempotencyKey', message: parsedKey.error.issues[0]?.message ?? 'Not valid' }]);
    const id = collectionIdFor(organisationId, parsedKey.data);

    const table = await readTable(form.file, form.sheet);
    const choices: ImportChoices = { name: form.name, textColumn: form.textColumn, dateColumn: form.dateColumn, groupColumns: form.groupColumns, fileName: form.file.name || 'the uploaded file' };
    const plan = planImport(table, choices);
    const replay = async () => {
      const earlier = await findCollection(c.var.db, id, [organisationId]);
      if (!earlier) return null;
      if (earlier.name !== plan.definition.title || earlier.rows !== plan.rows.length) {
        throw new ApiError(409, 'idempotency_key_reused', 'This Idempotency-Key was already used to import a different file or name');
      }
      return c.json({ collection: earlier, skipped: plan.skipped, replayed: true }, 200);
    };
    const earlier = await replay();
    if (earlier) return earlier;
    try {
      await createCollection(c.var.db, c.var.writes, { id, organisationId, staffId: c.var.staff.id, plan, format: table.format });
    } catch (error) {
      // The same import sent twice at once: the second batch meets the first's collection and writes nothing.
      const raced = await replay();
      if (raced) return raced;
      throw error;
    }
    const created = await findCollection(c.var.db, id, [organisationId]);
    if (!created) throw new Error('A collection just imported could not be read back');
    return c.json({ collection: created, skipped: plan.skipped, replayed: false }, 201);
  });
