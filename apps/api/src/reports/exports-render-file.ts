// The renderers of packages/reports, loaded when a file is made: by the
// export jobs' renderer process (exports-render.ts), the command line and the
// benchmark. Loaded by name at run time, so the API's own type check and the
// web app's bundle never take in Chromium's and docx's code (the renderers
// find their shipped fonts next to their own source).
import type { ReportDocument } from './model';

export type ExportFormat = 'docx' | 'easy-read-docx' | 'pdf' | 'html';

export interface Renderers {
  reportDocx(document: ReportDocument): Promise<Uint8Array>;
  /** Rejects when the report has no easy-read version. */
  easyReadDocx(document: ReportDocument): Promise<Uint8Array>;
  reportPdf(document: ReportDocument): Promise<Uint8Array>;
  reportHtml(document: ReportDocument): string;
  closePdfBrowser(): Promise<void>;
}

const RENDERERS = '@safer-voices/reports';

export const loadRenderers = async (): Promise<Renderers> => (await import(RENDERERS)) as Renderers;

export const FORMAT_NAMES: Record<ExportFormat, string> = { docx: 'Word file', 'easy-read-docx': 'easy-read Word file', pdf: 'PDF', html: 'web page' };

const WORD = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  docx: WORD,
  'easy-read-docx': WORD,
  pdf: 'application/pdf',
  html: 'text/html; charset=utf-8'
};

/** The file's bytes in the format. */
export async function renderFile(renderers: Renderers, format: ExportFormat, document: ReportDocument): Promise<Uint8Array> {
  if (format === 'docx') return renderers.reportDocx(document);
  if (format === 'easy-read-docx') return renderers.easyReadDocx(document);
  if (format === 'pdf') return renderers.reportPdf(document);
  return new TextEncoder().encode(renderers.reportHtml(document));
}

/** What a file's name ends with in each format. */
const ENDINGS: Record<ExportFormat, string> = { docx: '.docx', 'easy-read-docx': '-easy-read.docx', pdf: '.pdf', html: '.html' };

/** A file name from the title, e.g. "youth-safety-2026.docx" ("youth-safety-2026-easy-read.docx"): lower-case letters and digits joined by dashes. */
export function fileNameFor(title: string, format: ExportFormat): string {
  const words = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/g, '');
  return `${words || 'report'}${ENDINGS[format]}`;
}
