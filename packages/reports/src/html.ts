// The report as HTML: a complete page (downloads, and what Chromium prints
// to PDF) or just its body for the public page (/reports/<slug>), which
// SvelteKit wraps in its own layout. One markup for both, so the public page
// and the PDF cannot disagree. No JavaScript and no external assets: charts
// are inline SVG, the CSS is inline, and every piece of report text is escaped.
import { chartAlt, chartSvg, NARROW_CHART_WIDTH } from './chart-svg';
import { labels, longDate } from './labels';
import type { Block, ReportDocument, ReportSection, TableBlock, YouSaidWeDid } from './model';
import { REPORT_CSS } from './report-css';
import { directionOf, escapeMarkup as e, languageTag, safeId } from './text';

export { REPORT_CSS } from './report-css';

export interface HtmlOptions {
  /** More CSS after the report's own, e.g. the PDF step's embedded fonts. */
  extraCss?: string;
}

/** The whole report as one self-contained HTML document. */
export function reportHtml(doc: ReportDocument, options: HtmlOptions = {}): string {
  return page(doc.language, doc.title, doc.organisation, reportBodyHtml(doc), options);
}

/**
 * The report's markup without <html>/<head>, for embedding in a page's
 * <main> (the complete page wraps it in one): an <article
 * class="sv-report"> carrying its own lang and dir. Style it with REPORT_CSS
 * (every rule is scoped to .sv-report).
 */
export function reportBodyHtml(doc: ReportDocument): string {
  const sections = withIds(doc.sections);
  const contents = sections.map(({ section, id }) => `<li><a href="#${id}">${e(section.heading)}</a></li>`).join('');
  const status = doc.status === 'draft' ? labels.draft : labels.published;
  return (
    `<article class="sv-report" lang="${e(languageTag(doc.language))}" dir="${directionOf(doc.language)}">` +
    '<header class="sv-header">' +
    `<h1>${e(doc.title)}</h1>` +
    `<p class="sv-organisation">${e(doc.organisation)}</p>` +
    `<p class="sv-meta"><span class="sv-status-${doc.status === 'draft' ? 'draft' : 'published'}">${status}</span> · ` +
    `${labels.figuresAsOf} ${e(longDate(doc.asOf))} · ${labels.version} ${e(String(doc.version))}</p>` +
    '</header>' +
    `<nav class="sv-contents" aria-labelledby="sv-contents-heading"><h2 id="sv-contents-heading">${labels.contents}</h2><ol>${contents}</ol></nav>` +
    sections.map(({ section, id }, i) => sectionHtml(section, id, i)).join('') +
    '</article>'
  );
}

/** The easy-read version as a complete page, or null when the report has none. */
export function easyReadHtml(doc: ReportDocument, options: HtmlOptions = {}): string | null {
  const body = easyReadBodyHtml(doc);
  return body === null || !doc.easyRead ? null : page(doc.language, doc.easyRead.title, doc.organisation, body, options);
}

/** Large text, short sentences, one idea to a line: each sentence is its own list item. */
export function easyReadBodyHtml(doc: ReportDocument): string | null {
  const easy = doc.easyRead;
  if (!easy) return null;
  const part = (id: string, heading: string, lines: string[]) =>
    lines.length === 0
      ? ''
      : `<section class="sv-section" aria-labelledby="${id}"><h2 id="${id}">${heading}</h2><ul class="sv-lines">${lines.map((line) => `<li dir="auto">${e(line)}</li>`).join('')}</ul></section>`;
  return (
    `<article class="sv-report sv-easy-read" lang="${e(languageTag(doc.language))}" dir="${directionOf(doc.language)}">` +
    `<header class="sv-header"><h1>${e(easy.title)}</h1><p class="sv-organisation">${e(doc.organisation)}</p></header>` +
    part('sv-easy-about', labels.easyRead.about, easy.intro) +
    part('sv-easy-findings', labels.easyRead.findings, easy.findings) +
    part('sv-easy-next', labels.easyRead.next, easy.next) +
    '</article>'
  );
}

function page(language: string, title: string, organisation: string, body: string, options: HtmlOptions): string {
  return (
    '<!doctype html>' +
    `<html lang="${e(languageTag(language))}" dir="${directionOf(language)}"><head><meta charset="utf-8">` +
    '<meta name="viewport" content="width=device-width, initial-scale=1">' +
    `<title>${e(title)}</title><meta name="author" content="${e(organisation)}">` +
    `<style>body{margin:0}${REPORT_CSS}${options.extraCss ?? ''}</style></head>` +
    `<body><main>${body}</main></body></html>`
  );
}

/** Section ids for links from the contents: from the section's own id, made safe and unique. */
function withIds(sections: ReportSection[]): { section: ReportSection; id: string }[] {
  const used = new Set<string>(['sv-contents-heading']);
  return sections.map((section, i) => {
    let id = `section-${safeId(section.id, String(i + 1))}`;
    if (used.has(id)) id = `${id}-${i + 1}`;
    used.add(id);
    return { section, id };
  });
}

function sectionHtml(section: ReportSection, id: string, index: number): string {
  const blocks = section.blocks.map((block, j) => blockHtml(block, `${index + 1}-${j + 1}`)).join('');
  return `<section class="sv-section" aria-labelledby="${id}"><h2 id="${id}">${e(section.heading)}</h2>${blocks}</section>`;
}

function blockHtml(block: Block, key: string): string {
  switch (block.type) {
    case 'paragraph':
      return `<p dir="auto">${e(block.text)}</p>`;
    case 'subheading':
      return `<h3 dir="auto">${e(block.text)}</h3>`;
    case 'list':
      return `<ul>${block.items.map((item) => `<li dir="auto">${e(item)}</li>`).join('')}</ul>`;
    case 'table':
      return tableHtml(block, `sv-table-${key}`);
    case 'chart': {
      const id = `sv-chart-${key}`;
      const alt = chartAlt(block);
      const wide = chartSvg(block.chart, { id, title: block.title, description: alt }).svg;
      const narrow = chartSvg(block.chart, { id: `${id}-narrow`, title: block.title, description: alt, width: NARROW_CHART_WIDTH }).svg;
      // The visible title is the figure's caption; the SVG carries the same
      // title and the alt text for screen readers; the data table follows.
      // CSS shows one drawing (the narrow one on phones); the other is
      // display:none, so neither screen readers nor the PDF meet it twice.
      return (
        `<figure class="sv-chart"><figcaption dir="auto">${e(block.title)}</figcaption>` +
        `<div class="sv-chart-wide">${wide}</div><div class="sv-chart-narrow">${narrow}</div></figure>${tableHtml(block.table, `${id}-data`)}`
      );
    }
    case 'quote':
      return `<figure class="sv-quote"><blockquote dir="auto"><p>${e(block.text)}</p></blockquote><figcaption dir="auto">${e(block.attribution)}</figcaption></figure>`;
    case 'youSaidWeDid':
      return youSaidWeDidHtml(block.rows);
  }
}

/** Tables of at most this many rows are kept on one page when printed (about a third of an A4 page). */
export const SHORT_TABLE_ROWS = 12;

function tableHtml(table: TableBlock, id: string): string {
  const numeric = (i: number) => (table.numeric?.[i] ? ' class="sv-num"' : '');
  const head = table.head.map((cell, i) => `<th scope="col"${numeric(i)}>${e(cell)}</th>`).join('');
  // The first cell of a row names it (a wave, a theme, a measure): a row header.
  const rows = table.rows.map((row) => `<tr>${row.map((cell, i) => (i === 0 ? `<th scope="row"${numeric(i)}>${e(cell)}</th>` : `<td${numeric(i)}>${e(cell)}</td>`)).join('')}</tr>`).join('');
  // A wide table scrolls inside its own box (focusable, so keyboards can
  // scroll it) rather than making the whole page scroll sideways. A short
  // table is printed whole on one page; a long one repeats its header row.
  const short = table.rows.length <= SHORT_TABLE_ROWS ? ' sv-table-short' : '';
  const notes = tableNotesHtml(table, `${id}-notes`);
  return (
    `<div class="sv-table${short}" role="region" aria-labelledby="${id}" tabindex="0"><table${notes ? ` aria-describedby="${id}-notes"` : ''}>` +
    `<caption id="${id}">${e(table.caption)}</caption><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table></div>${notes}`
  );
}

/** Under a table with withheld figures: what "[c]" and the words after it mean, each rule once, with how many figures it withheld. */
function tableNotesHtml(table: TableBlock, id: string): string {
  const notes = table.withheld ?? [];
  if (notes.length === 0) return '';
  const items = notes.map((n) => `<li dir="auto">${e(n.sentence)} <span class="sv-figures">${e(labels.figuresInTable(n.figures))}</span></li>`).join('');
  return `<div class="sv-table-notes" id="${id}"><p><span class="sv-notes-label">${labels.notes}</span> ${e(labels.withheldMarks)}</p><ul>${items}</ul></div>`;
}

const STATUS_WORDS: Record<YouSaidWeDid['status'], string> = { planned: 'Planned', 'in progress': 'In progress', done: 'Done' };

/** One description list per commitment: reads in order on a phone, where a five-column table would not fit. */
function youSaidWeDidHtml(rows: YouSaidWeDid[]): string {
  const item = (term: string, detail: string) => `<div><dt>${term}</dt><dd dir="auto">${e(detail)}</dd></div>`;
  return `<ol class="sv-yswd">${rows
    .map((row) => {
      const status = STATUS_WORDS[row.status] ?? row.status;
      return (
        '<li><dl>' +
        item(labels.youSaid, row.youSaid) +
        item(labels.weDid, row.weDid) +
        item(labels.priority, row.priority) +
        (row.measure === null ? '' : item(labels.measure, row.measure)) +
        item(labels.status, status) +
        '</dl></li>'
      );
    })
    .join('')}</ol>`;
}
