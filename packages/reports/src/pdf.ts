// The report as a tagged PDF: Chromium prints the report's HTML (html.ts), so
// the PDF has the public page's headings, table headers, alt text, language
// and title, and Chromium's tagging makes them a structure screen readers
// use. One browser is launched on first use and kept for later calls (this
// runs inside the API server); every call gets its own context, closed
// whatever happens. The page runs no JavaScript and reaches no network.
import { readFileSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';
import { FONT_FILES } from './chart-png';
import { reportHtml } from './html';
import { labels } from './labels';
import type { ReportDocument } from './model';
import { escapeMarkup } from './text';

/** As the browser tests launch Chromium: the network here is closed, so keep it from calling home. */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

let browser: Promise<Browser> | null = null;

function launch(): Promise<Browser> {
  if (browser) return browser;
  const starting = chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: CHROMIUM_ARGS });
  browser = starting;
  starting.then(
    // A crashed or closed browser is launched afresh on the next call.
    (b) =>
      b.on('disconnected', () => {
        if (browser === starting) browser = null;
      }),
    () => {
      if (browser === starting) browser = null;
    }
  );
  return starting;
}

/** Close the shared browser (at shutdown, or at the end of a test run). */
export async function closePdfBrowser(): Promise<void> {
  const current = browser;
  browser = null;
  if (current) await (await current.catch(() => null))?.close();
}

let fontCss: string | null = null;

/**
 * The shipped fonts embedded in the page, so the PDF's text (charts included)
 * is set in the same font on every server, installed fonts or not.
 */
function embeddedFonts(): string {
  fontCss ??= FONT_FILES.map((file, i) => {
    const data = readFileSync(file).toString('base64');
    return `@font-face{font-family:'DejaVu Sans';font-weight:${i === 0 ? 400 : 700};src:url(data:font/ttf;base64,${data}) format('truetype')}`;
  }).join('');
  return fontCss;
}

export async function reportPdf(doc: ReportDocument): Promise<Uint8Array> {
  const html = reportHtml(doc, { extraCss: embeddedFonts() });
  const context = await (await launch()).newContext({ javaScriptEnabled: false, offline: true });
  try {
    const page = await context.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    const footer =
      '<div style="font-family:\'DejaVu Sans\',Arial,sans-serif;font-size:9px;color:#505a5f;width:100%;text-align:center">' +
      `${labels.page} <span class="pageNumber"></span> ${labels.of} <span class="totalPages"></span></div>`;
    const header = `<div style="font-family:'DejaVu Sans',Arial,sans-serif;font-size:9px;color:#505a5f;width:100%;padding:0 16mm">${escapeMarkup(doc.title)}</div>`;
    const pdf = await page.pdf({
      format: 'A4',
      tagged: true,
      outline: true,
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: header,
      footerTemplate: footer,
      margin: { top: '20mm', bottom: '20mm', left: '16mm', right: '16mm' }
    });
    return new Uint8Array(pdf);
  } finally {
    await context.close();
  }
}
