// Sending the same answers twice (a double click, a repeated request, a page
// left open and sent again) stores them once, and the person always sees the
// thank-you page's help: someone who double-clicks must not miss it.
import { expect, type Page, test } from '@playwright/test';
import { answerAllPages, axeAt, definitionOf, expectNoAxeFindings, screenshotPage, sidewaysScroll, storedWithText, uniqueText } from './helpers';

const slug = 'community-safety-residents';

/** The help box the thank-you page gives: 999, Childline, Fearless. */
async function expectHelp(page: Page) {
  const help = page.getByRole('region', { name: 'If you need help or want to talk' });
  await expect(help).toBeVisible();
  await expect(help.getByText('If you are in danger now, call 999.')).toBeVisible();
  await expect(help.getByRole('link', { name: '0800 1111' })).toBeVisible();
  await expect(help.getByText('Fearless', { exact: true })).toBeVisible();
}

async function toCheckPage(page: Page, text: string) {
  const { versionId, definition } = await definitionOf(page, slug);
  await page.goto(`/s/${slug}`);
  await page.getByRole('button', { name: /Start now/ }).click();
  await answerAllPages(page, definition, undefined, text);
  return versionId;
}

test.describe('JavaScript on', () => {
  test('a double click on "Send my answers" shows the thank-you page and its help, and stores one response', async ({ page }) => {
    const text = uniqueText('double-click');
    const versionId = await toCheckPage(page, text);
    await page.getByRole('button', { name: 'Send my answers' }).dblclick();
    await expect(page).toHaveURL(`/s/${slug}/done`);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Thank you');
    await expectHelp(page);
    expect(await storedWithText(versionId, text)).toHaveLength(1);
    await expectNoAxeFindings(page);
    await screenshotPage(page, 'send-twice-done-360');

    // Going Back says the answers were sent, with the same help.
    await page.goBack();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('You have already sent your answers');
    await expectHelp(page);
    expect(await sidewaysScroll(page)).toBeLessThanOrEqual(0);
    await expectNoAxeFindings(page);
    await screenshotPage(page, 'send-twice-sent-360');
    await page.setViewportSize({ width: 1280, height: 900 });
    await expectNoAxeFindings(page);
    await screenshotPage(page, 'send-twice-sent-1280');
    await page.setViewportSize({ width: 320, height: 740 });
    expect(await sidewaysScroll(page)).toBeLessThanOrEqual(0);
    expect(await storedWithText(versionId, text)).toHaveLength(1);
  });

  test('the same sending requested twice at once lands both on the thank-you page', async ({ page, baseURL }) => {
    const text = uniqueText('two-requests');
    const versionId = await toCheckPage(page, text);
    // Both carry the session the answers belong to, as a double click's two requests do.
    const send = () => page.request.post(`/s/${slug}/check`, { form: {}, headers: { origin: baseURL as string, accept: 'text/html' } });
    const [first, second] = await Promise.all([send(), send()]);
    for (const res of [first, second]) {
      expect(new URL(res.url()).pathname).toBe(`/s/${slug}/done`);
      expect(await res.text()).toContain('If you are in danger now, call');
    }
    expect(await storedWithText(versionId, text)).toHaveLength(1);
  });
});

test.describe('JavaScript off', () => {
  test.use({ javaScriptEnabled: false });

  test('sending again from a page left open shows the thank-you page and its help, and stores one response', async ({ page, context, browser }) => {
    const text = uniqueText('sent-again');
    const versionId = await toCheckPage(page, text);
    // The same check page, still open in another tab (as after going Back to it).
    const stale = await context.newPage();
    await stale.goto(`/s/${slug}/check`);
    await expect(stale.getByRole('heading', { level: 1 })).toHaveText('Check your answers');

    await page.getByRole('button', { name: 'Send my answers' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Thank you');
    await stale.getByRole('button', { name: 'Send my answers' }).click();
    await expect(stale).toHaveURL(`/s/${slug}/done`);
    await expect(stale.getByRole('heading', { level: 1 })).toContainText('Thank you');
    await expectHelp(stale);
    expect(await storedWithText(versionId, text)).toHaveLength(1);

    // Going Back to "Check your answers" says they were sent, with the help.
    await page.goBack();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('You have already sent your answers');
    await expectHelp(page);
    expect(await storedWithText(versionId, text)).toHaveLength(1);

    // axe needs JavaScript: the same page in a browser with it on.
    const checking = await browser.newContext({ javaScriptEnabled: true, viewport: { width: 360, height: 740 } });
    await axeAt(await checking.newPage(), `/s/${slug}/sent`);
    await checking.close();
  });
});
