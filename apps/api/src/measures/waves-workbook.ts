// A series' measures over time as an Excel workbook: the same figures as the
// Measures page, after the same disclosure control ("[c]" where withheld, and
// the rule that withheld it in packages/insights' few words, said in full on
// the Notes sheet), one row per measure and wave, with the change from the
// wave before.
import ExcelJS from 'exceljs';
import { Marks, NOTES_HEADER, notesRows, sheet, WITHHELD_IN_WORDS } from '../explore/workbook';
import { waveReason } from '../reports/format';
import type { MeasureLine, SeriesMeasures } from './waves-view';

/** What the figures are weighted to, and how each wave's raking went. */
function weightingWords(weighting: SeriesMeasures['weighting']): string {
  if (!weighting) return 'None: figures are of the respondents, unweighted';
  const waves = weighting.waves.map((w) =>
    w.applied
      ? `${w.label}: Kish effective sample size ${w.kishEffectiveN.toFixed(1)} of ${w.n}, ${w.converged ? `converged in ${w.iterations} iterations` : `did not converge (largest gap ${w.largestGapPoints.toFixed(2)} points)`}, ${w.trimmed} groups trimmed`
      : `${w.label}: unweighted. ${w.problem ?? ''}`
  );
  return [
    `Raking (iterative proportional fitting) to population shares of ${weighting.variables.map((v) => v.label).join(', ')}; weights trimmed to ${weighting.trim.lower}–${weighting.trim.upper} times the mean. Withheld figures are decided on unweighted counts.`,
    ...waves
  ].join(' ');
}

const points = (value: number | null | undefined) => (value === null || value === undefined ? '' : Math.round(value * 1000) / 10);

function rowsOf(lines: MeasureLine[], marks: Marks): (string | number)[][] {
  return lines.flatMap((line) =>
    line.figures.map((f, i) => {
      const step = i === 0 ? null : line.steps[i - 1];
      const change = step?.change ?? null;
      const withheld = () => marks.mark(waveReason(f.withheld));
      const oneDecimal = (value: number | null) => (value === null ? withheld() : Math.round(value * 10) / 10);
      return [
        line.name,
        line.headline,
        f.label,
        f.date,
        f.ageBands.join(', '),
        f.shown ? (f.base ?? withheld()) : withheld(),
        oneDecimal(f.percent),
        oneDecimal(f.shown ? f.lower : null),
        oneDecimal(f.shown ? f.upper : null),
        f.shown ? (f.weighted ? 'Weighted' : 'Unweighted') : withheld(),
        f.designEffect ? Math.round(f.designEffect.designEffect * 100) / 100 : 1,
        f.weightingDesignEffect === null ? '' : Math.round(f.weightingDesignEffect * 100) / 100,
        points(change?.difference),
        points(change?.lower),
        points(change?.upper),
        i === 0 ? '' : change ? change.verdict : step?.comparable ? 'Not compared: a wave is withheld' : `Not compared: ${step?.notes.join('; ') ?? ''}`
      ];
    })
  );
}

const HEADER = [
  'Measure',
  'Headline',
  'Wave',
  'Fieldwork',
  'Age bands',
  'People',
  '%',
  '95% lower',
  '95% upper',
  'Weighted',
  'Design effect (clustering)',
  'Design effect (weighting)',
  'Change (points)',
  'Change 95% lower',
  'Change 95% upper',
  'Verdict'
];

export async function wavesWorkbook(view: SeriesMeasures, organisation: string, now = new Date()): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.created = now;
  sheet(
    workbook,
    'About',
    ['About these figures', ''],
    [
      ['Organisation', organisation],
      ['Series', view.series.name],
      ['Waves', view.waves.map((w) => `${w.label} (${w.fieldworkDate})`).join(', ')],
      ['Withheld figures', WITHHELD_IN_WORDS],
      ['Intervals', '95% Wilson score intervals on the effective sample size (n / design effect)'],
      ['Design effect', 'Clustering by school where responses carry school codes: 1 + (m − 1)ρ, ρ estimated from the answers and never below 0.02'],
      ['Change', 'Two-proportion z-test at 95%: a change is named only when statistically significant; Newcombe interval for the difference'],
      ['Weighting', weightingWords(view.weighting)],
      ['Made', now.toISOString()]
    ]
  );
  const measures = new Marks(view.threshold);
  const themes = new Marks(view.threshold);
  sheet(workbook, 'Measures', HEADER, rowsOf(view.measures, measures));
  sheet(workbook, 'Themes', HEADER, rowsOf(view.themes, themes));
  sheet(
    workbook,
    'Notes',
    NOTES_HEADER,
    notesRows(
      [
        ['Measures', measures],
        ['Themes', themes]
      ],
      view.threshold
    )
  );
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
