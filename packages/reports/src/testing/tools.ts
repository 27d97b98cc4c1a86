// The command-line tools the tests read outputs with (installed by
// scripts/ensure-tools.mjs): poppler for PDFs, LibreOffice for Word files.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'safer-voices-reports-'));
}

export function writeTemp(name: string, data: Uint8Array): string {
  const file = join(tempDir(), name);
  writeFileSync(file, data);
  return file;
}

/** pdfinfo's fields, e.g. { Title: '…', Tagged: 'yes', Pages: '6' }. */
export function pdfInfo(file: string): Record<string, string> {
  const out = execFileSync('pdfinfo', ['-enc', 'UTF-8', file], { encoding: 'utf8' });
  const fields: Record<string, string> = {};
  for (const line of out.split('\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) fields[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
  }
  return fields;
}

/** The PDF's text laid out as on the page; one page's (from 1) when `page` is given. */
export function pdfText(file: string, page?: number): string {
  const pages = page === undefined ? [] : ['-f', String(page), '-l', String(page)];
  return execFileSync('pdftotext', ['-enc', 'UTF-8', '-layout', ...pages, file, '-'], { encoding: 'utf8' });
}

/** pdffonts' table: each font, whether it is embedded and subset. */
export function pdfFonts(file: string): string {
  return execFileSync('pdffonts', [file], { encoding: 'utf8' });
}

/** The PDF's structure tree (tags) as pdfinfo prints it, with text. */
export function pdfStructure(file: string): string {
  return execFileSync('pdfinfo', ['-struct-text', file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

/** Convert a Word file to PDF with LibreOffice, in a profile of its own so parallel runs do not collide. */
export function libreOfficeToPdf(docxFile: string): string {
  const out = tempDir();
  const profile = tempDir();
  execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', out, docxFile], { stdio: 'pipe', timeout: 110_000 });
  return join(out, docxFile.replace(/^.*\//, '').replace(/\.docx$/, '.pdf'));
}
