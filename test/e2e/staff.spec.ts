import { type Browser, expect, type Page, test } from '@playwright/test';
import { DEMO_STAFF, expectNoAxeFindings, signInAsStaff, uniqueEmail } from './helpers';

test('the demo officer signs in and sees the staff home page', async ({ page }) => {
  const res = await page.goto('/staff/sign-in');
  expect(res?.headers()['cache-control']).toBe('no-store');
  expect(res?.headers()['x-robots-tag']).toContain('noindex');
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/);
  await expectNoAxeFindings(page);

  await signInAsStaff(page, DEMO_STAFF.officer.email);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Hello, ${DEMO_STAFF.officer.name}`);
  await expect(page.getByText('Your roles')).toBeVisible();
  // The organisation's questionnaires, each linking to its page in the console.
  await expect(page.getByRole('link', { name: 'Feeling safe' }).first()).toHaveAttribute('href', /^\/staff\/questionnaires\/[^/]+$/);
  // Officers do not manage the team, so the header does not offer it.
  await expect(page.getByRole('navigation', { name: 'Staff console' }).getByRole('link', { name: 'Team' })).toHaveCount(0);
  await expectNoAxeFindings(page);
});

test('a wrong password or an unknown address gets the same error summary', async ({ page }) => {
  for (const email of [DEMO_STAFF.officer.email, uniqueEmail('nobody')]) {
    await page.goto('/staff/sign-in');
    await page.getByLabel('E-mail address').fill(email);
    await page.getByLabel('Password').fill('not-the-password-at-all');
    await page.getByRole('button', { name: 'Sign in' }).click();
    const summary = page.locator('.error-summary');
    await expect(summary).toContainText('The e-mail address or password is not right');
    await expect(summary).toBeFocused();
    await expect(page).toHaveTitle(/^Error: /);
    await expect(page.getByLabel('E-mail address')).toHaveValue(email);
    await expect(page.getByLabel('Password')).toHaveValue('');
    await expectNoAxeFindings(page);
  }
});

test('an empty form names both missing fields, and the links lead to them', async ({ page }) => {
  await page.goto('/staff/sign-in');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.locator('.error-summary li')).toHaveText(['Enter your e-mail address', 'Enter your password']);
  await expect(page.getByLabel('Password')).toHaveAttribute('aria-invalid', 'true');
  await expectNoAxeFindings(page);
  await page.locator('.error-summary').getByRole('link', { name: 'Enter your password' }).click();
  await expect(page.getByLabel('Password')).toBeFocused();
});

test('after five failures sign-in from that network waits a minute, and says so', async ({ page }) => {
  const email = uniqueEmail('guessed');
  for (let attempt = 1; attempt <= 6; attempt++) {
    await page.goto('/staff/sign-in');
    await page.getByLabel('E-mail address').fill(email);
    await page.getByLabel('Password').fill(`wrong-guess-${attempt}`);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.locator('.error-summary')).toBeVisible();
  }
  await expect(page.locator('.error-summary')).toContainText(/Too many attempts to sign in\. Wait 1 minute and try again\./);
  await expectNoAxeFindings(page);
});

test('a signed-out visitor is sent to sign in and brought back afterwards', async ({ page }) => {
  await page.goto('/staff/team');
  await expect(page).toHaveURL(/\/staff\/sign-in\?return=%2Fstaff%2Fteam$/);
  await page.getByLabel('E-mail address').fill(DEMO_STAFF.admin.email);
  await page.getByLabel('Password').fill(DEMO_STAFF.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/staff\/team$/);
});

test('signing out ends the session, not just the cookie', async ({ page, context }) => {
  await signInAsStaff(page, DEMO_STAFF.officer.email);
  const session = (await context.cookies()).find((c) => c.name === 'sv_staff');
  expect(session?.httpOnly).toBe(true);
  expect(session?.sameSite).toBe('Lax');

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByText('You have signed out.')).toBeVisible();
  await expectNoAxeFindings(page);
  await page.goto('/staff');
  await expect(page).toHaveURL(/\/staff\/sign-in$/);
  const replayed = await page.request.get('/api/auth/me', { headers: { cookie: `sv_staff=${session?.value}` } });
  expect(replayed.status()).toBe(401);
});

test('sign-in works with the keyboard alone', async ({ page }) => {
  await page.goto('/staff/sign-in');
  const focusedId = () => page.evaluate(() => document.activeElement?.id ?? '');
  for (let i = 0; i < 20 && (await focusedId()) !== 'email'; i++) await page.keyboard.press('Tab');
  await page.keyboard.type(DEMO_STAFF.officer.email);
  await page.keyboard.press('Tab');
  expect(await focusedId()).toBe('password');
  await page.keyboard.type(DEMO_STAFF.password);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/staff$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Hello, ${DEMO_STAFF.officer.name}`);
});

/** The admin invites someone and returns the link the team page shows. */
async function inviteAnalyst(page: Page, email: string): Promise<string> {
  await signInAsStaff(page, DEMO_STAFF.admin.email);
  await page.getByRole('navigation', { name: 'Staff console' }).getByRole('link', { name: 'Team' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Team');
  await expectNoAxeFindings(page);
  const form = page.locator('form[action="?/invite"]');
  await form.getByLabel('E-mail address').fill(email);
  await form.getByLabel('Analyst').check();
  await form.getByRole('button', { name: 'Create invitation link' }).click();
  const panel = page.locator('.panel-invite');
  await expect(panel).toContainText(`Invitation created for ${email}`);
  await expect(panel).toBeFocused();
  const link = await panel.getByLabel('Invitation link').inputValue();
  expect(link).toMatch(/^http:\/\/localhost:\d+\/staff\/invite\/[A-Za-z0-9_-]{20,}$/);
  // With JavaScript on, the copy button appears and reports what it did.
  await panel.getByRole('button', { name: 'Copy link' }).click();
  await expect(panel.locator('.copy-status')).toHaveText(/Link copied\.|Could not copy/);
  await expectNoAxeFindings(page);
  return link;
}

async function withoutJavaScript<T>(browser: Browser, run: (page: Page) => Promise<T>): Promise<T> {
  const context = await browser.newContext({ javaScriptEnabled: false });
  try {
    return await run(await context.newPage());
  } finally {
    await context.close();
  }
}

// axe-core cannot run where JavaScript is off; the same pages and error states are checked with it on elsewhere.
test('an admin invites an analyst, who accepts with JavaScript off and cannot manage the team', async ({ page, browser }) => {
  const email = uniqueEmail('analyst');
  const link = await inviteAnalyst(page, email);

  await withoutJavaScript(browser, async (invited) => {
    await invited.goto(link);
    await expect(invited.getByRole('heading', { level: 1 })).toHaveText('Set up your account');
    await expect(invited.getByText('Use at least 12 characters')).toBeVisible();

    await invited.getByLabel('Your name').fill('Ana Lyst');
    await invited.getByLabel('Choose a password').fill('short');
    await invited.getByLabel('Type the password again').fill('short');
    await invited.getByRole('button', { name: 'Create account and sign in' }).click();
    await expect(invited.locator('.error-summary')).toContainText('Use at least 12 characters');
    await expect(invited).toHaveTitle(/^Error: /);

    await invited.getByLabel('Choose a password').fill('copper kettle harbour lights');
    await invited.getByLabel('Type the password again').fill('copper kettle harbour light');
    await invited.getByRole('button', { name: 'Create account and sign in' }).click();
    await expect(invited.locator('.error-summary')).toContainText('The passwords do not match');
    await expect(invited.getByLabel('Your name')).toHaveValue('Ana Lyst');

    await invited.getByLabel('Choose a password').fill('copper kettle harbour lights');
    await invited.getByLabel('Type the password again').fill('copper kettle harbour lights');
    await invited.getByRole('button', { name: 'Create account and sign in' }).click();
    await expect(invited).toHaveURL(/\/staff$/);
    await expect(invited.getByRole('heading', { level: 1 })).toHaveText('Hello, Ana Lyst');
    await expect(invited.locator('.summary-list')).toContainText('Analyst');

    const refused = await invited.goto('/staff/team');
    expect(refused?.status()).toBe(403);
    await expect(invited.getByRole('heading', { level: 1 })).toHaveText('You do not have access to this page');
  });

  // The link works once.
  await withoutJavaScript(browser, async (again) => {
    await again.goto(link);
    await again.getByLabel('Your name').fill('Someone Else');
    await again.getByLabel('Choose a password').fill('another long pass phrase');
    await again.getByLabel('Type the password again').fill('another long pass phrase');
    await again.getByRole('button', { name: 'Create account and sign in' }).click();
    await expect(again.getByRole('heading', { level: 1 })).toHaveText('This invitation cannot be used');
    await expect(again.getByText('already been used')).toBeVisible();
  });
});

test('staff without the admin role get a clear refusal on the team page', async ({ page }) => {
  await signInAsStaff(page, DEMO_STAFF.officer.email);
  const res = await page.goto('/staff/team');
  expect(res?.status()).toBe(403);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('You do not have access to this page');
  await expect(page.getByText('Only staff with the admin role can manage the team.')).toBeVisible();
  await expectNoAxeFindings(page);
});
