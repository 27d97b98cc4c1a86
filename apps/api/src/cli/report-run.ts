// What `npm run report` does once its arguments are read (cli/report.ts):
// finds the questionnaire, builds the default report and writes the file.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { type Database, openDatabase, organisations, questionnaires } from '@safer-voices/db';
import { eq } from 'drizzle-orm';
import { ConfigError, databaseConfig } from '../config';
import { resolveReport } from '../reports/resolve';
import { FORMAT_NAMES, loadRenderers, renderFile } from '../reports/exports-render-file';
import { defaultReportDefinition } from './report-definition';
import type { ReportOptions } from './report-options';

export class NotFound extends Error {}

/** The survey with the slug (unique across the database), checked against the organisation when one is named. */
async function findQuestionnaire(db: Database, slug: string, organisationSlug: string | undefined) {
  const found = await db
    .select({ id: questionnaires.id, kind: questionnaires.kind, organisationId: organisations.id, organisation: organisations.slug })
    .from(questionnaires)
    .innerJoin(organisations, eq(organisations.id, questionnaires.organisationId))
    .where(eq(questionnaires.slug, slug));
  const surveys = found.filter((q) => q.kind === 'survey');
  if (surveys.length === 0) {
    const known = await db.select({ slug: questionnaires.slug }).from(questionnaires).where(eq(questionnaires.kind, 'survey')).limit(30);
    const list = [...new Set(known.map((k) => k.slug))].sort();
    throw new NotFound(
      `There is no survey at "${slug}" in this database.${list.length > 0 ? ` Surveys: ${list.join(', ')}` : ' It has no surveys yet: run npm start once to make the demo database.'}`
    );
  }
  if (organisationSlug) {
    const chosen = surveys.find((q) => q.organisation === organisationSlug);
    if (!chosen) throw new NotFound(`The organisation "${organisationSlug}" has no survey at "${slug}". Organisations that do: ${surveys.map((q) => q.organisation).join(', ')}`);
    return chosen;
  }
  return surveys[0] as (typeof surveys)[number];
}

const progress = (message: string) => process.stderr.write(`[report] ${message}\n`);

export async function buildReportFile(db: Database, options: ReportOptions): Promise<string> {
  const started = performance.now();
  const seconds = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
  const questionnaire = await findQuestionnaire(db, options.questionnaire, options.organisation);
  progress(`1/4 choosing the sections for ${options.questionnaire} (${questionnaire.organisation})`);
  const definition = await defaultReportDefinition(db, questionnaire.organisationId, questionnaire.id);
  progress(`2/4 working out the figures for "${definition.title}" (${seconds()})`);
  const { document } = await resolveReport(db, questionnaire.organisationId, definition, { version: 1, status: 'draft', at: new Date() });
  progress(`3/4 laying out the ${FORMAT_NAMES[options.format]} (${seconds()})`);
  const renderers = await loadRenderers();
  let bytes: Uint8Array;
  try {
    bytes = await renderFile(renderers, options.format, document);
  } finally {
    await renderers.closePdfBrowser();
  }
  const path = resolve(process.env.INIT_CWD ?? process.cwd(), options.out);
  progress(`4/4 writing ${bytes.byteLength.toLocaleString('en-GB')} bytes (${seconds()})`);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, bytes);
  return path;
}

/** Builds the file from the database DATABASE_URL names; the exit code. */
export async function runReport(options: ReportOptions): Promise<number> {
  let config: ReturnType<typeof databaseConfig>;
  try {
    config = databaseConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return 2;
  }
  const database = await openDatabase(config.DATABASE_URL, config.DATABASE_AUTH_TOKEN);
  try {
    const tables = await database.client.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'questionnaires'");
    if (tables.rows.length === 0) {
      throw new NotFound(`The database ${database.url.replace(/\/\/[^@]*@/, '//')} has no surveys yet: run npm start once to make the demo database there, or set DATABASE_URL to another.`);
    }
    const path = await buildReportFile(database.db, options);
    process.stdout.write(`${path}\n`);
    return 0;
  } catch (error) {
    if (error instanceof NotFound) {
      process.stderr.write(`${error.message}\n`);
      return 1;
    }
    const cause = error instanceof Error && error.cause instanceof Error ? ` (${error.cause.message})` : '';
    process.stderr.write(`The report could not be made: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}${cause}\n`);
    return 1;
  } finally {
    database.close();
  }
}
