// Checking a respondent's page the way issue 16 asks: the respondent goes
// without JavaScript; a second browser context (JavaScript on, for axe)
// shares their session to look at the same page at a phone's and a
// laptop's width, and at 320 px for sideways scrolling.
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { expect } from '@playwright/test';
import { axeAt, screenshotPage, sidewaysScroll } from './helpers';

export interface Respondent {
  context: BrowserContext;
  page: Page;
  /** Zero axe findings at 360 and 1280 px and no sideways scroll at 320 px on `url` (default: the respondent's page now); `submit` redoes a submission first. */
  check: (name: string, options?: { url?: string; submit?: (checker: Page) => Promise<void> }) => Promise<void>;
  close: () => Promise<void>;
}

export async function respondentWithoutJavaScript(browser: Browser): Promise<Respondent> {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  const checkerContext = await browser.newContext({ javaScriptEnabled: true });
  const checker = await checkerContext.newPage();
  const check: Respondent['check'] = async (name, { url = page.url(), submit } = {}) => {
    // The session cookie, so the checker sees the respondent's own journey.
    await checkerContext.clearCookies();
    await checkerContext.addCookies(await context.cookies());
    for (const width of [360, 1280]) {
      await checker.setViewportSize({ width, height: 800 });
      await axeAt(checker, url, submit);
      await screenshotPage(checker, `${name}-${width}`, { maxHeight: 2400 });
    }
    await checker.setViewportSize({ width: 320, height: 700 });
    await checker.goto(url);
    if (submit) await submit(checker);
    expect(await sidewaysScroll(checker), `sideways scroll at 320 px on ${url}`).toBeLessThanOrEqual(0);
  };
  return {
    context,
    page,
    check,
    close: async () => {
      await checkerContext.close();
      await context.close();
    }
  };
}

/** "Part 3 of 12" on a question page, as numbers. */
export async function partOf(page: Page): Promise<{ number: number; count: number }> {
  const text = (await page.locator('.progress').textContent()) ?? '';
  const match = text.match(/Part (\d+) of (\d+)/);
  expect(match, `progress “${text}”`).not.toBeNull();
  return { number: Number(match?.[1]), count: Number(match?.[2]) };
}
