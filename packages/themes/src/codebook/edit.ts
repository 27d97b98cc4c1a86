import { type Codebook, codebookSchema, type Theme, type ThemeInput, themeSchema } from './types';

// Every edit returns a new codebook with the version bumped, so codes made
// under the old version stay traceable to the themes they were made with.

function bump(codebook: Codebook, themes: Theme[]): Codebook {
  return codebookSchema.parse({ ...codebook, version: codebook.version + 1, themes });
}

function find(codebook: Codebook, id: string): Theme {
  const theme = codebook.themes.find((t) => t.id === id);
  if (!theme) throw new Error(`No theme "${id}" in codebook ${codebook.name}@${codebook.version}`);
  return theme;
}

export function addTheme(codebook: Codebook, input: ThemeInput): Codebook {
  const theme = themeSchema.parse(input);
  if (codebook.themes.some((t) => t.id === theme.id)) throw new Error(`Theme "${theme.id}" already exists`);
  return bump(codebook, [...codebook.themes, theme]);
}

/** Changes a theme's label (and optionally definition); its id stays stable. */
export function renameTheme(codebook: Codebook, id: string, label: string, definition?: string): Codebook {
  find(codebook, id);
  return bump(
    codebook,
    codebook.themes.map((t) => (t.id === id ? { ...t, label, definition: definition ?? t.definition } : t))
  );
}

/** Stops coding a theme; it stays in the codebook so old codes still resolve. */
export function retireTheme(codebook: Codebook, id: string): Codebook {
  find(codebook, id);
  return bump(
    codebook,
    codebook.themes.map((t) => (t.id === id ? { ...t, retired: true } : t))
  );
}

/**
 * Folds themes into another: the target takes their phrases and examples,
 * they are retired with `mergedInto`, and training labels follow the merge.
 */
export function mergeThemes(codebook: Codebook, fromIds: string[], intoId: string): Codebook {
  const into = find(codebook, intoId);
  const from = fromIds.filter((id) => id !== intoId).map((id) => find(codebook, id));
  const union = (pick: (t: Theme) => string[]) => [...new Set([...pick(into), ...from.flatMap(pick)])];
  const merged: Theme = {
    ...into,
    include: union((t) => t.include),
    examples: union((t) => t.examples),
    seeds: union((t) => t.seeds),
    questionCues: union((t) => t.questionCues)
  };
  const fromSet = new Set(from.map((t) => t.id));
  return bump(
    codebook,
    codebook.themes.map((t) => (t.id === intoId ? merged : fromSet.has(t.id) ? { ...t, retired: true, mergedInto: intoId } : t))
  );
}
