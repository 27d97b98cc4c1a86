// The perception-of-safety section: each measure the author chose, wave by
// wave from the series' measures (the explorer's disclosure rule, intervals
// and change between waves), as a trend chart with its alternative text and
// data table, and the sentence to quote; then the measures of success chosen,
// with their status.
import type { Block, TableBlock, TrendPoint } from './model';
import type { MeasureLine } from '../measures/waves-view';
import type { ResolveContext } from './context';
import { count, interval, notShownWords, paragraphsOf, percent, waveReason, withheldMarks } from './format';

export const verdictWords = (verdict: string): string => (verdict === 'increase' ? 'an increase' : verdict === 'decrease' ? 'a decrease' : 'no statistically significant change');

function stepWords(line: MeasureLine, i: number): string {
  if (i === 0) return '—';
  const step = line.steps[i - 1];
  if (!step) return '—';
  if (!step.comparable) return step.weightingDiffers ? 'Not compared: only one wave is weighted' : 'Not compared: asked differently';
  if (!step.change) return 'Not compared: a figure is withheld';
  const points = (step.change.difference ?? 0) * 100;
  const verdict = verdictWords(step.change.verdict);
  return `${points >= 0 ? '+' : '−'}${Math.abs(points).toFixed(1)} points, ${verdict}`;
}

export function trendPoints(line: MeasureLine): TrendPoint[] {
  return line.figures.map((f, i) => {
    const shown = f.shown && f.percent !== null;
    const before = line.figures[i - 1];
    const step = line.steps[i - 1];
    return {
      label: f.label,
      value: shown ? f.percent : null,
      lower: shown ? f.lower : null,
      upper: shown ? f.upper : null,
      joined: i > 0 && shown && !!before?.shown && before.percent !== null && !!step?.comparable,
      // The chart's alternative text says which waves are weighted (packages/reports chart-svg).
      ...(shown && f.weighted ? { weighted: true } : {})
    };
  });
}

/** The measure's figures by wave; a withheld wave's figure, interval and number answering are each "[c]" with the rule that withheld them. */
export function measureTable(line: MeasureLine, threshold: number): TableBlock {
  const marks = withheldMarks(threshold);
  const rows = line.figures.map((f, i) => {
    const shown = f.shown && f.percent !== null;
    const reason = waveReason(f.withheld);
    return [
      f.label,
      shown ? `${percent(f.percent)}${f.weighted ? ' (weighted)' : ''}` : marks.cell(reason),
      shown ? interval(f.lower, f.upper) : marks.cell(reason),
      shown ? count(f.base) : marks.cell(reason),
      stepWords(line, i)
    ];
  });
  return {
    type: 'table',
    caption: `${line.name}: ${line.headline}, by wave`,
    head: ['Wave', line.headline, '95% interval', 'People answering', 'Change from the wave before'],
    rows,
    numeric: [false, true, true, true, false],
    ...marks.notes()
  };
}

function altText(line: MeasureLine, threshold: number): string {
  const points = line.figures.map((f) =>
    f.shown && f.percent !== null ? `${f.label} ${percent(f.percent)} (${interval(f.lower, f.upper)})` : notShownWords(f.label, waveReason(f.withheld), threshold)
  );
  const steps = line.steps.flatMap((s, i) => (s.change ? [`${line.figures[i]?.label} to ${line.figures[i + 1]?.label}: ${verdictWords(s.change.verdict)}`] : []));
  return `Line chart of ${line.name.toLowerCase()} (${line.headline}) by wave, with 95% intervals: ${points.join('; ')}.${steps.length > 0 ? ` ${steps.join('; ')}.` : ''}`;
}

export function measureBlocks(line: MeasureLine, threshold: number): Block[] {
  return [
    { type: 'subheading', text: line.name },
    {
      type: 'chart',
      title: `${line.name}: ${line.headline}`,
      alt: altText(line, threshold),
      chart: { kind: 'trend', points: trendPoints(line) },
      table: measureTable(line, threshold)
    },
    { type: 'paragraph', text: line.sentence }
  ];
}

function successTable(context: ResolveContext, ids: readonly string[]): Block[] {
  const all = context.strategy.flatMap((p) => p.measures.map((m) => ({ priority: p.title, measure: m })));
  const chosen = ids.flatMap((id) => all.find((m) => m.measure.id === id) ?? []);
  if (chosen.length === 0) return [];
  return [
    { type: 'subheading', text: 'Measures of success' },
    {
      type: 'table',
      caption: 'Measures of success and whether they are on track',
      head: ['Measure of success', 'Priority', 'Target', 'Status', 'Why'],
      rows: chosen.map(({ priority, measure }) => [
        measure.name,
        priority,
        `${measure.direction === 'increase' ? 'Up' : 'Down'} ${measure.targetPoints} points by ${measure.targetDate.slice(0, 4)}`,
        measure.status,
        measure.reason
      ])
    }
  ];
}

export function safetyBlocks(context: ResolveContext, section: { intro: string; measureKeys: string[]; successMeasureIds: string[] }): Block[] {
  const lines = section.measureKeys.flatMap((key) => context.measures?.measures.find((m) => m.key === key) ?? []);
  return [
    ...paragraphsOf(section.intro).map((text): Block => ({ type: 'paragraph', text })),
    ...lines.flatMap((line) => measureBlocks(line, context.threshold)),
    ...successTable(context, section.successMeasureIds)
  ];
}
