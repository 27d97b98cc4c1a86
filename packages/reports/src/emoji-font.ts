// Emoji in what people wrote ("I feel scared 😢 walking home") must come out
// as emoji, not as empty boxes. DejaVu Sans has no emoji, so the outputs
// fall back to Noto Emoji (monochrome, OFL), shipped by the
// @fontsource/noto-emoji package and read from its files, never downloaded:
// - the PDF: Chromium gets the package's own @font-face rules (split by
//   unicode-range, so a report without emoji loads none of them);
// - chart PNGs: resvg reads TrueType, not WOFF, so the package's whole-font
//   WOFF is unpacked to a TrueType file once per process, and loaded only for
//   a chart whose text has a character DejaVu Sans lacks;
// - Word: runs of emoji name an emoji font (see docx.ts).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { inflateSync } from 'node:zlib';

export const EMOJI_FONT = 'Noto Emoji';

const packageDir = dirname(createRequire(import.meta.url).resolve('@fontsource/noto-emoji/package.json'));

/**
 * The package's @font-face rules for Noto Emoji at weight 400 (drawn for bold
 * too), with each file's address made `${origin}/emoji/<file>.woff2`, and the
 * file names allowed (the PDF step answers those addresses from the package).
 */
export function emojiFontFaces(origin: string): { css: string; files: Set<string> } {
  const files = new Set<string>();
  const css = readFileSync(join(packageDir, '400.css'), 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/src:\s*url\(\.\/files\/([a-z0-9-]+)\.woff2\) format\('woff2'\)[^;]*;/g, (_, name: string) => {
      files.add(`${name}.woff2`);
      return `src:url(${origin}/emoji/${name}.woff2) format('woff2');`;
    })
    .replace(/font-display:\s*swap;/g, 'font-display:block;')
    .replace(/font-weight:\s*400;/g, 'font-weight:100 900;')
    .replace(/\s+/g, ' ')
    .trim();
  return { css, files };
}

/** A file of the package's (one of those emojiFontFaces allows), or undefined. */
export function emojiFontFile(name: string): Buffer | undefined {
  if (!/^noto-emoji-[a-z0-9]+-400-normal\.woff2$/.test(name)) return undefined;
  const file = join(packageDir, 'files', name);
  return existsSync(file) ? readFileSync(file) : undefined;
}

let ttfPath: string | null = null;

/** Noto Emoji as a TrueType file (unpacked from the package's WOFF into a temporary folder once per process). */
export function emojiTtfFile(): string {
  if (ttfPath && existsSync(ttfPath)) return ttfPath;
  const woff = readFileSync(join(packageDir, 'files', 'noto-emoji-emoji-400-normal.woff'));
  const ttf = woffToSfnt(woff);
  const dir = join(tmpdir(), 'safer-voices-fonts');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `NotoEmoji-${createHash('sha256').update(ttf).digest('hex').slice(0, 16)}.ttf`);
  if (!existsSync(file)) {
    // Written aside and renamed, so a process reading it never sees half a font.
    const partial = `${file}.${process.pid}.part`;
    writeFileSync(partial, ttf);
    renameSync(partial, file);
  }
  ttfPath = file;
  return file;
}

/**
 * A WOFF 1.0 file as the TrueType/OpenType file it wraps: each table
 * inflated where it was compressed, laid out again after a fresh table
 * directory (https://www.w3.org/TR/WOFF/).
 */
export function woffToSfnt(woff: Uint8Array): Uint8Array {
  const input = Buffer.from(woff.buffer, woff.byteOffset, woff.byteLength);
  if (input.toString('latin1', 0, 4) !== 'wOFF') throw new Error('Not a WOFF 1.0 font');
  const flavor = input.readUInt32BE(4);
  const numTables = input.readUInt16BE(12);
  const tables: { tag: number; checksum: number; data: Buffer }[] = [];
  for (let i = 0; i < numTables; i++) {
    const at = 44 + i * 20;
    const tag = input.readUInt32BE(at);
    const offset = input.readUInt32BE(at + 4);
    const compLength = input.readUInt32BE(at + 8);
    const origLength = input.readUInt32BE(at + 12);
    const checksum = input.readUInt32BE(at + 16);
    const stored = input.subarray(offset, offset + compLength);
    const data = compLength < origLength ? inflateSync(stored) : Buffer.from(stored);
    if (data.length !== origLength) throw new Error('A WOFF table does not unpack to its stated length');
    tables.push({ tag, checksum, data });
  }
  tables.sort((a, b) => a.tag - b.tag);
  const pad = (n: number) => (n + 3) & ~3;
  const headerLength = 12 + 16 * numTables;
  const total = headerLength + tables.reduce((sum, t) => sum + pad(t.data.length), 0);
  const out = Buffer.alloc(total);
  let power = 1;
  let log = 0;
  while (power * 2 <= numTables) {
    power *= 2;
    log++;
  }
  out.writeUInt32BE(flavor, 0);
  out.writeUInt16BE(numTables, 4);
  out.writeUInt16BE(power * 16, 6);
  out.writeUInt16BE(log, 8);
  out.writeUInt16BE(numTables * 16 - power * 16, 10);
  let offset = headerLength;
  tables.forEach((table, i) => {
    const at = 12 + i * 16;
    out.writeUInt32BE(table.tag, at);
    out.writeUInt32BE(table.checksum, at + 4);
    out.writeUInt32BE(offset, at + 8);
    out.writeUInt32BE(table.data.length, at + 12);
    table.data.copy(out, offset);
    offset += pad(table.data.length);
  });
  return new Uint8Array(out);
}

/**
 * Runs of emoji in a text: pictographs with what joins and modifies them
 * (zero-width joiners, variation selector 16, skin tones, tags, keycaps) and
 * flags' regional indicators.
 */
const EMOJI_RUN = /(?:\p{Extended_Pictographic}|\p{Regional_Indicator})(?:\p{Extended_Pictographic}|\p{Regional_Indicator}|\p{Emoji_Modifier}|[\u200D\uFE0F\u20E3]|[\u{E0020}-\u{E007F}])*/gu;

/** Whether the text has an emoji. */
export function hasEmoji(text: string): boolean {
  EMOJI_RUN.lastIndex = 0;
  const found = EMOJI_RUN.test(text);
  EMOJI_RUN.lastIndex = 0;
  return found;
}

/** The text cut into runs of plain text and of emoji, in order, together the whole text. */
export function emojiRuns(text: string): { text: string; emoji: boolean }[] {
  const runs: { text: string; emoji: boolean }[] = [];
  let at = 0;
  for (const match of text.matchAll(EMOJI_RUN)) {
    if (match.index > at) runs.push({ text: text.slice(at, match.index), emoji: false });
    runs.push({ text: match[0], emoji: true });
    at = match.index + match[0].length;
  }
  if (at < text.length || runs.length === 0) runs.push({ text: text.slice(at), emoji: false });
  return runs;
}
