// A published report read on a phone and a desktop with JavaScript off: the
// demo's strategy author makes a report on the demo "Youth safety survey"
// series through the API, with a measure's five-column table, and publishes
// it. At 320, 360 and 1280 px nothing scrolls sideways but a table's own box;
// every table caption is whole on screen, wrapped within the box, also when
// the table is scrolled to its end; a box that scrolls is a region named by
// its caption that the keyboard reaches and scrolls. Axe on the page.
import { expect, type Page, test } from '@playwright/test';
import { axeAt, DEMO_STAFF, screenshotPage, sidewaysScroll } from './helpers';
import { staffApi } from './survey-copies';

interface TableLayout {
  caption: string;
  scrolls: boolean;
  captionInside: boolean;
  captionInsideScrolled: boolean;
  focusable: boolean;
  named: boolean;
}

/** Each table box: whether it scrolls, and whether its caption is inside the box before and after scrolling to the end. */
function tableLayouts(page: Page): Promise<TableLayout[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLElement>('.sv-table')).map((box) => {
      const caption = box.querySelector('caption') as HTMLElement;
      const inside = () => {
        const c = caption.getBoundingClientRect();
        const b = box.getBoundingClientRect();
        return c.left >= b.left - 1 && c.right <= b.right + 1;
      };
      const before = inside();
      box.scrollLeft = box.scrollWidth;
      const after = inside();
      box.scrollLeft = 0;
      return {
        caption: caption.textContent ?? '',
        scrolls: box.scrollWidth > box.clientWidth,
        captionInside: before,
        captionInsideScrolled: after,
        focusable: box.tabIndex === 0,
        named: box.getAttribute('role') === 'region' && document.getElementById(box.getAttribute('aria-labelledby') ?? '') === caption
      };
    })
  );
}

test('a published report’s tables fit a phone: captions wrap on screen and wide tables scroll in their own named box', async ({ browser, request }) => {
  test.setTimeout(120_000);
  const stamp = `${Date.now().toString(36)} ${Math.random().toString(36).slice(2, 6)}`;
  const title = `Youth safety tables ${stamp}`;
  const send = await staffApi(request, DEMO_STAFF.author.email);
  const listed = await send('GET', '/api/series');
  expect(listed.status(), await listed.text()).toBe(200);
  const series = ((await listed.json()).series as { id: string; name: string }[]).find((s) => s.name === 'Youth safety survey');
  expect(series, 'the demo series').toBeDefined();
  const measures = await send('GET', `/api/series/${series?.id}/measures`);
  expect(measures.status(), await measures.text()).toBe(200);
  const measureKey: string = (await measures.json()).measures[0].key;

  const created = await send('POST', '/api/reports', { definition: { title, covers: { seriesId: series?.id } } });
  expect(created.status(), await created.text()).toBe(201);
  const reportId: string = (await created.json()).report.id;
  const current = await (await send('GET', `/api/reports/${reportId}`)).json();
  const definition = current.report.definition;
  definition.sections = definition.sections.map((section: { kind: string }) => (section.kind === 'safety' ? { ...section, measureKeys: [measureKey] } : section));
  const saved = await send('PUT', `/api/reports/${reportId}`, { version: current.report.version, definition });
  expect(saved.status(), await saved.text()).toBe(200);
  const version: number = (await saved.json()).report.version;
  const published = await send('POST', `/api/reports/${reportId}/publish`, { version });
  expect(published.status(), await published.text()).toBe(200);
  const slug: string = (await (await send('GET', `/api/reports/${reportId}`)).json()).report.slug;
  const address = `/reports/${slug}`;

  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  let scrolled = 0;
  for (const width of [320, 360, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(address);
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    expect(await sidewaysScroll(page), `sideways scrolling at ${width} px`).toBeLessThanOrEqual(0);
    const tables = await tableLayouts(page);
    expect(tables.length).toBeGreaterThan(1);
    for (const table of tables) {
      expect(table, `"${table.caption}" at ${width} px`).toMatchObject({ captionInside: true, captionInsideScrolled: true, focusable: true, named: true });
      if (table.scrolls) {
        scrolled++;
        // The keyboard reaches the box by its caption's name and scrolls it.
        const region = page.getByRole('region', { name: table.caption });
        await region.focus();
        await page.keyboard.press('ArrowRight');
        await expect.poll(() => region.evaluate((box) => box.scrollLeft)).toBeGreaterThan(0);
      }
    }
    await screenshotPage(page, `report-public-tables-${width}`, { maxHeight: 8000 });
  }
  // The measure's five-column table is too wide for a 320 px phone, so the check above met a scrolling box.
  expect(scrolled).toBeGreaterThan(0);
  const anonymous = await browser.newPage();
  await axeAt(anonymous, address);
  await context.close();
});
