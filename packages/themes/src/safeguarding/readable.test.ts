// Which answers the English-only disclosure detector can read: written for
// these tests, in the languages the surveys are offered in and others.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectorCanRead } from './readable';

describe('whether the detector can read an answer', () => {
  it('cannot read another language, in any script', () => {
    for (const text of [
      'Mae fy nhad yn fy nharo i',
      'ojczym mnie bije i boję się wracać do domu',
      'عمي يضربني وأنا خائف',
      'mi hermano me pega y tengo miedo',
      'Aabo waa i garaacaa',
      'мой отчим бьёт меня',
      'میرا چچا مجھے مارتا ہے'
    ]) {
      expect(detectorCanRead(text), text).toBe(false);
    }
  });

  it('reads English however it is spelt, and answers too short to tell', () => {
    for (const text of [
      'ma dad hits me wen he gets home',
      'sum1 on snap sed there gonna stab me',
      'the bus stop near Tesco is dodgy',
      'my uncle hits me 😢',
      'idk',
      '-',
      '',
      '😀😀',
      'no comment',
      'Taunton'
    ]) {
      expect(detectorCanRead(text), text).toBe(true);
    }
  });

  it('takes any text without throwing', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (text) => typeof detectorCanRead(text) === 'boolean'));
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => typeof detectorCanRead(text) === 'boolean'));
  });
});
