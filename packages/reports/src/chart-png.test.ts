import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { FONT_FILES, svgToPng } from './chart-png';
import { chartSvg } from './chart-svg';
import { sampleReport } from './fixtures/sample-report';

/** Pixels darker than mid-grey in an SVG rendered exactly as svgToPng renders it. */
function darkPixels(svg: string): number {
  const png = svgToPng(svg);
  // Decode the PNG svgToPng made by rendering it back through resvg as an <image>.
  const data = Buffer.from(png.data).toString('base64');
  const wrapper = `<svg xmlns="http://www.w3.org/2000/svg" width="${png.width}" height="${png.height}"><image width="${png.width}" height="${png.height}" href="data:image/png;base64,${data}"/></svg>`;
  const pixels = new Resvg(wrapper, { font: { loadSystemFonts: false } }).render().pixels;
  let dark = 0;
  for (let i = 0; i < pixels.length; i += 4) if ((pixels[i] ?? 255) + (pixels[i + 1] ?? 255) + (pixels[i + 2] ?? 255) < 3 * 128) dark++;
  return dark;
}

const textOnly = (text: string, family: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="300" height="40"><text x="4" y="28" font-size="20" font-family="${family}" fill="#0b0c0c">${text}</text></svg>`;

describe('chart PNG', () => {
  it('ships its fonts with their licence', async () => {
    const { existsSync } = await import('node:fs');
    for (const file of FONT_FILES) expect(existsSync(file)).toBe(true);
    expect(existsSync(new URL('../fonts/LICENSE-DejaVu.txt', import.meta.url))).toBe(true);
  });

  it('draws text with the shipped font, not the machine’s (system fonts are off)', () => {
    expect(darkPixels(textOnly('Feel safe 46%', "'DejaVu Sans'"))).toBeGreaterThan(300);
    // A font nobody has still comes out, in the shipped font, rather than vanishing.
    expect(darkPixels(textOnly('Feel safe 46%', 'Segoe UI Nonexistent'))).toBeGreaterThan(300);
    expect(darkPixels(textOnly('', "'DejaVu Sans'"))).toBe(0);
  });

  it('draws emoji people wrote (a chart label such as "Nowhere 🏠 to go") with the shipped emoji font, not as a box', () => {
    // DejaVu Sans has the emoticons (😢) but not these: without Noto Emoji both are the same empty box.
    const house = darkPixels(textOnly('🏠', "'DejaVu Sans'"));
    const bus = darkPixels(textOnly('🚌', "'DejaVu Sans'"));
    expect(house).toBeGreaterThan(400);
    expect(bus).toBeGreaterThan(400);
    expect(Math.abs(house - bus)).toBeGreaterThan(30);
    const label = (text: string) => chartSvg({ kind: 'bars', bars: [{ label: text, value: 30 }] }, { id: 'c', title: 'Worries', description: 'Nowhere to go: 30%' }).svg;
    expect(darkPixels(label('Nowhere 🏠 to go')) - darkPixels(label('Nowhere to go'))).toBeGreaterThan(200);
  });

  it('renders each chart of the report with its labels and figures drawn', () => {
    for (const block of sampleReport.sections.flatMap((s) => s.blocks)) {
      if (block.type !== 'chart') continue;
      const { svg, width, height } = chartSvg(block.chart, { id: 'c', title: block.title, description: block.alt });
      const png = svgToPng(svg);
      // A PNG, at twice the SVG's size for sharp text in Word.
      expect(Array.from(png.data.subarray(1, 4))).toEqual([0x50, 0x4e, 0x47]);
      expect([png.width, png.height]).toEqual([width * 2, height * 2]);
      // The same chart with its words and figures taken out has clearly fewer dark pixels.
      const withoutText = svg.replace(/<text[^>]*>.*?<\/text>/g, '');
      expect(darkPixels(svg) - darkPixels(withoutText)).toBeGreaterThan(2000);
    }
  });
});
