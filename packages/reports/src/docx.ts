// The report as a Word file, for authors who edit it further or attach it to
// a strategy. Built with the docx library from the same ReportDocument as the
// HTML: Word's own Title and Heading styles (so its navigation pane and
// contents work), a contents field Word fills from those headings, tables whose
// header row repeats on each page, every chart as a PNG with alt text followed
// by its data table, and "Page X of Y" in the footer.
import { readFileSync } from 'node:fs';
import {
  AlignmentType,
  BorderStyle,
  CharacterSet,
  Document,
  Footer,
  HeadingLevel,
  ImageRun,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableOfContents,
  TableRow,
  TextRun,
  WidthType
} from 'docx';
import { svgToPng } from './chart-png';
import { chartAlt, chartSvg } from './chart-svg';
import { EMOJI_FONT, emojiRuns, emojiTtfFile, hasEmoji } from './emoji-font';
import { labels, longDate } from './labels';
import type { Block, ReportDocument, TableBlock, YouSaidWeDid } from './model';
import { cleanText as t, directionOf, languageTag } from './text';

type Child = Paragraph | Table | TableOfContents;

/**
 * Report text as runs: emoji in runs of their own, in Noto Emoji. Arial has
 * no emoji, and a machine's own emoji font may not print (LibreOffice here
 * leaves Noto Color Emoji's bitmaps out of a PDF, a blank where the emoji
 * was), so a file with emoji embeds Noto Emoji's outlines (see reportDocx).
 */
export function textRuns(text: string, options: { bold?: boolean } = {}): TextRun[] {
  return emojiRuns(t(text)).map((run) =>
    run.emoji ? new TextRun({ text: run.text, ...options, font: { ascii: EMOJI_FONT, hAnsi: EMOJI_FONT, cs: EMOJI_FONT, eastAsia: EMOJI_FONT } }) : new TextRun({ text: run.text, ...options })
  );
}

/** Noto Emoji, embedded in a Word file whose text has emoji (about 0.5 MB more); nothing otherwise. */
export function embeddedEmojiFont(doc: unknown): { name: string; data: Buffer; characterSet: (typeof CharacterSet)[keyof typeof CharacterSet] }[] {
  return hasEmoji(JSON.stringify(doc)) ? [{ name: EMOJI_FONT, data: readFileSync(emojiTtfFile()), characterSet: CharacterSet.DEFAULT }] : [];
}

/** A4 with 2 cm margins, in twentieths of a point. */
const PAGE = { width: 11906, height: 16838, margin: 1134 };
/** Charts at the text's full width, in pixels at 96 to the inch (about 16.5 cm). */
const CHART_WIDTH_PX = 620;

export async function reportDocx(doc: ReportDocument): Promise<Uint8Array> {
  const rtl = directionOf(doc.language) === 'rtl';
  const status = doc.status === 'draft' ? labels.draft : labels.published;
  const children: Child[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: textRuns(doc.title) }),
    new Paragraph({ style: 'Organisation', children: textRuns(doc.organisation) }),
    new Paragraph({ children: [new TextRun(`${status} · ${labels.figuresAsOf} ${t(longDate(doc.asOf))} · ${labels.version} ${doc.version}`)] }),
    new Paragraph({ style: 'ContentsHeading', children: [new TextRun(labels.contents)] }),
    // Sections (Heading 1) and their subheadings (Heading 2), as hyperlinks.
    new TableOfContents(labels.contents, { hyperlink: true, headingStyleRange: '1-2' })
  ];
  for (const section of doc.sections) {
    // Each section starts a page, as in the PDF.
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, pageBreakBefore: true, children: textRuns(section.heading) }));
    for (const block of section.blocks) children.push(...blockChildren(block));
  }
  const document = new Document({
    title: t(doc.title),
    creator: t(doc.organisation),
    lastModifiedBy: t(doc.organisation),
    description: `${status}, ${labels.figuresAsOf.toLowerCase()} ${t(longDate(doc.asOf))}, ${labels.version.toLowerCase()} ${doc.version}`,
    // Word refreshes the contents and page numbers when the file is opened.
    features: { updateFields: true },
    fonts: embeddedEmojiFont(doc),
    styles: styles(languageTag(doc.language), rtl),
    sections: [
      {
        properties: { page: { size: { width: PAGE.width, height: PAGE.height }, margin: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin } } },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: [`${labels.page} `, PageNumber.CURRENT, ` ${labels.of} `, PageNumber.TOTAL_PAGES] })]
              })
            ]
          })
        },
        children
      }
    ]
  });
  return new Uint8Array(await Packer.toBuffer(document));
}

function blockChildren(block: Block): Child[] {
  switch (block.type) {
    case 'paragraph':
      return [new Paragraph({ children: textRuns(block.text) })];
    case 'subheading':
      return [new Paragraph({ heading: HeadingLevel.HEADING_2, children: textRuns(block.text) })];
    case 'list':
      return block.items.map((item) => new Paragraph({ bullet: { level: 0 }, children: textRuns(item) }));
    case 'table':
      return table(block);
    case 'chart': {
      const alt = chartAlt(block);
      const { svg } = chartSvg(block.chart, { id: 'chart', title: block.title, description: alt });
      const png = svgToPng(svg);
      const height = Math.round((CHART_WIDTH_PX * png.height) / png.width);
      return [
        new Paragraph({ style: 'Caption', keepNext: true, children: textRuns(block.title) }),
        new Paragraph({
          keepNext: true,
          children: [
            new ImageRun({
              type: 'png',
              data: png.data,
              transformation: { width: CHART_WIDTH_PX, height },
              // Read out by screen readers in Word and kept when the file becomes a PDF.
              altText: { name: t(block.title), title: t(block.title), description: t(alt) }
            })
          ]
        }),
        ...table(block.table)
      ];
    }
    case 'quote':
      return [new Paragraph({ style: 'Quote', keepNext: true, children: textRuns(block.text) }), new Paragraph({ style: 'QuoteAttribution', children: textRuns(block.attribution) })];
    case 'youSaidWeDid':
      return youSaidWeDid(block.rows);
  }
}

/** Caption above, header row repeated on every page the table runs onto. */
function table(block: TableBlock): Child[] {
  const align = (i: number) => (block.numeric?.[i] ? AlignmentType.RIGHT : AlignmentType.LEFT);
  const cell = (text: string, i: number, header: boolean) =>
    new TableCell({
      children: [new Paragraph({ alignment: align(i), children: textRuns(text, { bold: header }) })],
      ...(header ? { borders: { bottom: { style: BorderStyle.SINGLE, size: 12, color: '0B0C0C' } } } : {})
    });
  const columns = Math.max(1, block.head.length, ...block.rows.map((row) => row.length));
  const pad = (row: string[]) => [...row, ...Array<string>(Math.max(0, columns - row.length)).fill('')];
  const rows = [
    new TableRow({ tableHeader: true, cantSplit: true, children: pad(block.head).map((text, i) => cell(text, i, true)) }),
    ...block.rows.map((row) => new TableRow({ cantSplit: true, children: pad(row).map((text, i) => cell(text, i, false)) }))
  ];
  return [new Paragraph({ style: 'Caption', keepNext: true, children: textRuns(block.caption) }), new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows }), ...tableNotes(block)];
}

/** Under a table with withheld figures: what "[c]" and the words after it mean, each rule once, with how many figures it withheld. */
function tableNotes(block: TableBlock): Paragraph[] {
  const notes = block.withheld ?? [];
  // Space after the table (Word joins two tables that touch).
  if (notes.length === 0) return [new Paragraph({ children: [] })];
  return [
    new Paragraph({ style: 'TableNotes', spacing: { before: 120 }, keepNext: true, children: [new TextRun({ text: labels.notes, bold: true }), new TextRun(` ${labels.withheldMarks}`)] }),
    ...notes.map(
      (n, i) =>
        new Paragraph({
          bullet: { level: 0 },
          keepNext: i < notes.length - 1,
          children: [...textRuns(n.sentence), new TextRun({ text: ` ${labels.figuresInTable(n.figures)}`, color: '505A5F' })]
        })
    ),
    new Paragraph({ children: [] })
  ];
}

const STATUS_WORDS: Record<YouSaidWeDid['status'], string> = { planned: 'Planned', 'in progress': 'In progress', done: 'Done' };

function youSaidWeDid(rows: YouSaidWeDid[]): Child[] {
  return table({
    type: 'table',
    caption: labels.youSaidWeDid,
    head: [labels.youSaid, labels.weDid, labels.priority, labels.measure, labels.status],
    rows: rows.map((row) => [row.youSaid, row.weDid, row.priority, row.measure ?? '', STATUS_WORDS[row.status] ?? row.status])
  });
}

function styles(language: string, rtl: boolean) {
  const dark = '0B0C0C';
  return {
    default: {
      document: {
        // The document's language, so spelling and screen readers use it.
        run: { font: 'Arial', size: 22, color: dark, language: { value: language } },
        paragraph: { spacing: { after: 160 }, ...(rtl ? { bidirectional: true } : {}) }
      },
      title: { run: { font: 'Arial', size: 52, bold: true, color: dark }, paragraph: { spacing: { after: 240 } } },
      heading1: { run: { font: 'Arial', size: 36, bold: true, color: dark }, paragraph: { spacing: { before: 240, after: 200 }, keepNext: true } },
      heading2: { run: { font: 'Arial', size: 28, bold: true, color: dark }, paragraph: { spacing: { before: 320, after: 160 }, keepNext: true } },
      heading3: { run: { font: 'Arial', size: 24, bold: true, color: dark }, paragraph: { spacing: { before: 240, after: 120 }, keepNext: true } },
      caption: { run: { font: 'Arial', size: 22, bold: true, italics: false, color: dark }, paragraph: { spacing: { before: 120, after: 120 } } }
    },
    paragraphStyles: [
      { id: 'Organisation', name: 'Organisation', basedOn: 'Normal', run: { size: 28 } },
      { id: 'ContentsHeading', name: 'Contents Heading', basedOn: 'Normal', next: 'Normal', run: { size: 32, bold: true }, paragraph: { spacing: { before: 360, after: 160 } } },
      {
        id: 'Quote',
        name: 'Quote',
        basedOn: 'Normal',
        next: 'Normal',
        run: { size: 24 },
        paragraph: { indent: { left: 360 }, border: { left: { style: BorderStyle.SINGLE, size: 24, color: '1D70B8', space: 8 } }, spacing: { before: 200, after: 60 } }
      },
      { id: 'TableNotes', name: 'Table Notes', basedOn: 'Normal', next: 'Normal', run: { size: 20 }, paragraph: { spacing: { after: 60 } } },
      { id: 'QuoteAttribution', name: 'Quote Attribution', basedOn: 'Normal', next: 'Normal', run: { color: '505A5F' }, paragraph: { indent: { left: 540 }, spacing: { after: 240 } } }
    ]
  };
}
