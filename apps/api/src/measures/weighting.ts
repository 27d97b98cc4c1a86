// Weighting a series' waves to population margins the analyst enters, by
// raking (packages/insights/src/raking.ts). Each wave is weighted on its own:
// its respondents fall into cells by the variables chosen — who the
// questionnaire is for (its age band), the school of their class code, or
// their answer to a single-choice question such as gender — and every
// respondent of a cell carries the cell's weight.
//
// Categories the analyst leaves blank, and people with no answer (no class
// code, a skipped question, a version that did not ask it), keep the share
// they have in the wave's sample; the entered shares divide the rest. That
// way "prefer not to say" or a younger version without the question is
// neither inflated nor dropped.
import type { SeriesWeighting } from '@safer-voices/db';
import { type Bitset, type Margins, RakingError, rake } from '@safer-voices/insights';
import type { Question } from '@safer-voices/survey';
import type { LoadedExplorer } from '../explore/load';
import { ageBandOf } from './age-band';
import type { WaveMember } from './series-store';

export const GROUP_VARIABLE = 'group';
export const SCHOOL_VARIABLE = 'school';
const QUESTION_PREFIX = 'question:';

export interface WeightingVariable {
  key: string;
  label: string;
  categories: { value: string; label: string }[];
}

export interface ExploredMember {
  member: WaveMember;
  loaded: LoadedExplorer;
}

/** A cell of one questionnaire's respondents with its weight. */
export interface WeightedCell {
  rows: Bitset;
  weight: number;
}

export interface WaveWeightingReport {
  waveId: string;
  label: string;
  /** False when the wave could not be weighted (see problem): its figures are then unweighted. */
  applied: boolean;
  problem: string | null;
  converged: boolean;
  iterations: number;
  /** Largest gap between a weighted share and its target, in percentage points. */
  largestGapPoints: number;
  /** Cells whose weight was trimmed to a bound. */
  trimmed: number;
  n: number;
  kishEffectiveN: number;
  designEffect: number;
}

/** Single-choice questions that describe the respondent (gender, an age band): not the measures being estimated. */
function singleQuestionsOf(loaded: LoadedExplorer): Extract<Question, { type: 'single' }>[] {
  const newest = loaded.meta.versions.at(-1)?.definition;
  return (newest?.pages ?? []).flatMap((p) => p.questions).filter((q): q is Extract<Question, { type: 'single' }> => q.type === 'single' && q.measure === undefined);
}

/** What the waves of a series can be weighted by, with the categories their questionnaires have. */
export function weightingVariables(members: readonly ExploredMember[]): WeightingVariable[] {
  // Youngest first: "8–11" before "11–19", names ("adults") after.
  const groups = [...new Set(members.map(({ loaded }) => ageBandOf(loaded)).filter((b) => b !== ''))].sort(
    (a, b) => (Number.parseInt(a, 10) || 999) - (Number.parseInt(b, 10) || 999) || a.localeCompare(b)
  );
  const schools = new Set<string>();
  const questions = new Map<string, WeightingVariable>();
  for (const { loaded } of members) {
    const column = loaded.index.dimensions.get(loaded.meta.contextKeys.school);
    for (const value of column?.values ?? []) schools.add(value);
    for (const question of singleQuestionsOf(loaded)) {
      const key = `${QUESTION_PREFIX}${question.id}`;
      const known = questions.get(key) ?? { key, label: `Answers to “${question.label}”`, categories: [] };
      for (const option of question.options) if (!known.categories.some((c) => c.value === option.value)) known.categories.push({ value: option.value, label: option.label });
      questions.set(key, known);
    }
  }
  return [
    ...(groups.length > 1 ? [{ key: GROUP_VARIABLE, label: 'Age group (the questionnaire answered)', categories: groups.map((g) => ({ value: g, label: g })) }] : []),
    ...(schools.size > 1 ? [{ key: SCHOOL_VARIABLE, label: 'School (from class codes)', categories: [...schools].sort().map((s) => ({ value: s, label: s })) }] : []),
    ...questions.values()
  ].filter((v) => v.categories.length > 1);
}

/** Per respondent of a questionnaire, their category of a variable ('' for none). */
function readerOf(loaded: LoadedExplorer, key: string): (row: number) => string {
  if (key === GROUP_VARIABLE) {
    const band = ageBandOf(loaded);
    return () => band;
  }
  const dimension = key === SCHOOL_VARIABLE ? loaded.meta.contextKeys.school : key.startsWith(QUESTION_PREFIX) ? key.slice(QUESTION_PREFIX.length) : null;
  const column = dimension === null ? undefined : loaded.index.dimensions.get(dimension);
  if (column?.kind !== 'single') return () => '';
  return (row) => {
    const code = column.codes[row] as number;
    return code === 0 ? '' : (column.values[code - 1] ?? '');
  };
}

interface Cell {
  categories: Record<string, string>;
  rows: Bitset;
  count: number;
}

// Respondents are only added, so a questionnaire's cells change only when it grows.
const cellCache = new WeakMap<LoadedExplorer['index'], { size: number; key: string; cells: Cell[] }>();

/** One questionnaire's respondents by their categories of the variables. */
function cellsOf(loaded: LoadedExplorer, keys: readonly string[]): Cell[] {
  const { index } = loaded;
  const cacheKey = JSON.stringify(keys);
  const kept = cellCache.get(index);
  if (kept && kept.size === index.size && kept.key === cacheKey) return kept.cells;
  const readers = keys.map((key) => readerOf(loaded, key));
  const byKey = new Map<string, Cell>();
  const words = (index.size + 31) >>> 5;
  for (let row = 0; row < index.size; row++) {
    const values = readers.map((read) => read(row));
    const key = JSON.stringify(values);
    let cell = byKey.get(key);
    if (!cell) {
      cell = { categories: Object.fromEntries(keys.map((k, i) => [k, values[i] as string])), rows: new Uint32Array(words), count: 0 };
      byKey.set(key, cell);
    }
    cell.rows[row >>> 5] = (cell.rows[row >>> 5] as number) | (1 << (row & 31));
    cell.count++;
  }
  const cells = [...byKey.values()];
  cellCache.set(index, { size: index.size, key: cacheKey, cells });
  return cells;
}

/**
 * The targets for one wave: the entered shares divide what is left once the
 * categories without one (and no answer) keep their share of the sample.
 */
function marginsFor(cells: readonly Cell[], weighting: SeriesWeighting): Margins {
  const n = cells.reduce((s, c) => s + c.count, 0);
  const margins: Margins = {};
  for (const variable of weighting.variables) {
    const observed = new Map<string, number>();
    for (const cell of cells) {
      const category = cell.categories[variable.key] ?? '';
      observed.set(category, (observed.get(category) ?? 0) + cell.count);
    }
    const kept = [...observed].filter(([category]) => !(category in variable.shares));
    const keptShare = kept.reduce((s, [, count]) => s + count / n, 0);
    margins[variable.key] = {
      ...Object.fromEntries(kept.map(([category, count]) => [category, count / n])),
      ...Object.fromEntries(Object.entries(variable.shares).map(([category, share]) => [category, share * (1 - keptShare)]))
    };
  }
  return margins;
}

const unweighted = (waveId: string, label: string, n: number, problem: string): WaveWeightingReport => ({
  waveId,
  label,
  applied: false,
  problem,
  converged: false,
  iterations: 0,
  largestGapPoints: 0,
  trimmed: 0,
  n,
  kishEffectiveN: n,
  designEffect: 1
});

/**
 * A category the margins give a share that too few of the wave's people are
 * in: raking cannot stand nobody for a group, and a group of fewer than the
 * threshold would carry a weighted figure towards its few answers — a way to
 * read them that the disclosure rule forbids.
 */
function tooSmallCategory(cells: readonly Cell[], weighting: SeriesWeighting, variables: readonly WeightingVariable[], threshold: number): string | null {
  for (const variable of weighting.variables) {
    for (const category of Object.keys(variable.shares)) {
      const people = cells.reduce((s, c) => s + (c.categories[variable.key] === category ? c.count : 0), 0);
      if (people >= threshold) continue;
      const known = variables.find((v) => v.key === variable.key);
      const label = known?.categories.find((c) => c.value === category)?.label ?? category;
      return people === 0
        ? `nobody in it is in “${label}” (${known?.label ?? variable.key}), so no one can stand for that group`
        : `fewer than ${threshold} of its people are in “${label}” (${known?.label ?? variable.key}), too few to weight by`;
    }
  }
  return null;
}

/** Weights for one wave's questionnaires (by questionnaire id), and how the raking went. */
export function weightWave(
  wave: { id: string; label: string },
  members: readonly ExploredMember[],
  weighting: SeriesWeighting,
  variables: readonly WeightingVariable[],
  threshold: number
): { weights: Map<string, WeightedCell[]>; report: WaveWeightingReport } {
  const keys = weighting.variables.map((v) => v.key);
  const perMember = members.map(({ member, loaded }) => ({ id: member.id, cells: cellsOf(loaded, keys) }));
  const cells = perMember.flatMap((m) => m.cells);
  const n = cells.reduce((s, c) => s + c.count, 0);
  if (n === 0) return { weights: new Map(), report: unweighted(wave.id, wave.label, 0, 'Nobody has answered yet.') };
  const missing = tooSmallCategory(cells, weighting, variables, threshold);
  if (missing) return { weights: new Map(), report: unweighted(wave.id, wave.label, n, `It is not weighted: ${missing}.`) };
  let raked: ReturnType<typeof rake>;
  try {
    raked = rake(
      cells.map((c) => ({ categories: c.categories, count: c.count })),
      marginsFor(cells, weighting),
      { trim: weighting.trim }
    );
  } catch (error) {
    if (!(error instanceof RakingError)) throw error;
    return { weights: new Map(), report: unweighted(wave.id, wave.label, n, 'It is not weighted: its respondents do not fit the population shares entered.') };
  }
  const weights = new Map<string, WeightedCell[]>();
  let at = 0;
  for (const m of perMember)
    weights.set(
      m.id,
      m.cells.map((cell) => ({ rows: cell.rows, weight: raked.weights[at++] ?? 1 }))
    );
  return {
    weights,
    report: {
      waveId: wave.id,
      label: wave.label,
      applied: true,
      problem: null,
      converged: raked.converged,
      iterations: raked.iterations,
      largestGapPoints: raked.largestGap * 100,
      trimmed: raked.trimmed,
      n: raked.n,
      kishEffectiveN: raked.kishEffectiveN,
      designEffect: raked.designEffect
    }
  };
}
