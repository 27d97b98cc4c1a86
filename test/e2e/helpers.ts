// Shared steps for the browser tests: answering pages from the published
// definition, running axe-core, and reading what the database stored.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createClient } from '@libsql/client';
import { expect, type Page } from '@playwright/test';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export const SLUGS = ['feeling-safe-8-11', 'youth-safety-11-19', 'community-safety-residents'] as const;

interface QuestionDef {
  id: string;
  type: string;
  required: boolean;
  min?: number;
  max?: number;
  multiple?: boolean;
  rows?: { value: string }[];
}
interface Definition {
  title: string;
  pages: { id: string; questions: QuestionDef[] }[];
}

export async function definitionOf(page: Page, slug: string): Promise<{ versionId: string; definition: Definition }> {
  const res = await page.request.get(`/api/questionnaires/${slug}`);
  expect(res.ok()).toBe(true);
  return res.json();
}

/** Zero axe-core findings against WCAG 2.2 A and AA. */
export async function expectNoAxeFindings(page: Page) {
  // Evaluated through the browser's debugging protocol, so the pages'
  // Content-Security-Policy (no inline scripts) does not block it.
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    // axe.min.js, evaluated above, puts axe on the page's window.
    const { axe } = window as unknown as { axe: typeof import('axe-core') };
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
    return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  });
  expect(violations, `axe findings on ${page.url()}`).toEqual([]);
}

export function currentPageId(page: Page): string | null {
  const match = new URL(page.url()).pathname.match(/\/q\/([a-z0-9_]+)$/);
  return match?.[1] ?? null;
}

/** Fill every question on the current page with a valid answer (the first option, some text, the minimum number). */
export async function answerCurrentPage(page: Page, definition: Definition, text = 'Better lighting by the bus station and more youth clubs.') {
  const id = currentPageId(page);
  const def = definition.pages.find((p) => p.id === id);
  if (!def) throw new Error(`No page ${id} in the definition`);
  for (const q of def.questions) {
    switch (q.type) {
      case 'statement':
        break;
      case 'grid':
        // A grid is asked one row per page: answer the row this page shows.
        for (const row of q.rows ?? []) {
          const radio = page.locator(`#${q.id}--${row.value}`);
          if ((await radio.count()) > 0) await radio.check();
        }
        break;
      case 'text':
      case 'longtext':
        await page.locator(`#${q.id}`).fill(text);
        break;
      case 'number':
        await page.locator(`#${q.id}`).fill(String(q.min ?? 1));
        break;
      default:
        await page.locator(`#${q.id}`).check();
    }
  }
}

/** Answer page after page until "Check your answers", calling `onPage` on each page first. */
export async function answerAllPages(page: Page, definition: Definition, onPage?: () => Promise<void>, text?: string) {
  for (let guard = 0; guard < 60 && currentPageId(page); guard++) {
    await onPage?.();
    await answerCurrentPage(page, definition, text);
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.locator('.error-summary')).toHaveCount(0);
  }
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Check your answers');
}

/** Tests run in parallel: each finds its own response by text only it wrote. */
export const uniqueText = (label: string) => `Street lights near the park please (${label} ${Date.now()} ${Math.random().toString(36).slice(2, 8)})`;

export async function storedWithText(versionId: string, text: string) {
  return (await storedResponses(versionId)).filter((r) => Object.values(r.answers).includes(text));
}

export async function storedResponses(versionId: string): Promise<{ id: string; answers: Record<string, unknown> }[]> {
  const client = createClient({ url: process.env.E2E_DATABASE_URL as string });
  try {
    const rows = await client.execute({ sql: 'SELECT id, answers FROM responses WHERE version_id = ?', args: [versionId] });
    return rows.rows.map((row) => ({ id: String(row.id), answers: JSON.parse(String(row.answers)) }));
  } finally {
    client.close();
  }
}

/**
 * The demo staff sign-in, as DEMO_STAFF in apps/api/src/setup.ts (the tests
 * do not depend on the API package, so it is repeated here).
 */
export const DEMO_STAFF = {
  password: 'demo-password-2026',
  officer: { email: 'officer@demo.safervoices.test', name: 'Demo Officer' },
  admin: { email: 'admin@demo.safervoices.test', name: 'Demo Admin' },
  safeguarding: { email: 'safeguarding@demo.safervoices.test', name: 'Demo Safeguarding Lead' },
  analyst: { email: 'analyst@demo.safervoices.test', name: 'Demo Analyst' },
  analyst2: { email: 'analyst2@demo.safervoices.test', name: 'Demo Second Analyst' },
  author: { email: 'author@demo.safervoices.test', name: 'Demo Strategy Author' }
} as const;

/** Tests run in parallel on one database: each new account gets an address of its own. */
export const uniqueEmail = (label: string) => `${label}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.org`;

/** Sign in through the staff sign-in page and wait for the staff home page (or `landing`). */
export async function signInAsStaff(page: Page, email: string, password: string = DEMO_STAFF.password, landing = /\/staff$/) {
  await page.goto('/staff/sign-in');
  await page.getByLabel('E-mail address').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(landing);
}

/** A questionnaire's id by its public slug (the demo's own surveys: other tests make copies with the same titles). */
export async function questionnaireIdOf(slug: string): Promise<string> {
  const client = createClient({ url: process.env.E2E_DATABASE_URL as string });
  try {
    const found = await client.execute({ sql: 'SELECT id FROM questionnaires WHERE slug = ?', args: [slug] });
    return String(found.rows[0]?.id);
  } finally {
    client.close();
  }
}

/** With E2E_SCREENSHOTS set, the whole page saved in slices of 1,200 px (up to `maxHeight`), to look at. */
export async function screenshotPage(page: Page, name: string, { maxHeight = Number.POSITIVE_INFINITY } = {}) {
  const folder = process.env.E2E_SCREENSHOTS;
  if (!folder) return;
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  const width = page.viewportSize()?.width ?? 360;
  for (let y = 0, i = 0; y < Math.min(height, maxHeight); y += 1200, i++) {
    await page.screenshot({ path: `${folder}/${name}-${i}.png`, fullPage: true, clip: { x: 0, y, width, height: Math.min(1200, height - y) } });
  }
}

/** How far the page scrolls sideways (0 or less: not at all). */
export const sidewaysScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/**
 * axe-core cannot run in a page with JavaScript off (its timers never fire),
 * so a state reached with JavaScript off is checked by opening the same
 * address in `checker`, a page with it on, doing `then` first when the state
 * follows a submission (the forms are plain HTML and work the same there).
 */
export async function axeAt(checker: Page, url: string, then?: (checker: Page) => Promise<void>) {
  await checker.goto(url);
  if (then) await then(checker);
  await expectNoAxeFindings(checker);
}
