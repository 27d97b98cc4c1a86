// `npm run report -- --questionnaire SLUG --format docx|easy-read-docx|pdf|html --out FILE [--organisation SLUG]`
// Builds a report with the default sections (cli/report-definition.ts) for a
// questionnaire, from the demo or any database (DATABASE_URL), for scheduled
// or scripted use. Progress goes to stderr; the file's path is the last line
// on stdout. Bad arguments: the usage and exit code 2; anything the database
// does not have (no such questionnaire, several organisations with it): a
// message and exit code 1.
import { type ReportOptions, readOptions, USAGE, UsageError } from './report-options';

async function main(argv: string[]): Promise<number> {
  let options: ReportOptions | null;
  try {
    options = readOptions(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`${error.message}\n\n${USAGE}\n`);
    return 2;
  }
  if (!options) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const { runReport } = await import('./report-run');
  return runReport(options);
}

process.exitCode = await main(process.argv.slice(2));
