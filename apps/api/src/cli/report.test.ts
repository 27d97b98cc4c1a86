// `npm run report` end to end, as a child process on a fresh demo database:
// it writes a real Word file and a tagged PDF and prints the path last;
// bad arguments get the usage and exit code 2, a questionnaire nobody has a
// message naming those there are, and one in another organisation than the
// one named a message naming the one that has it; an empty database says
// how to make the demo one.
import { type SpawnSyncReturns, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '@safer-voices/db';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupDatabase } from '../setup';
import { zipEntryText } from '../test/zip-entry';
import { readOptions, UsageError } from './report-options';

const dir = mkdtempSync(join(tmpdir(), 'report-cli-'));
const url = `file:${join(dir, 'demo.db')}`;
const apiRoot = new URL('../..', import.meta.url).pathname;

function report(args: string[], databaseUrl = url): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/report.ts', ...args], {
    cwd: apiRoot,
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: databaseUrl },
    timeout: 120_000
  });
}

const lastLine = (text: string) => text.trim().split('\n').at(-1);

beforeAll(async () => {
  const database = await openDatabase(url);
  await setupDatabase(database.db, { demoResponses: true });
  database.close();
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run report', () => {
  it('writes a Word file of the demo youth survey, with progress on stderr and the path last on stdout', () => {
    const out = join(dir, 'out', 'r.docx');
    const run = report(['--questionnaire', 'youth-safety-11-19', '--format', 'docx', '--out', out]);
    expect(run.stderr).toContain('[report] 1/4');
    expect(run.stderr).toContain('[report] 4/4');
    expect(run.status).toBe(0);
    expect(lastLine(run.stdout)).toBe(out);
    const bytes = readFileSync(out);
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    expect(bytes.includes(Buffer.from('word/document.xml'))).toBe(true);
  }, 120_000);

  it('writes a tagged PDF with the default sections', () => {
    const out = join(dir, 'r.pdf');
    const run = report(['--questionnaire', 'youth-safety-11-19', '--format', 'pdf', '--out', out, '--organisation', 'demo']);
    expect(run.status).toBe(0);
    expect(lastLine(run.stdout)).toBe(out);
    expect(spawnSync('pdfinfo', [out], { encoding: 'utf8' }).stdout).toMatch(/^Tagged:\s+yes$/m);
    const text = spawnSync('pdftotext', [out, '-'], { encoding: 'utf8' }).stdout;
    for (const heading of ['Summary', 'How we did this', 'How safe people feel', 'What people told us']) expect(text).toContain(heading);
    expect(text).toContain('Write your summary here');
  }, 120_000);

  it('writes the easy-read version as a Word file of its own, as the web page’s download does', () => {
    const out = join(dir, 'r-easy-read.docx');
    const run = report(['--questionnaire', 'youth-safety-11-19', '--format', 'easy-read-docx', '--out', out]);
    expect(run.stderr).toContain('[report] 3/4 laying out the easy-read Word file');
    expect(run.status).toBe(0);
    expect(lastLine(run.stdout)).toBe(out);
    const text = Array.from(zipEntryText(readFileSync(out), 'word/document.xml').matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g), (m) => m[1]).join('\n');
    // The easy-read version's parts, not the full report's sections.
    for (const heading of ['What we found', 'What happens next']) expect(text).toContain(heading);
    expect(text).not.toContain('How we did this');
  }, 120_000);

  it('answers bad arguments with the usage and exit code 2, never a stack trace', () => {
    for (const args of [[], ['--format', 'xls', '--questionnaire', 'x', '--out', 'f'], ['--questionnaire', 'x', '--format', 'pdf'], ['--colour', 'red'], ['stray']]) {
      const run = report(args);
      expect(run.status).toBe(2);
      expect(run.stderr).toContain('Usage: npm run report -- --questionnaire SLUG --format docx|easy-read-docx|pdf|html --out FILE [--organisation SLUG]');
      expect(run.stderr).not.toMatch(/\n\s+at /);
      expect(run.stdout).toBe('');
    }
    expect(report(['--format', 'xls', '--questionnaire', 'x', '--out', 'f']).stderr).toMatch(/^--format: choose docx, easy-read-docx, pdf or html \(got "xls"\)/);
    const twice = report(['--questionnaire', 'youth-safety-11-19', '--format', 'pdf', '--format', 'docx', '--out', join(dir, 'twice.docx')]);
    expect(twice.status).toBe(2);
    expect(twice.stderr).toMatch(/^--format is given more than once: give each option once\n/);
    expect(existsSync(join(dir, 'twice.docx'))).toBe(false);
    expect(report(['--colour', 'red']).stderr).toMatch(/^--colour is not an option: the options are --questionnaire, --format, --out, --organisation and --help\n/);
  }, 60_000);

  it('names the surveys there are when the slug is unknown, the organisation that has it when another is named, and what to do with an empty database', async () => {
    const unknown = report(['--questionnaire', 'no-such-survey', '--format', 'html', '--out', join(dir, 'x.html')]);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toMatch(/^There is no survey at "no-such-survey" in this database\. Surveys: .*youth-safety-11-19/);
    expect(existsSync(join(dir, 'x.html'))).toBe(false);

    const wrong = report(['--questionnaire', 'youth-safety-11-19', '--format', 'html', '--out', join(dir, 'y.html'), '--organisation', 'nowhere']);
    expect(wrong.status).toBe(1);
    const empty = report(['--questionnaire', 'youth-safety-11-19', '--format', 'html', '--out', join(dir, 'z.html')], `file:${join(dir, 'empty.db')}`);
    expect(empty.status).toBe(1);
    expect(empty.stderr).toBe(`The database file:${join(dir, 'empty.db')} has no surveys yet: run npm start once to make the demo database there, or set DATABASE_URL to another.\n`);
    expect(wrong.stderr).toMatch(/^The organisation "nowhere" has no survey at "youth-safety-11-19"\. Organisations that do: demo\n$/);
  }, 60_000);
});

describe('reading the arguments', () => {
  it('gives options or a usage error for any arguments at all', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string({ unit: 'binary' }), fc.constantFrom('--questionnaire', '--format', '--out', '--organisation', 'docx', 'easy-read-docx', 'pdf', '-h'))), (args) => {
        try {
          const options = readOptions(args);
          if (options) {
            expect(['docx', 'easy-read-docx', 'pdf', 'html']).toContain(options.format);
            expect(options.questionnaire.trim()).not.toBe('');
            expect(options.out.trim()).not.toBe('');
          }
        } catch (error) {
          expect(error).toBeInstanceOf(UsageError);
        }
      })
    );
  });

  it('refuses an option given twice, even with the same value, and names every one', () => {
    const base = ['--questionnaire', 'youth', '--format', 'pdf', '--out', 'a.pdf'];
    expect(() => readOptions([...base, '--format', 'docx'])).toThrow(new UsageError('--format is given more than once: give each option once'));
    expect(() => readOptions([...base, '--out', 'a.pdf', '--questionnaire=youth'])).toThrow(new UsageError('--questionnaire and --out are given more than once: give each option once'));
    expect(() => readOptions([...base, '--organisation', 'demo', '--organisation=demo'])).toThrow(UsageError);
    expect(readOptions([...base, '--organisation', 'demo'])).toEqual({ questionnaire: 'youth', format: 'pdf', out: 'a.pdf', organisation: 'demo' });
  });

  it('reads the formats whatever their case and trims the values', () => {
    expect(readOptions(['--questionnaire', ' youth ', '--format', 'PDF', '--out', 'a.pdf'])).toEqual({ questionnaire: 'youth', format: 'pdf', out: 'a.pdf', organisation: undefined });
    expect(readOptions(['--questionnaire', 'youth', '--format', 'Easy-Read-DOCX', '--out', 'a.docx'])).toMatchObject({ format: 'easy-read-docx' });
    expect(() => readOptions(['--questionnaire', 'youth', '--format', 'easy-read-docx'])).toThrow(new UsageError('--out: say where to write the file, e.g. --out report-easy-read.docx'));
  });
});
