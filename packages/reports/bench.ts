// How long the sample report takes to render, each way: run with `pnpm --filter
// @safer-voices/reports run bench` (or `npx tsx bench.ts` here). The first PDF
// includes launching Chromium; later ones reuse it, as the API server will.
import { sampleReport } from './src/fixtures/sample-report';
import { closePdfBrowser, reportDocx, reportHtml, reportPdf } from './src/index';

async function time<T>(label: string, run: () => Promise<T> | T, times = 1): Promise<void> {
  const runs: number[] = [];
  for (let i = 0; i < times; i++) {
    const started = performance.now();
    await run();
    runs.push(performance.now() - started);
  }
  const best = Math.min(...runs);
  const median = [...runs].sort((a, b) => a - b)[Math.floor(runs.length / 2)] ?? best;
  console.log(`${label.padEnd(28)} ${times === 1 ? `${best.toFixed(0)} ms` : `median ${median.toFixed(0)} ms, best ${best.toFixed(0)} ms over ${times} runs`}`);
}

await time('HTML', () => reportHtml(sampleReport), 20);
await time('Word (first, warms up)', () => reportDocx(sampleReport));
await time('Word', () => reportDocx(sampleReport), 10);
await time('PDF (first, starts Chromium)', () => reportPdf(sampleReport));
await time('PDF', () => reportPdf(sampleReport), 10);
await closePdfBrowser();
