// The report as a tagged PDF: Chromium prints the report's HTML (html.ts), so
// the PDF has the public page's headings, table headers, alt text, language
// and title, and Chromium's tagging makes them a structure screen readers
// use. One browser, with one context, is launched on first use and kept for
// later calls (this runs inside the API server); every call gets its own
// page, closed whatever happens. Pages run no JavaScript and reach no
// network: the only requests answered are for the shipped fonts.
import { readFileSync } from 'node:fs';
import { type Browser, type BrowserContext, chromium } from 'playwright-core';
import { FONT_FILES } from './chart-png';
import { EMOJI_FONT, emojiFontFaces, emojiFontFile } from './emoji-font';
import { reportHtml } from './html';
import { labels } from './labels';
import type { ReportDocument } from './model';
import { escapeMarkup } from './text';

/** As the browser tests launch Chromium: the network here is closed, so keep it from calling home. */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/**
 * The shipped fonts, at addresses that exist nowhere (.invalid): the context
 * answers them from the package's files, so the PDF's text (charts included)
 * is set in the same font on every server, installed fonts or not. Served
 * rather than inlined as data: URLs, which took Chromium about half a second
 * a report to decode.
 */
const FONT_ORIGIN = 'https://fonts.safer-voices.invalid';
const EMOJI_FACES = emojiFontFaces(FONT_ORIGIN);
/**
 * DejaVu Sans, then Noto Emoji for what it lacks (loaded by unicode-range:
 * only the parts a report's emoji need). Named here, not in the page's CSS, so
 * a reader's own emoji font is never picked before their text font on the web.
 * A CSS font-family also overrides the charts' font-family attribute.
 */
const FONT_CSS =
  FONT_FILES.map((_, i) => `@font-face{font-family:'DejaVu Sans';font-weight:${i === 0 ? 400 : 700};src:url(${FONT_ORIGIN}/${i}.ttf) format('truetype')}`).join('') +
  EMOJI_FACES.css +
  `.sv-report,.sv-report svg{font-family:'DejaVu Sans','${EMOJI_FONT}',sans-serif}`;

interface Printer {
  browser: Browser;
  context: BrowserContext;
}

let printer: Promise<Printer> | null = null;

function start(): Promise<Printer> {
  if (printer) return printer;
  const starting = (async () => {
    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: CHROMIUM_ARGS });
    try {
      const context = await browser.newContext({ javaScriptEnabled: false });
      const fonts = FONT_FILES.map((file) => readFileSync(file));
      await context.route('**/*', (route) => {
        const url = route.request().url();
        const font = /^https:\/\/fonts\.safer-voices\.invalid\/(\d+)\.ttf$/.exec(url);
        const body = font ? fonts[Number(font[1])] : undefined;
        if (body) return route.fulfill({ body, contentType: 'font/ttf' });
        const emoji = /^https:\/\/fonts\.safer-voices\.invalid\/emoji\/([a-z0-9.-]+)$/.exec(url)?.[1];
        const emojiBody = emoji && EMOJI_FACES.files.has(emoji) ? emojiFontFile(emoji) : undefined;
        return emojiBody ? route.fulfill({ body: emojiBody, contentType: 'font/woff2' }) : route.abort();
      });
      return { browser, context };
    } catch (error) {
      await browser.close();
      throw error;
    }
  })();
  printer = starting;
  starting.then(
    // A crashed or closed browser is launched afresh on the next call.
    ({ browser }) =>
      browser.on('disconnected', () => {
        if (printer === starting) printer = null;
      }),
    () => {
      if (printer === starting) printer = null;
    }
  );
  return starting;
}

/** How many pages the shared browser has open: 0 between reports (a page left open would be a leak). */
export async function openPdfPages(): Promise<number> {
  const current = await printer?.catch(() => null);
  return current ? current.context.pages().length : 0;
}

/** Close the shared browser (at shutdown, or at the end of a test run). */
export async function closePdfBrowser(): Promise<void> {
  const current = printer;
  printer = null;
  if (current) await (await current.catch(() => null))?.browser.close();
}

export async function reportPdf(doc: ReportDocument): Promise<Uint8Array> {
  const html = reportHtml(doc, { extraCss: FONT_CSS });
  const page = await (await start()).context.newPage();
  try {
    await page.setContent(html, { waitUntil: 'load' });
    // Fonts load as the page lays out; print only once they have.
    // Given as text, so this Node-side module needs no DOM types (the API type-checks it).
    await page.evaluate('document.fonts.ready.then(() => undefined)');
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
    await page.close();
  }
}
