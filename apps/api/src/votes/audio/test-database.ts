// A temporary database with the real migrations and one organisation, for
// the audio tests (real libSQL, embedded, with its writer thread).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newId, openDatabase, organisations } from '@safer-voices/db';
import { setupDatabase } from '../../setup';

export async function audioDatabase() {
  const dir = mkdtempSync(join(tmpdir(), 'safer-voices-audio-'));
  const database = await openDatabase(`file:${join(dir, 'test.db')}`);
  await setupDatabase(database.db, { seed: false });
  const organisationId = newId();
  await database.db.insert(organisations).values({ id: organisationId, slug: `audio-${organisationId.slice(0, 8)}`, name: 'Audio test' });
  return {
    ...database,
    organisationId,
    async count(table: 'vote_audio' | 'vote_audio_chunks') {
      const result = await database.client.execute(`SELECT count(*) AS n FROM ${table}`);
      return Number(result.rows[0]?.n);
    },
    close() {
      database.close();
      rmSync(dir, { recursive: true, force: true });
    }
  };
}

export type AudioDatabase = Awaited<ReturnType<typeof audioDatabase>>;
