// Charts for Word: the same SVG as the HTML, rasterised by resvg. Fonts come
// only from files shipped in this package (packages/reports/fonts), never
// from the machine: with system fonts off, a chart looks the same on every
// server, and a missing font is a failing test rather than text that silently
// vanishes from a published report. A chart with emoji in its text (a theme
// named by what people wrote) also loads Noto Emoji (emoji-font.ts), which
// resvg falls back to for the characters DejaVu Sans lacks.
import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';
import { CHART_FONT } from './chart-svg';
import { emojiTtfFile, hasEmoji } from './emoji-font';

/** The shipped font files (DejaVu Sans, regular and bold; licence beside them). */
export const FONT_FILES = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'].map((name) => fileURLToPath(new URL(`../fonts/${name}`, import.meta.url)));

export interface PngOptions {
  /** Pixels per SVG unit: 2 keeps text sharp when Word shows the chart at its SVG size. */
  scale?: number;
}

export interface Png {
  data: Uint8Array;
  width: number;
  height: number;
}

export function svgToPng(svg: string, options: PngOptions = {}): Png {
  const resvg = new Resvg(svg, {
    background: '#ffffff',
    fitTo: { mode: 'zoom', value: options.scale ?? 2 },
    font: {
      loadSystemFonts: false,
      fontFiles: hasEmoji(svg) ? [...FONT_FILES, emojiTtfFile()] : FONT_FILES,
      defaultFontFamily: CHART_FONT,
      sansSerifFamily: CHART_FONT
    }
  });
  const image = resvg.render();
  return { data: image.asPng(), width: image.width, height: image.height };
}
