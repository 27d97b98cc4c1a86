// The codebook pages' calls to the API, on behalf of the signed-in person:
// who may read and change it, the current version (or an older one), one
// theme, and saving an edit.
import { may } from '@safer-voices/api/policies';
import { error, type RequestEvent } from '@sveltejs/kit';
import { type ApiFailure, failureOf } from '#lib/server/api.ts';
import { unexpected } from '#lib/server/designer-api.ts';
import { apiAs, requireStaff, type SignedInStaff } from '#lib/server/staff-api.ts';
import type { ThemeFields } from './theme-form.ts';

type Event = Pick<RequestEvent, 'cookies' | 'url' | 'locals' | 'request' | 'getClientAddress'>;

export const CODEBOOK_PATH = '/staff/analysis/codebook';

export const canEditCodebook = (roles: readonly string[]) => may({ roles }, 'codebook', 'edit');

export async function requireCodebookReader(event: Event): Promise<SignedInStaff> {
  const who = await requireStaff(event);
  if (!may(who, 'codebook', 'view')) error(403, { message: 'Only analysts, officers, authors and admins can see the codebook.' });
  return who;
}

export async function requireCodebookEditor(event: Event): Promise<SignedInStaff> {
  const who = await requireStaff(event);
  if (!canEditCodebook(who.roles)) error(403, { message: 'Only analysts and admins can change the codebook.' });
  return who;
}

export async function currentCodebook(event: Event, who: SignedInStaff) {
  const res = await apiAs(event, who).api.codebook.$get({ query: {} });
  if (!res.ok) await unexpected(res, 'Reading the codebook');
  return res.json();
}

export async function codebookVersion(event: Event, who: SignedInStaff, version: number) {
  const res = await apiAs(event, who).api.codebook.versions[':version'].$get({ param: { version: String(version) }, query: {} });
  if (res.status === 404 || res.status === 400) error(404, { message: 'There is no such version of the codebook.' });
  if (!res.ok) await unexpected(res, 'Reading a codebook version');
  return (await res.json()).codebook;
}

export type CodebookView = Awaited<ReturnType<typeof currentCodebook>>['codebook'];
export type ThemeView = CodebookView['themes'][number];

/** The current codebook and one of its themes; 404 when there is no such theme. */
export async function themeOf(event: Event & { params: { themeId: string } }, who: SignedInStaff) {
  const { codebook } = await currentCodebook(event, who);
  const theme = codebook.themes.find((t) => t.id === event.params.themeId);
  if (!theme) error(404, { message: 'There is no such theme in the codebook.' });
  return { codebook, theme };
}

export type Edit =
  | { kind: 'add'; theme: ThemeFields }
  | { kind: 'edit'; themeId: string; theme: ThemeFields }
  | { kind: 'merge'; themeId: string; intoId: string }
  | { kind: 'retire' | 'restore'; themeId: string };

export type SaveResult = { ok: true; version: number } | { ok: false; failure: ApiFailure };

/** Send an edit made from `baseVersion`; 403 and unexpected failures become error pages. */
export async function saveEdit(event: Event, who: SignedInStaff, baseVersion: number, note: string, edit: Edit): Promise<SaveResult> {
  const api = apiAs(event, who).api.codebook.themes;
  const body = { baseVersion, note };
  let res: Response;
  if (edit.kind === 'add') res = await api.$post({ query: {}, json: { ...body, theme: edit.theme } });
  else if (edit.kind === 'edit') res = await api[':themeId'].$put({ param: { themeId: edit.themeId }, query: {}, json: { ...body, theme: edit.theme } });
  else if (edit.kind === 'merge') res = await api[':themeId'].merge.$post({ param: { themeId: edit.themeId }, query: {}, json: { ...body, intoId: edit.intoId } });
  else res = await api[':themeId'][edit.kind].$post({ param: { themeId: edit.themeId }, query: {}, json: body });
  if (res.ok) return { ok: true, version: ((await res.json()) as { saved: { version: number } }).saved.version };
  const failure = await failureOf(res);
  if (failure.status === 403) error(403, { message: failure.message });
  if (failure.status === 404) error(404, { message: 'There is no such theme in the codebook.' });
  if (failure.status === 400 || failure.status === 409 || failure.status === 422) return { ok: false, failure };
  throw new Error(`Saving the codebook failed: ${failure.status} ${failure.message}`);
}

/** Where to go after a save: the codebook, with the saved banner and the offer to re-code. */
export const afterSave = (version: number) => `${CODEBOOK_PATH}?saved=${version}`;
