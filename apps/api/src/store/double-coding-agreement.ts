// Agreement between two coders of the same answers, theme by theme: Cohen's
// kappa with its 95% interval and Landis & Koch wording, the share of answers
// they agree on, and overall figures over every answer and theme. Kappa
// describes coders, not respondents, so no small-number suppression applies;
// n is always shown instead.
import { cohensKappa, describeKappa } from '@safer-voices/insights';

export interface KappaFigure {
  /** null when kappa is not defined (no answers, or neither coder ever differed from one category). */
  kappa: number | null;
  lower: number | null;
  upper: number | null;
  /** e.g. "substantial agreement"; null when kappa is not defined. */
  description: string | null;
  /** Why kappa is not defined, in words. */
  undefinedBecause: string | null;
  n: number;
}

export interface ThemeAgreement extends KappaFigure {
  themeId: string;
  label: string;
  /** Answers each coder gave the theme. */
  firstCount: number;
  secondCount: number;
  /** Share (0–1) of answers on which they agree about this theme. */
  agreement: number;
}

export interface Comparison {
  kind: 'analysts' | 'machine';
  first: string;
  second: string;
  themes: ThemeAgreement[];
  overall: {
    /** Share (0–1) of answer × theme decisions the two agree on. */
    agreement: number;
    /** Answers given exactly the same set of themes. */
    identical: number;
    /** Kappa over every answer × theme decision together. */
    kappa: KappaFigure;
  };
}

/** A coder's themes for each answer, keyed like itemKey. */
export type Coding = Map<string, ReadonlySet<string>>;

export const itemKey = (item: { responseId: string; questionId: string }) => `${item.responseId}\n${item.questionId}`;

const round = (n: number, places = 3) => Math.round(n * 10 ** places) / 10 ** places;

function kappaFigure(pairs: [boolean, boolean][]): KappaFigure {
  const result = cohensKappa(pairs);
  if (!result.defined) {
    const undefinedBecause = result.reason === 'no pairs' ? 'no answers were coded' : 'both coders made the same choice for every answer';
    return { kappa: null, lower: null, upper: null, description: null, undefinedBecause, n: result.n };
  }
  // Kappa is reported to two decimals, and described as shown: 0.6 computed
  // as 0.6000000000000001 is "moderate", as the table says 0.60.
  const kappa = round(result.kappa, 2);
  return {
    kappa,
    lower: round(result.lower, 2),
    upper: round(result.upper, 2),
    description: `${describeKappa(kappa)} agreement`,
    undefinedBecause: null,
    n: result.n
  };
}

export function compare(
  kind: Comparison['kind'],
  first: { name: string; coding: Coding },
  second: { name: string; coding: Coding },
  items: readonly string[],
  themes: readonly { id: string; label: string }[]
): Comparison {
  const has = (coding: Coding, item: string, theme: string) => coding.get(item)?.has(theme) ?? false;
  const allPairs: [boolean, boolean][] = [];
  const perTheme = themes.map((theme): ThemeAgreement => {
    const pairs = items.map((item): [boolean, boolean] => [has(first.coding, item, theme.id), has(second.coding, item, theme.id)]);
    allPairs.push(...pairs);
    const agreeing = pairs.filter(([a, b]) => a === b).length;
    return {
      themeId: theme.id,
      label: theme.label,
      firstCount: pairs.filter(([a]) => a).length,
      secondCount: pairs.filter(([, b]) => b).length,
      agreement: items.length === 0 ? 0 : round(agreeing / items.length),
      ...kappaFigure(pairs)
    };
  });
  const sameSet = (item: string) => themes.every((t) => has(first.coding, item, t.id) === has(second.coding, item, t.id));
  const agreeing = allPairs.filter(([a, b]) => a === b).length;
  return {
    kind,
    first: first.name,
    second: second.name,
    themes: perTheme,
    overall: {
      agreement: allPairs.length === 0 ? 0 : round(agreeing / allPairs.length),
      identical: items.filter(sameSet).length,
      kappa: kappaFigure(allPairs)
    }
  };
}
