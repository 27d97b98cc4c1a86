import fc from 'fast-check';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { EASY_READ_SIZES, easyReadDocx, NoEasyReadError } from './easy-read-docx';
import { sampleReport } from './fixtures/sample-report';
import type { ReportDocument } from './model';
import { libreOfficeToPdf, pdfInfo, pdfText, writeTemp } from './testing/tools';
import { cleanText } from './text';

const easy = sampleReport.easyRead as NonNullable<ReportDocument['easyRead']>;

async function parts(doc: ReportDocument) {
  const bytes = await easyReadDocx(doc);
  const zip = await JSZip.loadAsync(bytes);
  const part = async (name: string) => (await zip.file(name)?.async('string')) ?? '';
  return { bytes, document: await part('word/document.xml'), styles: await part('word/styles.xml'), footer: await part('word/footer1.xml'), core: await part('docProps/core.xml') };
}

/** Each paragraph's style and text, in order. */
const paragraphs = (xml: string) =>
  Array.from(xml.matchAll(/<w:p>(.*?)<\/w:p>/gs), (m) => ({
    style: /<w:pStyle w:val="([^"]+)"\/>/.exec(m[1] ?? '')?.[1] ?? 'Normal',
    text: Array.from((m[1] ?? '').matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g), (t) => t[1]).join('')
  }));

describe('easy-read Word file', () => {
  it('has the easy-read title as Heading 1, each part as Heading 2 and one line to a paragraph, as the easy-read page', async () => {
    const { document, core } = await parts(sampleReport);
    expect(paragraphs(document)).toEqual([
      { style: 'Heading1', text: easy.title },
      { style: 'Normal', text: sampleReport.organisation },
      { style: 'Heading2', text: 'About this' },
      ...easy.intro.map((text) => ({ style: 'Normal', text })),
      { style: 'Heading2', text: 'What we found' },
      ...easy.findings.map((text) => ({ style: 'Normal', text })),
      { style: 'Heading2', text: 'What happens next' },
      ...easy.next.map((text) => ({ style: 'Normal', text }))
    ]);
    expect(core).toContain(`<dc:title>${easy.title}</dc:title>`);
  });

  it('sets every piece of text in large type: 14 pt or more, headings larger', async () => {
    const { document, styles, footer } = await parts(sampleReport);
    const sizeIn = (xml: string) => Array.from(xml.matchAll(/<w:sz w:val="(\d+)"\/>/g), (m) => Number(m[1]) / 2);
    const styleXml = (id: string) => new RegExp(`<w:style [^>]*w:styleId="${id}"(?:(?!</w:style>).)*</w:style>`, 's').exec(styles)?.[0] ?? '';
    // In points: the body (the document's default), the two heading levels it uses, and any size set on a run or in the footer.
    const body = sizeIn(/<w:docDefaults>.*<\/w:docDefaults>/s.exec(styles)?.[0] ?? '');
    expect(body).toEqual([16]);
    expect(sizeIn(styleXml('Heading1'))).toEqual([28]);
    expect(sizeIn(styleXml('Heading2'))).toEqual([22]);
    for (const size of sizeIn(document + footer)) expect(size).toBeGreaterThanOrEqual(14);
    expect(new Set(sizeIn(footer))).toEqual(new Set([EASY_READ_SIZES.footer / 2]));
    // Line spacing is in proportion to the text (LibreOffice reads a line height without its rule as exact, and large headings' lines overlap).
    for (const xml of [/<w:docDefaults>.*<\/w:docDefaults>/s.exec(styles)?.[0] ?? '', styleXml('Heading1'), styleXml('Heading2')]) {
      expect(xml).toMatch(/<w:spacing [^>]*w:line="\d+" w:lineRule="auto"/);
    }
    // Only those styles are used.
    expect(new Set(Array.from(document.matchAll(/<w:pStyle w:val="([^"]+)"/g), (m) => m[1]))).toEqual(new Set(['Heading1', 'Heading2']));
    expect(styles).toContain('<w:lang w:val="en-GB"/>');
  });

  it('opens in LibreOffice, which prints every line, in short lines, with page numbers', async () => {
    const pdf = libreOfficeToPdf(writeTemp('easy-read.docx', (await parts(sampleReport)).bytes));
    const info = pdfInfo(pdf);
    expect(info.Title).toBe(easy.title);
    const text = pdfText(pdf);
    const flat = text.replace(/\s+/g, ' ');
    for (const line of [easy.title, ...easy.intro, ...easy.findings, ...easy.next]) expect(flat).toContain(line);
    expect(text).toContain(`Page 1 of ${info.Pages}`);
    // Short lines: none of the printed lines is longer than about 60 characters.
    const longest = Math.max(...text.split('\n').map((line) => line.trim().length));
    expect(longest).toBeLessThanOrEqual(60);
  });

  it('is refused when the report has no easy-read version', async () => {
    await expect(easyReadDocx({ ...sampleReport, easyRead: null })).rejects.toThrow(NoEasyReadError);
  });

  it('keeps any text as written', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 40 }), fc.array(fc.string({ unit: 'grapheme', maxLength: 60 }), { maxLength: 3 }), async (title, lines) => {
        const { document } = await parts({ ...sampleReport, easyRead: { title, intro: lines, findings: [], next: [] } });
        const texts = paragraphs(document).map((p) =>
          p.text
            .replace(/&lt;/g, '<')
            .replace(/&gt;/g, '>')
            .replace(/&quot;/g, '"')
            .replace(/&apos;/g, "'")
            .replace(/&amp;/g, '&')
        );
        expect(texts[0]).toBe(cleanText(title));
        for (const line of lines) expect(texts).toContain(cleanText(line));
      }),
      { numRuns: 20 }
    );
  });
});
