// Serving audio the way players ask for it: iOS Safari's bytes=0-1 first,
// seeking by range, downloads, and caches that revalidate.
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPodcastMp3 } from '../../demo/podcast-audio';
import { audioResponse, contentDisposition, parseRange } from './range';
import { AUDIO_CHUNK_BYTES, type StoredAudio, storeAudio } from './store';
import { type AudioDatabase, audioDatabase } from './test-database';

describe('parseRange', () => {
  it.each([
    ['bytes=0-1', { start: 0, end: 1 }],
    ['bytes=0-', { start: 0, end: 999 }],
    ['bytes=500-', { start: 500, end: 999 }],
    ['bytes=-100', { start: 900, end: 999 }],
    ['bytes=-5000', { start: 0, end: 999 }],
    ['bytes=990-5000', { start: 990, end: 999 }],
    ['bytes=999-999', { start: 999, end: 999 }],
    ['Bytes = 10-20 ', { start: 10, end: 20 }],
    ['bytes=10-20, ', { start: 10, end: 20 }],
    ['bytes=0-99999999999999999999999', { start: 0, end: 999 }]
  ])('%s of 1000 bytes is %o', (header, range) => {
    expect(parseRange(header, 1000)).toEqual(range);
  });

  it.each(['bytes=1000-', 'bytes=5000-6000', 'bytes=-0', 'bytes=1000-1000, 2000-', 'bytes=99999999999999999999999-'])('%s of 1000 bytes cannot be satisfied', (header) => {
    expect(parseRange(header, 1000)).toBe('unsatisfiable');
  });

  it.each([undefined, '', 'bytes', 'bytes=', 'bytes=-', 'bytes=5-1', 'bytes=a-b', 'bytes=1-2-3', 'items=0-1', 'bytes=0-1,2-3', 'bytes=0-1, 5000-', 'bytes=+1-2', 'bytes=0x10-'])(
    '%s means the whole file',
    (header) => {
      expect(parseRange(header, 1000)).toBeNull();
    }
  );

  it('gives a range inside the file, or none, for any header at all', () => {
    const headers = fc.oneof(
      fc.string({ unit: 'grapheme' }),
      fc.string({ unit: 'binary' }),
      fc
        .tuple(fc.constantFrom('bytes=', 'BYTES=', 'bytes= '), fc.array(fc.tuple(fc.option(fc.nat()), fc.option(fc.nat())), { maxLength: 4 }))
        .map(([unit, specs]) => unit + specs.map(([a, b]) => `${a ?? ''}-${b ?? ''}`).join(','))
    );
    fc.assert(
      fc.property(headers, fc.nat(1_000_000), (header, size) => {
        const range = parseRange(header, size);
        if (range === null || range === 'unsatisfiable') return;
        expect(Number.isInteger(range.start) && Number.isInteger(range.end)).toBe(true);
        expect(0 <= range.start && range.start <= range.end && range.end < size).toBe(true);
      }),
      { numRuns: 3000 }
    );
  });
});

describe('contentDisposition', () => {
  it('gives an ASCII name every browser reads and the exact name for those that read filename*', () => {
    expect(contentDisposition('attachment', 'Zoë\'s "podcast" / Année 9.mp3')).toBe(
      `attachment; filename="Zoe's _podcast_ _ Annee 9.mp3"; filename*=UTF-8''Zo%C3%AB%27s%20%22podcast%22%20_%20Ann%C3%A9e%209.mp3`
    );
    expect(contentDisposition('inline', '安全.ogg')).toBe(`inline; filename="__.ogg"; filename*=UTF-8''%E5%AE%89%E5%85%A8.ogg`);
    expect(contentDisposition('inline', '')).toBe(`inline; filename="podcast"; filename*=UTF-8''`);
  });
});

describe('audioResponse', () => {
  let fx: AudioDatabase;
  let audio: StoredAudio;
  const mp3 = demoPodcastMp3(3, 50);
  const etag = () => `"${audio.sha256}"`;
  const get = (headers: Record<string, string> = {}, method = 'GET', options: { download?: boolean } = {}) =>
    audioResponse(fx.db, new Request('http://localhost/v/demo/entries/1/audio', { method, headers }), audio, 'Standing up', options);
  const bytesOf = async (res: Response) => new Uint8Array(await res.arrayBuffer());

  beforeAll(async () => {
    fx = await audioDatabase();
    audio = await storeAudio(fx.db, fx.organisationId, mp3, fx.writes);
  });
  afterAll(() => fx.close());

  it('sends the whole file with its type, size, ETag and a cache lifetime', async () => {
    const res = await get();
    expect(res.status).toBe(200);
    expect(Object.fromEntries(res.headers)).toEqual({
      'accept-ranges': 'bytes',
      'cache-control': 'public, no-cache',
      'content-disposition': `inline; filename="Standing up.mp3"; filename*=UTF-8''Standing%20up.mp3`,
      'content-length': String(mp3.length),
      'content-type': 'audio/mpeg',
      etag: etag()
    });
    expect(Buffer.from(await bytesOf(res)).equals(Buffer.from(mp3))).toBe(true);
  });

  it("answers iOS Safari's first request, bytes=0-1, with 206 Partial Content", async () => {
    const res = await get({ range: 'bytes=0-1' });
    expect(res.status).toBe(206);
    expect(res.headers.get('content-range')).toBe(`bytes 0-1/${mp3.length}`);
    expect(res.headers.get('content-length')).toBe('2');
    expect([...(await bytesOf(res))]).toEqual([...mp3.subarray(0, 2)]);
  });

  it('serves a range across chunks, an open-ended range and the last bytes', async () => {
    const cases: [string, number, number][] = [
      [`bytes=${AUDIO_CHUNK_BYTES - 10}-${AUDIO_CHUNK_BYTES + 9}`, AUDIO_CHUNK_BYTES - 10, AUDIO_CHUNK_BYTES + 9],
      ['bytes=100000-', 100_000, mp3.length - 1],
      ['bytes=-300', mp3.length - 300, mp3.length - 1]
    ];
    for (const [range, start, end] of cases) {
      const res = await get({ range });
      expect(res.status).toBe(206);
      expect(res.headers.get('content-range')).toBe(`bytes ${start}-${end}/${mp3.length}`);
      expect(res.headers.get('content-length')).toBe(String(end - start + 1));
      expect(Buffer.from(await bytesOf(res)).equals(Buffer.from(mp3.subarray(start, end + 1)))).toBe(true);
    }
  });

  it('answers 416 with the size for a range past the end', async () => {
    const res = await get({ range: `bytes=${mp3.length}-` });
    expect(res.status).toBe(416);
    expect(res.headers.get('content-range')).toBe(`bytes */${mp3.length}`);
    expect((await bytesOf(res)).length).toBe(0);
  });

  it('sends the whole file for a malformed range, several ranges or an If-Range naming another version', async () => {
    const asks: Record<string, string>[] = [{ range: 'bytes=5-1' }, { range: 'bytes=0-1,10-20' }, { range: 'bytes=0-1', 'if-range': '"an-older-version"' }];
    for (const headers of asks) {
      const res = await get(headers);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-length')).toBe(String(mp3.length));
      expect((await bytesOf(res)).length).toBe(mp3.length);
    }
    const same = await get({ range: 'bytes=0-1', 'if-range': etag() });
    expect(same.status).toBe(206);
  });

  it('answers HEAD with the headers alone', async () => {
    const res = await get({ range: 'bytes=0-1' }, 'HEAD');
    expect(res.status).toBe(206);
    expect(res.headers.get('content-length')).toBe('2');
    expect(res.body).toBeNull();
  });

  it('answers 304 to a browser that holds this file already', async () => {
    const res = await get({ 'if-none-match': `"other", W/${etag()}` });
    expect(res.status).toBe(304);
    expect(res.body).toBeNull();
  });

  it('asks the browser to save the file for a download link', async () => {
    const res = await get({}, 'GET', { download: true });
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="Standing up.mp3"; filename*=UTF-8''Standing%20up.mp3`);
    await res.body?.cancel();
  });

  it('streams through a real HTTP server: the whole file, a range, and headers for HEAD', async () => {
    const server = serve({ fetch: (request) => audioResponse(fx.db, request, audio, 'Standing up'), port: 0, hostname: '127.0.0.1' });
    await new Promise((resolve) => server.once('listening', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    try {
      const whole = await fetch(base);
      expect(whole.status).toBe(200);
      expect(Buffer.from(await whole.arrayBuffer()).equals(Buffer.from(mp3))).toBe(true);
      const part = await fetch(base, { headers: { range: `bytes=${AUDIO_CHUNK_BYTES - 1}-${AUDIO_CHUNK_BYTES}` } });
      expect(part.status).toBe(206);
      expect([...new Uint8Array(await part.arrayBuffer())]).toEqual([...mp3.subarray(AUDIO_CHUNK_BYTES - 1, AUDIO_CHUNK_BYTES + 1)]);
      const head = await fetch(base, { method: 'HEAD' });
      expect([head.status, head.headers.get('content-length'), (await head.arrayBuffer()).byteLength]).toEqual([200, String(mp3.length), 0]);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
