import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axisTicks } from './chart-svg';
import type { Block, ReportDocument } from './model';
import { EMOJI_QUOTE, sampleReport, sampleWeighted, sampleWithEmoji, WITHHELD_SENTENCE } from './fixtures/sample-report';
import { closePdfBrowser, openPdfPages, reportPdf } from './pdf';
import { pdfFonts, pdfInfo, pdfStructure, pdfText, writeTemp } from './testing/tools';

let file: string;

beforeAll(async () => {
  file = writeTemp('report.pdf', await reportPdf(sampleReport));
});

afterAll(async () => {
  await closePdfBrowser();
});

/** Every percentage written in a text ("46%", the "51%" of "41–51%"). */
const percentages = (text: string) => new Set(Array.from(text.matchAll(/(?<![\d.])\d+(?:\.\d+)?%/g), (m) => m[0]));

describe('PDF', () => {
  it('is a tagged PDF with the report’s title and a page for each section', () => {
    const info = pdfInfo(file);
    expect(info.Tagged).toBe('yes');
    expect(info.Title).toBe(sampleReport.title);
    expect(info['Page size']).toContain('(A4)');
    // The title and contents share the first page with the summary; each later section starts a page.
    expect(Number(info.Pages)).toBeGreaterThanOrEqual(sampleReport.sections.length);
  });

  it('embeds the shipped font, so it reads the same wherever it is opened', () => {
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' });
    expect(fonts).toMatch(/DejaVuSans\s.*\byes\s+yes\b/);
    expect(fonts).toMatch(/DejaVuSans-Bold\s.*\byes\s+yes\b/);
  });

  it('prints emoji in quotes with the shipped Noto Emoji, not as empty boxes', async () => {
    const emoji = writeTemp('emoji.pdf', await reportPdf(sampleWithEmoji));
    expect(pdfFonts(emoji)).toMatch(/NotoEmoji-Regular\s.*\byes\s+yes\b/);
    expect(pdfText(emoji).replace(/\s+/g, ' ')).toContain(EMOJI_QUOTE);
    // Only a report with emoji loads it.
    expect(pdfFonts(file)).not.toContain('NotoEmoji');
  });

  it('has the headings, table headers and the withheld [c] as text, with page numbers', () => {
    const text = pdfText(file);
    for (const section of sampleReport.sections) expect(text).toContain(section.heading);
    expect(text).toContain('Young people asked');
    expect(text).toContain('[c]');
    expect(text).toContain(`Page 1 of ${pdfInfo(file).Pages}`);
  });

  it('names the rule that withheld each [c], with the table’s notes saying what it means', () => {
    const text = pdfText(file).replace(/\s+/g, ' ');
    expect(text).toMatch(/\[c\] under 10 in group/);
    expect(text).toContain('Notes. [c] is a withheld figure; after it, in a few words, the rule that withheld it.');
    expect(text).toContain(`${WITHHELD_SENTENCE} (2 figures in this table.)`);
  });

  it('tags headings, table header cells and figures, with the document’s language and alt text', () => {
    const structure = pdfStructure(file);
    expect(structure).toMatch(/^\s+H1\b/m);
    expect(structure).toMatch(/^\s+H2\b/m);
    expect(structure).toMatch(/^\s+H3\b/m);
    expect(structure).toMatch(/^\s+TH\b/m);
    expect(structure).toContain('/Scope /Column');
    expect(structure).toMatch(/^\s+Figure\b/m);
    const raw = readFileSync(file).toString('latin1');
    expect(raw).toContain('/Lang (en-GB)');
    // Bookmarks (the outline) for each section, from the headings.
    expect(raw).toMatch(/\/Outlines \d+ 0 R/);
    for (const section of sampleReport.sections) expect(raw).toContain(`/Title (${section.heading})`);
    const pdfString = (s: string) => s.replace(/[()\\]/g, (c) => `\\${c}`);
    const charts = sampleReport.sections.flatMap((s) => s.blocks).filter((b) => b.type === 'chart');
    for (const chart of charts) expect(raw).toContain(pdfString(chart.alt));
    // The print shows each chart once (the wide drawing), so it is one figure.
    expect(raw.match(/\/Alt \(/g)).toHaveLength(charts.length);
  });

  it('says in a chart figure’s alt text when its figures are weighted to the population', async () => {
    const raw = readFileSync(writeTemp('weighted.pdf', await reportPdf(sampleWeighted))).toString('latin1');
    const alts = Array.from(raw.matchAll(/\/Alt \(((?:[^()\\]|\\.)*)\)/g), (m) => m[1] ?? '');
    expect(alts).toHaveLength(2);
    expect(alts[0]).toMatch(/All figures are weighted to the population\.$/);
    expect(alts[1]).not.toContain('weighted');
  });

  it('shows no figure the report does not: every percentage is the document’s own or on a chart’s axis', () => {
    const allowed = percentages(JSON.stringify(sampleReport));
    for (const block of sampleReport.sections.flatMap((s) => s.blocks)) {
      if (block.type === 'chart') for (const tick of axisTicks(block.chart)) allowed.add(`${tick}%`);
    }
    const shown = percentages(pdfText(file));
    expect(shown.size).toBeGreaterThan(10);
    expect([...shown].filter((p) => !allowed.has(p))).toEqual([]);
  });

  it('prints several reports at once in one browser, and again after it was closed', async () => {
    const started = performance.now();
    const pdfs = await Promise.all([reportPdf(sampleReport), reportPdf({ ...sampleReport, title: 'Second report' }), reportPdf(sampleReport)]);
    expect(pdfInfo(writeTemp('second.pdf', pdfs[1] as Uint8Array)).Title).toBe('Second report');
    expect(await openPdfPages()).toBe(0);
    // Reusing the running browser: three reports in well under three launches' time.
    expect(performance.now() - started).toBeLessThan(30_000);
    await closePdfBrowser();
    const again = await reportPdf(sampleReport);
    expect(pdfInfo(writeTemp('again.pdf', again)).Tagged).toBe('yes');
  });

  it('never leaves a heading, caption or header row at the foot of a page, keeps short tables whole and repeats a long table’s header row', async () => {
    const filler = (n: number): Block[] =>
      Array.from({ length: n }, (_, i) => ({ type: 'paragraph', text: `Paragraph ${i + 1}. The survey ran online and on paper in 14 secondary schools and 3 youth clubs, each spring and autumn.` }));
    const table = (rows: number, name: string): Block => ({
      type: 'table',
      caption: `${name} caption`,
      head: [`${name} head`, 'Value'],
      rows: Array.from({ length: rows }, (_, i) => [`${name} row ${i + 1}`, `${i}%`])
    });
    // The same report with more and more text before its tables, so page ends fall at every point around them.
    const docs = Array.from(
      { length: 18 },
      (_, k): ReportDocument => ({
        ...sampleReport,
        sections: [
          {
            id: 's',
            kind: 'summary',
            heading: 'Summary',
            blocks: [...filler(8 + k), { type: 'subheading', text: 'Short heading' }, table(6, 'Short'), ...filler(3), { type: 'subheading', text: 'Long heading' }, table(70, 'Long')]
          }
        ]
      })
    );
    const pdfs = await Promise.all(docs.map((doc) => reportPdf(doc)));
    pdfs.forEach((pdf, k) => {
      const path = writeTemp(`tables-${k}.pdf`, pdf);
      const pages = Array.from({ length: Number(pdfInfo(path).Pages) }, (_, i) =>
        pdfText(path, i + 1)
          .split('\n')
          .map((line) => line.trim())
          .filter((line) => line !== '' && !/^Page \d+ of \d+$/.test(line) && line !== sampleReport.title)
      );
      const problems: string[] = [];
      pages.forEach((lines, i) => {
        const last = lines.at(-1) ?? '';
        if (/(heading|caption|head)\s*(Value)?$/.test(last) || last === 'Value') problems.push(`page ${i + 1} ends with "${last}"`);
        const longRows = lines.filter((line) => line.startsWith('Long row'));
        // Every page the long table runs onto starts its part with the header row.
        if (longRows.length > 0 && !lines.some((line) => line.startsWith('Long head'))) problems.push(`page ${i + 1} has rows of the long table without its header row`);
        if (longRows.length === 1) problems.push(`page ${i + 1} has a single row of the long table`);
      });
      const shortPages = pages.flatMap((lines, i) => (lines.some((line) => line.startsWith('Short row')) ? [i] : []));
      if (shortPages.length !== 1) problems.push(`the short table is split over pages ${shortPages.map((i) => i + 1).join(', ')}`);
      expect(problems, `with ${8 + k} paragraphs before the tables`).toEqual([]);
    });
  });
});
