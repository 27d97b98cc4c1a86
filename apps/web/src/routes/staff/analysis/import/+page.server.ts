// Importing free text into a collection: upload a CSV or XLSX file, see its
// columns, choose the text, date and grouping columns, import. The file waits
// on this server between the steps (staged-upload.server.ts); the API reads it
// afresh for the preview and for the import and keeps nothing until then.
import { may } from '@safer-voices/api/policies';
import { CollectionChoicesInput, type FieldError, parseForm } from '@safer-voices/survey';
import { error, fail, redirect } from '@sveltejs/kit';
import { firstGuess, type ImportValues } from '#lib/components/import/columns.ts';
import { failureOf } from '#lib/server/api.ts';
import { apiAs, requireStaff, type SignedInStaff } from '#lib/server/staff-api.ts';
import { checkedValues, errorsFrom, textField } from '#lib/server/staff-forms.ts';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { finishStaged, readStaged, stageUpload } from './staged-upload.server.ts';

const MAX_FILE_BYTES = 10 * 1024 * 1024;
const TOO_LARGE = 'The file must be 10 MB or smaller. Split it, or remove columns you do not need.';
const CHOICE_FIELDS = ['name', 'textColumn', 'dateColumn', 'groupColumns'] as const;

async function requireImporter(event: RequestEvent): Promise<SignedInStaff> {
  const who = await requireStaff(event);
  if (!may(who, 'collection', 'manage')) error(403, { message: 'Only analysts and admins can import text into collections.' });
  return who;
}

/** The API's preview of a file, or its refusal as errors on the file field. */
async function previewFile(event: RequestEvent, who: SignedInStaff, file: File, sheet: string) {
  const res = await apiAs(event, who).api.collections.preview.$post({ query: {}, form: { file, ...(sheet ? { sheet } : {}) } });
  if (res.ok) return { ok: true as const, ...(await res.json()) };
  const failure = await failureOf(res);
  if (failure.status === 400 || failure.status === 413 || failure.status === 422) return { ok: false as const, status: failure.status, errors: errorsFrom(failure, ['file'], 'file') };
  if (failure.status === 403) error(403, { message: failure.message });
  throw new Error(`Previewing an import failed: ${failure.status} ${failure.message}`);
}

export const load: PageServerLoad = async (event) => {
  const who = await requireImporter(event);
  const base = { organisation: who.organisation.name };
  const token = event.url.searchParams.get('upload');
  if (!token) return { ...base, step: 'upload' as const, problems: [] as FieldError[] };
  const staged = await readStaged(who.staff.id, token);
  if (!staged) {
    return { ...base, step: 'upload' as const, problems: [{ field: 'file', message: 'That upload has expired (after an hour) or was made by someone else. Upload the file again.' }] };
  }
  if (!staged.file) redirect(303, `/staff/analysis/import/${staged.collectionId}`);
  const previewed = await previewFile(event, who, staged.file, event.url.searchParams.get('sheet') ?? '');
  if (!previewed.ok) return { ...base, step: 'upload' as const, problems: previewed.errors };
  const { preview } = previewed;
  return { ...base, step: 'choose' as const, token, fileName: staged.fileName, preview, guess: firstGuess(staged.fileName, preview.columns) };
};

export const actions: Actions = {
  upload: async (event) => {
    const who = await requireImporter(event);
    const refused = (status: number, message: string) => fail(status, { upload: { errors: [{ field: 'file', message }] } });
    // A body over the server's limit cannot be read at all.
    const form = await event.request.formData().catch(() => null);
    if (!form) return refused(413, TOO_LARGE);
    const file = form.get('file');
    if (!(file instanceof File) || file.size === 0) return refused(400, 'Choose a CSV or XLSX file to upload');
    if (file.size > MAX_FILE_BYTES) return refused(413, TOO_LARGE);
    const previewed = await previewFile(event, who, file, '');
    if (!previewed.ok) return fail(previewed.status, { upload: { errors: previewed.errors } });
    redirect(303, `/staff/analysis/import?upload=${await stageUpload(who.staff.id, file)}`);
  },

  import: async (event) => {
    const who = await requireImporter(event);
    const token = event.url.searchParams.get('upload') ?? '';
    const form = await event.request.formData();
    const sheet = textField(form, 'sheet');
    const values: ImportValues = {
      name: textField(form, 'name').trim(),
      textColumn: textField(form, 'textColumn'),
      dateColumn: textField(form, 'dateColumn'),
      groupColumns: checkedValues(form, 'groupColumns')
    };
    const refused = (status: number, errors: FieldError[]) => fail(status, { choose: { values, errors } });
    // The API checks the same choices with the same schema (and then against the file); the columns' clashes are this form's own checks.
    const input = parseForm(CollectionChoicesInput, { ...values, dateColumn: values.dateColumn || undefined }, CHOICE_FIELDS, 'textColumn');
    const errors: FieldError[] = input.ok ? [] : input.errors;
    if (values.groupColumns.includes(values.textColumn)) errors.push({ field: 'groupColumns', message: 'The column with the text cannot also group the rows' });
    if (values.dateColumn && values.dateColumn === values.textColumn) errors.push({ field: 'dateColumn', message: 'The column with the text cannot also hold the date' });
    if (errors.length > 0) return refused(400, errors);

    const staged = await readStaged(who.staff.id, token);
    // Expired, or someone else's: the page says so and asks for the file again.
    if (!staged) redirect(303, `/staff/analysis/import?upload=${encodeURIComponent(token)}`);
    if (!staged.file) redirect(303, `/staff/analysis/import/${staged.collectionId}`);

    const res = await apiAs(event, who).api.collections.$post(
      {
        query: {},
        form: {
          file: staged.file,
          name: values.name,
          textColumn: values.textColumn,
          ...(sheet ? { sheet } : {}),
          ...(values.dateColumn ? { dateColumn: values.dateColumn } : {}),
          // None chosen: an empty list sends no field at all, which the API reads as none.
          groupColumns: values.groupColumns
        }
      },
      // The upload's token: importing it twice answers with the first collection.
      { headers: { 'idempotency-key': `import:${token}` } }
    );
    if (!res.ok) {
      const failure = await failureOf(res);
      if (failure.status === 403) error(403, { message: failure.message });
      if ([400, 409, 413, 422].includes(failure.status)) return refused(failure.status, errorsFrom(failure, CHOICE_FIELDS, 'textColumn'));
      throw new Error(`Importing a collection failed: ${failure.status} ${failure.message}`);
    }
    const { collection } = await res.json();
    await finishStaged(token, collection.id);
    redirect(303, `/staff/analysis/import/${collection.id}`);
  }
};
