import { describe, expect, it } from 'vitest';
import { CollectionChoicesInput } from './collection-import';
import { checkShortTextField } from './short-text-field.testkit';

const valid = { name: 'Youth forum comments', textColumn: 'comment', dateColumn: 'date', groupColumns: ['area'] };

describe('a collection’s name', () => {
  checkShortTextField({
    schema: CollectionChoicesInput,
    valid,
    field: 'name',
    empty: 'Enter a name for the collection',
    most: 120,
    tooLong: 'The name must be 120 characters or fewer'
  });
});

describe('the columns chosen', () => {
  it('are the file’s headings, kept as they are apart from the spaces around them', () => {
    const headings = { textColumn: 'Kommentar \u202b(fritext)', dateColumn: '\u200bdate', groupColumns: ['Area 👩‍👩‍👧'] };
    expect(CollectionChoicesInput.parse({ ...valid, ...headings })).toEqual({ ...valid, ...headings });
  });
});
