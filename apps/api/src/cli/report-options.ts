// The command line of `npm run report` read into options, or a UsageError
// saying which argument is wrong and how to give it.
import { parseArgs } from 'node:util';
import { ReportExportSchema } from '@safer-voices/survey';
import { type ExportFormat, fileNameFor } from '../reports/exports-render-file';

export const USAGE = `Usage: npm run report -- --questionnaire SLUG --format docx|easy-read-docx|pdf|html --out FILE [--organisation SLUG]

  --questionnaire  the questionnaire's address (slug), e.g. youth-safety-11-19
  --format         docx (Word), easy-read-docx (the easy-read version as a Word file), pdf or html (a web page)
  --out            where to write the file, e.g. report.docx (a relative path is taken from the repository's root)
  --organisation   the organisation's address (slug), to check the survey is theirs (survey addresses are unique)

Reads the database DATABASE_URL names (the demo database by default).`;

/** The formats the web page's download offers (one schema for both). */
const FORMATS: readonly ExportFormat[] = ReportExportSchema.shape.format.options;

export class UsageError extends Error {}

export interface ReportOptions {
  questionnaire: string;
  format: ExportFormat;
  out: string;
  organisation: string | undefined;
}

const OPTIONS = { questionnaire: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' }, organisation: { type: 'string' }, help: { type: 'boolean', short: 'h' } } as const;
const NAMES = Object.keys(OPTIONS).map((name) => `--${name}`);

/** "--a, --b and --c". */
const listed = (names: readonly string[]) => (names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`);

export function readOptions(argv: string[]): ReportOptions | null {
  let parsed: ReturnType<typeof parse>;
  function parse() {
    return parseArgs({ args: argv, allowPositionals: false, strict: true, tokens: true, options: OPTIONS });
  }
  try {
    parsed = parse();
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    const unknown = code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ? /'([^']*)'/.exec((error as Error).message)?.[1] : undefined;
    if (unknown !== undefined) throw new UsageError(`${unknown} is not an option: the options are ${listed(NAMES)}`);
    throw new UsageError(error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error));
  }
  // parseArgs keeps the last of an option given twice; a script saying --format twice is refused rather than guessed at.
  const seen = new Map<string, number>();
  for (const token of parsed.tokens) if (token.kind === 'option') seen.set(token.name, (seen.get(token.name) ?? 0) + 1);
  const twice = [...seen].filter(([, n]) => n > 1).map(([name]) => `--${name}`);
  if (twice.length > 0) throw new UsageError(`${listed(twice)} ${twice.length === 1 ? 'is' : 'are'} given more than once: give each option once`);
  const { values } = parsed;
  if (values.help) return null;
  const questionnaire = values.questionnaire?.trim();
  if (!questionnaire) throw new UsageError('--questionnaire: give the questionnaire’s address, e.g. --questionnaire youth-safety-11-19');
  const format = FORMATS.find((f) => f === values.format?.trim().toLowerCase());
  if (!format) throw new UsageError(`--format: choose docx, easy-read-docx, pdf or html${values.format === undefined ? '' : ` (got "${values.format}")`}`);
  const out = values.out?.trim();
  if (!out) throw new UsageError(`--out: say where to write the file, e.g. --out ${fileNameFor('report', format)}`);
  const organisation = values.organisation?.trim() || undefined;
  return { questionnaire, format, out, organisation };
}
