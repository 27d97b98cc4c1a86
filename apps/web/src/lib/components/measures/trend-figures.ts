// A measure wave by wave as the Measures page draws it: a point per wave with
// its 95% interval as a bar, and a line only between waves that were asked
// alike (a changed question or mode breaks the line). Geometry is worked out
// on the server with d3 scales; the page sends no JavaScript. Every figure is
// also in the table beside the chart.
import { scaleLinear, scalePoint } from 'd3-scale';

export interface TrendFigure {
  id: string;
  label: string;
  shown: boolean;
  percent: number | null;
  lower: number | null;
  upper: number | null;
}

export interface TrendStep {
  comparable: boolean;
}

export interface TrendPoint {
  label: string;
  /** Across, as a percentage of the chart's width. */
  x: number;
  /** Down, in pixels; null when the wave's figure is withheld. */
  y: number | null;
  lowerY: number | null;
  upperY: number | null;
  value: string;
}

export interface TrendLayout {
  points: TrendPoint[];
  /** Joins between neighbouring waves that can be compared, both shown. */
  lines: { x1: number; y1: number; x2: number; y2: number }[];
  ticks: { y: number; label: string }[];
  plotHeight: number;
  height: number;
}

export const PLOT_HEIGHT = 180;
const LABEL_ROOM = 44;

export function trendLayout(figures: readonly TrendFigure[], steps: readonly TrendStep[]): TrendLayout {
  const shown = figures.filter((f) => f.shown && f.upper !== null);
  const top = Math.min(100, Math.max(20, Math.ceil(Math.max(0, ...shown.map((f) => f.upper ?? 0)) / 10) * 10));
  const y = scaleLinear().domain([0, top]).range([PLOT_HEIGHT, 0]);
  // Room at both ends so the first and last interval bars and their figures stay inside.
  const x = scalePoint<string>()
    .domain(figures.map((f) => f.id))
    .range([12, 88])
    .align(0.5)
    .padding(figures.length === 1 ? 1 : 0);
  const points = figures.map((f) => {
    const on = f.shown && f.percent !== null;
    return {
      label: f.label,
      x: x(f.id) ?? 50,
      y: on ? y(f.percent as number) : null,
      lowerY: on && f.lower !== null ? y(f.lower) : null,
      upperY: on && f.upper !== null ? y(f.upper) : null,
      value: on ? `${Math.round(f.percent as number)}%` : 'Withheld'
    };
  });
  const lines = points.slice(1).flatMap((p, i) => {
    const before = points[i] as TrendPoint;
    return steps[i]?.comparable && before.y !== null && p.y !== null ? [{ x1: before.x, y1: before.y, x2: p.x, y2: p.y }] : [];
  });
  const ticks = y.ticks(4).map((t) => ({ y: y(t), label: `${t}%` }));
  return { points, lines, ticks, plotHeight: PLOT_HEIGHT, height: PLOT_HEIGHT + LABEL_ROOM };
}
