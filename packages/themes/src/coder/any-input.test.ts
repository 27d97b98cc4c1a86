// Pupils type "-", "idk", emoji, nothing, text-speak and every script. The
// coder must code any string at all, so that no answer can stop the coding of
// the answers after it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { train } from '../model/train';
import { type Coder, type Coding, createCoder } from './create-coder';

const codebookOnly = createCoder();
const trained = createCoder({
  model: train(
    [
      { text: 'my stepdad hits me when he is drunk', themes: ['family'], safeguarding: true },
      { text: 'older lads get kids to run drugs to Taunton', themes: ['county_lines'], safeguarding: false },
      { text: 'no street lights on the path by the park', themes: ['environment'], safeguarding: false },
      { text: 'there is nothing to do, bring back the youth club', themes: ['youth_provision'], safeguarding: false },
      { text: 'people get bullied on snapchat', themes: ['bullying', 'social_media'], safeguarding: false },
      { text: 'i feel safe', themes: [], safeguarding: false }
    ],
    undefined,
    { calibrationFolds: 2 }
  )
});

function expectWellFormed(coding: Coding, text: string) {
  for (const theme of coding.themes) {
    expect(theme.confidence).toBeGreaterThanOrEqual(0);
    expect(theme.confidence).toBeLessThanOrEqual(1);
    for (const span of theme.evidence) expect(text.slice(span.start, span.end)).toBe(span.text);
  }
  expect(coding.certainty).toBeGreaterThanOrEqual(0);
  expect(coding.certainty).toBeLessThanOrEqual(1);
  expect(coding.safeguarding.flag).toBe(coding.safeguarding.tier !== null);
  for (const span of coding.safeguarding.evidence) expect(text.slice(span.start, span.end)).toBe(span.text);
}

const coders: [string, Coder][] = [
  ['the codebook alone', codebookOnly],
  ['a trained model', trained]
];

// Any UTF-16 code unit, so lone surrogates and control characters turn up too.
const anyCodeUnit = fc.integer({ min: 0, max: 0xffff }).map((n) => String.fromCharCode(n));
const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.string({ unit: anyCodeUnit, maxLength: 200 }),
  // Real words broken up by odd characters.
  fc
    .array(fc.oneof(fc.constantFrom('my', 'dad', 'hits', 'me', 'not', "don't", 'knife', 'u', 'wen', '-', '…', '\u200b', '\u202e'), fc.string({ unit: 'binary', maxLength: 3 })), { maxLength: 40 })
    .map((parts) => parts.join(' '))
);

describe.each(coders)('coding any string with %s', (_, coder) => {
  it('never throws, and its confidences and evidence stay well formed', () => {
    fc.assert(
      fc.property(anyText, fc.option(anyText, { nil: undefined }), (text, question) => {
        expectWellFormed(coder.code(text, { question }), text);
      }),
      { numRuns: 400 }
    );
  });

  it.each([
    ['nothing', ''],
    ['spaces', '   \n\t '],
    ['a hyphen', '-'],
    ['an em dash', '—'],
    ['a hash', '#'],
    ['a full stop', '.'],
    ['idk', 'idk'],
    ['emoji', '🙂🙂'],
    ['a family emoji', '👨‍👩‍👧'],
    ['zero-width characters', '\u200b\u200c\u200d\ufeff'],
    ['bidi controls', '\u202emy dad hits me\u202c \u2066x\u2069'],
    ['a lone surrogate', 'lone \ud800 surrogate'],
    ['a NUL', 'a\u0000b'],
    ['Arabic', 'أشعر بالخوف في الليل'],
    ['Polish', 'Boję się chodzić sama po parku'],
    ['Chinese', '我晚上害怕出门'],
    ['100,000 characters', 'my dad hits me '.repeat(6_667)],
    ['one 100,000-letter word', 'a'.repeat(100_000)]
  ])('codes %s', (_, text) => {
    expectWellFormed(coder.code(text), text);
  });
});
