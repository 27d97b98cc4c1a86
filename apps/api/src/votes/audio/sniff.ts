// What an uploaded podcast really is, read from its bytes and never from its
// name: MP3, M4A (AAC in an ISO media file) or Ogg (Opus or Vorbis). Strict on
// purpose: a picture, a PDF, a WAV, a video or a web page renamed .mp3 is
// none of them, and neither is a file that merely starts with the right
// letters. Synchronous and allocation-free, so it costs nothing before a
// 25 MB upload is stored; duration.ts reads the length afterwards.
import type { VoteAudioType } from '@safer-voices/db';

export type AudioExtension = 'mp3' | 'm4a' | 'ogg';
export interface SniffedAudio {
  mediaType: VoteAudioType;
  extension: AudioExtension;
}

export const EXTENSION_OF: Record<VoteAudioType, AudioExtension> = { 'audio/mpeg': 'mp3', 'audio/mp4': 'm4a', 'audio/ogg': 'ogg' };

export function sniffAudio(bytes: Uint8Array): SniffedAudio | null {
  if (isOgg(bytes)) return { mediaType: 'audio/ogg', extension: 'ogg' };
  if (isM4a(bytes)) return { mediaType: 'audio/mp4', extension: 'm4a' };
  if (isMp3(bytes)) return { mediaType: 'audio/mpeg', extension: 'mp3' };
  return null;
}

const ascii = (bytes: Uint8Array, at: number, length: number): string => {
  let text = '';
  for (let i = at; i < at + length && i < bytes.length; i++) text += String.fromCharCode(bytes[i] as number);
  return text;
};
const u32 = (bytes: Uint8Array, at: number): number =>
  at + 4 <= bytes.length ? (((bytes[at] as number) << 24) | ((bytes[at + 1] as number) << 16) | ((bytes[at + 2] as number) << 8) | (bytes[at + 3] as number)) >>> 0 : -1;

// ---- MP3 ------------------------------------------------------------------

// kbit/s by bitrate index, for Layer III: MPEG-1, and MPEG-2 / 2.5.
const BITRATES_V1 = [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 0];
const BITRATES_V2 = [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160, 0];
const SAMPLE_RATES: Record<number, number[]> = { 3: [44100, 48000, 32000], 2: [22050, 24000, 16000], 0: [11025, 12000, 8000] };

interface FrameHeader {
  version: number;
  sampleRate: number;
  length: number;
}

/** A valid MPEG audio Layer III frame header at `at`, or null (free-format and reserved values are refused). */
function layer3Frame(bytes: Uint8Array, at: number): FrameHeader | null {
  if (at + 4 > bytes.length) return null;
  const b1 = bytes[at + 1] as number;
  const b2 = bytes[at + 2] as number;
  const b3 = bytes[at + 3] as number;
  if (bytes[at] !== 0xff || (b1 & 0xe0) !== 0xe0) return null;
  const version = (b1 >> 3) & 3; // 0: MPEG-2.5, 1: reserved, 2: MPEG-2, 3: MPEG-1
  const layer = (b1 >> 1) & 3; // 1: Layer III
  const bitrateIndex = b2 >> 4;
  const rateIndex = (b2 >> 2) & 3;
  const padding = (b2 >> 1) & 1;
  if (version === 1 || layer !== 1 || bitrateIndex === 0 || bitrateIndex === 15 || rateIndex === 3 || (b3 & 3) === 2) return null;
  const sampleRate = SAMPLE_RATES[version]?.[rateIndex] as number;
  const kbps = (version === 3 ? BITRATES_V1 : BITRATES_V2)[bitrateIndex] as number;
  const length = Math.floor(((version === 3 ? 144 : 72) * kbps * 1000) / sampleRate) + padding;
  return { version, sampleRate, length };
}

/** Where the audio starts after an ID3v2 tag at the start, 0 without one, -1 for a broken tag. */
function afterId3v2(bytes: Uint8Array): number {
  if (ascii(bytes, 0, 3) !== 'ID3') return 0;
  if (bytes.length < 10) return -1;
  const major = bytes[3] as number;
  const flags = bytes[5] as number;
  if (major < 2 || major > 4 || bytes[4] === 0xff) return -1;
  let size = 0;
  for (let i = 6; i < 10; i++) {
    const b = bytes[i] as number;
    if (b & 0x80) return -1; // sizes are "synchsafe": 7 bits a byte
    size = (size << 7) | b;
  }
  return 10 + size + (major === 4 && flags & 0x10 ? 10 : 0);
}

/** Some taggers pad after the tag with zero bytes beyond its stated size. */
const MOST_PADDING = 64 * 1024;

function isMp3(bytes: Uint8Array): boolean {
  let at = afterId3v2(bytes);
  if (at < 0 || at >= bytes.length) return false;
  if (at > 0) {
    const limit = Math.min(bytes.length, at + MOST_PADDING);
    while (at < limit && bytes[at] === 0) at++;
  }
  const first = layer3Frame(bytes, at);
  if (!first) return false;
  // A second frame of the same stream must follow the first: two bytes 0xFF 0xFB
  // occur by chance; a chain of consistent headers does not.
  const second = layer3Frame(bytes, at + first.length);
  return second !== null && second.version === first.version && second.sampleRate === first.sampleRate;
}

// ---- M4A (ISO base media file format) ------------------------------------

/** Brands of audio files and of general MP4 files that may hold audio only. */
const AUDIO_BRANDS = new Set(['M4A ', 'M4B ', 'mp42', 'isom', 'mp41', 'iso2', 'iso5', 'iso6', 'dash']);

interface Box {
  type: string;
  /** Where the box's content starts and ends. */
  start: number;
  end: number;
}

/** The boxes between `start` and `end`, or null when their sizes do not add up. */
function boxes(bytes: Uint8Array, start: number, end: number): Box[] | null {
  const found: Box[] = [];
  let at = start;
  while (at < end) {
    if (at + 8 > end) return null;
    let size = u32(bytes, at);
    const type = ascii(bytes, at + 4, 4);
    let header = 8;
    if (size === 1) {
      // A 64-bit size follows the type; 25 MB files need no more than the low 32 bits.
      if (at + 16 > end || u32(bytes, at + 8) !== 0) return null;
      size = u32(bytes, at + 12);
      header = 16;
    } else if (size === 0) {
      size = end - at; // to the end of the file
    }
    if (size < header || at + size > end || !/^[\x20-\x7e\xa9]{4}$/.test(type)) return null;
    found.push({ type, start: at + header, end: at + size });
    at += size;
  }
  return found;
}

const child = (bytes: Uint8Array, box: Box | undefined, type: string): Box | undefined => (box ? boxes(bytes, box.start, box.end)?.find((b) => b.type === type) : undefined);

/** Each track's handler ('soun', 'vide', …) with its first sample entry's format ('mp4a', 'avc1', …). */
function tracks(bytes: Uint8Array, moov: Box): { handler: string; format: string }[] | null {
  const inMoov = boxes(bytes, moov.start, moov.end);
  if (!inMoov) return null;
  return inMoov
    .filter((b) => b.type === 'trak')
    .map((trak) => {
      const mdia = child(bytes, trak, 'mdia');
      const hdlr = child(bytes, mdia, 'hdlr');
      // hdlr: version and flags (4), pre_defined (4), handler_type (4).
      const handler = hdlr && hdlr.end - hdlr.start >= 12 ? ascii(bytes, hdlr.start + 8, 4) : '';
      const stsd = child(bytes, child(bytes, child(bytes, mdia, 'minf'), 'stbl'), 'stsd');
      // stsd: version and flags (4), entry count (4), then sample entries as boxes.
      const entry = stsd && stsd.end - stsd.start >= 16 ? ascii(bytes, stsd.start + 12, 4) : '';
      return { handler, format: entry };
    });
}

function isM4a(bytes: Uint8Array): boolean {
  const top = boxes(bytes, 0, bytes.length);
  const ftyp = top?.[0];
  if (!top || ftyp?.type !== 'ftyp' || ftyp.end - ftyp.start < 8) return false;
  if (!AUDIO_BRANDS.has(ascii(bytes, ftyp.start, 4))) return false;
  const moov = top.find((b) => b.type === 'moov');
  const found = moov ? tracks(bytes, moov) : null;
  if (!found) return false;
  // Audio only, in AAC ('mp4a'): a video track, or audio in a codec browsers
  // do not play everywhere (ALAC, AC-3), is not a podcast for this page.
  const media = found.filter((t) => t.handler === 'soun' || t.handler === 'vide');
  return media.length > 0 && media.every((t) => t.handler === 'soun' && t.format === 'mp4a');
}

// ---- Ogg -------------------------------------------------------------------

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let i = 0; i < 256; i++) {
    let r = i << 24;
    for (let k = 0; k < 8; k++) r = r & 0x80000000 ? (r << 1) ^ 0x04c11db7 : r << 1;
    table[i] = r >>> 0;
  }
  return table;
})();

function isOgg(bytes: Uint8Array): boolean {
  // The first page: "OggS", version 0, beginning-of-stream flag, 27-byte header and segment table.
  if (bytes.length < 28 || ascii(bytes, 0, 4) !== 'OggS' || bytes[4] !== 0) return false;
  if (((bytes[5] as number) & 0x02) === 0) return false;
  const segments = bytes[26] as number;
  let bodyLength = 0;
  for (let i = 0; i < segments; i++) bodyLength += bytes[27 + i] ?? 0;
  const body = 27 + segments;
  const end = body + bodyLength;
  if (segments === 0 || end > bytes.length) return false;
  // The page's checksum, computed with its own field as zero.
  let crc = 0;
  for (let i = 0; i < end; i++) {
    const b = i >= 22 && i < 26 ? 0 : (bytes[i] as number);
    crc = ((crc << 8) ^ (CRC_TABLE[((crc >>> 24) ^ b) & 0xff] as number)) >>> 0;
  }
  const stated = (bytes[22] as number) | ((bytes[23] as number) << 8) | ((bytes[24] as number) << 16) | ((bytes[25] as number) << 24);
  if (crc !== stated >>> 0) return false;
  return ascii(bytes, body, 8) === 'OpusHead' || (bytes[body] === 1 && ascii(bytes, body + 1, 6) === 'vorbis');
}
