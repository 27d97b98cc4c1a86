// The choices made when importing a file of text into a collection: its name,
// the column with the text, the date column and up to three grouping columns.
// The web's import form and the API's import route check them with this one
// schema; whether the columns are in the file is the API's to say.
// The name is short text for others to read (see short-text.ts); the columns
// are the file's own headings, matched as they are.
import { z } from 'zod';
import { requiredShortText } from './short-text';

export const MOST_GROUP_COLUMNS = 3;

const column = (missing: string) => z.string().trim().min(1, missing).max(100);

export const CollectionChoicesInput = z.object({
  name: requiredShortText({ empty: 'Enter a name for the collection', most: 120, what: 'The name' }),
  textColumn: column('Choose the column with the text'),
  dateColumn: column('Choose the column with the dates').optional(),
  groupColumns: z.array(column('Choose a column')).max(MOST_GROUP_COLUMNS, `Choose at most ${MOST_GROUP_COLUMNS} columns to group by`)
});
export type CollectionChoices = z.output<typeof CollectionChoicesInput>;
