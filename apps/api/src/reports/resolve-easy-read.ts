// The easy-read version for children and young people, generated when the
// author has not written their own: short sentences (15 words at most), the
// three biggest findings — the largest significant changes in how safe
// people feel, then the most common themes, then the newest figures shown —
// and what will happen, from the "You said, we did" rows. Only figures shown
// through the suppression rule are used.
import type { EasyRead, YouSaidWeDid } from './model';
import type { MeasureLine } from '../measures/waves-view';
import type { ThemeFinding } from './resolve-themes';

export const EASY_READ_MAX_WORDS = 15;

/** The one finding when no figure can be shown. */
export const NOTHING_TO_SAY = 'We do not have enough answers yet to say what you told us.';

const words = (s: string) => s.split(/\s+/).filter((w) => w !== '');
const short = (s: string) => words(s).length <= EASY_READ_MAX_WORDS;
const lower = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/** The first of the sentences that is short enough, or null. */
const firstShort = (...sentences: string[]): string | null => sentences.find(short) ?? null;

interface Change {
  line: MeasureLine;
  points: number;
  from: number;
  to: number;
}

/** Each measure's significant change between its two newest waves, largest first. */
function significantChanges(measures: readonly MeasureLine[]): Change[] {
  return measures
    .flatMap((line): Change[] => {
      const step = line.steps.at(-1);
      const before = line.figures.at(-2);
      const after = line.figures.at(-1);
      if (!step?.change?.significant || step.change.difference === null || before?.percent == null || after?.percent == null) return [];
      return [{ line, points: step.change.difference * 100, from: before.percent, to: after.percent }];
    })
    .sort((a, b) => Math.abs(b.points) - Math.abs(a.points));
}

function changeSentence({ line, points, from, to }: Change): string | null {
  const what = lower(line.name);
  const way = points > 0 ? 'went up' : 'went down';
  return firstShort(`${line.name} ${way}, from ${Math.round(from)} in 100 to ${Math.round(to)} in 100.`, `Answers about ${what} ${way} since last time.`, `One answer ${way} a lot since last time.`);
}

/** The newest figure shown of each measure, biggest first: what the series' newest wave with figures says. */
function newestLevels(measures: readonly MeasureLine[], threshold: number): { line: MeasureLine; percent: number }[] {
  return measures
    .flatMap((line) => {
      const newest = [...line.figures].reverse().find((f) => f.shown && f.percent !== null && f.base !== null && f.base >= threshold);
      return newest?.percent == null ? [] : [{ line, percent: newest.percent }];
    })
    .sort((a, b) => b.percent - a.percent);
}

/**
 * What "N in 100 of you said …" goes on to say for a measure, from its name
 * and how its figure reads (packages/survey headlines): "% who avoid at least
 * one place" → "you avoid at least one place", "% very, fairly or quite safe"
 * of "Safe after dark" → "you feel safe after dark", "% yes" of "Carried a
 * weapon" → "you carried a weapon". A grid row's name ("Safe: Parks") gives
 * the row, said first. Null when the wording is not one of these.
 */
export function levelClause(name: string, headline: string): { row: string | null; said: string } | null {
  const colon = name.indexOf(': ');
  const row = colon >= 0 ? name.slice(colon + 2).trim() : null;
  const what = (colon >= 0 ? name.slice(0, colon) : name).trim();
  const answer = headline.replace(/^%\s*/, '').trim();
  const you = (s: string) =>
    s
      .replace(/\bthey\b/g, 'you')
      .replace(/\btheir\b/g, 'your')
      .replace(/\bthemselves\b/g, 'yourselves');
  if (/^who\s/i.test(answer)) return { row, said: `you ${you(answer.replace(/^who\s+/i, '').replace(/,.*$/, ''))}` };
  if (/^yes$/i.test(answer)) return row ? { row, said: 'yes' } : { row, said: `you ${lower(what)}` };
  if (/\bsafe\b/i.test(answer)) return { row, said: row ? 'you feel safe there' : /^safe\b/i.test(what) ? `you feel ${lower(what)}` : 'you feel safe' };
  if (/\bworried\b/i.test(answer)) return { row, said: /^worried\b/i.test(what) ? `you are ${lower(what)}` : 'you are worried' };
  if (/^an? major problem$/i.test(answer)) return { row, said: row || /^problem$/i.test(what) ? 'it is a major problem' : `${lower(what)} is a major problem` };
  return null;
}

function levelSentence({ line, percent }: { line: MeasureLine; percent: number }): string | null {
  const n = Math.round(percent);
  if (line.measure.startsWith('theme:')) return firstShort(`${n} in 100 of you who wrote to us wrote about ${lower(line.name)}.`, `${n} in 100 of you who wrote to us wrote about this.`);
  const clause = levelClause(line.name, line.headline);
  const sentence = clause && `${n} in 100 of you said ${clause.said}.`;
  return firstShort(
    ...(sentence ? [clause?.row ? `${clause.row}: ${sentence}` : sentence] : []),
    `${n} in 100 of you gave this answer about ${lower(line.name)}.`,
    `${n} in 100 of you gave this answer.`
  );
}

function themeSentence(theme: ThemeFinding, rank: number): string | null {
  const label = lower(theme.label);
  return firstShort(
    rank === 0 ? `The thing most of you wrote about was ${label}.` : `Many of you also wrote about ${label}.`,
    rank === 0 ? 'We read what you wrote and found what most of you said.' : 'Many of you also wrote about other worries.'
  );
}

function nextSentence(row: YouSaidWeDid): string | null {
  const did = row.weDid.replace(/[.!\s]+$/, '');
  const lead = row.status === 'done' ? 'We have done this:' : row.status === 'in progress' ? 'We are doing this now:' : 'We plan to do this:';
  return firstShort(
    // The author's words as typed: "Funded" stays a capital after the colon.
    `${lead} ${did}.`,
    `We are working on this: ${row.priority.replace(/[.!\s]+$/, '')}.`,
    row.status === 'done' ? 'We have done something about what you told us.' : 'We are working on what you told us.'
  );
}

export function generatedEasyRead(input: { title: string; measures: readonly MeasureLine[]; themes: readonly ThemeFinding[]; rows: readonly YouSaidWeDid[]; threshold: number }): EasyRead {
  const themes = input.themes.map((t, i) => themeSentence(t, i));
  const levels = newestLevels(input.measures, input.threshold).map(levelSentence);
  // After the changes, the most common themes and the newest figures by turns, so both are heard.
  const byTurns = Array.from({ length: Math.max(themes.length, levels.length) }, (_, i) => [themes[i] ?? null, levels[i] ?? null]).flat();
  const findings = [...significantChanges(input.measures).map(changeSentence), ...byTurns].filter((s): s is string => s !== null);
  const unique = [...new Set(findings)].slice(0, 3);
  const next = [...new Set(input.rows.map(nextSentence).filter((s): s is string => s !== null))].slice(0, 6);
  return {
    title: firstShort(`${input.title}: easy read`) ?? 'What you told us: easy read',
    intro: ['We asked young people how safe they feel.', 'Thank you for telling us.', 'This is what you said and what we will do.'],
    findings: unique.length > 0 ? unique : [NOTHING_TO_SAY],
    next: next.length > 0 ? next : ['We will tell you what we are doing about it soon.']
  };
}
