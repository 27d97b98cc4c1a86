import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkWebVtt, MAX_VTT_BYTES } from './vtt';

const GOOD = 'WEBVTT\n\n00:00.000 --> 00:02.500\nWe all walk through the town centre.\n\n00:00:02.500 --> 00:00:05.000 align:start\nIf you see something, say something.\n';

describe('checkWebVtt', () => {
  it('keeps a valid file, without its byte order mark and with plain line ends', () => {
    expect(checkWebVtt(GOOD)).toEqual({ ok: true, text: GOOD });
    expect(checkWebVtt(`\uFEFF${GOOD.replace(/\n/g, '\r\n')}`)).toEqual({ ok: true, text: GOOD });
    expect(checkWebVtt('WEBVTT - podcast captions\n\n01:00:00.000 --> 01:00:01.000\nHi')).toMatchObject({ ok: true });
  });

  it.each([
    ['', 'The captions file is empty'],
    ['1\n00:00:01,000 --> 00:00:02,000\nAn SRT file\n', 'A captions file must start with the line WEBVTT: this one is not a WebVTT file'],
    ['WEBVTTX\n\n00:01.000 --> 00:02.000\nHi', 'A captions file must start with the line WEBVTT: this one is not a WebVTT file'],
    ['WEBVTT\n\nJust some words and no timings.\n', 'The captions file has no cues: it needs at least one timing line like 00:01.000 --> 00:04.000 followed by its text'],
    ['WEBVTT\n\n00:00:01,000 --> 00:00:02,000\nCommas', 'Line 3: the cue timing “00:00:01,000 --> 00:00:02,000” is not like 00:01.000 --> 00:04.000 (or with hours, 00:00:01.000)'],
    ['WEBVTT\n\n00:05.000 --> 00:02.000\nBackwards', 'Line 3: the cue “00:05.000 --> 00:02.000” ends before it starts'],
    ['WEBVTT\n\n00:61.000 --> 00:62.000\nNo such second', 'Line 3: the cue timing “00:61.000 --> 00:62.000” is not like 00:01.000 --> 00:04.000 (or with hours, 00:00:01.000)']
  ])('refuses %j: %s', (text, message) => {
    expect(checkWebVtt(text)).toEqual({ ok: false, message });
  });

  it('refuses a file over 200 KB', () => {
    const big = `${GOOD}\n${'x'.repeat(MAX_VTT_BYTES)}`;
    expect(checkWebVtt(big)).toEqual({ ok: false, message: 'The captions file is larger than 200 KB' });
  });

  it('never throws, whatever the text, and what it keeps is storable', () => {
    const texts = fc.oneof(
      fc.string({ unit: 'binary' }),
      fc.string({ unit: 'grapheme' }).map((s) => `WEBVTT\n\n${s}`),
      fc.array(fc.oneof(fc.string(), fc.constantFrom('-->', '00:01.000 --> 00:02.000', '\r\n', '\uFEFF', '\0', '\ud800')), { maxLength: 20 }).map((parts) => `WEBVTT\n${parts.join('')}`)
    );
    fc.assert(
      fc.property(texts, (text) => {
        const result = checkWebVtt(text);
        if (result.ok) {
          expect(result.text.startsWith('WEBVTT')).toBe(true);
          expect(result.text).not.toMatch(/[\0\r]/);
        } else expect(result.message.length).toBeGreaterThan(0);
      }),
      { numRuns: 3000 }
    );
  });
});
