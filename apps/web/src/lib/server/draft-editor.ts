// The questionnaire editor's calls to the designer API, as the signed-in
// officer or admin: read the draft, make one edit, replace the whole draft.
// Each change answers with the questionnaire as it now is, including the
// logic check's problems, so pages can show them straight after a save.
//
// No lost updates: every form that changes the draft carries the revision the
// officer was looking at (a hidden `revision` field, see RevisionField.svelte),
// and every change sends it as If-Match. A change made from an older revision
// is refused as stale (409 stale_draft), and so is a form without one (a page
// cached from before forms carried it): applied to whatever the draft is now,
// its values could silently undo someone else's change.
import type { DraftEdit, QuestionnaireDefinition } from '@safer-voices/survey';
import { error, type RequestEvent, redirect } from '@sveltejs/kit';
import { type ApiFailure, failureOf } from './api.ts';
import { requireEditor } from './designer-api.ts';
import { apiAs, requireStaff, type SignedInStaff } from './staff-api.ts';
import { textField } from './staff-forms.ts';
import type { Texts } from '#lib/components/designer/unsaved.ts';

export { type Texts, type Unsaved, unsavedChanges } from '#lib/components/designer/unsaved.ts';

type EditorEvent = Pick<RequestEvent, 'cookies' | 'url' | 'locals' | 'request' | 'getClientAddress' | 'params'>;

export interface DraftDetails {
  questionnaire: { id: string; title: string; status: string; publishedVersion: number | null; draftVersion: number | null };
  /** Changes with every save: sent back as If-Match, so a change made from an older one is refused. */
  revision: string;
  working: { version: number; published: boolean; definition: QuestionnaireDefinition };
  /** The logic check: `field` is a dotted path into the definition. */
  problems: { field: string; message: string }[];
}

/** A change refused as stale comes back as `stale`; the page decides how to show it (see staleEditor and StaleNotice.svelte). */
export type Saved = { ok: true; details: DraftDetails } | { ok: false; stale: false; failure: ApiFailure } | { ok: false; stale: true };

const idOf = (event: EditorEvent) => event.params.id ?? '';

/** The revision the officer's page showed, from the form's hidden `revision` field ('' when the form had none). */
export const postedRevision = (form: FormData) => textField(form, 'revision');

/** Whether a form was made from another revision than the draft's now; a form without one counts as stale. */
export const isStale = (details: DraftDetails, revision: string) => revision === '' || revision !== details.revision;

/** The editor showing the current draft and saying the change was not saved: for forms with nothing typed to give back. */
export function staleEditor(questionnaireId: string): never {
  redirect(303, `/staff/questionnaires/${questionnaireId}/edit?stale=1`);
}

async function answered(res: Response): Promise<Saved> {
  if (res.ok) return { ok: true, details: (await res.json()) as DraftDetails };
  const failure = await failureOf(res);
  // Someone else saved first.
  if (failure.status === 409 && failure.error === 'stale_draft') return { ok: false, stale: true };
  if (failure.status === 404) error(404, { message: 'There is no such questionnaire.' });
  if (failure.status === 403) error(403, { message: failure.message });
  if (failure.status !== 422 && failure.status !== 400) throw new Error(`Designer API answered ${failure.status}: ${failure.message}`);
  return { ok: false, stale: false, failure };
}

export async function loadDraft(event: EditorEvent): Promise<{ who: SignedInStaff; details: DraftDetails }> {
  return draftAs(event, await requireEditor(event));
}

/** The same, for any member of staff: every role may read the questions (the preview), only editors change them. */
export async function readDraft(event: EditorEvent): Promise<{ who: SignedInStaff; details: DraftDetails }> {
  return draftAs(event, await requireStaff(event));
}

async function draftAs(event: EditorEvent, who: SignedInStaff): Promise<{ who: SignedInStaff; details: DraftDetails }> {
  const res = await apiAs(event, who).api.designer.questionnaires[':id'].$get({ param: { id: idOf(event) } });
  const result = await answered(res);
  if (!result.ok || !result.details.working) error(404, { message: 'There is no such questionnaire.' });
  return { who, details: result.details };
}

const ifMatch = (revision: string) => ({ headers: { 'if-match': `"${revision}"` } });

/** One edit, made from `revision` (the posted one): refused as stale when the draft has changed since, or when there is none. */
export async function sendEdit(event: EditorEvent, who: SignedInStaff, edit: DraftEdit, revision: string): Promise<Saved> {
  if (!revision) return { ok: false, stale: true };
  const res = await apiAs(event, who).api.designer.questionnaires[':id'].draft.edits.$post({ param: { id: idOf(event) }, json: edit }, ifMatch(revision));
  return answered(res);
}

/** The whole draft replaced, made from `revision`: refused as stale as sendEdit is. */
export async function saveDefinition(event: EditorEvent, who: SignedInStaff, definition: QuestionnaireDefinition, revision: string): Promise<Saved> {
  if (!revision) return { ok: false, stale: true };
  const res = await apiAs(event, who).api.designer.questionnaires[':id'].draft.$put({ param: { id: idOf(event) }, json: { definition } }, ifMatch(revision));
  return answered(res);
}

/** What the form showed before the officer typed (its hidden `shown` field, see RevisionField.svelte), if it says. */
export function postedShown(form: FormData): Texts | null {
  try {
    const shown: unknown = JSON.parse(textField(form, 'shown'));
    if (typeof shown !== 'object' || shown === null || Array.isArray(shown)) return null;
    return Object.fromEntries(Object.entries(shown).filter((e): e is [string, string] => typeof e[1] === 'string'));
  } catch {
    return null;
  }
}

/** Where a problem's path points: the question (by id) or page it is about. */
export function anchorOf(definition: QuestionnaireDefinition, path: string): string {
  const match = path.match(/^(?:definition\.)?pages\.(\d+)(?:\.questions\.(\d+))?/);
  const page = match ? definition.pages[Number(match[1])] : undefined;
  const question = match?.[2] !== undefined ? page?.questions[Number(match[2])] : undefined;
  if (question) return `question-${question.id}`;
  if (page) return `page-${page.id}`;
  return 'settings';
}

/**
 * The editor after a save, at what changed. With problems to show it goes to
 * the top instead: a #fragment would stop the error summary taking focus.
 */
export function editorAfterSave(questionnaireId: string, anchor: string, details: DraftDetails): string {
  const path = `/staff/questionnaires/${questionnaireId}/edit?saved=${encodeURIComponent(anchor)}`;
  return details.problems.length > 0 ? path : `${path}#${anchor}`;
}
