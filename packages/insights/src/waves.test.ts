import { describe, expect, it } from 'vitest';
import { measureOverWaves, type WaveInput, type WavePart, waveSentence } from './waves';

const part = (over: Partial<WavePart> = {}): WavePart => ({
  questionnaireId: 'q',
  ageBand: '11–19',
  wording: 'How safe do you feel in the town centre after dark?',
  scale: 'very_safe,fairly_safe|not_very_safe,not_at_all_safe',
  mode: 'school',
  base: 1000,
  counted: 412,
  schools: [],
  ...over
});
const wave = (label: string, parts: WavePart[]): WaveInput => ({ id: `w${label}`, label, date: new Date(`${label}-06-01`), parts });

describe('measureOverWaves', () => {
  it('gives each wave its figure and the change, in the CSEW words (the worked example)', () => {
    const r = measureOverWaves([wave('2026', [part({ counted: 455 })]), wave('2025', [part()])], 10);
    expect(r.figures.map((f) => f.label)).toEqual(['2025', '2026']);
    expect(r.figures[1]).toMatchObject({ shown: true, base: 1000, withheld: null, designEffect: null });
    expect(r.figures[1]?.percent).toBeCloseTo(45.5, 10);
    expect(r.steps).toHaveLength(1);
    expect(r.steps[0]).toMatchObject({ from: 'w2025', to: 'w2026', comparable: true, notes: [] });
    expect(r.steps[0]?.change?.z).toBeCloseTo(1.94, 2);
    expect(r.steps[0]?.change?.verdict).toBe('no statistically significant change');
  });

  it('allows for clustering by school when responses came with school codes, and says so', () => {
    // Ten schools of 100 differing a lot: 25% to 70%.
    const schools = (shift: number) => Array.from({ length: 10 }, (_, i) => ({ base: 100, counted: 25 + i * 5 + shift }));
    const before = wave('2025', [part({ base: 1000, counted: schools(0).reduce((s, c) => s + c.counted, 0), schools: schools(0) })]);
    const after = wave('2026', [part({ base: 1000, counted: schools(6).reduce((s, c) => s + c.counted, 0), schools: schools(6) })]);
    const plain = measureOverWaves(
      [
        { ...before, parts: [{ ...before.parts[0], schools: [] } as WavePart] },
        { ...after, parts: [{ ...after.parts[0], schools: [] } as WavePart] }
      ],
      10
    );
    const clustered = measureOverWaves([before, after], 10);
    expect(plain.steps[0]?.change?.verdict).toBe('increase');
    expect(clustered.figures[0]?.designEffect?.designEffect).toBeGreaterThan(2);
    expect(clustered.steps[0]?.change?.designEffects.applied).toBe(true);
    expect(clustered.steps[0]?.change?.verdict).toBe('no statistically significant change');
    expect((clustered.figures[0]?.upper ?? 0) - (clustered.figures[0]?.lower ?? 0)).toBeGreaterThan((plain.figures[0]?.upper ?? 0) - (plain.figures[0]?.lower ?? 0));
  });

  it('withholds a wave with too few people, and compares it with nothing', () => {
    const r = measureOverWaves([wave('2025', [part({ base: 9, counted: 4 })]), wave('2026', [part()])], 10);
    expect(r.figures[0]).toMatchObject({ shown: false, withheld: 'too few respondents', percent: null, base: null });
    expect(r.steps[0]?.change).toBeNull();
  });

  it('withholds a figure whose count or complement is below the threshold, as the explorer does', () => {
    const r = measureOverWaves([wave('2025', [part({ base: 500, counted: 495 })])], 10);
    expect(r.figures[0]?.withheld).toBe('too few respondents');
  });

  it('withholds a wave when one of its parts is too small to show on its own', () => {
    const r = measureOverWaves([wave('2025', [part(), part({ questionnaireId: 'easy', ageBand: '8–11', base: 30, counted: 5 })])], 10);
    expect(r.figures[0]).toMatchObject({ shown: false, withheld: 'a part is too small to show' });
  });

  it('adds the age bands of one wave together', () => {
    const r = measureOverWaves([wave('2025', [part({ base: 600, counted: 300 }), part({ questionnaireId: 'easy', ageBand: '8–11', base: 400, counted: 300 })])], 10);
    expect(r.figures[0]).toMatchObject({ base: 1000, ageBands: ['11–19', '8–11'] });
    expect(r.figures[0]?.percent).toBeCloseTo(60, 10);
  });

  it('does not compare waves asked differently, and says what changed', () => {
    const r = measureOverWaves(
      [
        wave('2025', [part({ mode: 'open' })]),
        wave('2026', [part({ wording: 'How safe do you feel in town after dark?', scale: 'other' }), part({ questionnaireId: 'easy', ageBand: '8–11', base: 200, counted: 150 })])
      ],
      10
    );
    const step = r.steps[0];
    expect(step?.comparable).toBe(false);
    expect(step?.change).toBeNull();
    expect(step?.notes).toEqual([
      '2026 includes 8–11 year olds; 2025 did not',
      'The question for 11–19 year olds was worded differently in 2025: “How safe do you feel in the town centre after dark?”',
      'The answers offered to 11–19 year olds changed between 2025 and 2026',
      '11–19 year olds answered through an open link in 2025 and in school time, with codes in 2026'
    ]);
  });
});

describe('waveSentence', () => {
  it('says the figure, its interval and the verdict', () => {
    const r = measureOverWaves([wave('2025', [part({ counted: 550 })]), wave('2026', [part({ counted: 580 })])], 10);
    const [a, b] = r.figures;
    expect(waveSentence('Safe in the town centre after dark', b as never, a ?? null, r.steps[0] ?? null)).toBe(
      'In 2026, safe in the town centre after dark: 58% (55–61%) of 11–19 year olds, no statistically significant change from 2025 (55%).'
    );
  });
  it('names a significant change', () => {
    const r = measureOverWaves([wave('2025', [part({ counted: 400 })]), wave('2026', [part({ counted: 500 })])], 10);
    expect(waveSentence('Safe after dark', r.figures[1] as never, r.figures[0] ?? null, r.steps[0] ?? null)).toContain(', an increase from 2025 (40%).');
  });
  it('says when a wave is withheld or not comparable', () => {
    const withheld = measureOverWaves([wave('2025', [part({ base: 5, counted: 2 })]), wave('2026', [part()])], 10);
    expect(waveSentence('Carried a weapon', withheld.figures[0] as never, null, null)).toBe('In 2025, carried a weapon: too few 11–19 year olds answered to show a figure.');
    expect(waveSentence('Carried a weapon', withheld.figures[1] as never, withheld.figures[0] ?? null, withheld.steps[0] ?? null)).toContain('2025 had too few to compare.');
  });
  it('names several age bands once', () => {
    const r = measureOverWaves(
      [
        wave('2025', [
          part({ base: 600, counted: 300 }),
          part({ questionnaireId: 'easy', ageBand: '8–11', base: 400, counted: 300 }),
          part({ questionnaireId: 'adults', ageBand: 'adults', base: 300, counted: 100 })
        ])
      ],
      10
    );
    expect(waveSentence('Safe after dark', r.figures[0] as never, null, null)).toBe('In 2025, safe after dark: 54% (51–57%) of 11–19 and 8–11 year olds and adults.');
  });

  it('shows a weighted wave as weighted, widening its interval by the weights’ design effect', () => {
    // 1,000 pupils: 400 girls weighted 1.25 (38% safe), 600 boys weighted 0.8333 (50% safe).
    const weighted = { base: 400 * 1.25 + 600 * (5 / 6), counted: 152 * 1.25 + 300 * (5 / 6), baseSquares: 400 * 1.25 ** 2 + 600 * (5 / 6) ** 2 };
    const r = measureOverWaves([wave('2026', [part({ counted: 452, weighted })])], 10);
    const f = r.figures[0];
    expect(f?.weighted).toBe(true);
    // The weighted share: (190 + 250) / 1000.
    expect(f?.percent).toBeCloseTo(44, 6);
    // Kish: 1000 × Σw² / (Σw)² = 1000 × 1041.67 / 1000² = 1.0417.
    expect(f?.weightingDesignEffect).toBeCloseTo(1.0417, 4);
    expect(f?.totalDesignEffect).toBeCloseTo(1.0417, 4);
    const unweighted = measureOverWaves([wave('2026', [part({ counted: 440 })])], 10).figures[0];
    expect(unweighted?.weighted).toBe(false);
    expect((f?.upper ?? 0) - (f?.lower ?? 0)).toBeGreaterThan((unweighted?.upper ?? 0) - (unweighted?.lower ?? 0));
    expect(waveSentence('Safe after dark', f as never, null, null)).toBe('In 2026, safe after dark: 44% (41–47%, weighted) of 11–19 year olds.');
  });

  it('decides what to withhold on the people who answered, not on weights', () => {
    // Nine people counted, weighted up to look like 30: still too few to show.
    const r = measureOverWaves([wave('2026', [part({ base: 100, counted: 9, weighted: { base: 100, counted: 30, baseSquares: 150 } })])], 10);
    expect(r.figures[0]).toMatchObject({ shown: false, percent: null, withheld: 'too few respondents' });
  });

  it('does not compare a weighted wave with an unweighted one', () => {
    const r = measureOverWaves([wave('2025', [part()]), wave('2026', [part({ counted: 455, weighted: { base: 1000, counted: 455, baseSquares: 1000 } })])], 10);
    expect(r.steps[0]).toMatchObject({ comparable: false, change: null, notes: ['2026 is weighted to population figures and 2025 is not'] });
  });
});
