import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArgs } from './args';
import { codeCommand, evalCommand } from './commands';
import { parseCsv } from './read-answers';

const dir = mkdtempSync(join(tmpdir(), 'themes-cli-'));
const labelled = [
  { id: 'a', text: 'kids carry knives round here', themes: ['knives_weapons'], safeguarding: false },
  { id: 'b', text: 'my stepdad hits me', themes: ['family'], safeguarding: true },
  { id: 'c', text: 'nothing to do, bring back the youth club', themes: ['youth_provision'], safeguarding: false },
  { id: 'd', text: 'more police on the beat', themes: ['policing'], safeguarding: false }
];
const jsonl = join(dir, 'labelled.jsonl');
writeFileSync(jsonl, labelled.map((r) => JSON.stringify(r)).join('\n'));

function run(command: (options: Map<string, string>, print: (line: string) => void) => void, argv: string[]): string[] {
  const lines: string[] = [];
  command(parseArgs(argv).options, (line) => lines.push(...line.split('\n')));
  return lines;
}

describe('themes eval', () => {
  it('prints a table, then one JSON object as the last line', () => {
    const lines = run(evalCommand, ['eval', '--test', jsonl]);
    expect(lines[0]).toMatch(/^theme\s+precision\s+recall\s+f1/);
    const summary = JSON.parse(lines.at(-1) as string);
    expect(Object.keys(summary)).toEqual(['macro_f1', 'micro_f1', 'per_theme', 'safeguarding', 'coverage_at_95', 'auto_coded', 'answers_per_second']);
    expect(summary.per_theme.knives_weapons).toMatchObject({ precision: expect.any(Number), recall: expect.any(Number), f1: expect.any(Number) });
    expect(summary.safeguarding).toEqual({
      precision: expect.any(Number),
      recall: expect.any(Number),
      likely: { precision: expect.any(Number), recall: expect.any(Number) }
    });
    expect(summary.safeguarding.recall).toBe(1);
    expect(summary.coverage_at_95).toBeGreaterThanOrEqual(0);
    expect(summary.coverage_at_95).toBeLessThanOrEqual(1);
  });

  it('cross-validates over seeded folds and reports the spread', () => {
    const lines = run(evalCommand, ['eval', '--cv', '2', '--seeds', '2', '--data', jsonl]);
    const summary = JSON.parse(lines.at(-1) as string);
    expect(summary.macro_f1).toEqual(expect.any(Number));
    expect(summary.seeds).toEqual([1, 2]);
    expect(summary.spread.coverage_at_95).toEqual({ mean: expect.any(Number), sd: expect.any(Number), min: expect.any(Number), max: expect.any(Number) });
    expect(lines.some((l) => l.startsWith('over 2 fold seeds'))).toBe(true);
  });

  it('skips records that are not labelled answers, says so on the side, and still ends with the JSON line', () => {
    const odd = join(dir, 'odd.jsonl');
    const records = [
      '{"text":"-","themes":[],"safeguarding":false,"source":"https://example.org/a"}',
      'not json at all',
      '{"text":5,"themes":[]}',
      '[1,2,3]',
      '{"text":"🙂🙂","themes":[]}',
      '{"text":"","themes":["fear"],"extra":{"nested":true}}',
      '{"text":"my stepdad hits me when hes drunk","themes":["family"],"safeguarding":true,"respondent":"pupil_11_16"}'
    ];
    writeFileSync(odd, records.join('\n'));
    const warnings: string[] = [];
    const lines: string[] = [];
    evalCommand(
      parseArgs(['eval', '--test', odd]).options,
      (line) => lines.push(...line.split('\n')),
      (w) => warnings.push(w)
    );
    expect(warnings).toHaveLength(3);
    expect(warnings[0]).toMatch(/:2: skipped/);
    const summary = JSON.parse(lines.at(-1) as string);
    expect(summary.safeguarding.recall).toBe(1);
  });

  it('keeps answers from one source in one fold when asked to', () => {
    const sourced = join(dir, 'sourced.jsonl');
    const rows = Array.from({ length: 12 }, (_, i) => ({ ...labelled[i % labelled.length], id: String(i), source: `page-${i % 3}` }));
    writeFileSync(sourced, rows.map((r) => JSON.stringify(r)).join('\n'));
    const summary = JSON.parse(run(evalCommand, ['eval', '--cv', '3', '--seed', '1', '--group', 'source', '--data', sourced]).at(-1) as string);
    expect(summary.macro_f1).toEqual(expect.any(Number));
  });

  it('gives the same cross-validation figures for the same seed', () => {
    const once = run(evalCommand, ['eval', '--cv', '2', '--seed', '7', '--data', jsonl]).at(-1) as string;
    const again = run(evalCommand, ['eval', '--cv', '2', '--seed', '7', '--data', jsonl]).at(-1) as string;
    const strip = (line: string) => ({ ...JSON.parse(line), answers_per_second: 0 });
    expect(strip(once)).toEqual(strip(again));
    // Two cross-validations train four models: about 3 s on a quiet 2-core machine, more when it is busy.
  }, 30_000);
});

describe('themes code', () => {
  it('codes JSONL into one JSON coding a line', () => {
    const lines = run(codeCommand, ['code', '--in', jsonl]);
    expect(lines).toHaveLength(labelled.length);
    const first = JSON.parse(lines[0] as string);
    expect(first).toMatchObject({ index: 0, id: 'a', codebookVersion: 'default@1', modelVersion: 'codebook-only', review: expect.any(Boolean) });
    expect(first.certainty).toBeGreaterThan(0);
    expect(first.certainty).toBeLessThanOrEqual(1);
    expect(first.themes).toHaveLength(16);
    expect(first.themes[0]).toEqual({ id: expect.any(String), confidence: expect.any(Number), decision: expect.any(String), evidence: expect.any(Array) });
    expect(JSON.parse(lines[1] as string).safeguarding.flag).toBe(true);
  });

  it('codes a CSV column', () => {
    const csv = join(dir, 'answers.csv');
    writeFileSync(csv, 'id,answer\n1,"got excluded, now at the PRU"\n2,"the ""feds"" never come"\n');
    const lines = run(codeCommand, ['code', '--in', csv, '--column', 'answer']).map((l) => JSON.parse(l));
    expect(lines.map((l) => l.id)).toEqual(['1', '2']);
    expect(lines[0].themes.find((t: { id: string }) => t.id === 'exclusion').decision).toBe('yes');
  });
});

describe('CSV reading', () => {
  it('handles quotes, doubled quotes and newlines', () => {
    expect(parseCsv('a,b\n"x, y","say ""hi""\nthere"\n')).toEqual([
      ['a', 'b'],
      ['x, y', 'say "hi"\nthere']
    ]);
  });
});
