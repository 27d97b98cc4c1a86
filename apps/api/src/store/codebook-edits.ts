// The edits an analyst makes to a codebook, checked and applied. Phrases are
// parsed by the themes package's own parser, so a phrase the coder would
// refuse is refused here, with the reason, before anything is saved.
import { addTheme, type Codebook, codebookSchema, compilePattern, mergeThemes, retireTheme, type Theme } from '@safer-voices/themes';
import { z } from 'zod';
import { ApiError } from '../errors';

/** Letters, digits, apostrophes and hyphens, with `*` only at the end: anything else in a word can never match. */
const WORD = /^[\p{L}\p{N}'’-]+\*?$/u;
const SHORTEST_PREFIX = 3;

const normalisePhrase = (phrase: string) => phrase.trim().replace(/\s+/g, ' ').toLowerCase();

/** Why the coder could not use a phrase, or null when it can. */
export function phraseProblem(phrase: string, against = false): string | null {
  try {
    compilePattern('check', phrase, against);
  } catch (error) {
    const reason = String((error as Error).message).replace(/^Seed ".*?":\s*/, '');
    return `“${phrase}”: ${reason.replace('weight must be in (0, 1]', 'the weight after @ must be more than 0 and at most 1, like @0.6')}`;
  }
  const body = phrase.replace(/\s+@[0-9.]+$/, '');
  const parts = body.split(' ');
  if (parts.every((p) => p === 'not' || p === '..')) return `“${phrase}”: add at least one word besides “not”`;
  for (const part of parts) {
    if (part === '..' || part === 'not') continue;
    for (const word of part.split('|')) {
      if (!WORD.test(word)) {
        return `“${phrase}”: “${word || '|'}” cannot match any answer. Use words, | between alternatives, * at the end of a word, .. between words and a weight like @0.6 at the end`;
      }
      if (!word.endsWith('*')) continue;
      if (word.length - 1 < SHORTEST_PREFIX) return `“${phrase}”: put at least ${SHORTEST_PREFIX} letters before *`;
      // Answers are read with hyphens and apostrophes taken out of words ("e-scooters" is read "escooters").
      if (/['’-]/.test(word)) return `“${phrase}”: leave hyphens and apostrophes out of a word ending in * (write ${word.replace(/['’-]/g, '')})`;
    }
  }
  return null;
}

const phrase = (against: boolean) =>
  z
    .string()
    .max(200, 'A phrase must be 200 characters or fewer')
    .transform(normalisePhrase)
    .superRefine((p, ctx) => {
      const problem = p === '' ? 'A phrase cannot be empty' : phraseProblem(p, against);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    });

const unique = (items: string[]) => [...new Set(items)];
const lines = (max: number, most: number, what: string) =>
  z
    .array(z.string().trim().min(1, `${what} cannot be empty`).max(max, `${what} must be ${max} characters or fewer`))
    .max(most, `Give at most ${most}`)
    .transform(unique);

export const ThemeFieldsSchema = z.strictObject({
  label: z.string().trim().min(1, 'Enter a label').max(80, 'The label must be 80 characters or fewer'),
  definition: z.string().trim().min(1, 'Enter a definition saying what answers belong in this theme').max(1000, 'The definition must be 1,000 characters or fewer'),
  include: lines(200, 50, 'A line of what to include'),
  exclude: lines(200, 50, 'A line of what to exclude'),
  examples: lines(300, 50, 'An example'),
  seeds: z.array(phrase(false)).min(1, 'Add at least one phrase, or the coder cannot find this theme').max(300, 'Give at most 300 phrases').transform(unique),
  against: z.array(phrase(true)).max(100, 'Give at most 100 phrases against').transform(unique)
});
export type ThemeFields = z.infer<typeof ThemeFieldsSchema>;

export type CodebookEdit =
  | { kind: 'add'; theme: ThemeFields }
  | { kind: 'edit'; themeId: string; theme: ThemeFields }
  | { kind: 'merge'; themeId: string; intoId: string }
  | { kind: 'retire'; themeId: string }
  | { kind: 'restore'; themeId: string };

export interface AppliedEdit {
  codebook: Codebook;
  themeId: string;
  /** What changed, in words, for the version history. */
  summary: string;
}

const refused = (field: string, message: string) => new ApiError(422, 'edit_refused', message, [{ field, message }]);
const isActive = (t: Theme) => !t.retired;

function themeOf(codebook: Codebook, id: string): Theme {
  const theme = codebook.themes.find((t) => t.id === id);
  if (!theme) throw new ApiError(404, 'theme_not_found', 'There is no such theme in this codebook');
  return theme;
}

function checkLabelFree(codebook: Codebook, label: string, exceptId?: string) {
  const clash = codebook.themes.find((t) => t.id !== exceptId && isActive(t) && t.label.toLowerCase() === label.toLowerCase());
  if (clash) throw refused('theme.label', `There is already a theme called “${clash.label}”`);
}

/** A stable id from the label: "E-scooters & bikes" → e_scooters_bikes, made unique. */
export function idFor(codebook: Codebook, label: string): string {
  const slug = label
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 40);
  const base = /^[a-z]/.test(slug) ? slug : `theme_${slug}`.replace(/_+$/, '');
  const taken = new Set(codebook.themes.map((t) => t.id));
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}_${n}`;
  return id;
}

const FIELD_NAMES: [keyof ThemeFields, string][] = [
  ['label', 'label'],
  ['definition', 'definition'],
  ['include', 'what to include'],
  ['exclude', 'what to exclude'],
  ['examples', 'examples'],
  ['seeds', 'phrases'],
  ['against', 'phrases against']
];

function listed(items: string[]) {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

function editTheme(codebook: Codebook, id: string, fields: ThemeFields): AppliedEdit {
  const theme = themeOf(codebook, id);
  if (theme.mergedInto) throw refused('theme', `This theme was merged into “${themeOf(codebook, theme.mergedInto).label}”: change that theme instead`);
  checkLabelFree(codebook, fields.label, id);
  const changed = FIELD_NAMES.filter(([key]) => JSON.stringify(theme[key]) !== JSON.stringify(fields[key])).map(([, name]) => name);
  if (changed.length === 0) throw refused('theme', 'Nothing was changed. Change a field, or go back without saving');
  const themes = codebook.themes.map((t) => (t.id === id ? { ...t, ...fields } : t));
  return {
    codebook: codebookSchema.parse({ ...codebook, version: codebook.version + 1, themes }),
    themeId: id,
    summary: `Changed the ${listed(changed)} of “${fields.label}”`
  };
}

function mergeTheme(codebook: Codebook, id: string, intoId: string): AppliedEdit {
  const from = themeOf(codebook, id);
  if (!isActive(from)) throw refused('intoId', `“${from.label}” is not in use, so it cannot be merged`);
  if (intoId === id) throw refused('intoId', 'Choose a different theme to merge into');
  const into = codebook.themes.find((t) => t.id === intoId);
  if (!into || !isActive(into)) throw refused('intoId', 'Choose a theme that is in use to merge into');
  return { codebook: mergeThemes(codebook, [id], intoId), themeId: id, summary: `Merged “${from.label}” into “${into.label}”` };
}

function retire(codebook: Codebook, id: string): AppliedEdit {
  const theme = themeOf(codebook, id);
  if (!isActive(theme)) throw refused('theme', `“${theme.label}” is already retired`);
  if (codebook.themes.filter(isActive).length === 1) throw refused('theme', 'This is the only theme in use: add another before retiring it');
  return { codebook: retireTheme(codebook, id), themeId: id, summary: `Retired “${theme.label}”` };
}

function restore(codebook: Codebook, id: string): AppliedEdit {
  const theme = themeOf(codebook, id);
  if (isActive(theme)) throw refused('theme', `“${theme.label}” is already in use`);
  if (theme.mergedInto) throw refused('theme', `“${theme.label}” was merged into another theme, which took its phrases. Add a new theme instead`);
  checkLabelFree(codebook, theme.label, id);
  const themes = codebook.themes.map((t) => (t.id === id ? { ...t, retired: false } : t));
  return { codebook: codebookSchema.parse({ ...codebook, version: codebook.version + 1, themes }), themeId: id, summary: `Restored “${theme.label}”` };
}

/** The next version of `codebook` (its version + 1) with the edit made. */
export function applyEdit(codebook: Codebook, edit: CodebookEdit): AppliedEdit {
  switch (edit.kind) {
    case 'add': {
      checkLabelFree(codebook, edit.theme.label);
      const id = idFor(codebook, edit.theme.label);
      return { codebook: addTheme(codebook, { id, ...edit.theme }), themeId: id, summary: `Added “${edit.theme.label}”` };
    }
    case 'edit':
      return editTheme(codebook, edit.themeId, edit.theme);
    case 'merge':
      return mergeTheme(codebook, edit.themeId, edit.intoId);
    case 'retire':
      return retire(codebook, edit.themeId);
    case 'restore':
      return restore(codebook, edit.themeId);
  }
}
