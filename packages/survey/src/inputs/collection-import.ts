// The choices made when importing a file of text into a collection: its name,
// the column with the text, the date column and up to three grouping columns.
// The web's import form and the API's import route check them with this one
// schema; whether the columns are in the file is the API's to say.
import { z } from 'zod';

export const MOST_GROUP_COLUMNS = 3;

const column = (missing: string) => z.string().trim().min(1, missing).max(100);

export const CollectionChoicesInput = z.object({
  name: z.string().trim().min(1, 'Enter a name for the collection').max(120, 'The name must be 120 characters or fewer'),
  textColumn: column('Choose the column with the text'),
  dateColumn: column('Choose the column with the dates').optional(),
  groupColumns: z.array(column('Choose a column')).max(MOST_GROUP_COLUMNS, `Choose at most ${MOST_GROUP_COLUMNS} columns to group by`)
});
export type CollectionChoices = z.output<typeof CollectionChoicesInput>;
