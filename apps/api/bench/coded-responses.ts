// Generated, already-coded responses written straight into the database, for
// the benchmarks: synthetic answers to a questionnaire version (pupils of 30
// invented schools, most with class codes), each free-text answer with the
// themes its words carry as the coder would have stored them, in big
// transactions. What the background coder would do is done here, so the
// benchmark measures reading, not coding.
import { randomUUID } from 'node:crypto';
import type { Client, InStatement } from '@libsql/client';
import { newId, openDatabase } from '@safer-voices/db';
import type { QuestionnaireDefinition } from '@safer-voices/survey';
import type { seededRandom } from '../src/demo/random';
import { syntheticResponse } from '../src/demo/synthetic-answers';
import { setupDatabase } from '../src/setup';
import { sha256 } from '../src/store/canonical-json';

const PER_TRANSACTION = 20_000;
const ROWS_PER_STATEMENT = 500;
export const SCHOOLS = Array.from({ length: 30 }, (_, i) => `School ${String.fromCharCode(65 + (i % 26))}${i >= 26 ? i - 25 : ''}`);
/** Responses arrive over the eight weeks before a target's `end`. */
export const WEEKS = 8;

/** Multi-row INSERTs of at most ROWS_PER_STATEMENT rows each. */
function insert(table: string, columns: string[], rows: unknown[][]): InStatement[] {
  const statements: InStatement[] = [];
  const one = `(${columns.map(() => '?').join(', ')})`;
  for (let at = 0; at < rows.length; at += ROWS_PER_STATEMENT) {
    const chunk = rows.slice(at, at + ROWS_PER_STATEMENT);
    statements.push({ sql: `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${chunk.map(() => one).join(', ')}`, args: chunk.flat() as never });
  }
  return statements;
}

export interface Target {
  versionId: string;
  count: number;
  /** Epoch ms of the newest response. */
  end: number;
}

/**
 * Write `target.count` coded responses to its version; `written` is told
 * after each transaction how many responses and codes it held.
 */
export async function writeCodedResponses(
  client: Client,
  definition: QuestionnaireDefinition,
  target: Target,
  random: ReturnType<typeof seededRandom>,
  written: (responses: number, codes: number) => void = () => {}
): Promise<void> {
  const { versionId, count: total, end } = target;
  const start = end - WEEKS * 7 * 86_400_000;
  for (let done = 0; done < total; ) {
    const count = Math.min(PER_TRANSACTION, total - done);
    const responses: unknown[][] = [];
    const marks: unknown[][] = [];
    const coded: unknown[][] = [];
    const themes: unknown[][] = [];
    for (let i = 0; i < count; i++) {
      // Submission times rise through the eight weeks, so ids (UUIDv7) arrive in order as in production.
      const at = Math.floor(start + ((done + i) / total) * (end - start));
      const id = newId(at);
      const { answers, texts } = syntheticResponse(definition, random);
      const age = typeof answers.age === 'number' ? answers.age : 14;
      const context = age <= 17 && random.chance(0.7) ? JSON.stringify({ school: random.pick(SCHOOLS), class: `Year ${Math.max(7, age - 4)}` }) : null;
      responses.push([id, versionId, sha256(randomUUID()), JSON.stringify(answers), context, at]);
      const codedAt = at + random.int(500, 5000);
      marks.push([id, codedAt]);
      for (const [questionId, text] of texts) {
        const byTheme = new Map<string, { start: number; end: number; text: string }[]>();
        for (const span of text.spans) {
          for (const theme of span.themes) byTheme.set(theme, [...(byTheme.get(theme) ?? []), { start: span.start, end: span.end, text: text.text.slice(span.start, span.end) }]);
        }
        let review = false;
        for (const [theme, evidence] of byTheme) {
          const yes = random.chance(0.93);
          review ||= !yes;
          const confidence = yes ? 0.7 + random.next() * 0.29 : 0.35 + random.next() * 0.3;
          themes.push([id, questionId, theme, confidence, yes ? 'yes' : 'review', JSON.stringify(evidence), 'default@1', 'codebook-only', codedAt]);
        }
        // The coder also asks about a theme it is unsure of now and then.
        if (random.chance(0.2) && !byTheme.has('environment')) {
          review = true;
          themes.push([id, questionId, 'environment', 0.35 + random.next() * 0.2, 'review', '[]', 'default@1', 'codebook-only', codedAt]);
        }
        coded.push([id, questionId, 'default@1', 'codebook-only', codedAt, 0.5 + random.next() * 0.49, review ? 1 : 0]);
      }
    }
    await client.batch(
      [
        ...insert('responses', ['id', 'version_id', 'idempotency_key', 'answers', 'context', 'submitted_at'], responses),
        ...insert('coded_responses', ['response_id', 'coded_at'], marks),
        ...insert('coded_answers', ['response_id', 'question_id', 'codebook_version', 'model_version', 'coded_at', 'certainty', 'needs_review'], coded),
        ...insert('answer_codes', ['response_id', 'question_id', 'theme_id', 'confidence', 'decision', 'evidence', 'codebook_version', 'model_version', 'coded_at'], themes)
      ],
      'write'
    );
    done += count;
    written(count, themes.length);
  }
}

/** A fresh database with the demo content, tuned for writing, and its youth survey's published version. */
export async function openForGenerating(url: string) {
  const database = await openDatabase(url);
  await setupDatabase(database.db);
  // Only while generating: no fsync per transaction and a large page cache.
  await database.client.execute('PRAGMA synchronous = OFF');
  await database.client.execute('PRAGMA cache_size = -1000000');
  const found = await database.client.execute(
    "SELECT q.id, q.organisation_id, v.id AS version_id, v.definition FROM questionnaires q JOIN questionnaire_versions v ON v.questionnaire_id = q.id WHERE q.slug = 'youth-safety-11-19'"
  );
  const youth = {
    questionnaireId: String(found.rows[0]?.id),
    organisationId: String(found.rows[0]?.organisation_id),
    versionId: String(found.rows[0]?.version_id),
    definition: JSON.parse(String(found.rows[0]?.definition)) as QuestionnaireDefinition
  };
  return { database, youth };
}
