// Audio in the database: checked before anything is written, stored in one
// transaction (a row and all its chunks, or nothing), read back by range.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPodcastMp3 } from '../../demo/podcast-audio';
import { ApiError } from '../../errors';
import { AUDIO_CHUNK_BYTES, findAudio, MAX_AUDIO_BYTES, readAudioRange, storeAudio } from './store';
import { type AudioDatabase, audioDatabase } from './test-database';

let fx: AudioDatabase;
// 50 s of tone at 48 kbit/s: about 300 KB, so two chunks.
const long = demoPodcastMp3(7, 50);

beforeAll(async () => {
  fx = await audioDatabase();
});
afterAll(() => fx.close());

async function refusal(bytes: Uint8Array) {
  const error = await storeAudio(fx.db, fx.organisationId, bytes, fx.writes).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ApiError);
  const { status, code, message } = error as ApiError;
  return { status, code, message };
}

describe('storeAudio', () => {
  it('stores a file in chunks and finds it again, with its type, size, length and hash', async () => {
    expect(long.length).toBeGreaterThan(AUDIO_CHUNK_BYTES);
    const stored = await storeAudio(fx.db, fx.organisationId, long, fx.writes);
    expect(stored).toMatchObject({ mediaType: 'audio/mpeg', bytes: long.length, sha256: createHash('sha256').update(long).digest('hex') });
    expect(stored.durationMs).toBeGreaterThan(49_000);
    expect(stored.durationMs).toBeLessThan(51_500);
    expect(await findAudio(fx.db, stored.id)).toEqual({ ...stored, chunkSize: AUDIO_CHUNK_BYTES });
    const chunks = await fx.client.execute({ sql: 'SELECT count(*) AS n FROM vote_audio_chunks WHERE audio_id = ?', args: [stored.id] });
    expect(Number(chunks.rows[0]?.n)).toBe(Math.ceil(long.length / AUDIO_CHUNK_BYTES));
    expect(Buffer.from(await readAudioRange(fx.db, stored.id, 0, long.length - 1)).equals(Buffer.from(long))).toBe(true);
  });

  it('stores the same way without the writer thread', async () => {
    const m4a = new Uint8Array(readFileSync(new URL('./fixtures/tone.m4a', import.meta.url)));
    const stored = await storeAudio(fx.db, fx.organisationId, m4a);
    expect(stored.mediaType).toBe('audio/mp4');
    expect(Buffer.from(await readAudioRange(fx.db, stored.id, 0, m4a.length - 1)).equals(Buffer.from(m4a))).toBe(true);
  });

  it('refuses empty, oversized and non-audio files with a specific error, writing nothing', async () => {
    const before = [await fx.count('vote_audio'), await fx.count('vote_audio_chunks')];
    expect(await refusal(new Uint8Array(0))).toEqual({ status: 400, code: 'empty_file', message: 'The audio file is empty' });
    // An MP3 one byte too large: the size is checked before anything is read.
    const tooLarge = new Uint8Array(MAX_AUDIO_BYTES + 1);
    tooLarge.set(long);
    expect(await refusal(tooLarge)).toEqual({ status: 413, code: 'audio_too_large', message: 'The audio file is larger than 25 MB' });
    const html = new TextEncoder().encode('<!doctype html><title>podcast.mp3</title>');
    expect(await refusal(html)).toEqual({ status: 415, code: 'not_audio', message: 'This file is not MP3, M4A (AAC) or Ogg (Opus) audio, whatever its name says' });
    expect([await fx.count('vote_audio'), await fx.count('vote_audio_chunks')]).toEqual(before);
  });

  it('accepts a file of exactly 25 MB', async () => {
    const limit = new Uint8Array(MAX_AUDIO_BYTES);
    limit.set(long);
    const stored = await storeAudio(fx.db, fx.organisationId, limit, fx.writes);
    expect(stored.bytes).toBe(MAX_AUDIO_BYTES);
    const tail = await readAudioRange(fx.db, stored.id, MAX_AUDIO_BYTES - 10, MAX_AUDIO_BYTES - 1);
    expect([...tail]).toEqual(new Array(10).fill(0));
  });

  it('writes no chunk when the row cannot be written (one transaction)', async () => {
    const before = [await fx.count('vote_audio'), await fx.count('vote_audio_chunks')];
    // No such organisation: the row breaks a foreign key, after the chunks' statements are prepared.
    await expect(storeAudio(fx.db, 'no-such-organisation', long, fx.writes)).rejects.toThrow();
    await expect(storeAudio(fx.db, 'no-such-organisation', long)).rejects.toThrow();
    expect([await fx.count('vote_audio'), await fx.count('vote_audio_chunks')]).toEqual(before);
  });
});

describe('readAudioRange', () => {
  it('reads any range, within a chunk and across chunk boundaries', async () => {
    const { id } = await storeAudio(fx.db, fx.organisationId, long, fx.writes);
    const ranges: [number, number][] = [
      [0, 1],
      [0, 0],
      [AUDIO_CHUNK_BYTES - 3, AUDIO_CHUNK_BYTES + 2],
      [AUDIO_CHUNK_BYTES, AUDIO_CHUNK_BYTES],
      [long.length - 5, long.length - 1],
      [1234, 200_000]
    ];
    for (const [start, end] of ranges) {
      expect(Buffer.from(await readAudioRange(fx.db, id, start, end)).equals(Buffer.from(long.subarray(start, end + 1)))).toBe(true);
    }
    // Past the end: the bytes there are; an unknown id or a reversed range: none.
    expect((await readAudioRange(fx.db, id, long.length - 2, long.length + 100)).length).toBe(2);
    expect((await readAudioRange(fx.db, 'no-such-audio', 0, 10)).length).toBe(0);
    expect((await readAudioRange(fx.db, id, 10, 5)).length).toBe(0);
  });

  it('finds nothing for an unknown id', async () => {
    expect(await findAudio(fx.db, 'no-such-audio')).toBeNull();
  });
});
