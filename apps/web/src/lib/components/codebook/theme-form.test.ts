import { describe, expect, it } from 'vitest';
import { fieldsOf, readThemeForm, themeErrors, valuesOf } from './theme-form.ts';

const form = (entries: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(entries)) data.set(k, v);
  return data;
};

describe('the theme form', () => {
  it('sends each textarea as its lines, blank lines dropped and each line trimmed', () => {
    const values = readThemeForm(form({ label: 'Scooters', definition: 'E-scooters.', seeds: 'scooter|scooters\r\n\n  escooter*  \n', include: '' }));
    expect(fieldsOf(values)).toEqual({ label: 'Scooters', definition: 'E-scooters.', include: [], exclude: [], examples: [], seeds: ['scooter|scooters', 'escooter*'], against: [] });
  });

  it('shows a saved theme one item a line', () => {
    const values = valuesOf({ label: 'Fear', definition: 'Scared.', include: ['a', 'b'], exclude: [], examples: [], seeds: ['scared', 'afraid'], against: [] });
    expect(values).toMatchObject({ include: 'a\nb', seeds: 'scared\nafraid', note: '' });
  });

  it("puts the API's issues on the form's fields, and anything about the whole theme on the label", () => {
    const errors = themeErrors({
      status: 400,
      error: 'invalid_request',
      message: 'The request json is not valid',
      issues: [
        { field: 'theme.seeds.1', message: '“knife @2”: bad weight' },
        { field: 'theme', message: 'Nothing was changed' },
        { field: 'note', message: 'Too long' }
      ]
    });
    expect(errors).toEqual([
      { field: 'seeds', message: '“knife @2”: bad weight' },
      { field: 'label', message: 'Nothing was changed' },
      { field: 'note', message: 'Too long' }
    ]);
    expect(themeErrors({ status: 422, error: 'edit_refused', message: 'No' })).toEqual([{ field: 'label', message: 'No' }]);
  });
});
