import { readFileSync, writeFileSync } from 'node:fs';
import { DEFAULT_CODEBOOK } from '../codebook/default-codebook';
import { type Codebook, codebookSchema } from '../codebook/types';
import { createCoder } from '../coder/create-coder';
import { crossValidate, DEFAULT_CV_SEEDS, evaluateSplit, type LabelledAnswer } from '../eval/evaluate';
import { formatSpread } from '../eval/folds';
import { formatTable } from '../eval/metrics';
import { parseModel, type ThemeModel } from '../model/model-format';
import { train } from '../model/train';
import { userPath } from './args';
import { readLabelled } from './labelled';
import { readAnswers } from './read-answers';

type Options = Map<string, string>;
type Print = (line: string) => void;
/** Where notes about skipped records go: standard error, so the last line of standard output stays the JSON summary. */
const warnOnStderr = (message: string) => console.error(`themes: ${message}`);

/** Labelled answers from a file, skipping (and reporting) any record that is not one. */
function labelledFrom(options: Options, name: string, warn: Print): LabelledAnswer[] {
  const path = userPath(required(options, name));
  const answers = readLabelled(path, { groupBy: options.get('group') ?? 'source', warn });
  if (answers.length === 0) throw new Error(`${path}: no labelled answers (one JSON object a line, with "text" and "themes")`);
  return answers;
}

function required(options: Options, name: string): string {
  const value = options.get(name);
  if (!value || value === 'true') throw new Error(`--${name} is required`);
  return value;
}

function loadCodebook(options: Options): Codebook {
  const path = options.get('codebook');
  return path ? codebookSchema.parse(JSON.parse(readFileSync(userPath(path), 'utf8'))) : DEFAULT_CODEBOOK;
}

function loadModel(options: Options): ThemeModel | null {
  const path = options.get('model');
  return path ? parseModel(JSON.parse(readFileSync(userPath(path), 'utf8'))) : null;
}

/** themes code --in FILE [--column text] [--model M.json] [--codebook C.json] */
export function codeCommand(options: Options, print: Print): void {
  const coder = createCoder({ codebook: loadCodebook(options), model: loadModel(options) });
  const records = readAnswers(userPath(required(options, 'in')), options.get('column') ?? 'text');
  records.forEach((record, index) => {
    const coding = coder.code(record.text, { question: record.question });
    print(JSON.stringify({ index, ...(record.id ? { id: record.id } : {}), ...coding }));
  });
}

/** `--seeds 5` → seeds 1…5; `--seed 3` → just seed 3; default: 1…5. */
function seedsOf(options: Options): number[] {
  const one = options.get('seed');
  if (one) return [Number(one)];
  const count = Number(options.get('seeds') ?? DEFAULT_CV_SEEDS.length);
  if (!Number.isInteger(count) || count < 1) throw new Error('--seeds needs a whole number ≥ 1');
  return Array.from({ length: count }, (_, i) => i + 1);
}

/**
 * themes eval [--train T.jsonl] --test E.jsonl | themes eval --cv K --data D.jsonl
 * Prints the per-theme table, then the JSON summary as the last line.
 */
export function evalCommand(options: Options, print: Print, warn: Print = warnOnStderr): void {
  const codebook = loadCodebook(options);
  const cv = options.get('cv');
  if (cv) {
    const report = crossValidate(labelledFrom(options, 'data', warn), Number(cv), codebook, {}, seedsOf(options));
    print(formatTable(report));
    print(formatSpread(report));
    print(JSON.stringify(report));
    return;
  }
  const report = evaluateSplit(options.has('train') ? labelledFrom(options, 'train', warn) : null, labelledFrom(options, 'test', warn), codebook);
  print(formatTable(report));
  print(JSON.stringify(report));
}

/** themes train --data D.jsonl --out model.json */
export function trainCommand(options: Options, print: Print, warn: Print = warnOnStderr): void {
  const examples = labelledFrom(options, 'data', warn);
  const started = performance.now();
  const model = train(examples, loadCodebook(options));
  const out = userPath(required(options, 'out'));
  writeFileSync(out, `${JSON.stringify(model)}\n`);
  print(`trained ${model.version} on ${examples.length} answers in ${((performance.now() - started) / 1000).toFixed(2)} s → ${out}`);
}

export const HELP = `Theme coding for Safer Voices.

  themes code --in FILE [--column text] [--model MODEL.json] [--codebook CODEBOOK.json]
      Codes answers (JSONL with a "text" field, or CSV with --column) and
      writes one JSON coding per line.
  themes eval [--train TRAIN.jsonl] --test TEST.jsonl
  themes eval --cv 5 --data FILE.jsonl [--seeds 5 | --seed N] [--group FIELD]
      Seeded k-fold cross-validation, repeated for seeds 1…N (default 5):
      mean figures plus their spread over the seeds. Answers that share a
      "source" (or the field named by --group) stay in one fold, so the
      model is scored on writers and sources it never saw; the auto-coding
      threshold is fitted the same way inside the training data.
      Per-theme precision/recall/F1, then a JSON summary as the last line.
      Records may carry other fields; one that is not a labelled answer is
      skipped with a note on standard error.
      Without --train the codebook alone is evaluated.
  themes train --data FILE.jsonl --out MODEL.json
      Trains a model from labelled answers (themes-dev.jsonl format).
  themes codebook [--codebook CODEBOOK.json]
      Prints the codebook as JSON (a starting point for editing).`;
