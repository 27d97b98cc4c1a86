import { describe, expect, it } from 'vitest';
import { CodebookNote, ThemeMergeInput } from './codebook';
import { checkShortTextField } from './short-text-field.testkit';

describe('the note saying why the codebook changed', () => {
  checkShortTextField({
    schema: ThemeMergeInput,
    valid: { intoId: 'theme-1' },
    field: 'note',
    most: 500,
    tooLong: 'The note must be 500 characters or fewer'
  });

  it('is optional', () => {
    expect(CodebookNote.parse(undefined)).toBe('');
    expect(ThemeMergeInput.parse({ intoId: 'theme-1' })).toEqual({ intoId: 'theme-1', note: '' });
  });
});
