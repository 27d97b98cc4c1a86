// What people type when changing the codebook, besides a theme's own fields:
// the note saying why, and the theme to merge into. The web's codebook forms
// and the API's codebook routes check them with these schemas.
import { z } from 'zod';
import { textUpTo } from './short-text';

/** Why the change was made: optional, kept with the version; counted as a person counts, without bidi controls (see short-text.ts). */
export const CodebookNote = textUpTo(500, 'The note').default('');

/** Merging a theme into another. */
export const ThemeMergeInput = z.object({
  intoId: z.string().min(1, 'Choose the theme to merge into').max(100),
  note: CodebookNote
});
