import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import fc from 'fast-check';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleReport, sampleWeighted, WITHHELD_SENTENCE } from './fixtures/sample-report';
import { easyReadBodyHtml, easyReadHtml, reportBodyHtml, reportHtml } from './html';
import type { ReportDocument } from './model';
import { openParser, type ParsedPage, parse } from './testing/chromium';
import { cleanText } from './text';

let browser: Browser;
let page: Page;

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's findings (WCAG 2.2 A and AA, and its best practices) on a page at a width. */
async function axeFindings(html: string, width: number): Promise<string[]> {
  const context = await browser.newContext({ viewport: { width, height: 800 } });
  try {
    const axePage = await context.newPage();
    await axePage.setContent(html);
    await axePage.evaluate(axeSource);
    return await axePage.evaluate(async () => {
      const { axe } = window as unknown as { axe: typeof import('axe-core') };
      const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } });
      return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
    });
  } finally {
    await context.close();
  }
}

beforeAll(async () => {
  ({ browser, page } = await openParser());
});

afterAll(async () => {
  await browser?.close();
});

describe('report HTML', () => {
  it('has the language, the title and headings in order: title, contents, sections, subheadings', async () => {
    const parsed = await parse(page, reportHtml(sampleReport));
    expect(parsed.lang).toBe('en-GB');
    expect(parsed.dir).toBe('ltr');
    expect(parsed.title).toBe(sampleReport.title);
    expect(parsed.headings[0]).toEqual({ level: 1, text: sampleReport.title });
    expect(parsed.headings.filter((h) => h.level === 1)).toHaveLength(1);
    // No level skipped on the way down (h1 → h2 → h3).
    parsed.headings.forEach((h, i) => {
      const before = parsed.headings[i - 1];
      if (before) expect(h.level).toBeLessThanOrEqual(before.level + 1);
    });
    expect(parsed.headings.filter((h) => h.level === 2).map((h) => h.text)).toEqual(['Contents', ...sampleReport.sections.map((s) => s.heading)]);
    expect(parsed.headings.filter((h) => h.level === 3).map((h) => h.text)).toEqual(['Small numbers', 'Feeling safe in your area after dark', 'In their own words']);
  });

  it('lists every section in the contents, each link reaching its section', async () => {
    const parsed = await parse(page, reportHtml(sampleReport));
    expect(parsed.links).toHaveLength(sampleReport.sections.length);
    expect(parsed.links.every((link) => link.target)).toBe(true);
  });

  it('names the rule that withheld each [c] beside it, and says what it means in notes the table is described by', async () => {
    const parsed = await parse(page, reportHtml(sampleReport));
    const trendTable = parsed.tables.find((t) => t.caption?.startsWith('Feel safe in their area after dark'));
    expect(trendTable?.cells.filter((c) => c === '[c] under 10 in group')).toHaveLength(2);
    expect(trendTable?.notes).toContain('[c] is a withheld figure; after it, in a few words, the rule that withheld it.');
    expect(trendTable?.notes).toContain(`${WITHHELD_SENTENCE} (2 figures in this table.)`);
    // A table with nothing withheld has no notes.
    expect(parsed.tables.find((t) => t.caption?.startsWith('Share of written answers'))?.notes).toBeNull();
  });

  it('gives every table a caption and header cells with a scope, and keeps the withheld [c]', async () => {
    const parsed = await parse(page, reportHtml(sampleReport));
    // Two data tables beside the charts, two others.
    expect(parsed.tables).toHaveLength(4);
    for (const table of parsed.tables) {
      expect(table.caption?.trim()).not.toBe('');
      expect(table.headerCells).toBeGreaterThan(0);
      expect(table.scopes.every((scope) => scope === 'col' || scope === 'row')).toBe(true);
    }
    const trendTable = parsed.tables.find((t) => t.caption?.startsWith('Feel safe in their area after dark'));
    expect(trendTable?.cells).toContain('[c] under 10 in group');
    expect(trendTable?.cells).toContain('46% (41–51%)');
  });

  it('draws each chart as an image named by its title and described by its alt text', async () => {
    const parsed = await parse(page, reportHtml(sampleReport));
    const charts = sampleReport.sections.flatMap((s) => s.blocks).filter((b) => b.type === 'chart');
    // Each chart is drawn twice, wide and narrow (for phones); CSS shows one.
    expect(parsed.svgs).toHaveLength(2 * charts.length);
    parsed.svgs.forEach((svg, i) => {
      expect(svg.role).toBe('img');
      expect(svg.title).toBe(charts[Math.floor(i / 2)]?.title);
      expect(svg.desc).toBe(charts[Math.floor(i / 2)]?.alt);
      expect(svg.labelledByTitle).toBe(true);
    });
    expect(parsed.figureCaptions).toEqual(charts.map((c) => c.title));
  });

  it('says in a chart’s alt text when its figures are weighted to the population', async () => {
    const parsed = await parse(page, reportHtml(sampleWeighted));
    const trend = sampleWeighted.sections.flatMap((s) => s.blocks).find((b) => b.type === 'chart' && b.chart.kind === 'trend');
    expect(parsed.svgs.slice(0, 2).map((svg) => svg.desc)).toEqual([0, 1].map(() => `${trend?.type === 'chart' ? trend.alt : ''} All figures are weighted to the population.`));
    // The themes chart is not weighted and says nothing of it.
    expect(parsed.svgs[2]?.desc).not.toContain('weighted');
  });

  it('shows quotes with their attribution and "You said, we did" as terms and details', async () => {
    const parsed = await parse(page, reportHtml(sampleReport));
    expect(parsed.quotes[0]?.text).toContain('nothing to do after school');
    expect(parsed.quotes[0]?.attribution).toBe('Young person, 14 to 16, spring 2026');
    expect(parsed.descriptions).toContainEqual({ term: 'You said', detail: 'There is nowhere to go after school.' });
    expect(parsed.descriptions).toContainEqual({ term: 'Status', detail: 'In progress' });
    // The row without a measure of success has no empty "Measure of success".
    expect(parsed.descriptions.filter((d) => d.term === 'Measure of success')).toHaveLength(2);
  });

  it('runs no JavaScript and loads nothing from elsewhere', async () => {
    const html = reportHtml(sampleReport);
    const parsed = await parse(page, html);
    expect(parsed.elements.script ?? 0).toBe(0);
    expect(parsed.elements.link ?? 0).toBe(0);
    expect(parsed.elements.img ?? 0).toBe(0);
    expect(parsed.inlineHandlers).toBe(0);
    expect(html).not.toMatch(/https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
    expect(parsed.styles.join('')).toContain('@media print');
  });

  it('fits a 320 px wide screen without sideways scrolling, and prints each section on a new page', async () => {
    const context = await browser.newContext({ viewport: { width: 320, height: 640 }, javaScriptEnabled: false });
    try {
      const narrow = await context.newPage();
      await narrow.setContent(reportHtml(sampleReport));
      const { scrollWidth, clientWidth } = await narrow.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }));
      expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
      // Table boxes may scroll on their own, but none has to at this width.
      const scrollingTables = await narrow.evaluate(() => Array.from(document.querySelectorAll('.sv-table')).filter((box) => box.scrollWidth > box.clientWidth).length);
      expect(scrollingTables).toBe(0);
      const fontSize = await narrow.evaluate(() => getComputedStyle(document.querySelector('.sv-report p') as Element).fontSize);
      expect(Number.parseFloat(fontSize)).toBeGreaterThanOrEqual(16);
      // One drawing of each chart is shown: the narrow one, at nearly its own size, so its 14 px labels stay legible.
      const shown = await narrow.evaluate(() =>
        Array.from(document.querySelectorAll('.sv-chart svg'))
          .filter((svg) => svg.getClientRects().length > 0)
          .map((svg) => svg.getBoundingClientRect().width / Number(svg.getAttribute('width')))
      );
      expect(shown).toHaveLength(2);
      for (const scale of shown) expect(scale).toBeGreaterThan(0.75);
      // On paper each section after the first starts a page; headings stay with what follows.
      await narrow.emulateMedia({ media: 'print' });
      const breaks = await narrow.evaluate(() => Array.from(document.querySelectorAll('.sv-section')).map((s) => getComputedStyle(s).breakBefore));
      expect(breaks).toEqual(['auto', ...Array(sampleReport.sections.length - 1).fill('page')]);
    } finally {
      await context.close();
    }
  });

  it('wraps a wide table’s caption within the screen at 320 and 360 px, while the table scrolls in its own named, focusable box', async () => {
    const wide: ReportDocument = {
      ...sampleReport,
      sections: [
        {
          id: 'safety',
          kind: 'safety',
          heading: 'Perception of safety',
          blocks: [
            {
              type: 'table',
              caption: 'Feeling safe in your area after dark: young people who feel very or fairly safe, by wave',
              head: ['Wave', 'Feel very or fairly safe', '95% interval', 'People answering', 'Change from the wave before'],
              rows: [
                ['Spring 2024', '46% (weighted)', '41–51%', '402', '—'],
                ['Autumn 2024', '49% (weighted)', '44–54%', '388', '+3.0 points, no statistically significant change']
              ],
              numeric: [false, true, true, true, false]
            }
          ]
        }
      ]
    };
    for (const width of [320, 360]) {
      const context = await browser.newContext({ viewport: { width, height: 640 }, javaScriptEnabled: false });
      try {
        const narrow = await context.newPage();
        await narrow.setContent(reportHtml(wide));
        const layout = await narrow.evaluate(() => {
          const box = document.querySelector('.sv-table') as HTMLElement;
          const caption = (box.querySelector('caption') as HTMLElement).getBoundingClientRect();
          const shown = box.getBoundingClientRect();
          const before = caption.left;
          box.scrollLeft = box.scrollWidth;
          const scrolled = (box.querySelector('caption') as HTMLElement).getBoundingClientRect();
          return {
            page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
            scrolls: box.scrollWidth > box.clientWidth,
            captionInside: before >= shown.left - 1 && caption.right <= shown.right + 1,
            // Scrolled to the end, the caption is still in view (it stays put while the table moves under it).
            captionInsideScrolled: scrolled.left >= shown.left - 1 && scrolled.right <= shown.right + 1,
            focusable: box.tabIndex === 0,
            name: document.getElementById(box.getAttribute('aria-labelledby') ?? '')?.textContent ?? ''
          };
        });
        expect(layout).toEqual({
          page: 0,
          scrolls: true,
          captionInside: true,
          captionInsideScrolled: true,
          focusable: true,
          name: wide.sections[0]?.blocks[0]?.type === 'table' ? wide.sections[0].blocks[0].caption : ''
        });
      } finally {
        await context.close();
      }
    }
  });

  it('has no axe findings on a phone or a desktop, the easy-read version included', async () => {
    for (const width of [320, 1024]) {
      expect(await axeFindings(reportHtml(sampleReport), width)).toEqual([]);
      expect(await axeFindings(easyReadHtml(sampleReport) as string, width)).toEqual([]);
    }
  });

  it('gives the web app the same report without <html> and <head>, carrying its language', async () => {
    const body = reportBodyHtml(sampleReport);
    expect(body.startsWith('<article class="sv-report" lang="en-GB" dir="ltr">')).toBe(true);
    expect(body).not.toContain('<html');
    expect(body).not.toContain('<style');
    expect(reportHtml(sampleReport)).toContain(body);
  });

  it('writes right-to-left reports right to left', async () => {
    const parsed = await parse(page, reportHtml({ ...sampleReport, language: 'ar' }));
    expect(parsed.lang).toBe('ar');
    expect(parsed.dir).toBe('rtl');
  });
});

describe('easy-read HTML', () => {
  it('has one idea to a line, in large text, under plain headings', async () => {
    const html = easyReadHtml(sampleReport);
    expect(html).not.toBeNull();
    const parsed = await parse(page, html as string);
    const easy = sampleReport.easyRead;
    expect(parsed.lang).toBe('en-GB');
    expect(parsed.title).toBe(easy?.title);
    expect(parsed.headings.map((h) => h.text)).toEqual([easy?.title, 'About this', 'What we found', 'What happens next']);
    expect(parsed.listItems).toEqual([...(easy?.intro ?? []), ...(easy?.findings ?? []), ...(easy?.next ?? [])]);
    const context = await browser.newContext({ viewport: { width: 360, height: 640 } });
    try {
      const phone = await context.newPage();
      await phone.setContent(html as string);
      const fontSize = await phone.evaluate(() => getComputedStyle(document.querySelector('.sv-lines li') as Element).fontSize);
      expect(Number.parseFloat(fontSize)).toBeGreaterThanOrEqual(22);
    } finally {
      await context.close();
    }
  });

  it('is absent when the report has no easy-read version', () => {
    expect(easyReadHtml({ ...sampleReport, easyRead: null })).toBeNull();
    expect(easyReadBodyHtml({ ...sampleReport, easyRead: null })).toBeNull();
  });
});

/** Any text: every code point, lone surrogates, markup, entities, bidi controls, emoji. */
const anyText = fc.string({
  unit: fc.oneof(
    { weight: 4, arbitrary: fc.integer({ min: 0, max: 0x10ffff }).map((c) => String.fromCodePoint(c)) },
    { weight: 1, arbitrary: fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)) },
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        '<',
        '>',
        '&',
        '"',
        "'",
        '<script>alert(1)</script>',
        '<img src=x onerror=alert(1)>',
        '&amp;',
        '&lt;',
        ']]>',
        '<!--',
        '</svg>',
        '\u202e',
        '\u0627\u0644\u0639\u0631\u0628\u064a\u0629',
        '👩‍👧',
        '\r\n',
        '\0'
      )
    }
  ),
  maxLength: 40
});

/** Which fields are choices rather than text: kept as they are. */
const CHOICES = new Set(['type', 'kind', 'status']);

/** The sample report with its text fields replaced, in order, by the texts given (cycled). */
function withTexts(doc: ReportDocument, texts: string[]): ReportDocument {
  let i = 0;
  const next = () => texts[i++ % texts.length] ?? '';
  const walk = (value: unknown, key: string): unknown => {
    if (typeof value === 'string') return CHOICES.has(key) ? value : next();
    if (Array.isArray(value)) return value.map((v) => walk(v, key));
    if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, k)]));
    return value;
  };
  return walk(doc, '') as ReportDocument;
}

/** What the HTML parser does to text anyway: line breaks become \n. */
const asParsed = (text: string) => cleanText(text).replace(/\r\n?/g, '\n');

function elementCounts(parsed: ParsedPage): Record<string, number> {
  // Chart labels wrap into a varying number of lines (tspans); everything else is structure.
  const { tspan: _lines, ...rest } = parsed.elements;
  return rest;
}

describe('report HTML with any text in every field', () => {
  it('parses to the same elements as plain text would, and every text reads back as written', async () => {
    const plain = await parse(page, reportHtml(withTexts(sampleReport, ['text'])));
    await fc.assert(
      fc.asyncProperty(fc.array(anyText, { minLength: 1, maxLength: 30 }), async (texts) => {
        const doc = withTexts(sampleReport, texts);
        const parsed = await parse(page, reportHtml(doc));
        expect(parsed.elements.script ?? 0).toBe(0);
        expect(parsed.inlineHandlers).toBe(0);
        expect(elementCounts(parsed)).toEqual(elementCounts(plain));
        expect(parsed.title).toBe(asParsed(doc.title));
        expect(parsed.headings.filter((h) => h.level === 2).map((h) => h.text)).toEqual(['Contents', ...doc.sections.map((s) => asParsed(s.heading))]);
        expect(parsed.links.every((link) => link.target)).toBe(true);
        const blocks = doc.sections.flatMap((s) => s.blocks);
        const tables = blocks.flatMap((b) => (b.type === 'table' ? [b] : b.type === 'chart' ? [b.table] : []));
        expect(parsed.tables.map((t) => t.caption)).toEqual(tables.map((t) => asParsed(t.caption)));
        expect(parsed.tables.map((t) => t.cells)).toEqual(tables.map((t) => [...t.head, ...t.rows.flat()].map(asParsed)));
        // A table's notes on its withheld figures read back as written, and only such a table has notes.
        expect(parsed.tables.map((t) => t.notes !== null)).toEqual(tables.map((t) => (t.withheld ?? []).length > 0));
        parsed.tables.forEach((t, i) => {
          for (const note of tables[i]?.withheld ?? []) expect(t.notes).toContain(`${asParsed(note.sentence)} (${note.figures} figures in this table.)`);
        });
        const charts = blocks.filter((b) => b.type === 'chart');
        expect(parsed.svgs.map((s) => [s.title, s.desc])).toEqual(charts.flatMap((c) => [0, 1].map(() => [asParsed(c.title), asParsed(c.alt)])));
        const quotes = blocks.filter((b) => b.type === 'quote');
        expect(parsed.quotes).toEqual(quotes.map((q) => ({ text: asParsed(q.text), attribution: asParsed(q.attribution) })));
        const easy = easyReadHtml(doc);
        if (easy) {
          const easyParsed = await parse(page, easy);
          expect(easyParsed.elements.script ?? 0).toBe(0);
          expect(easyParsed.listItems).toEqual([...(doc.easyRead?.intro ?? []), ...(doc.easyRead?.findings ?? []), ...(doc.easyRead?.next ?? [])].map(asParsed));
        }
      }),
      { numRuns: 60 }
    );
  });
});
