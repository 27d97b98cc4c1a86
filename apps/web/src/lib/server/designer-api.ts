// What the questionnaire pages share: who may change things, the designer
// API's answers turned into page errors, schedule dates in UK time, and
// links from a logic problem's path to the editor.
import { may } from '@safer-voices/api/policies';
import { error } from '@sveltejs/kit';
import { type ApiFailure, failureOf } from './api.ts';
import { type SignedInStaff, requireStaff } from './staff-api.ts';

type StaffEvent = Parameters<typeof requireStaff>[0];

/** Officers design and publish; admins may too. Everyone else reads. */
export const canEdit = (roles: readonly string[]) => may({ roles }, 'questionnaire', 'design');

export async function requireEditor(event: StaffEvent): Promise<SignedInStaff> {
  const who = await requireStaff(event);
  if (!canEdit(who.roles)) error(403, { message: 'Only officers and admins can change questionnaires.' });
  return who;
}

/** A refused call that no form on the page can explain: 403 and 404 as pages, anything else a crash. */
export async function unexpected(res: Response, what: string): Promise<never> {
  const failure = await failureOf(res);
  if (failure.status === 403 || failure.status === 404) error(failure.status, { message: failure.message });
  throw new Error(`${what} failed: ${failure.status} ${failure.message}`);
}

/** The API's issues as form errors on `field`, with their JSON path where it helps. */
export function problemsOf(failure: ApiFailure, field: string, withPath = false) {
  const issues = failure.issues ?? [];
  if (issues.length === 0) return [{ field, message: failure.message }];
  const messages = issues.map((i) => (withPath ? `${i.field}: ${i.message}` : i.message));
  // The error summary keys its items by message, and a repeated line tells the person nothing new.
  return [...new Set(messages)].map((message) => ({ field, message }));
}

// Schedule dates are typed as UK wall-clock times, whatever the server's zone.
const LONDON = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit'
});

function londonParts(at: Date) {
  const parts = Object.fromEntries(LONDON.formatToParts(at).map((p) => [p.type, p.value]));
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

/** An instant as the date and time fields show it in the UK. */
export function toLondonFields(iso: string | null): { date: string; time: string } {
  return iso ? londonParts(new Date(iso)) : { date: '', time: '' };
}

/** `2026-09-01` and `09:00` in the UK as an ISO instant; undefined when they are not a real date and time. */
export function fromLondonFields(date: string, time: string): string | undefined {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{2}):(\d{2})$/.exec(time);
  if (!d || !t) return undefined;
  const [y, m, day, h, min] = [d[1], d[2], d[3], t[1], t[2]].map(Number) as [number, number, number, number, number];
  if (h > 23 || min > 59) return undefined;
  const wall = Date.UTC(y, m - 1, day, h, min);
  if (new Date(wall).getUTCDate() !== day) return undefined; // 31 February and the like
  // The UK is UTC or UTC+1: try both and keep the one that reads back as typed.
  for (const offsetHours of [0, 1]) {
    const at = new Date(wall - offsetHours * 3_600_000);
    const back = londonParts(at);
    if (back.date === date && back.time === time) return at.toISOString();
  }
  // A time skipped when the clocks go forward: take the hour after.
  return new Date(wall).toISOString();
}

export const formatLondon = (iso: string) => new Date(iso).toLocaleString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/London' });

interface DefinitionIds {
  pages: { id: string; questions: { id: string }[] }[];
}

/**
 * Where in the editor a problem at `pages.2.questions.0.showIf` is: the
 * question's own anchor (`#question-<id>`), else its page's (`#page-<id>`).
 */
export function editorAnchor(path: string, definition: DefinitionIds | null | undefined): string {
  const m = /^(?:definition\.)?pages\.(\d+)(?:\.questions\.(\d+))?/.exec(path);
  const page = m && definition?.pages[Number(m[1])];
  if (!page) return '';
  const question = m[2] !== undefined ? page.questions[Number(m[2])] : undefined;
  return question ? `#question-${question.id}` : `#page-${page.id}`;
}
