// The weighting form: whatever is typed in any field, the shared input schema
// gives the weighting or errors, and every error lands on a field of the page.
import { issuesAsErrors, WeightingInputSchema } from '@safer-voices/survey';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inputOf, type OfferedVariable, pageErrors, savedValues, shareField, TRIM_FIELDS, variableField } from './weighting-form.ts';

const OFFERED: OfferedVariable[] = [
  {
    key: 'group',
    label: 'Age group',
    categories: [
      { value: '8–11', label: '8–11' },
      { value: '11–19', label: '11–19' }
    ]
  },
  { key: 'question:gender', label: 'Which of these describes you?', categories: ['girl', 'boy', 'another_way', 'prefer_not_to_say'].map((v) => ({ value: v, label: v })) }
];

const fieldsOfPage = new Set([...OFFERED.flatMap((v, i) => [variableField(i), ...v.categories.map((_, j) => shareField(i, j))]), TRIM_FIELDS.lower, TRIM_FIELDS.upper]);

const form = (shares: Record<string, string>, trimLower = '', trimUpper = '') => ({ shares, trimLower, trimUpper });

function check(values: ReturnType<typeof form>) {
  const { input, positions } = inputOf(values, OFFERED);
  const parsed = WeightingInputSchema.safeParse(input);
  return parsed.success ? { data: parsed.data, errors: [] } : { data: null, errors: pageErrors(issuesAsErrors(parsed.error.issues), positions, OFFERED) };
}

describe('the weighting form', () => {
  it('takes the shares typed, leaving blank groups and blank variables out', () => {
    const { data } = check(form({ [shareField(1, 0)]: '49%', [shareField(1, 1)]: ' 51 ' }));
    expect(data?.variables).toEqual([{ key: 'question:gender', shares: { girl: 49, boy: 51 } }]);
    expect(data?.trim).toEqual({ lower: 0.3, upper: 3 });
  });

  it('puts a total that is not 100 on the variable, and a bad share on its own field', () => {
    expect(check(form({ [shareField(0, 0)]: '40', [shareField(0, 1)]: '50' })).errors).toEqual([{ field: variableField(0), message: 'The shares must add up to 100%; they add up to 90%' }]);
    expect(check(form({ [shareField(1, 0)]: 'lots', [shareField(1, 1)]: '51' })).errors[0]).toEqual({ field: shareField(1, 0), message: 'Enter a share in per cent, like 36' });
    expect(check(form({ [shareField(1, 0)]: '0', [shareField(1, 1)]: '100' })).errors[0]).toEqual({ field: shareField(1, 0), message: 'Enter a share more than 0, or leave it blank' });
    expect(check(form({ [shareField(1, 0)]: '49', [shareField(1, 1)]: '51' }, '2')).errors).toEqual([{ field: TRIM_FIELDS.lower, message: 'The smallest weight must be 1 or less' }]);
  });

  it('asks for at least one variable when every field is blank', () => {
    expect(check(form({})).errors).toEqual([{ field: variableField(0), message: 'Enter the population shares for at least one of the groups' }]);
  });

  it('shows saved fractions as per cent', () => {
    const saved = savedValues({ variables: [{ key: 'question:gender', shares: { girl: 0.49, boy: 0.51 } }], trim: { lower: 0.5, upper: 2 } }, OFFERED);
    expect(saved.shares[shareField(1, 0)]).toBe('49');
    expect(saved.shares[shareField(0, 0)]).toBe('');
    expect([saved.trimLower, saved.trimUpper]).toEqual(['0.5', '2']);
  });

  it('never throws, and every error is on a field of the page, whatever is typed', () => {
    const text = fc.string({ unit: 'binary', maxLength: 30 });
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...fieldsOfPage), text), text, text, (shares, lower, upper) => {
        const { data, errors } = check(form(shares, lower, upper));
        expect(data !== null || errors.length > 0).toBe(true);
        for (const e of errors) {
          expect(fieldsOfPage.has(e.field), e.field).toBe(true);
          expect(e.message.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 500 }
    );
  });
});
