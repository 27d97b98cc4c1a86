// A published copy of the youth survey of a test's own, answered through the
// API: tests that count answers then depend neither on the demo responses nor
// on each other, running in parallel on one database.
import { randomUUID } from 'node:crypto';
import { type APIRequestContext, type APIResponse, expect } from '@playwright/test';
import { DEMO_STAFF } from './helpers';

export interface Question {
  id: string;
  type: string;
  required: boolean;
  min?: number;
  options?: { value: string }[];
  points?: { value: string }[];
  places?: { value: string }[];
  rows?: { value: string }[];
  multiple?: boolean;
}

export interface Definition {
  title: string;
  pages: { id: string; questions: Question[] }[];
}

export interface PublishedSurvey {
  id: string;
  slug: string;
  versionId: string;
  definition: Definition;
}

export type Send = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, data?: unknown) => Promise<APIResponse>;

/** The first choice for every required question, then the chosen answers. */
export function answersFor(definition: Definition, chosen: Record<string, unknown>): Record<string, unknown> {
  const answers: Record<string, unknown> = {};
  const first = (list?: { value: string }[]) => list?.[0]?.value;
  for (const q of definition.pages.flatMap((p) => p.questions)) {
    if (!q.required) continue;
    if (q.type === 'single') answers[q.id] = first(q.options);
    else if (q.type === 'scale') answers[q.id] = first(q.points);
    else if (q.type === 'multiple') answers[q.id] = [first(q.options)];
    else if (q.type === 'place') answers[q.id] = q.multiple ? [first(q.places)] : first(q.places);
    else if (q.type === 'grid') answers[q.id] = Object.fromEntries((q.rows ?? []).map((r) => [r.value, first(q.points)]));
    else if (q.type === 'number') answers[q.id] = q.min ?? 1;
    else if (q.type === 'consent') answers[q.id] = true;
  }
  return { ...answers, ...chosen };
}

/** An answer to "What makes you feel unsafe?". */
export const unsafe = (text: string) => ({ what_makes_unsafe: text });

/**
 * Staff requests with the CSRF header: signs in as `email`, or uses the
 * request context's session when no e-mail is given.
 */
export async function staffApi(request: APIRequestContext, email?: string): Promise<Send> {
  let csrfToken: string;
  if (email) {
    const login = await request.post('/api/auth/login', { data: { email, password: DEMO_STAFF.password } });
    expect(login.status(), await login.text()).toBe(200);
    ({ csrfToken } = await login.json());
  } else {
    ({ csrfToken } = await (await request.get('/api/auth/me')).json());
  }
  return (method, path, data) => request.fetch(path, { method, data, headers: { 'x-csrf-token': csrfToken } });
}

/** The youth survey template, renamed to `title` when one is given, and published. */
export async function publishedYouthSurvey(request: APIRequestContext, send: Send, title?: string): Promise<PublishedSurvey> {
  const created = await send('POST', '/api/designer/questionnaires', { from: { kind: 'template', slug: 'youth-safety-11-19' } });
  expect(created.status(), await created.text()).toBe(201);
  const { questionnaire, working } = await created.json();
  if (title) {
    const saved = await send('PUT', `/api/designer/questionnaires/${questionnaire.id}/draft`, { definition: { ...working.definition, title } });
    expect(saved.status(), await saved.text()).toBe(200);
  }
  // Publishing needs who is responsible for the answers, a contact and how long they are kept.
  const privacy = await send('PUT', `/api/designer/questionnaires/${questionnaire.id}/privacy`, {
    responsibleOrganisation: 'Demo Partnership',
    privacyContact: 'privacy@demo.safervoices.test',
    retention: 'Two years'
  });
  expect(privacy.status(), await privacy.text()).toBe(200);
  const published = await send('POST', `/api/designer/questionnaires/${questionnaire.id}/publish`, {});
  expect(published.status(), await published.text()).toBe(200);
  // The address follows the title until first published: read it from what was published.
  const { slug } = (await published.json()).questionnaire;
  const live = await request.get(`/api/questionnaires/${slug}`);
  expect(live.status()).toBe(200);
  const { versionId, definition } = await live.json();
  return { id: String(questionnaire.id), slug: String(slug), versionId: String(versionId), definition };
}

/** One response per entry, each with the required questions answered too. */
export async function answerAll(request: APIRequestContext, survey: PublishedSurvey, people: Record<string, unknown>[]): Promise<void> {
  for (const chosen of people) {
    const res = await request.post('/api/responses', { data: { versionId: survey.versionId, answers: answersFor(survey.definition, chosen), idempotencyKey: randomUUID() } });
    expect(res.status(), await res.text()).toBe(201);
  }
}
