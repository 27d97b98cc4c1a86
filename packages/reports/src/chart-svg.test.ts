import { describe, expect, it } from 'vitest';
import { axisTicks, chartAlt, chartSvg, NARROW_CHART_WIDTH, wrap } from './chart-svg';
import type { TrendChart } from './model';

const trend: TrendChart = {
  kind: 'trend',
  points: [
    { label: 'Spring 2024', value: 46, lower: 41, upper: 51, joined: false },
    { label: 'Autumn 2024', value: 49, lower: 44, upper: 54, joined: true },
    { label: 'Spring 2025', value: null, lower: null, upper: null, joined: true },
    { label: 'Autumn 2025', value: 55, lower: 50, upper: 60, joined: true },
    { label: 'Spring 2026', value: 58, lower: 53, upper: 63, joined: false }
  ]
};

const count = (svg: string, pattern: RegExp) => (svg.match(pattern) ?? []).length;

describe('trend chart SVG', () => {
  const { svg } = chartSvg(trend, { id: 'feel-safe', title: 'Feel safe after dark', description: 'Rose from 46% to 58%.' });

  it('is one accessible image named by its title and its alt text', () => {
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" [^>]*role="img"[^>]*aria-labelledby="feel-safe-title feel-safe-desc"/);
    expect(svg).toContain('<title id="feel-safe-title">Feel safe after dark</title>');
    expect(svg).toContain('<desc id="feel-safe-desc">Rose from 46% to 58%.</desc>');
  });

  it('draws a point and an interval bar for each wave shown, none for the withheld wave', () => {
    expect(count(svg, /<circle /g)).toBe(4);
    expect(svg).toContain('>Withheld</text>');
    for (const figure of ['46%', '49%', '55%', '58%']) expect(svg).toContain(`>${figure}</text>`);
  });

  it('joins only neighbouring waves asked alike and both shown: the withheld wave leaves a gap', () => {
    // Spring→Autumn 2024 is the only join: Autumn 2025 is joined to a withheld wave, Spring 2026 to nothing.
    expect(count(svg, /stroke="#1d70b8" stroke-width="3"/g)).toBe(1);
  });

  it('labels every wave and writes its axis in whole percentages', () => {
    for (const point of trend.points) expect(svg).toContain(`>${point.label}</tspan>`);
    expect(axisTicks(trend)).toEqual([0, 20, 40, 60]);
    expect(svg).toContain('>60%</text>');
  });

  it('uses the font the PNG step ships', () => {
    expect(svg).toContain(`font-family="'DejaVu Sans', sans-serif"`);
  });
});

describe('narrow chart SVG (phones)', () => {
  it('is drawn at its own width with every figure, and wave labels wrapped to fit', () => {
    const { svg, width } = chartSvg(trend, { id: 'n', title: 'T', description: 'D', width: NARROW_CHART_WIDTH });
    expect(width).toBe(360);
    expect(svg).toContain('viewBox="0 0 360 ');
    for (const figure of ['46%', '49%', '55%', '58%']) expect(svg).toContain(`>${figure}</text>`);
    expect(svg).toContain('>Spring</tspan>');
    expect(svg).toContain('>2024</tspan>');
    const xs = Array.from(svg.matchAll(/<circle cx="([\d.]+)"/g), (m) => Number(m[1]));
    for (const x of xs) expect(x).toBeLessThan(360);
  });
});

describe('bar chart SVG', () => {
  it('draws a bar, a whisker where there is an interval, and a figure for each label', () => {
    const { svg, height } = chartSvg(
      {
        kind: 'bars',
        bars: [
          { label: 'Nowhere to go after school', value: 34, lower: 30, upper: 38 },
          { label: 'Knife crime & <weapons>', value: 9 }
        ]
      },
      { id: 'themes', title: 'Themes', description: 'Two themes.' }
    );
    expect(count(svg, /<rect /g)).toBe(2);
    expect(svg).toContain('>Nowhere to go after school</tspan>');
    expect(svg).toContain('>Knife crime &amp; &lt;weapons&gt;</tspan>');
    expect(svg).toContain('>34%</text>');
    expect(svg).toContain('>9%</text>');
    expect(height).toBeGreaterThan(100);
  });
});

describe('wrapping labels', () => {
  it('keeps every word, in order, and no line longer than the width allows', () => {
    const label = 'Poor street lighting in alleyways and around the bus station, especially in winter';
    const lines = wrap(label, 200, 14);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(' ')).toBe(label);
    for (const line of lines) expect(Array.from(line).length).toBeLessThanOrEqual(Math.floor(200 / (14 * 0.62)));
  });

  it('cuts a word too long for a line', () => {
    const lines = wrap('a'.repeat(50), 100, 14);
    expect(lines.join('')).toBe('a'.repeat(50));
    expect(lines.length).toBeGreaterThan(1);
  });
});

describe('a chart’s alternative text', () => {
  const point = (label: string, value: number | null, weighted?: boolean) => ({ label, value, lower: null, upper: null, joined: false, ...(weighted === undefined ? {} : { weighted }) });
  const trend = (...points: ReturnType<typeof point>[]): TrendChart => ({ kind: 'trend', points });

  it('says when the figures are weighted to the population, and which when only some are', () => {
    const alt = 'Feeling safe was 46% in spring and 49% in autumn.';
    expect(chartAlt({ alt, chart: trend(point('Spring', 46), point('Autumn', 49)) })).toBe(alt);
    expect(chartAlt({ alt, chart: trend(point('Spring', 46, true), point('Autumn', 49, true), point('Winter', null)) })).toBe(`${alt} All figures are weighted to the population.`);
    expect(chartAlt({ alt, chart: trend(point('Spring', 46, false), point('Autumn', 49, true), point('Winter', 50, true)) })).toBe(
      `${alt} The figures for Autumn and Winter are weighted to the population; the others are not.`
    );
    expect(chartAlt({ alt: 'Bars', chart: { kind: 'bars', bars: [{ label: 'A', value: 3, weighted: true }] } })).toBe('Bars. All figures are weighted to the population.');
  });
});
