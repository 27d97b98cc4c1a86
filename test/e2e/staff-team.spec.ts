import { expect, type Page, test } from '@playwright/test';
import { DEMO_STAFF, expectNoAxeFindings, signInAsStaff, uniqueEmail } from './helpers';

// None of these tests makes anyone else an admin, so the demo admin stays the only one.

async function openTeam(page: Page) {
  await signInAsStaff(page, DEMO_STAFF.admin.email);
  await page.goto('/staff/team');
}

const inviteForm = (page: Page) => page.locator('form[action="?/invite"]');

/** A new analyst, signed up through an invitation in a context of its own. */
async function newAnalyst(page: Page, name: string): Promise<void> {
  const email = uniqueEmail('team');
  await inviteForm(page).getByLabel('E-mail address').fill(email);
  await inviteForm(page).getByLabel('Analyst').check();
  await inviteForm(page).getByRole('button', { name: 'Create invitation link' }).click();
  const link = await page.getByLabel('Invitation link').inputValue();
  const context = await page.context().browser()?.newContext();
  if (!context) throw new Error('No browser');
  const invited = await context.newPage();
  await invited.goto(link);
  await invited.getByLabel('Your name').fill(name);
  await invited.getByLabel('Choose a password').fill('lantern meadow pebble orchard');
  await invited.getByLabel('Type the password again').fill('lantern meadow pebble orchard');
  await invited.getByRole('button', { name: 'Create account and sign in' }).click();
  await expect(invited).toHaveURL(/\/staff$/);
  await context.close();
}

test('inviting without an address or a role explains both', async ({ page }) => {
  await openTeam(page);
  await inviteForm(page).getByRole('button', { name: 'Create invitation link' }).click();
  const summary = page.locator('.error-summary');
  await expect(summary.locator('li')).toHaveText(['Enter the e-mail address of the person you are inviting', 'Choose at least one role']);
  await expect(page).toHaveTitle(/^Error: /);
  await expectNoAxeFindings(page);
  await summary.getByRole('link', { name: 'Choose at least one role' }).click();
  await expect(page.locator('#invite-roles-admin')).toBeFocused();
});

test('inviting someone who already has an account is refused, keeping what was chosen', async ({ page }) => {
  await openTeam(page);
  await inviteForm(page).getByLabel('E-mail address').fill(DEMO_STAFF.officer.email);
  await inviteForm(page).getByLabel('Report author').check();
  await inviteForm(page).getByRole('button', { name: 'Create invitation link' }).click();
  await expect(page.locator('.error-summary')).toContainText('There is already an account for this e-mail address');
  await expect(inviteForm(page).getByLabel('Report author')).toBeChecked();
  await expectNoAxeFindings(page);
});

test('an admin changes someone’s roles', async ({ page }) => {
  await openTeam(page);
  const name = `Rolf Changes ${Math.random().toString(36).slice(2, 7)}`;
  await newAnalyst(page, name);
  await page.goto('/staff/team');
  const person = page.getByRole('group', { name: `Roles for ${name}` });
  await person.getByLabel('Officer').check();
  await page.getByRole('button', { name: `Save roles for ${name}` }).click();
  await expect(page.getByRole('status')).toHaveText(`Roles for ${name} saved: Officer, Analyst.`);
  await expect(page.getByRole('group', { name: `Roles for ${name}` }).getByLabel('Officer')).toBeChecked();
  await expectNoAxeFindings(page);
});

test('the last admin cannot remove their own admin role, and is told why', async ({ page }) => {
  await openTeam(page);
  const me = page.getByRole('group', { name: `Roles for ${DEMO_STAFF.admin.name}` });
  await me.getByLabel('Admin').uncheck();
  await me.getByLabel('Officer').check();
  await page.getByRole('button', { name: `Save roles for ${DEMO_STAFF.admin.name}` }).click();
  const summary = page.locator('.error-summary');
  await expect(summary).toContainText('This is the only admin of the organisation. Make someone else an admin first.');
  await expect(page.getByRole('group', { name: `Roles for ${DEMO_STAFF.admin.name}` })).toContainText('only admin');
  await expectNoAxeFindings(page);
  await summary.getByRole('link').click();
  await expect(page.getByRole('group', { name: `Roles for ${DEMO_STAFF.admin.name}` }).getByLabel('Admin')).toBeFocused();
  // Nothing changed.
  await page.goto('/staff/team');
  await expect(page.getByRole('group', { name: `Roles for ${DEMO_STAFF.admin.name}` }).getByLabel('Admin')).toBeChecked();
});

test('a broken invitation link says so clearly', async ({ page }) => {
  await page.goto('/staff/invite/not-a-real-invitation-token-at-all');
  await page.getByLabel('Your name').fill('Someone');
  await page.getByLabel('Choose a password').fill('lantern meadow pebble orchard');
  await page.getByLabel('Type the password again').fill('lantern meadow pebble orchard');
  await page.getByRole('button', { name: 'Create account and sign in' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('This invitation cannot be used');
  await expect(page.getByText('This invitation link is not right')).toBeVisible();
  await expectNoAxeFindings(page);
});

test('the invitation form explains what is missing', async ({ page }) => {
  await page.goto('/staff/invite/an-unused-but-well-formed-token-123');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Set up your account');
  await expectNoAxeFindings(page);
  await page.getByRole('button', { name: 'Create account and sign in' }).click();
  await expect(page.locator('.error-summary li')).toHaveText(['Enter your name', 'Choose a password']);
  await expect(page).toHaveTitle(/^Error: /);
  await expectNoAxeFindings(page);
});

for (const width of [320, 1280]) {
  test(`staff pages fit a ${width}px wide screen`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    await openTeam(page);
    for (const path of ['/staff', '/staff/team']) {
      await page.goto(path);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `${path} scrolls sideways`).toBeLessThanOrEqual(0);
      await expectNoAxeFindings(page);
    }
  });
}
