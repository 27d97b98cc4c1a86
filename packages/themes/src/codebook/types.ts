import { z } from 'zod';

/**
 * A seed phrase: words matched by stem after normalisation, so "carry knife"
 * also matches "carrying knives" and "carries a shank" (lexicon). Syntax:
 *   `a|b`     either word            `exclu*`  any word starting "exclu"
 *   `..`      up to 3 words between  `not`     any negation ("never", "no"…)
 *   `=word`   that word exactly, not its stem ("=attacked" is not "attacks")
 *   `...`     up to 6 words between
 *   ` @0.4`   at the end: the phrase's weight (default 0.9)
 * A phrase that contains `not` is never cancelled by negation; any other
 * phrase inside a negation's scope is ignored for themes marked `negatable`.
 */
export const seedPhraseSchema = z.string().min(1);

export const themeSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9_]*$/),
  label: z.string().min(1),
  definition: z.string(),
  include: z.array(z.string()).default([]),
  exclude: z.array(z.string()).default([]),
  /** Short illustrative answers (invented, never real respondents'). */
  examples: z.array(z.string()).default([]),
  /** Phrases that are evidence for the theme. */
  seeds: z.array(seedPhraseSchema).default([]),
  /** Phrases that are evidence against it ("feel safe" for fear). */
  against: z.array(seedPhraseSchema).default([]),
  /**
   * Phrases matched against the survey question: when the question matches
   * and the answer is not a refusal ("nowhere", "no"), the answer gets this
   * evidence — naming a place in answer to "where do you avoid?" is fear.
   */
  questionCues: z.array(seedPhraseSchema).default([]),
  /** Whether "no X" / "not X" means the answer is not about X. */
  negatable: z.boolean().default(true),
  retired: z.boolean().default(false),
  /** Set when the theme was merged into another; codes move there. */
  mergedInto: z.string().optional()
});

export const codebookSchema = z.object({
  name: z.string().min(1),
  version: z.number().int().positive(),
  description: z.string().default(''),
  /** Rules for where themes meet, in plain words for analysts. */
  rules: z.array(z.string()).default([]),
  themes: z.array(themeSchema)
});

export type Theme = z.infer<typeof themeSchema>;
export type ThemeInput = z.input<typeof themeSchema>;
export type Codebook = z.infer<typeof codebookSchema>;

/** The version string recorded on every code, e.g. "default@3". */
export function codebookVersion(codebook: Codebook): string {
  return `${codebook.name}@${codebook.version}`;
}

/** Themes that are coded now (not retired or merged away). */
export function activeThemes(codebook: Codebook): Theme[] {
  return codebook.themes.filter((theme) => !theme.retired);
}
