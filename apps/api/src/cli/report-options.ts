// The command line of `npm run report` read into options, or a UsageError
// saying which argument is wrong and how to give it.
import { parseArgs } from 'node:util';
import type { ExportFormat } from '../reports/exports-render-file';

export const USAGE = `Usage: npm run report -- --questionnaire SLUG --format docx|pdf|html --out FILE [--organisation SLUG]

  --questionnaire  the questionnaire's address (slug), e.g. youth-safety-11-19
  --format         docx (Word), pdf or html (a web page)
  --out            where to write the file, e.g. report.docx (a relative path is taken from the repository's root)
  --organisation   the organisation's address (slug), to check the survey is theirs (survey addresses are unique)

Reads the database DATABASE_URL names (the demo database by default).`;

const FORMATS = ['docx', 'pdf', 'html'] as const;

export class UsageError extends Error {}

export interface ReportOptions {
  questionnaire: string;
  format: ExportFormat;
  out: string;
  organisation: string | undefined;
}

export function readOptions(argv: string[]): ReportOptions | null {
  let parsed: ReturnType<typeof parse>;
  function parse() {
    return parseArgs({
      args: argv,
      allowPositionals: false,
      strict: true,
      options: { questionnaire: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' }, organisation: { type: 'string' }, help: { type: 'boolean', short: 'h' } }
    });
  }
  try {
    parsed = parse();
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message.split('\n')[0] : String(error));
  }
  const { values } = parsed;
  if (values.help) return null;
  const questionnaire = values.questionnaire?.trim();
  if (!questionnaire) throw new UsageError('--questionnaire: give the questionnaire’s address, e.g. --questionnaire youth-safety-11-19');
  const format = FORMATS.find((f) => f === values.format?.trim().toLowerCase());
  if (!format) throw new UsageError(`--format: choose docx, pdf or html${values.format === undefined ? '' : ` (got "${values.format}")`}`);
  const out = values.out?.trim();
  if (!out) throw new UsageError(`--out: say where to write the file, e.g. --out report.${format}`);
  const organisation = values.organisation?.trim() || undefined;
  return { questionnaire, format, out, organisation };
}
