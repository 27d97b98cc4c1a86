import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { qrSvg } from './votes-staff-qr.ts';
import { newVoteValues, VOTE_FIELDS, type VoteFormValues, voteInputFrom } from './votes-staff.ts';

const valid: VoteFormValues = {
  title: 'Best bystander podcast 2027',
  introduction: '',
  'opens-date': '2027-03-01',
  'opens-time': '09:00',
  'closes-date': '2027-03-15',
  'closes-time': '17:00',
  requireCode: true,
  browserToken: false,
  networkThreshold: '30',
  networkWindowMinutes: '10'
};

describe('the vote settings form, read through VoteInputSchema', () => {
  it('reads UK dates and times as instants, and numbers as numbers', () => {
    const read = voteInputFrom(valid);
    expect(read).toEqual({
      ok: true,
      data: expect.objectContaining({
        opensAt: '2027-03-01T09:00:00.000Z',
        closesAt: '2027-03-15T17:00:00.000Z',
        requireCode: true,
        browserToken: false,
        networkThreshold: 30,
        networkWindowMinutes: 10
      })
    });
  });

  it('takes an empty threshold as none: no votes are held', () => {
    expect(voteInputFrom({ ...valid, networkThreshold: '' })).toMatchObject({ ok: true, data: { networkThreshold: null } });
  });

  it('says which field is wrong, in the schema’s words', () => {
    const read = voteInputFrom({ ...valid, title: ' ', 'closes-date': '2027-02-30', networkThreshold: 'lots' });
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.errors.map((e) => e.field).sort()).toEqual(['closesAt', 'networkThreshold', 'title']);
    expect(read.errors.find((e) => e.field === 'closesAt')?.message).toMatch(/real closing date/);
    expect(read.errors.find((e) => e.field === 'networkThreshold')?.message).toBe('Enter a whole number of votes, like 30');
  });

  it('takes a title of invisible characters alone as none, and counts an emoji as one character', () => {
    expect(voteInputFrom({ ...valid, title: '\u200b\u2060\ufeff' })).toEqual({ ok: false, errors: [{ field: 'title', message: 'Enter a title, like “Best bystander podcast 2027”' }] });
    expect(voteInputFrom({ ...valid, title: '😀'.repeat(121) })).toEqual({ ok: false, errors: [{ field: 'title', message: 'The title must be 120 characters or fewer' }] });
    expect(voteInputFrom({ ...valid, title: '😀'.repeat(120) }).ok).toBe(true);
  });

  it('asks for codes, browser or both', () => {
    expect(voteInputFrom({ ...valid, requireCode: false, browserToken: false })).toMatchObject({ ok: false, errors: [{ field: 'browserToken' }] });
  });

  it('refuses a vote that closes before it opens', () => {
    expect(voteInputFrom({ ...valid, 'closes-date': '2027-02-01' })).toMatchObject({ ok: false, errors: [{ field: 'closesAt', message: 'The vote must close after it opens' }] });
  });

  it('offers a new vote that can be created as it is, once titled', () => {
    expect(voteInputFrom({ ...newVoteValues(), title: 'A vote' }).ok).toBe(true);
  });

  it('never throws, and names only its own fields, whatever is typed', () => {
    const text = fc.string({ maxLength: 40 });
    fc.assert(
      fc.property(
        fc.record({
          title: text,
          introduction: text,
          'opens-date': text,
          'opens-time': text,
          'closes-date': text,
          'closes-time': text,
          requireCode: fc.boolean(),
          browserToken: fc.boolean(),
          networkThreshold: text,
          networkWindowMinutes: text
        }),
        (values) => {
          const read = voteInputFrom(values);
          if (!read.ok) for (const e of read.errors) expect(VOTE_FIELDS).toContain(e.field);
        }
      )
    );
  });
});

describe('QR codes for voting slips', () => {
  it('is an SVG named for screen readers', async () => {
    const svg = await qrSvg('http://localhost:3000/v/best-1a2b?code=ABCDEFGH', 'QR code for ABCD-EFGH');
    expect(svg).toMatch(/^<svg role="img" aria-label="QR code for ABCD-EFGH" focusable="false" xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg).toContain('<path');
  });

  it('keeps any label inside its attribute', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom('$&', "$'", '$`', '"><script>', '&quot;')), async (label) => {
        const svg = await qrSvg('x', label);
        const named = /^<svg role="img" aria-label="([^"<>]*)" focusable="false" xmlns=/.exec(svg);
        const unescaped = named?.[1]
          ?.replace(/&lt;/g, '<')
          .replace(/&gt;/g, '>')
          .replace(/&quot;/g, '"')
          .replace(/&amp;/g, '&');
        expect(unescaped).toBe(label);
      }),
      { numRuns: 100 }
    );
  });
});
