// Serving a stored podcast over HTTP with range requests (RFC 9110 §14):
// players fetch audio in ranges, and iOS Safari plays nothing unless its
// first `bytes=0-1` comes back as 206 Partial Content. The body is read from
// the database a piece at a time as it is sent, so a 25 MB file is never held
// whole in memory.
import type { Database } from '@safer-voices/db';
import { EXTENSION_OF } from './sniff';
import { readAudioRange, type StoredAudio } from './store';

export interface ByteRange {
  start: number;
  /** Inclusive. */
  end: number;
}

const SPEC = /^(\d*)-(\d*)$/;

/**
 * The range a Range header asks for within `size` bytes: `{ start, end }`
 * (end inclusive), 'unsatisfiable' (answer 416), or null for the whole file
 * (no header, another unit, or anything that does not parse, which RFC 9110
 * says to ignore). Several ranges get the whole file, as a plain 200: the
 * RFC lets a server ignore Range, players never ask for more than one, and a
 * multipart answer would be a second way of sending a file for no one.
 */
export function parseRange(header: string | undefined, size: number): ByteRange | 'unsatisfiable' | null {
  if (!header) return null;
  const match = /^\s*bytes\s*=(.*)$/i.exec(header);
  if (!match) return null;
  const specs = (match[1] as string)
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  if (specs.length === 0) return null;
  const ranges: (ByteRange | 'unsatisfiable')[] = [];
  for (const spec of specs) {
    const parts = SPEC.exec(spec);
    if (!parts) return null;
    const [, a = '', b = ''] = parts;
    if (a === '' && b === '') return null;
    if (a === '') {
      // bytes=-n: the last n bytes, or the whole file when it is shorter.
      const suffix = Number(b);
      ranges.push(suffix === 0 || size === 0 ? 'unsatisfiable' : { start: Math.max(0, size - suffix), end: size - 1 });
      continue;
    }
    const start = Number(a);
    const end = b === '' ? Number.POSITIVE_INFINITY : Number(b);
    if (end < start) return null; // invalid: the whole header is ignored
    ranges.push(start >= size ? 'unsatisfiable' : { start, end: Math.min(end, size - 1) });
  }
  const satisfiable = ranges.filter((r) => r !== 'unsatisfiable');
  if (satisfiable.length === 0) return 'unsatisfiable';
  return ranges.length === 1 ? (satisfiable[0] as ByteRange) : null;
}

/** `inline` or `attachment`, with an ASCII name every browser takes and the exact name in filename*. */
export function contentDisposition(kind: 'inline' | 'attachment', fileName: string): string {
  const ascii =
    fileName
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^\x20-\x7e]|["\\/%;]/g, '_')
      .replace(/^[\s.]+|\s+$/g, '')
      .slice(0, 150) || 'podcast';
  const encoded = encodeURIComponent(fileName.replace(/[\\/]/g, '_')).replace(/['()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** Read at most this much from the database per step of the body. */
const PIECE_BYTES = 1024 * 1024;

function bodyOf(db: Database, audioId: string, range: ByteRange): ReadableStream<Uint8Array> {
  let at = range.start;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const end = Math.min(range.end, at + PIECE_BYTES - 1);
      const piece = await readAudioRange(db, audioId, at, end);
      if (piece.length === 0) {
        // Chunks missing under a row that says they are there: end the body short, so the client sees a broken download.
        controller.error(new Error(`Audio ${audioId} has no bytes at ${at}`));
        return;
      }
      controller.enqueue(piece);
      at += piece.length;
      if (at > range.end) controller.close();
    }
  });
}

/** An ETag matches one in a list (If-None-Match), weak or strong: the file under an id never changes. */
const listHas = (header: string, etag: string) => header.trim() === '*' || header.split(',').some((t) => t.trim().replace(/^W\//, '') === etag);

/**
 * The answer to a GET or HEAD for a stored file: 200 with all of it, 206 with
 * the range asked for, 416 for a range outside it, 304 when the client holds
 * it already. `fileName` is given the file's real extension when it lacks it.
 */
export async function audioResponse(db: Database, request: Request, audio: StoredAudio, fileName: string, options: { download?: boolean } = {}): Promise<Response> {
  const etag = `"${audio.sha256}"`;
  const extension = `.${EXTENSION_OF[audio.mediaType]}`;
  const name = fileName.toLowerCase().endsWith(extension) ? fileName : `${fileName}${extension}`;
  const headers = new Headers({
    'accept-ranges': 'bytes',
    'content-type': audio.mediaType,
    etag,
    // Kept, but checked again each time (a 304 by its ETag costs nothing): a podcast taken down must stop playing at once.
    'cache-control': 'public, no-cache',
    'content-disposition': contentDisposition(options.download ? 'attachment' : 'inline', name)
  });
  const ifNoneMatch = request.headers.get('if-none-match');
  if (ifNoneMatch !== null && listHas(ifNoneMatch, etag)) return new Response(null, { status: 304, headers });
  // If-Range naming another version (or a date: this file has none) means "send it all".
  const ifRange = request.headers.get('if-range');
  const asked = ifRange === null || ifRange.trim() === etag ? parseRange(request.headers.get('range') ?? undefined, audio.bytes) : null;
  if (asked === 'unsatisfiable') {
    headers.set('content-range', `bytes */${audio.bytes}`);
    headers.set('content-length', '0');
    return new Response(null, { status: 416, headers });
  }
  const range = asked ?? { start: 0, end: audio.bytes - 1 };
  headers.set('content-length', String(range.end - range.start + 1));
  if (asked) headers.set('content-range', `bytes ${range.start}-${range.end}/${audio.bytes}`);
  const status = asked ? 206 : 200;
  if (request.method === 'HEAD' || audio.bytes === 0) return new Response(null, { status, headers });
  return new Response(bodyOf(db, audio.id, range), { status, headers });
}
