import { existsSync } from 'node:fs';
import fc from 'fast-check';
import JSZip from 'jszip';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportDocx } from './docx';
import { EMOJI_QUOTE, sampleReport, sampleWeighted, sampleWithEmoji, WITHHELD_SENTENCE } from './fixtures/sample-report';
import type { ReportDocument } from './model';
import { openParser } from './testing/chromium';
import { libreOfficeToPdf, pdfFonts, pdfInfo, pdfText, writeTemp } from './testing/tools';
import { cleanText } from './text';

interface WordFile {
  bytes: Uint8Array;
  part(name: string): Promise<string>;
}

async function open(doc: ReportDocument): Promise<WordFile> {
  const bytes = await reportDocx(doc);
  const zip = await JSZip.loadAsync(bytes);
  return {
    bytes,
    part: async (name) => {
      const file = zip.file(name);
      if (!file) throw new Error(`${name} is not in the Word file`);
      return file.async('string');
    }
  };
}

let word: WordFile;
let body: string;

beforeAll(async () => {
  word = await open(sampleReport);
  body = await word.part('word/document.xml');
});

const paragraphsStyled = (xml: string, style: string) =>
  Array.from(xml.matchAll(/<w:p>(?:(?!<\/w:p>).)*?<w:pStyle w:val="([^"]+)"\/>(?:(?!<\/w:p>).)*?<\/w:p>/gs))
    .filter((m) => m[1] === style)
    .map((m) => Array.from((m[0] ?? '').matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g), (t) => t[1]).join(''));

const unescapeXml = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

describe('Word file', () => {
  it('uses Word’s Title and Heading styles for the title, sections and subheadings', () => {
    expect(paragraphsStyled(body, 'Title').map(unescapeXml)).toEqual([sampleReport.title]);
    expect(paragraphsStyled(body, 'Heading1')).toEqual(sampleReport.sections.map((s) => s.heading));
    expect(paragraphsStyled(body, 'Heading2')).toEqual(['Small numbers', 'Feeling safe in your area after dark', 'In their own words']);
  });

  it('has a contents field built from Heading 1 and 2, refreshed when Word opens the file', async () => {
    expect(body).toContain(String.raw`TOC \h \o &quot;1-2&quot;`);
    expect(await word.part('word/settings.xml')).toMatch(/<w:updateFields(?: w:val="(?:true|1)")?\/>/);
  });

  it('repeats a header row on every table', () => {
    const tables = body.match(/<w:tbl>.*?<\/w:tbl>/gs) ?? [];
    // Four tables of figures and the "You said, we did" table.
    expect(tables).toHaveLength(5);
    for (const table of tables) expect(table).toMatch(/<w:tblHeader(?: w:val="(?:true|1)")?\/>/);
    expect(body).toContain('<w:t xml:space="preserve">[c]</w:t>');
  });

  it('names the rule that withheld each [c] in its cell, with the table’s notes saying what it means under it', () => {
    const texts = (xml: string) => Array.from(xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g), (t) => unescapeXml(t[1] ?? '')).join('');
    const trend = (body.match(/<w:tbl>.*?<\/w:tbl>/gs) ?? []).find((t) => texts(t).includes('Spring 2025')) ?? '';
    expect(Array.from(trend.matchAll(/<w:t(?: [^>]*)?>\[c\] under 10 in group<\/w:t>/g))).toHaveLength(2);
    const after = body.slice(body.indexOf(trend) + trend.length);
    const next = Array.from(after.matchAll(/<w:p>.*?<\/w:p>/gs), (p) => texts(p[0])).slice(0, 2);
    expect(paragraphsStyled(after, 'TableNotes')[0]).toMatch(/^Notes\./);
    expect(next).toEqual(['Notes. [c] is a withheld figure; after it, in a few words, the rule that withheld it.', `${WITHHELD_SENTENCE} (2 figures in this table.)`]);
  });

  it('gives every chart image its alt text, followed by its data table', () => {
    const images = Array.from(body.matchAll(/<wp:docPr [^>]*>/g), (m) => m[0]);
    const charts = sampleReport.sections.flatMap((s) => s.blocks).filter((b) => b.type === 'chart');
    expect(images).toHaveLength(charts.length);
    images.forEach((image, i) => {
      const descr = /descr="([^"]*)"/.exec(image)?.[1] ?? '';
      expect(descr.trim()).not.toBe('');
      expect(unescapeXml(descr)).toBe(charts[i]?.alt);
      expect(unescapeXml(/title="([^"]*)"/.exec(image)?.[1] ?? '')).toBe(charts[i]?.title);
    });
    // The image is a PNG in the package.
    expect(body).toMatch(/r:embed="[^"]+"/);
  });

  it('says in a chart image’s alt text when its figures are weighted to the population', async () => {
    const xml = await (await open(sampleWeighted)).part('word/document.xml');
    const descriptions = Array.from(xml.matchAll(/<wp:docPr [^>]*descr="([^"]*)"/g), (m) => unescapeXml(m[1] ?? ''));
    expect(descriptions[0]).toMatch(/\. All figures are weighted to the population\.$/);
    expect(descriptions[1]).not.toContain('weighted');
  });

  it('numbers pages "Page X of Y" in the footer', async () => {
    const footer = await word.part('word/footer1.xml');
    expect(footer).toContain('Page ');
    expect(footer).toMatch(/PAGE/);
    expect(footer).toMatch(/NUMPAGES/);
  });

  it('says its language, title and author (the organisation)', async () => {
    expect(await word.part('word/styles.xml')).toContain('<w:lang w:val="en-GB"/>');
    const core = await word.part('docProps/core.xml');
    expect(core).toContain(`<dc:title>${sampleReport.title}</dc:title>`);
    expect(core).toContain(`<dc:creator>${sampleReport.organisation}</dc:creator>`);
  });

  it('prints emoji in quotes (LibreOffice too), in Noto Emoji embedded in the file, and embeds no font without them', async () => {
    const file = await open(sampleWithEmoji);
    const xml = await file.part('word/document.xml');
    // The emoji are runs of their own in the emoji font; the words around them keep the document's font.
    expect(xml).toMatch(/<w:rFonts w:ascii="Noto Emoji"[^>]*\/><\/w:rPr><w:t xml:space="preserve">🏠<\/w:t>/);
    expect(xml).toContain('<w:t xml:space="preserve"> when the </w:t>');
    expect(await file.part('word/fontTable.xml')).toMatch(/<w:font w:name="Noto Emoji">.*<w:embedRegular /s);
    const pdf = libreOfficeToPdf(writeTemp('emoji.docx', file.bytes));
    // Drawn from the embedded font, not left blank: this machine has only Noto Color Emoji, which LibreOffice does not print.
    expect(pdfFonts(pdf)).toMatch(/NotoEmoji-Regular\s.*\byes\s+yes\b/);
    expect(pdfText(pdf).replace(/\s+/g, ' ')).toContain(EMOJI_QUOTE);
    // A report without emoji stays small: no font is embedded.
    expect(Object.keys((await JSZip.loadAsync(word.bytes)).files).filter((name) => name.startsWith('word/fonts/'))).toEqual([]);
  });

  it('opens in LibreOffice, which prints it with every section, table and page number', () => {
    const pdf = libreOfficeToPdf(writeTemp('report.docx', word.bytes));
    expect(existsSync(pdf)).toBe(true);
    const info = pdfInfo(pdf);
    // The title and contents page, then each section on a page of its own.
    expect(Number(info.Pages)).toBeGreaterThanOrEqual(1 + sampleReport.sections.length);
    expect(info.Title).toBe(sampleReport.title);
    const text = pdfText(pdf);
    for (const section of sampleReport.sections) expect(text).toContain(section.heading);
    expect(text).toContain('Young people asked');
    expect(text).toContain('[c]');
    expect(text.replace(/\s+/g, ' ')).toContain(WITHHELD_SENTENCE);
    expect(text).toMatch(new RegExp(`Page 1 of ${info.Pages}`));
  });
});

describe('Word file with any text in every field', () => {
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    ({ browser, page } = await openParser());
  });
  afterAll(async () => {
    await browser?.close();
  });

  const anyText = fc.string({
    unit: fc.oneof(
      { weight: 4, arbitrary: fc.integer({ min: 0, max: 0x10ffff }).map((c) => String.fromCodePoint(c)) },
      { weight: 1, arbitrary: fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)) },
      { weight: 2, arbitrary: fc.constantFrom('<', '&', '"', ']]>', '</w:t>', '\u0000', '\u000b', '👩‍👧', '\u202e') }
    ),
    maxLength: 30
  });

  it('stays well-formed XML and keeps the text', async () => {
    await fc.assert(
      fc.asyncProperty(anyText, anyText, anyText, async (title, paragraph, cell) => {
        const doc: ReportDocument = {
          ...sampleReport,
          title,
          organisation: title,
          sections: [
            {
              id: 'a',
              kind: 'summary',
              heading: title,
              blocks: [
                { type: 'paragraph', text: paragraph },
                { type: 'table', caption: cell, head: [cell], rows: [[paragraph]], withheld: [{ sentence: cell, figures: 1 }] }
              ]
            }
          ]
        };
        const file = await open(doc);
        for (const part of ['word/document.xml', 'docProps/core.xml']) {
          const xml = await file.part(part);
          const errors = await page.evaluate((source) => new DOMParser().parseFromString(source, 'application/xml').getElementsByTagName('parsererror').length, xml);
          expect(errors).toBe(0);
        }
        const texts = await page.evaluate(
          (source) =>
            Array.from(new DOMParser().parseFromString(source, 'application/xml').getElementsByTagNameNS('http://schemas.openxmlformats.org/wordprocessingml/2006/main', 'p')).map((p) =>
              Array.from(p.getElementsByTagNameNS('http://schemas.openxmlformats.org/wordprocessingml/2006/main', 't'))
                .map((t) => t.textContent)
                .join('')
            ),
          await file.part('word/document.xml')
        );
        // XML turns \r\n and \r into \n when it reads text.
        const asRead = (s: string) => cleanText(s).replace(/\r\n?/g, '\n');
        expect(texts).toContain(asRead(paragraph));
        expect(texts).toContain(`${asRead(cell)} (1 figure in this table.)`);
        expect(texts[0]).toBe(asRead(title));
      }),
      { numRuns: 25 }
    );
  });
});
