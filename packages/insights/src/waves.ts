// One measure across the waves of a series: a figure per wave, with its
// interval allowing for clustering by school, and the change from each wave
// to the next where the two can be compared.
//
// A wave may hold several questionnaires (age-banded versions); each brings a
// part: its respondents in the measure's base and those counted, per school.
// Disclosure control is the explorer's, applied to the wave and to every part
// (the explorer shows each questionnaire on its own, so a wave total less the
// parts shown there must not give away a part it withholds):
// - the wave's figure is shown only when its count and the respondents
//   without it are both at least the threshold (suppress, one-way), and
// - every part with anyone in it would be shown by the same rule.
// A withheld wave is not compared with anything.
//
// A weighted wave's figure is the weighted share, its interval on the
// effective sample size after both clustering and weighting (their design
// effects multiplied, the usual approximation); what is shown or withheld is
// still decided on the unweighted counts of people, which is what disclosure
// control protects.
//
// Waves are compared only when they are alike: the same parts (matched by age
// band), each with the same wording and answer scale, collected the same way
// (in school time with codes, or through an open link). Otherwise the step
// says what changed and gives no verdict.
import { type Change, twoProportionChange } from './change';
import { type ClusterDesignEffect, clusterDesignEffect } from './design-effect';
import { suppress } from './suppress';
import { wilsonInterval } from './wilson';

export type CollectionMode = 'school' | 'open';

export interface WavePart {
  questionnaireId: string;
  /** Who the part is for: an age band such as "11–19", or a name such as "adults"; parts of two waves are matched by it. */
  ageBand: string;
  /** The question (and grid row) as worded. */
  wording: string;
  /** The answer scale and what counts, as a comparable string. */
  scale: string;
  mode: CollectionMode;
  base: number;
  counted: number;
  /** Per school code; respondents with none are each a cluster of one. */
  schools: { base: number; counted: number }[];
  /**
   * When the wave is weighted (raking.ts): the sum of the weights of those in
   * the base and of those counted, and of the squared weights in the base.
   */
  weighted?: { base: number; counted: number; baseSquares: number };
}

export interface WaveInput {
  id: string;
  label: string;
  date: Date;
  parts: WavePart[];
}

export type WithheldReason = 'no respondents' | 'too few respondents' | 'a part is too small to show';

export interface WaveFigure {
  id: string;
  label: string;
  date: Date;
  ageBands: string[];
  shown: boolean;
  withheld: WithheldReason | null;
  /** Respondents in the base, when shown. */
  base: number | null;
  /** 0–100 with its 95% interval on the effective sample size; null when withheld. */
  percent: number | null;
  lower: number | null;
  upper: number | null;
  /** Clustering by school, when any respondent came with a school code. */
  designEffect: ClusterDesignEffect | null;
  /** Whether the figure is weighted to population margins. */
  weighted: boolean;
  /** Kish's design effect of the weights among those in the base (n Σw² / (Σw)²); null when unweighted. */
  weightingDesignEffect: number | null;
  /** The design effect the interval and any change use: clustering times weighting. */
  totalDesignEffect: number;
}

export interface WaveStep {
  from: string;
  to: string;
  comparable: boolean;
  /** What differs between the two waves, in words; empty when they are alike. */
  notes: string[];
  /** Only when both figures are shown and the waves are comparable. */
  change: Change | null;
  /** Not compared because only one of the two is weighted (the questions may be alike). */
  weightingDiffers: boolean;
}

export interface MeasureOverWaves {
  figures: WaveFigure[];
  steps: WaveStep[];
}

const passes = (counted: number, base: number, threshold: number): boolean => {
  const shown = suppress([counted, base - counted], { threshold });
  return shown.cells[0]?.count != null && shown.cells[1]?.count != null && base >= threshold;
};

function figureOf(wave: WaveInput, threshold: number): { figure: WaveFigure; deff: number; counted: number; base: number } {
  const base = wave.parts.reduce((s, p) => s + p.base, 0);
  const counted = wave.parts.reduce((s, p) => s + p.counted, 0);
  const ageBands = [...new Set(wave.parts.filter((p) => p.base > 0).map((p) => p.ageBand))];
  const withheld: WithheldReason | null =
    base === 0
      ? 'no respondents'
      : !passes(counted, base, threshold)
        ? 'too few respondents'
        : wave.parts.some((p) => p.base > 0 && !passes(p.counted, p.base, threshold))
          ? 'a part is too small to show'
          : null;
  const inSchools = wave.parts.flatMap((p) => p.schools);
  const withCode = inSchools.reduce((s, c) => s + c.base, 0);
  // Respondents with no school code: clusters of one, as many counted as are left.
  const singles = { n: base - withCode, successes: counted - inSchools.reduce((s, c) => s + c.counted, 0) };
  const designEffect =
    withCode > 0
      ? clusterDesignEffect(
          inSchools.map((c) => ({ n: c.base, successes: c.counted })),
          undefined,
          singles
        )
      : null;
  const clusterDeff = designEffect?.designEffect ?? 1;
  const answered = wave.parts.filter((p) => p.base > 0);
  const weighted = answered.length > 0 && answered.every((p) => p.weighted !== undefined);
  const sums = answered.reduce((s, p) => ({ base: s.base + (p.weighted?.base ?? 0), counted: s.counted + (p.weighted?.counted ?? 0), squares: s.squares + (p.weighted?.baseSquares ?? 0) }), {
    base: 0,
    counted: 0,
    squares: 0
  });
  // Kish: n Σw² / (Σw)² is at least 1 (Cauchy–Schwarz); rounding can put it a hair below.
  const weightingDesignEffect = weighted && sums.base > 0 ? Math.max(1, (base * sums.squares) / (sums.base * sums.base)) : null;
  const deff = clusterDeff * (weightingDesignEffect ?? 1);
  const common = { id: wave.id, label: wave.label, date: wave.date, ageBands, designEffect, weighted, weightingDesignEffect, totalDesignEffect: deff };
  if (withheld) return { figure: { ...common, shown: false, withheld, base: null, percent: null, lower: null, upper: null }, deff, counted, base };
  const p = weightingDesignEffect !== null ? Math.min(1, Math.max(0, sums.counted / sums.base)) : counted / base;
  const interval = wilsonInterval(p, base / deff);
  // A weighted share stands for p × n people of the n who answered, for the change between waves.
  return { figure: { ...common, shown: true, withheld: null, base, percent: p * 100, lower: interval.lower * 100, upper: interval.upper * 100 }, deff, counted: p * base, base };
}

/** What differs between two waves' parts, in words. */
export function differencesBetween(before: WaveInput, after: WaveInput): string[] {
  const notes: string[] = [];
  const bands = (w: WaveInput) => new Map(w.parts.filter((p) => p.base > 0).map((p) => [p.ageBand, p]));
  const was = bands(before);
  const now = bands(after);
  for (const band of now.keys()) if (!was.has(band)) notes.push(`${after.label} includes ${groupWords(band)}; ${before.label} did not`);
  for (const band of was.keys()) if (!now.has(band)) notes.push(`${after.label} does not include ${groupWords(band)}; ${before.label} did`);
  for (const [band, part] of now) {
    const old = was.get(band);
    if (!old) continue;
    if (old.wording !== part.wording) notes.push(`The question for ${groupWords(band)} was worded differently in ${before.label}: “${old.wording}”`);
    if (old.scale !== part.scale) notes.push(`The answers offered to ${groupWords(band)} changed between ${before.label} and ${after.label}`);
    if (old.mode !== part.mode) notes.push(`${groupWords(band)} answered ${modeWords(old.mode)} in ${before.label} and ${modeWords(part.mode)} in ${after.label}`);
  }
  return notes;
}

/** "11–19 year olds" for an age band, the name itself otherwise ("adults"). */
const groupWords = (band: string) => (/^\d/.test(band) ? `${band} year olds` : band);

const modeWords = (mode: CollectionMode) => (mode === 'school' ? 'in school time, with codes' : 'through an open link');

/** Waves oldest first (sorted here by date). */
export function measureOverWaves(waves: WaveInput[], threshold: number): MeasureOverWaves {
  const ordered = [...waves].sort((a, b) => a.date.getTime() - b.date.getTime());
  const worked = ordered.map((w) => figureOf(w, threshold));
  const steps: WaveStep[] = [];
  for (let i = 1; i < ordered.length; i++) {
    const [before, after] = [ordered[i - 1] as WaveInput, ordered[i] as WaveInput];
    const [a, b] = [worked[i - 1] as (typeof worked)[number], worked[i] as (typeof worked)[number]];
    const notes = differencesBetween(before, after);
    const weightingDiffers = a.figure.shown && b.figure.shown && a.figure.weighted !== b.figure.weighted;
    if (weightingDiffers) {
      notes.push(`${(a.figure.weighted ? before : after).label} is weighted to population figures and ${(a.figure.weighted ? after : before).label} is not`);
    }
    const comparable = notes.length === 0;
    const change =
      comparable && a.figure.shown && b.figure.shown ? twoProportionChange({ successes: a.counted, n: a.base, designEffect: a.deff }, { successes: b.counted, n: b.base, designEffect: b.deff }) : null;
    steps.push({ from: before.id, to: after.id, comparable, notes, change, weightingDiffers });
  }
  return { figures: worked.map((w) => w.figure), steps };
}

const pct = (v: number) => `${Math.round(v)}%`;

/** "8–11 and 11–19 year olds", "adults", "11–19 year olds and adults". */
function whoAnswered(bands: readonly string[]): string {
  const ages = bands.filter((b) => /^\d/.test(b));
  const others = bands.filter((b) => !/^\d/.test(b));
  const parts = [...(ages.length > 0 ? [`${ages.join(' and ')} year olds`] : []), ...others];
  return parts.length > 0 ? parts.join(' and ') : 'respondents';
}

/**
 * The sentence a strategy author can quote, e.g. "In 2026, safe after dark:
 * 58% (55–61%) of 11–19 year olds, no statistically significant change from
 * 2025 (55%)."
 */
export function waveSentence(name: string, figure: WaveFigure, previous: WaveFigure | null, step: WaveStep | null): string {
  const who = whoAnswered(figure.ageBands);
  const what = name.charAt(0).toLowerCase() + name.slice(1);
  if (!figure.shown || figure.percent === null) return `In ${figure.label}, ${what}: too few ${who} answered to show a figure.`;
  const weighted = figure.weighted ? ', weighted' : '';
  const now = `In ${figure.label}, ${what}: ${pct(figure.percent)} (${Math.round(figure.lower ?? 0)}–${pct(figure.upper ?? 0)}${weighted}) of ${who}`;
  if (!previous || !step) return `${now}.`;
  if (!previous.shown || previous.percent === null) return `${now}; ${previous.label} had too few to compare.`;
  if (!step.change && step.weightingDiffers) return `${now}; not compared with ${previous.label} (${pct(previous.percent)}), as only one of the two is weighted.`;
  if (!step.change) return `${now}; not compared with ${previous.label} (${pct(previous.percent)}), which was asked differently.`;
  const verdict = step.change.verdict === 'increase' ? 'an increase' : step.change.verdict === 'decrease' ? 'a decrease' : 'no statistically significant change';
  return `${now}, ${verdict} from ${previous.label} (${pct(previous.percent)}).`;
}
