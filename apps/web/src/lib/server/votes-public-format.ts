// How the public vote pages write what the API sends: a podcast's length as
// a player shows it, its file type by name, and typed text as paragraphs.
// (Sizes and dates are written as on the staff pages: formatBytes, formatLondon.)

/** A length of audio as a player shows it: 0:04, 12:30, 1:02:05. */
export function clockDuration(ms: number | null): string | null {
  if (ms === null || !Number.isFinite(ms) || ms < 0) return null;
  const seconds = Math.round(ms / 1000);
  const [h, m, s] = [Math.floor(seconds / 3600), Math.floor(seconds / 60) % 60, seconds % 60];
  const mmss = `${h > 0 ? String(m).padStart(2, '0') : m}:${String(s).padStart(2, '0')}`;
  return h > 0 ? `${h}:${mmss}` : mmss;
}

const TYPE_NAMES: Record<string, string> = { 'audio/mpeg': 'MP3', 'audio/mp4': 'M4A', 'audio/ogg': 'Ogg' };

/** The file type as people know it: MP3, M4A, Ogg. */
export const audioTypeName = (mediaType: string) => TYPE_NAMES[mediaType] ?? 'audio';

/** Text typed with a blank line between paragraphs, as its paragraphs (none empty, each trimmed). */
export const paragraphsOf = (text: string) =>
  text
    .split(/\r?\n[^\S\r\n]*\r?\n/)
    .map((p) => p.trim())
    .filter(Boolean);
