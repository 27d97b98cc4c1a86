// The easy-read version as a Word file, from the same ReportDocument as the
// easy-read web page (html.ts easyReadBodyHtml): the same headings and the
// same lines, one idea to a paragraph, in large type (16 pt, headings larger)
// with wide margins, so lines stay short, left-aligned and well spaced.
// Word's Heading 1 (the title) and Heading 2 (each part) make its navigation
// pane and a screen reader's heading list work.
import { AlignmentType, Document, Footer, HeadingLevel, LineRuleType, Packer, PageNumber, Paragraph, TextRun } from 'docx';
import { embeddedEmojiFont, textRuns } from './docx';
import { labels } from './labels';
import type { ReportDocument } from './model';
import { cleanText as t, directionOf, languageTag } from './text';

/** A4 with 3 cm margins either side: about 55 characters to a line at 16 pt. */
const PAGE = { width: 11906, height: 16838, side: 1701, top: 1417 };
/** Sizes in half-points: never below 14 pt. */
export const EASY_READ_SIZES = { body: 32, heading1: 56, heading2: 44, footer: 28 } as const;

export class NoEasyReadError extends Error {
  constructor() {
    super('This report has no easy-read version');
  }
}

export async function easyReadDocx(doc: ReportDocument): Promise<Uint8Array> {
  const easy = doc.easyRead;
  if (!easy) throw new NoEasyReadError();
  const rtl = directionOf(doc.language) === 'rtl';
  const part = (heading: string, lines: string[]): Paragraph[] =>
    lines.length === 0 ? [] : [new Paragraph({ heading: HeadingLevel.HEADING_2, children: textRuns(heading) }), ...lines.map((line) => new Paragraph({ children: textRuns(line) }))];
  const document = new Document({
    title: t(easy.title),
    creator: t(doc.organisation),
    lastModifiedBy: t(doc.organisation),
    description: `${labels.easyRead.description} ${t(doc.title)}`,
    fonts: embeddedEmojiFont(easy),
    styles: {
      default: {
        document: {
          run: { font: 'Arial', size: EASY_READ_SIZES.body, color: '0B0C0C', language: { value: languageTag(doc.language) } },
          // Space between lines and after each idea; never justified.
          paragraph: { spacing: { line: 360, lineRule: LineRuleType.AUTO, after: 240 }, alignment: AlignmentType.START, ...(rtl ? { bidirectional: true } : {}) }
        },
        heading1: {
          run: { font: 'Arial', size: EASY_READ_SIZES.heading1, bold: true, color: '0B0C0C' },
          paragraph: { spacing: { after: 240, line: 300, lineRule: LineRuleType.AUTO }, keepNext: true }
        },
        heading2: {
          run: { font: 'Arial', size: EASY_READ_SIZES.heading2, bold: true, color: '0B0C0C' },
          paragraph: { spacing: { before: 480, after: 240, line: 300, lineRule: LineRuleType.AUTO }, keepNext: true }
        }
      }
    },
    sections: [
      {
        properties: { page: { size: { width: PAGE.width, height: PAGE.height }, margin: { top: PAGE.top, bottom: PAGE.top, left: PAGE.side, right: PAGE.side } } },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ size: EASY_READ_SIZES.footer, children: [`${labels.page} `, PageNumber.CURRENT, ` ${labels.of} `, PageNumber.TOTAL_PAGES] })]
              })
            ]
          })
        },
        children: [
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: textRuns(easy.title) }),
          new Paragraph({ children: textRuns(doc.organisation) }),
          ...part(labels.easyRead.about, easy.intro),
          ...part(labels.easyRead.findings, easy.findings),
          ...part(labels.easyRead.next, easy.next)
        ]
      }
    ]
  });
  return new Uint8Array(await Packer.toBuffer(document));
}
