// The easy-read form: whatever is typed, the shared schema gives the author's
// version or errors, and every error lands on a field of the page.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EASY_READ_FIELDS, lines, readEasyReadForm } from './easy-read-form.ts';

const onPage = new Set<string>(EASY_READ_FIELDS);

describe('the easy-read form', () => {
  it('keeps the sentences a line each and the three findings as typed, trimmed', () => {
    const { input, errors } = readEasyReadForm({
      intro: 'We asked you how safe you feel.\n\n  Thank you.  \r\n',
      finding1: ' Most of you feel safe at school. ',
      finding2: 'Fewer of you feel safe after dark.',
      finding3: 'Many of you want more to do.',
      next: 'We will open two youth clubs.'
    });
    expect(errors).toEqual([]);
    expect(input).toEqual({
      intro: ['We asked you how safe you feel.', 'Thank you.'],
      findings: ['Most of you feel safe at school.', 'Fewer of you feel safe after dark.', 'Many of you want more to do.'],
      next: ['We will open two youth clubs.']
    });
  });

  it('names the finding left empty', () => {
    const { input, errors } = readEasyReadForm({ intro: 'Hello.', finding1: 'One.', finding2: '   ', finding3: 'Three.', next: 'Next.' });
    expect(input).toBeNull();
    expect(errors).toEqual([{ field: 'finding2', message: 'Enter the second finding, like “We asked you how safe you feel”' }]);
  });

  it('never throws, and every error is on a field of the page, for any text', () => {
    fc.assert(
      fc.property(
        fc.record(Object.fromEntries(EASY_READ_FIELDS.map((f) => [f, fc.string({ unit: 'grapheme', maxLength: 400 })])) as Record<(typeof EASY_READ_FIELDS)[number], fc.Arbitrary<string>>),
        (values) => {
          const { input, errors } = readEasyReadForm(values);
          expect(input === null).toBe(errors.length > 0);
          for (const e of errors) expect(onPage.has(e.field), e.field).toBe(true);
          if (input) {
            expect(input.findings).toEqual([values.finding1.trim(), values.finding2.trim(), values.finding3.trim()]);
            expect(input.intro).toEqual(lines(values.intro));
          }
        }
      )
    );
  });
});
