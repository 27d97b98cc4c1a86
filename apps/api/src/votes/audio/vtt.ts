// A captions file (WebVTT) for a podcast's video version, checked before it
// is kept: the header, the size, and cue timings a player can read. Each
// refusal names the problem in words an officer can act on.
import { storableText } from '@safer-voices/db';

export const MAX_VTT_BYTES = 200 * 1024;

export type WebVttCheck = { ok: true; text: string } | { ok: false; message: string };

// (hh:)mm:ss.ttt, hours of two digits or more.
const TIME = '(?:(\\d{2,}):)?([0-5]\\d):([0-5]\\d)\\.(\\d{3})';
const TIMING = new RegExp(`^${TIME}[ \\t]+-->[ \\t]+${TIME}(?:[ \\t].*)?$`);

function ms(hours: string | undefined, minutes: string, seconds: string, millis: string): number {
  return ((Number(hours ?? 0) * 60 + Number(minutes)) * 60 + Number(seconds)) * 1000 + Number(millis);
}

/** The file as it will be stored (without a byte order mark, lines ending in \n), or what is wrong with it. */
export function checkWebVtt(text: string): WebVttCheck {
  if (Buffer.byteLength(text, 'utf8') > MAX_VTT_BYTES) return { ok: false, message: 'The captions file is larger than 200 KB' };
  const body = storableText(text.replace(/^\uFEFF/, '')).replace(/\r\n?/g, '\n');
  if (body.trim() === '') return { ok: false, message: 'The captions file is empty' };
  if (!/^WEBVTT(?:[ \t\n]|$)/.test(body)) return { ok: false, message: 'A captions file must start with the line WEBVTT: this one is not a WebVTT file' };
  const lines = body.split('\n');
  let cues = 0;
  for (const [index, line] of lines.entries()) {
    if (!line.includes('-->')) continue;
    const shown = line.length > 60 ? `${line.slice(0, 60)}…` : line;
    const match = TIMING.exec(line.trim());
    if (!match) return { ok: false, message: `Line ${index + 1}: the cue timing “${shown}” is not like 00:01.000 --> 00:04.000 (or with hours, 00:00:01.000)` };
    const [, h1, m1 = '', s1 = '', t1 = '', h2, m2 = '', s2 = '', t2 = ''] = match;
    if (ms(h2, m2, s2, t2) <= ms(h1, m1, s1, t1)) return { ok: false, message: `Line ${index + 1}: the cue “${shown}” ends before it starts` };
    cues++;
  }
  if (cues === 0) return { ok: false, message: 'The captions file has no cues: it needs at least one timing line like 00:01.000 --> 00:04.000 followed by its text' };
  return { ok: true, text: body };
}
