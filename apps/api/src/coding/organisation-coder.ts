// Each organisation codes with its own codebook and the model trained from
// its analysts' decisions. Coders are kept per process; every few seconds at
// most, one small query checks whether the codebook or model version changed,
// and only then is the coder rebuilt (building one compiles the codebook).
import type { Database } from '@safer-voices/db';
import { type Coder, createCoder, parseModel, type ThemeModel } from '@safer-voices/themes';
import { sql } from 'drizzle-orm';
import { currentCodebook } from '../store/codebooks';
import { type AnswerOutcome, codeAnswers, currentCoder } from './code-answer';
import type { FreeTextAnswer } from './free-text-answers';

/** How long a coder is used before checking the organisation's versions again. */
export const CODER_CHECK_MS = 5_000;

interface Versions {
  /** The organisation's newest saved codebook version (0 for the default codebook). */
  codebook: number;
  /** The organisation's trained model, if it has one. */
  model: string | null;
}

interface CachedCoder {
  coder: Coder;
  versions: Versions;
  checkedAt: number;
}

// Keyed by organisation id alone: ids are random, so two databases in one
// process (tests, a second connection to the same file) never share one.
const cache = new Map<string, Promise<CachedCoder>>();

async function versionsOf(db: Database, organisationId: string): Promise<Versions> {
  const [row] = await db.all<{ codebook: number | null; model: string | null }>(sql`
    SELECT (SELECT max(version) FROM codebooks WHERE organisation_id = ${organisationId}) AS codebook,
           (SELECT model_version FROM organisation_models WHERE organisation_id = ${organisationId}) AS model`);
  return { codebook: Number(row?.codebook ?? 0), model: row?.model ?? null };
}

async function storedModel(db: Database, organisationId: string): Promise<ThemeModel | null> {
  const [row] = await db.all<{ model: string }>(sql`SELECT model FROM organisation_models WHERE organisation_id = ${organisationId}`);
  if (!row) return null;
  try {
    return parseModel(typeof row.model === 'string' ? JSON.parse(row.model) : row.model);
  } catch (error) {
    // A model that no longer parses must not stop coding: the codebook alone still codes.
    console.error(`The stored model of organisation ${organisationId} could not be read; coding with its codebook alone`, error);
    return null;
  }
}

async function build(db: Database, organisationId: string, versions: Versions, now: number): Promise<CachedCoder> {
  if (versions.codebook === 0 && versions.model === null) return { coder: currentCoder(), versions, checkedAt: now };
  const [{ codebook }, model] = await Promise.all([currentCodebook(db, organisationId), versions.model === null ? null : storedModel(db, organisationId)]);
  return { coder: createCoder({ codebook, model }), versions, checkedAt: now };
}

const sameVersions = (a: Versions, b: Versions) => a.codebook === b.codebook && a.model === b.model;

async function refresh(db: Database, organisationId: string, previous: CachedCoder | undefined, now: number): Promise<CachedCoder> {
  const versions = await versionsOf(db, organisationId);
  if (previous && sameVersions(previous.versions, versions)) return { ...previous, checkedAt: now };
  return build(db, organisationId, versions, now);
}

/** The coder for an organisation's answers: its codebook, and its trained model when it has one. */
export async function coderFor(db: Database, organisationId: string, now = Date.now()): Promise<Coder> {
  const cached = cache.get(organisationId);
  const previous = cached && (await cached.catch(() => undefined));
  if (previous && now - previous.checkedAt < CODER_CHECK_MS) return previous.coder;
  // Concurrent callers share one refresh.
  let next = cache.get(organisationId);
  if (next === cached) {
    next = refresh(db, organisationId, previous, now);
    cache.set(organisationId, next);
    // A failed refresh is not remembered: the next call tries again.
    next.catch(() => {
      if (cache.get(organisationId) === next) cache.delete(organisationId);
    });
  }
  return (await (next as Promise<CachedCoder>)).coder;
}

/** Drop the organisation's coder, so the next answer is coded with what is stored now (e.g. after retraining here). */
export function forgetOrganisationCoder(organisationId: string) {
  cache.delete(organisationId);
}

/**
 * The organisation's coder, or the default codebook's when its own cannot be
 * made (a stored codebook that no longer reads): its answers are still coded
 * and checked for safeguarding, and a re-coding job can code them again later.
 */
async function coderOrDefault(db: Database, organisationId: string): Promise<Coder> {
  try {
    return await coderFor(db, organisationId);
  } catch (error) {
    console.error(`The coder of organisation ${organisationId} could not be made; coding with the default codebook`, error);
    return currentCoder();
  }
}

/**
 * Code answers with their own organisation's coder, or with `coder` for all
 * of them when one is given (tests, benchmarks). Keeps the answers' order;
 * an answer the coder fails on comes back failed, with the reason.
 */
export async function codeForOrganisations(db: Database, answers: FreeTextAnswer[], coder?: Coder): Promise<AnswerOutcome[]> {
  if (coder) return codeAnswers(coder, answers);
  const coders = new Map<string, Coder>();
  for (const organisationId of new Set(answers.map((a) => a.organisationId))) coders.set(organisationId, await coderOrDefault(db, organisationId));
  return answers.map((answer) => codeAnswers(coders.get(answer.organisationId) as Coder, [answer])[0] as AnswerOutcome);
}
