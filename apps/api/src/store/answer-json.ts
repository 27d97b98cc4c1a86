// One answer of a stored response, read in SQL as JSON text (`->`) and
// decoded in JavaScript with textOfJson: json_extract would decode a stored
// escape itself, and one that is not UTF-8 aborts the driver.
import { type AnyColumn, type SQL, sql } from 'drizzle-orm';

/** `answers -> '$."<question id>"'` for the given answers column and question id column. */
export const answerJson = (answers: SQL | AnyColumn, questionId: SQL | AnyColumn) => sql<unknown>`${answers} -> ('$."' || ${questionId} || '"')`;
