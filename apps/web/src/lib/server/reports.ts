// What the report builder's pages share: the report as it stands (its newest
// definition and the document resolved from it), and saving a changed
// definition as a new version, refused when someone saved since.
import type { ReportDefinition, ReportSectionDefinition } from '@safer-voices/survey';
import { error, redirect } from '@sveltejs/kit';
import { type ApiFailure, failureOf } from './api.ts';
import { unexpected } from './designer-api.ts';
import type { apiAs } from './staff-api.ts';

type Api = ReturnType<typeof apiAs>['api'];

export async function reportNow(api: Api, id: string) {
  const res = await api.reports[':id'].$get({ param: { id } });
  if (!res.ok) await unexpected(res, 'Reading the report');
  return res.json();
}

export type ReportNow = Awaited<ReturnType<typeof reportNow>>;

/** The section of the report with the id; a 404 page otherwise. */
export function sectionIn(definition: ReportDefinition, sectionId: string): ReportSectionDefinition {
  const found = definition.sections.find((s) => s.id === sectionId);
  if (!found) error(404, { message: 'There is no such section in this report.' });
  return found;
}

export type SaveResult = { ok: true; version: number } | { ok: false; stale: true } | { ok: false; stale: false; failure: ApiFailure };

/** Saves the definition as the version after `version`; stale when someone else saved since. */
export async function saveReport(api: Api, id: string, version: number, definition: ReportDefinition): Promise<SaveResult> {
  const res = await api.reports[':id'].$put({ param: { id }, json: { version, definition } });
  if (res.ok) return { ok: true, version: (await res.json()).report.version };
  if (res.status === 409) return { ok: false, stale: true };
  const failure = await failureOf(res);
  if (failure.status === 400 || failure.status === 422) return { ok: false, stale: false, failure };
  return unexpected(res, 'Saving the report');
}

/**
 * The version a page's forms change, pinned in its address (`at`): Back
 * fetches the page again (staff pages are never cached), and its forms must
 * still say the version they were first shown at, so a form sent again
 * ("Add section", "Save row" for a new row) is refused as stale rather than
 * adding a second section or row. A page shown after a refused form (a POST)
 * uses the newest version.
 */
export function pinnedVersion(event: { url: URL; request: Request }, latest: number): number {
  if (event.request.method !== 'GET') return latest;
  const raw = event.url.searchParams.get('at') ?? '';
  const at = /^\d{1,7}$/.test(raw) ? Number(raw) : 0;
  if (at >= 1 && at <= latest) return at;
  const url = new URL(event.url);
  url.searchParams.set('at', String(latest));
  redirect(302, `${url.pathname}${url.search}`);
}

/** The version a form was opened at, from its hidden field. */
export function versionFrom(form: FormData): number {
  const n = Number(form.get('version'));
  if (!Number.isInteger(n) || n < 1) error(400, { message: 'This form did not say which version of the report it changes. Reload the page and try again.' });
  return n;
}

export const SECTION_KINDS = [
  { value: 'summary', label: 'Summary', heading: 'Summary', hint: 'Your own words about what people told you' },
  { value: 'methodology', label: 'Methodology', heading: 'How we did this', hint: 'Dates, who took part, how answers were coded: filled in for you' },
  { value: 'safety', label: 'Perception of safety', heading: 'How safe people feel', hint: 'Measures you choose, with change between waves' },
  { value: 'themes', label: 'What people told us', heading: 'What people told us', hint: 'Themes you choose, with quotes' },
  { value: 'you-said-we-did', label: 'You said, we did', heading: 'You said, we did', hint: 'What people said and what was done' }
] as const;

/** The heading a section has when the author gives none (as the API's resolve.ts DEFAULT_HEADINGS). */
export const defaultHeading = (kind: string) => SECTION_KINDS.find((k) => k.value === kind)?.heading ?? kind;

export const kindLabel = (kind: string) => SECTION_KINDS.find((k) => k.value === kind)?.label ?? kind;

/** A fresh section id for a kind, unused in the report. */
export function newSectionId(sections: readonly { id: string }[], kind: string): string {
  const taken = new Set(sections.map((s) => s.id));
  if (!taken.has(kind)) return kind;
  for (let n = 2; ; n++) if (!taken.has(`${kind}-${n}`)) return `${kind}-${n}`;
}
