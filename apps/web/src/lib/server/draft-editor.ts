// The questionnaire editor's calls to the designer API, as the signed-in
// officer or admin: read the draft, make one edit, replace the whole draft.
// Each change answers with the questionnaire as it now is, including the
// logic check's problems, so pages can show them straight after a save.
import type { DraftEdit, QuestionnaireDefinition } from '@safer-voices/survey';
import { error, type RequestEvent, redirect } from '@sveltejs/kit';
import { type ApiFailure, failureOf } from './api.ts';
import { requireEditor } from './designer-api.ts';
import { apiAs, requireStaff, type SignedInStaff } from './staff-api.ts';

type EditorEvent = Pick<RequestEvent, 'cookies' | 'url' | 'locals' | 'request' | 'getClientAddress' | 'params'>;

export interface DraftDetails {
  questionnaire: { id: string; title: string; status: string; publishedVersion: number | null; draftVersion: number | null };
  working: { version: number; published: boolean; definition: QuestionnaireDefinition };
  /** The logic check: `field` is a dotted path into the definition. */
  problems: { field: string; message: string }[];
}

export type Saved = { ok: true; details: DraftDetails } | { ok: false; failure: ApiFailure };

const idOf = (event: EditorEvent) => event.params.id ?? '';

async function answered(res: Response, questionnaireId?: string): Promise<Saved> {
  if (res.ok) return { ok: true, details: (await res.json()) as DraftDetails };
  const failure = await failureOf(res);
  // Someone else saved first: back to the editor, which shows the current draft and says the change was not saved.
  if (failure.status === 409 && failure.error === 'stale_draft' && questionnaireId) redirect(303, `/staff/questionnaires/${questionnaireId}/edit?stale=1`);
  if (failure.status === 404) error(404, { message: 'There is no such questionnaire.' });
  if (failure.status === 403) error(403, { message: failure.message });
  if (failure.status !== 422 && failure.status !== 400) throw new Error(`Designer API answered ${failure.status}: ${failure.message}`);
  return { ok: false, failure };
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

export async function sendEdit(event: EditorEvent, who: SignedInStaff, edit: DraftEdit): Promise<Saved> {
  const res = await apiAs(event, who).api.designer.questionnaires[':id'].draft.edits.$post({ param: { id: idOf(event) }, json: edit });
  return answered(res, idOf(event));
}

export async function saveDefinition(event: EditorEvent, who: SignedInStaff, definition: QuestionnaireDefinition): Promise<Saved> {
  const res = await apiAs(event, who).api.designer.questionnaires[':id'].draft.$put({ param: { id: idOf(event) }, json: { definition } });
  return answered(res, idOf(event));
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
