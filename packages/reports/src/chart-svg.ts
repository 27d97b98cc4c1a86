// Every chart of a report drawn once, as a standalone SVG string: inline in
// the HTML (and so in the PDF) and turned into a PNG for Word. Geometry comes
// from d3 scales on the server; there is no DOM. The look follows the
// Measures page's trend chart (apps/web …/measures/TrendChart.svelte): blue
// points with black 95% interval bars, a line only between waves asked alike,
// grey gridlines with their percentages, wave labels underneath.
import { scaleLinear, scalePoint } from 'd3-scale';
import { labels } from './labels';
import type { BarChart, Chart, TrendChart } from './model';
import { escapeMarkup, safeId } from './text';

/** The font family the PNG step loads from packages/reports/fonts (and browsers usually have). */
export const CHART_FONT = 'DejaVu Sans';

/**
 * Charts are drawn 640 wide for pages, PDFs and Word, and 360 wide for
 * phones: the wide one scaled down to a phone's width leaves 6 px text.
 */
export const CHART_WIDTH = 640;
export const NARROW_CHART_WIDTH = 360;

const COLOURS = {
  grid: '#b1b4b6',
  secondaryText: '#505a5f',
  text: '#0b0c0c',
  blue: '#1d70b8'
} as const;

export interface ChartSvgOptions {
  /** Unique within the page the SVG is placed in: its <title> and <desc> ids derive from it. */
  id: string;
  title: string;
  /** The alternative text: what the chart shows, in words. */
  description: string;
  /** In SVG units (pixels at 100%): CHART_WIDTH unless given. Text stays 14 px whatever the width. */
  width?: number;
}

export interface ChartSvg {
  svg: string;
  width: number;
  height: number;
}

export function chartSvg(chart: Chart, options: ChartSvgOptions): ChartSvg {
  const width = options.width ?? CHART_WIDTH;
  const drawn = chart.kind === 'trend' ? trendBody(chart, width) : barsBody(chart, width);
  const id = safeId(options.id, 'chart');
  const { height, body } = drawn;
  // role="img" named by its title and alt text together: one image with its
  // alt text when inline in HTML, and Chromium writes that name as the PDF
  // figure's /Alt. Inside, everything is hidden from the accessibility tree.
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" ` +
    `role="img" aria-labelledby="${id}-title ${id}-desc" font-family="'${CHART_FONT}', sans-serif" font-size="14">` +
    `<title id="${id}-title">${escapeMarkup(options.title)}</title>` +
    `<desc id="${id}-desc">${escapeMarkup(options.description)}</desc>` +
    `<g aria-hidden="true">${body}</g></svg>`;
  return { svg, width, height };
}

/**
 * A chart's alternative text as every output gives it (the SVG's description
 * on the page and in the PDF, the image's alt text in Word): the report's
 * words, then whether its figures are weighted to the population.
 */
export function chartAlt(block: { alt: string; chart: Chart }): string {
  const shown: { label: string; weighted: boolean }[] =
    block.chart.kind === 'trend'
      ? block.chart.points.filter((p) => p.value !== null).map((p) => ({ label: p.label, weighted: p.weighted === true }))
      : block.chart.bars.map((b) => ({ label: b.label, weighted: b.weighted === true }));
  const weighted = shown.filter((figure) => figure.weighted);
  if (weighted.length === 0) return block.alt;
  const alt = block.alt.trim().replace(/([^.!?])$/, '$1.');
  if (weighted.length === shown.length) return `${alt} ${labels.weightedAll}`;
  const names = weighted.map((figure) => figure.label);
  const listed = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
  return `${alt} ${labels.weightedSome(listed ?? '')}`;
}

/** The percentages written on a chart's axis: the only figures a chart shows that are not the data's own. */
export function axisTicks(chart: Chart): number[] {
  return valueScale(chart, [0, 1]).ticks(chart.kind === 'trend' ? 4 : 5);
}

function valueScale(chart: Chart, range: [number, number]) {
  const highs = chart.kind === 'trend' ? chart.points.map((p) => (p.value === null ? 0 : (p.upper ?? p.value))) : chart.bars.map((b) => b.upper ?? b.value);
  // As the Measures page: the axis ends at the next ten above the highest interval, between 20% and 100%.
  const top = Math.min(100, Math.max(20, Math.ceil(Math.max(0, ...highs.filter(Number.isFinite)) / 10) * 10));
  return scaleLinear().domain([0, top]).range(range);
}

const PLOT_TOP = 20;
const PLOT_HEIGHT = 200;
const LINE = 18;

function trendBody(chart: TrendChart, width: number): { height: number; body: string } {
  const y = valueScale(chart, [PLOT_TOP + PLOT_HEIGHT, PLOT_TOP]);
  const n = chart.points.length;
  // Room at both ends so the first and last interval bars and their figures stay inside.
  const x = scalePoint<number>()
    .domain(chart.points.map((_, i) => i))
    .range([0.12 * width, 0.88 * width])
    .padding(n === 1 ? 1 : 0);
  const step = n > 1 ? x.step() : width * 0.76;
  const parts: string[] = [];
  for (const tick of y.ticks(4)) {
    parts.push(`<line x1="0" x2="${width}" y1="${r(y(tick))}" y2="${r(y(tick))}" stroke="${COLOURS.grid}" stroke-width="1"/>`);
    parts.push(`<text x="0" y="${r(y(tick) - 4)}" fill="${COLOURS.secondaryText}">${tick}%</text>`);
  }
  // A line only where a point is joined to the one before and both are shown.
  chart.points.forEach((point, i) => {
    const before = chart.points[i - 1];
    if (!before || !point.joined || before.value === null || point.value === null) return;
    parts.push(`<line x1="${r(x(i - 1) ?? 0)}" y1="${r(y(before.value))}" x2="${r(x(i) ?? 0)}" y2="${r(y(point.value))}" stroke="${COLOURS.blue}" stroke-width="3"/>`);
  });
  let labelLines = 1;
  chart.points.forEach((point, i) => {
    const cx = x(i) ?? width / 2;
    if (point.value !== null && Number.isFinite(point.value)) {
      if (point.lower !== null && point.upper !== null) {
        parts.push(`<line x1="${r(cx)}" x2="${r(cx)}" y1="${r(y(point.upper))}" y2="${r(y(point.lower))}" stroke="${COLOURS.text}" stroke-width="2"/>`);
        parts.push(whiskerCap(cx, y(point.upper), 'h'), whiskerCap(cx, y(point.lower), 'h'));
      }
      parts.push(`<circle cx="${r(cx)}" cy="${r(y(point.value))}" r="6" fill="${COLOURS.blue}" stroke="${COLOURS.text}" stroke-width="1"/>`);
      // The figure sits above its interval bar, clear of the lines to either side.
      const top = point.upper !== null ? y(point.upper) - 8 : y(point.value) - 12;
      parts.push(`<text x="${r(cx)}" y="${r(top)}" text-anchor="middle" fill="${COLOURS.text}" font-weight="bold">${percent(point.value)}</text>`);
    } else {
      // A withheld wave: a gap in the line, no point, and a word saying why,
      // low in the plot where no gridline crosses it.
      parts.push(`<text x="${r(cx)}" y="${PLOT_TOP + PLOT_HEIGHT - 8}" text-anchor="middle" fill="${COLOURS.secondaryText}">${labels.withheld}</text>`);
    }
    const lines = wrap(point.label, step - 8, 14);
    labelLines = Math.max(labelLines, lines.length);
    parts.push(multiline(lines, cx, PLOT_TOP + PLOT_HEIGHT + 24, 'middle', COLOURS.text));
  });
  return { height: PLOT_TOP + PLOT_HEIGHT + 24 + (labelLines - 1) * LINE + 12, body: parts.join('') };
}

const BAR_HEIGHT = 24;
const BAR_GAP = 14;
/** Room right of the longest bar for its figure. */
const VALUE_ROOM = 64;

function barsBody(chart: BarChart, width: number): { height: number; body: string } {
  const x = valueScale(chart, [0, width - VALUE_ROOM]);
  const parts: string[] = [];
  const bars: string[] = [];
  /** The vertical extent of each bar: gridlines are drawn only there, never through a label. */
  const bands: [number, number][] = [];
  let top = 8;
  for (const bar of chart.bars) {
    // The label sits above its bar so long theme names keep the full width.
    const lines = wrap(bar.label, width, 14);
    bars.push(multiline(lines, 0, top + 14, 'start', COLOURS.text));
    top += lines.length * LINE + 4;
    const value = Number.isFinite(bar.value) ? Math.max(0, bar.value) : 0;
    bars.push(`<rect x="0" y="${top}" width="${r(x(value))}" height="${BAR_HEIGHT}" fill="${COLOURS.blue}"/>`);
    let end = x(value);
    if (bar.lower !== undefined && bar.upper !== undefined && Number.isFinite(bar.lower) && Number.isFinite(bar.upper)) {
      const mid = top + BAR_HEIGHT / 2;
      bars.push(`<line x1="${r(x(bar.lower))}" x2="${r(x(bar.upper))}" y1="${mid}" y2="${mid}" stroke="${COLOURS.text}" stroke-width="2"/>`);
      bars.push(whiskerCap(x(bar.lower), mid, 'v'), whiskerCap(x(bar.upper), mid, 'v'));
      end = Math.max(end, x(bar.upper));
    }
    bars.push(`<text x="${r(end + 8)}" y="${top + BAR_HEIGHT / 2 + 5}" fill="${COLOURS.text}" font-weight="bold">${percent(value)}</text>`);
    bands.push([top - 4, top + BAR_HEIGHT + 4]);
    top += BAR_HEIGHT + BAR_GAP;
  }
  const axisY = top;
  // Gridlines behind the bars, their percentages along the bottom.
  for (const tick of x.ticks(5)) {
    for (const [from, to] of [...bands, [axisY - BAR_GAP + 4, axisY] as [number, number]]) {
      parts.push(`<line x1="${r(x(tick))}" x2="${r(x(tick))}" y1="${from}" y2="${to}" stroke="${COLOURS.grid}" stroke-width="1"/>`);
    }
    const anchor = tick === 0 ? 'start' : 'middle';
    parts.push(`<text x="${r(x(tick))}" y="${axisY + 16}" text-anchor="${anchor}" fill="${COLOURS.secondaryText}">${tick}%</text>`);
  }
  return { height: axisY + 26, body: parts.join('') + bars.join('') };
}

function whiskerCap(cx: number, cy: number, direction: 'h' | 'v'): string {
  return direction === 'h'
    ? `<line x1="${r(cx - 5)}" x2="${r(cx + 5)}" y1="${r(cy)}" y2="${r(cy)}" stroke="${COLOURS.text}" stroke-width="2"/>`
    : `<line x1="${r(cx)}" x2="${r(cx)}" y1="${r(cy - 6)}" y2="${r(cy + 6)}" stroke="${COLOURS.text}" stroke-width="2"/>`;
}

function multiline(lines: string[], x: number, firstBaseline: number, anchor: 'start' | 'middle', fill: string): string {
  const spans = lines.map((line, i) => `<tspan x="${r(x)}" y="${r(firstBaseline + i * LINE)}">${escapeMarkup(line)}</tspan>`).join('');
  return `<text text-anchor="${anchor}" fill="${fill}">${spans}</text>`;
}

/** As the report's tables write it: whole percentages. */
function percent(value: number): string {
  return `${Math.round(value)}%`;
}

function r(n: number): string {
  return String(Math.round(n * 10) / 10);
}

/**
 * Break a label into lines that fit a width. SVG text does not wrap, and the
 * PNG must not clip a theme's name, so widths are estimated from the font's
 * average advance (DejaVu Sans is wide: about 0.62 em per character).
 */
export function wrap(text: string, width: number, fontSize: number): string[] {
  const perLine = Math.max(4, Math.floor(width / (fontSize * 0.62)));
  const lines: string[] = [];
  let line: string[] = [];
  let length = 0;
  for (const word of text.split(/\s+/).filter((w) => w !== '')) {
    const chars = Array.from(word);
    // A word longer than a line is cut into pieces of a line each.
    for (let start = 0; start < chars.length; start += perLine) {
      const piece = chars.slice(start, start + perLine);
      const extra = (line.length > 0 ? 1 : 0) + piece.length;
      if (length + extra > perLine && line.length > 0) {
        lines.push(line.join(' '));
        line = [];
        length = 0;
      }
      line.push(piece.join(''));
      length += (line.length > 1 ? 1 : 0) + piece.length;
    }
  }
  if (line.length > 0) lines.push(line.join(' '));
  return lines.length > 0 ? lines : [''];
}
