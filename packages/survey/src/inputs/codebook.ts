// What people type when changing the codebook, besides a theme's own fields:
// the note saying why, and the theme to merge into. The web's codebook forms
// and the API's codebook routes check them with these schemas.
import { z } from 'zod';

/** Why the change was made: optional, kept with the version. */
export const CodebookNote = z.string().trim().max(500, 'The note must be 500 characters or fewer').default('');

/** Merging a theme into another. */
export const ThemeMergeInput = z.object({
  intoId: z.string().min(1, 'Choose the theme to merge into').max(100),
  note: CodebookNote
});
