// Tests read HTML the way a browser does: Chromium's own parser (DOMParser),
// in the same Chromium that prints the PDFs.
import { type Browser, chromium, type Page } from 'playwright-core';
import { CHROMIUM_ARGS } from '../pdf';

export async function openParser(): Promise<{ browser: Browser; page: Page }> {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const page = await browser.newPage();
  return { browser, page };
}

export interface ParsedHeading {
  level: number;
  text: string;
}

/** What a reader (and a screen reader) gets from a report page. */
export interface ParsedPage {
  lang: string | null;
  dir: string | null;
  title: string | null;
  headings: ParsedHeading[];
  /** Tag name → how many, for every element in the document. */
  elements: Record<string, number>;
  /** `notes`: the text of what the table is described by (its notes on withheld figures), if anything. */
  tables: { caption: string | null; headerCells: number; scopes: string[]; cells: string[]; notes: string | null }[];
  svgs: { role: string | null; title: string | null; desc: string | null; labelledByTitle: boolean }[];
  links: { href: string; target: boolean }[];
  paragraphs: string[];
  quotes: { text: string; attribution: string }[];
  descriptions: { term: string; detail: string }[];
  figureCaptions: string[];
  listItems: string[];
  styles: string[];
  inlineHandlers: number;
}

export function parse(page: Page, html: string): Promise<ParsedPage> {
  return page.evaluate((source) => {
    const doc = new DOMParser().parseFromString(source, 'text/html');
    const text = (el: Element | null | undefined) => (el ? (el.textContent ?? '') : null);
    const all = Array.from(doc.querySelectorAll('*'));
    const elements: Record<string, number> = {};
    for (const el of all) elements[el.localName] = (elements[el.localName] ?? 0) + 1;
    return {
      lang: doc.documentElement.getAttribute('lang'),
      dir: doc.documentElement.getAttribute('dir'),
      title: text(doc.querySelector('head > title')),
      headings: Array.from(doc.querySelectorAll('h1, h2, h3, h4, h5, h6')).map((h) => ({ level: Number(h.localName.slice(1)), text: h.textContent ?? '' })),
      elements,
      tables: Array.from(doc.querySelectorAll('table')).map((table) => ({
        caption: text(table.querySelector(':scope > caption')),
        headerCells: table.querySelectorAll('th').length,
        scopes: Array.from(table.querySelectorAll('th')).map((th) => th.getAttribute('scope') ?? ''),
        cells: Array.from(table.querySelectorAll('th, td')).map((cell) => cell.textContent ?? ''),
        notes: table.hasAttribute('aria-describedby') ? text(doc.getElementById(table.getAttribute('aria-describedby') ?? '')) : null
      })),
      svgs: Array.from(doc.querySelectorAll('svg')).map((svg) => {
        const title = svg.querySelector(':scope > title');
        const ids = (svg.getAttribute('aria-labelledby') ?? '').split(/\s+/);
        return { role: svg.getAttribute('role'), title: text(title), desc: text(svg.querySelector(':scope > desc')), labelledByTitle: title !== null && ids.includes(title.id) };
      }),
      links: Array.from(doc.querySelectorAll('a')).map((a) => {
        const href = a.getAttribute('href') ?? '';
        return { href, target: href.startsWith('#') && doc.getElementById(decodeURIComponent(href.slice(1))) !== null };
      }),
      paragraphs: Array.from(doc.querySelectorAll('section > p')).map((p) => p.textContent ?? ''),
      quotes: Array.from(doc.querySelectorAll('figure.sv-quote')).map((f) => ({ text: text(f.querySelector('blockquote')) ?? '', attribution: text(f.querySelector('figcaption')) ?? '' })),
      descriptions: Array.from(doc.querySelectorAll('dl > div')).map((d) => ({ term: text(d.querySelector('dt')) ?? '', detail: text(d.querySelector('dd')) ?? '' })),
      figureCaptions: Array.from(doc.querySelectorAll('figure.sv-chart > figcaption')).map((f) => f.textContent ?? ''),
      listItems: Array.from(doc.querySelectorAll('section li')).map((li) => li.textContent ?? ''),
      styles: Array.from(doc.querySelectorAll('style')).map((s) => s.textContent ?? ''),
      inlineHandlers: all.filter((el) => Array.from(el.attributes).some((a) => a.name.startsWith('on'))).length
    };
  }, html);
}
