// How long a podcast plays, read with music-metadata from the stored bytes.
// Never throws: a length that cannot be read is null, and the page says nothing.
import type { VoteAudioType } from '@safer-voices/db';
import { parseBuffer } from 'music-metadata';

export async function audioDurationMs(bytes: Uint8Array, mediaType: VoteAudioType): Promise<number | null> {
  try {
    // `duration: true` reads to the end when the header does not say (an MP3 without a Xing frame).
    const { format } = await parseBuffer(bytes, { mimeType: mediaType, size: bytes.length }, { duration: true, skipCovers: true });
    const seconds = format.duration;
    return typeof seconds === 'number' && Number.isFinite(seconds) && seconds > 0 ? Math.round(seconds * 1000) : null;
  } catch {
    return null;
  }
}
