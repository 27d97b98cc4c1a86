// How long reports take to render, each way: run with `pnpm --filter
// @safer-voices/reports run bench` (or `npx tsx bench.ts` here). The first PDF
// includes launching Chromium; later ones reuse it, as the API server will.
// A report's size is its sections, not its responses (figures arrive worked
// out), so the large case is the sample's sections ten times over.
import { sampleReport } from './src/fixtures/sample-report';
import { closePdfBrowser, type ReportDocument, reportDocx, reportHtml, reportPdf } from './src/index';

async function time(label: string, run: () => Promise<unknown> | unknown, times = 1): Promise<void> {
  const runs: number[] = [];
  for (let i = 0; i < times; i++) {
    const started = performance.now();
    await run();
    runs.push(performance.now() - started);
  }
  const best = Math.min(...runs);
  const median = [...runs].sort((a, b) => a - b)[Math.floor(runs.length / 2)] ?? best;
  console.log(`${label.padEnd(36)} ${times === 1 ? `${best.toFixed(0)} ms` : `median ${median.toFixed(0)} ms, best ${best.toFixed(0)} ms over ${times} runs`}`);
}

const large: ReportDocument = {
  ...sampleReport,
  sections: Array.from({ length: 10 }, (_, i) => sampleReport.sections.map((s) => ({ ...s, id: `${s.id}-${i}`, heading: `${s.heading} (${i + 1})` }))).flat()
};

await time('HTML', () => reportHtml(sampleReport), 20);
await time('Word (first, warms up)', () => reportDocx(sampleReport));
await time('Word', () => reportDocx(sampleReport), 10);
await time('PDF (first, starts Chromium)', () => reportPdf(sampleReport));
await time('PDF', () => reportPdf(sampleReport), 10);
await time('Word, 50 sections and 20 charts', () => reportDocx(large), 3);
await time('PDF, 50 sections and 20 charts', () => reportPdf(large), 3);
await closePdfBrowser();
