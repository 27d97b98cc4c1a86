// Podcasts' audio, kept in the database in chunks (packages/db schema/votes.ts):
// every API node can serve any range of any file, and a backup of the
// database holds everything. A file is checked before anything is written
// (its size, and its real type from its bytes), then its row and all its
// chunks are written in one transaction: a file is there whole or not at all.
import { createHash } from 'node:crypto';
import { type Database, newId, type VoteAudioType, voteAudio, voteAudioChunks, type WriteExecutor } from '@safer-voices/db';
import type { InArgs, InStatement } from '@libsql/client';
import { and, eq, sql } from 'drizzle-orm';
import { ApiError } from '../../errors';
import { audioDurationMs } from './duration';
import { sniffAudio } from './sniff';

export const MAX_AUDIO_BYTES = 25 * 1024 * 1024;
/** 256 KiB: a 25 MB file is 100 rows, and the first bytes a player asks for are one row away. */
export const AUDIO_CHUNK_BYTES = 256 * 1024;

export interface StoredAudio {
  id: string;
  mediaType: VoteAudioType;
  /** The file's size in bytes. */
  bytes: number;
  durationMs: number | null;
  /** Hex sha256 of the whole file: its ETag, since the file under an id never changes. */
  sha256: string;
}

const asStatement = (query: { toSQL(): { sql: string; params: unknown[] } }): InStatement => {
  const { sql, params } = query.toSQL();
  return { sql, args: params as InArgs };
};

/**
 * Checks and stores an uploaded file; its id is what an entry's audioId names.
 * Throws ApiError 400 empty_file, 413 audio_too_large or 415 not_audio,
 * having written nothing. With `writes` (the request's `c.var.writes`) the
 * transaction goes to the writer thread, so on the embedded database a 25 MB
 * commit does not hold up other requests; without it, `db.batch`.
 */
export async function storeAudio(db: Database, organisationId: string, bytes: Uint8Array, writes?: WriteExecutor): Promise<StoredAudio> {
  if (bytes.length === 0) throw new ApiError(400, 'empty_file', 'The audio file is empty');
  if (bytes.length > MAX_AUDIO_BYTES) throw new ApiError(413, 'audio_too_large', 'The audio file is larger than 25 MB');
  const sniffed = sniffAudio(bytes);
  if (!sniffed) throw new ApiError(415, 'not_audio', 'This file is not MP3, M4A (AAC) or Ogg (Opus) audio, whatever its name says');
  const audio: StoredAudio = {
    id: newId(),
    mediaType: sniffed.mediaType,
    bytes: bytes.length,
    durationMs: await audioDurationMs(bytes, sniffed.mediaType),
    sha256: createHash('sha256').update(bytes).digest('hex')
  };
  const row = db.insert(voteAudio).values({ ...audio, organisationId, chunkSize: AUDIO_CHUNK_BYTES });
  const chunks = [];
  for (let seq = 0; seq * AUDIO_CHUNK_BYTES < bytes.length; seq++) {
    // A copy per chunk: each row's value is its own bytes, not a view of the whole upload.
    const data = Buffer.from(bytes.subarray(seq * AUDIO_CHUNK_BYTES, (seq + 1) * AUDIO_CHUNK_BYTES));
    chunks.push(db.insert(voteAudioChunks).values({ audioId: audio.id, seq, data }));
  }
  if (writes) await writes.batch([asStatement(row), ...chunks.map(asStatement)]);
  else await db.batch([row, ...chunks]);
  return audio;
}

export async function findAudio(db: Database, audioId: string): Promise<(StoredAudio & { chunkSize: number }) | null> {
  const [found] = await db
    .select({ id: voteAudio.id, mediaType: voteAudio.mediaType, bytes: voteAudio.bytes, durationMs: voteAudio.durationMs, sha256: voteAudio.sha256, chunkSize: voteAudio.chunkSize })
    .from(voteAudio)
    .where(eq(voteAudio.id, audioId));
  return found ?? null;
}

/**
 * Bytes `start` to `endInclusive` of a stored file, reading only the chunks
 * that hold them. A range past the end gives the bytes there are (none for an
 * unknown id); callers check ranges against the size first (range.ts).
 */
export async function readAudioRange(db: Database, audioId: string, start: number, endInclusive: number): Promise<Uint8Array> {
  const first = Math.max(0, Math.floor(start));
  const last = Math.floor(endInclusive);
  if (!(last >= first)) return new Uint8Array(0);
  // The chunk size is the file's own, read in the same query.
  const rows = await db
    .select({ seq: voteAudioChunks.seq, data: voteAudioChunks.data, chunkSize: voteAudio.chunkSize })
    .from(voteAudioChunks)
    .innerJoin(voteAudio, eq(voteAudio.id, voteAudioChunks.audioId))
    .where(and(eq(voteAudioChunks.audioId, audioId), sql`${voteAudioChunks.seq} BETWEEN CAST(${first} AS INTEGER) / ${voteAudio.chunkSize} AND CAST(${last} AS INTEGER) / ${voteAudio.chunkSize}`))
    .orderBy(voteAudioChunks.seq);
  const head = rows[0];
  if (!head) return new Uint8Array(0);
  const offset = head.seq * head.chunkSize;
  const joined = Buffer.concat(rows.map((r) => r.data));
  return new Uint8Array(joined.buffer, joined.byteOffset, joined.length).subarray(first - offset, last - offset + 1);
}
