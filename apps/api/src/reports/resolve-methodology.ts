// The methodology section, filled in from what the report covers: when and
// how people answered, who took part (through the suppression threshold),
// how free text was coded and how well analysts agreed, the suppression
// rule, weighting and when a change is called a change. The author's notes
// come first.
import { codedAnswers, type Database, doubleCodingItems, doubleCodingLabels, doubleCodingRounds, questionnaireVersions, responses } from '@safer-voices/db';
import { suppress, type Figure } from '@safer-voices/insights';
import type { Block, TableBlock } from './model';
import { and, count, eq, inArray, isNotNull, isNull, max, min, sql } from 'drizzle-orm';
import { type Coding, compare, itemKey } from '../store/double-coding-agreement';
import type { CoveredQuestionnaire, ResolveContext } from './context';
import { count as shownCount, listed, month, paragraphsOf, withheldMarks } from './format';

const NO_SCHOOL = 'No school (open link)';

/** Where a questionnaire's respondents are counted: its wave, or the questionnaire itself. */
const groupOf = (q: CoveredQuestionnaire) => q.wave?.label ?? q.title;

function howAnswered(q: CoveredQuestionnaire): string {
  if (q.kind === 'collection') return 'Free text brought in from elsewhere';
  return q.accessMode === 'codes' ? 'At school, with class or single-use codes' : 'Online, with an open link';
}

function whoFor(q: CoveredQuestionnaire): string {
  if (q.kind === 'collection') return '—';
  return q.ageBand === 'adults' ? 'Adults' : `Aged ${q.ageBand}`;
}

interface Counted {
  questionnaireId: string;
  school: string | null;
  n: number;
  first: Date | null;
  last: Date | null;
}

async function responseCounts(db: Database, ids: string[]): Promise<Counted[]> {
  if (ids.length === 0) return [];
  const school = sql<string | null>`json_extract(${responses.context}, '$.school')`;
  const rows = await db
    .select({ questionnaireId: questionnaireVersions.questionnaireId, school, n: count(), first: min(responses.submittedAt), last: max(responses.submittedAt) })
    .from(responses)
    .innerJoin(questionnaireVersions, eq(questionnaireVersions.id, responses.versionId))
    .where(inArray(questionnaireVersions.questionnaireId, ids))
    .groupBy(questionnaireVersions.questionnaireId, school);
  return rows.map((r) => ({ ...r, school: typeof r.school === 'string' && r.school.trim() !== '' ? r.school.trim() : null, n: Number(r.n) }));
}

/**
 * Rows by columns of counts through the suppression threshold, with totals:
 * every count below it, and any that would give one away from the totals, is "[c]".
 */
function countTable(caption: string, rowHead: string, rowLabels: string[], columnLabels: string[], counts: number[][], threshold: number): TableBlock {
  const single = columnLabels.length === 1;
  // A zero here says a school or age group did not take part in a wave: about nobody, so shown (as shownCount shows it).
  const result = suppress(counts, { threshold, showZeros: true });
  const marks = withheldMarks(threshold);
  const cell = (f: Figure | undefined) => (f?.count === null || f?.count === undefined ? marks.cell(f?.reason) : shownCount(f.count));
  const head = [rowHead, ...(single ? ['People'] : [...columnLabels.map((c) => `People, ${c}`), 'People, all'])];
  const rows = rowLabels.map((label, r) => [label, ...(single ? [cell(result.cells[r]?.[0])] : [...columnLabels.map((_, c) => cell(result.cells[r]?.[c])), cell(result.rowTotals[r])])]);
  const total = ['All', ...(single ? [cell(result.total)] : [...columnLabels.map((_, c) => cell(result.columnTotals[c])), cell(result.total)])];
  return { type: 'table', caption, head, rows: [...rows, total], numeric: head.map((_, i) => i > 0), ...marks.notes() };
}

/**
 * Counts of people by age group (per wave) and by school (per questionnaire).
 * A questionnaire with fewer people than the threshold is left out whole: the
 * explorer's list shows every other questionnaire's count, so any total that
 * took its people in would give them away. Each school count is one
 * questionnaire's, as the explorer can show it, never a sum across
 * questionnaires that a shown part would let someone take apart.
 */
function whoTookPart(context: ResolveContext, counted: Counted[]): Block[] {
  const surveys = context.covered.filter((q) => q.kind === 'survey');
  if (surveys.length === 0) return [{ type: 'paragraph', text: 'The report covers no survey yet, so there is nobody to describe.' }];
  const sizeOf = (q: CoveredQuestionnaire) => counted.filter((c) => c.questionnaireId === q.id).reduce((s, c) => s + c.n, 0);
  const tooFew = surveys.filter((q) => sizeOf(q) > 0 && sizeOf(q) < context.threshold);
  const shown = surveys.filter((q) => sizeOf(q) >= context.threshold);
  const blocks: Block[] = [{ type: 'subheading', text: 'Who took part' }];
  if (tooFew.length > 0) {
    const names = tooFew.map((q) => (q.wave ? `“${q.title}” (${q.wave.label})` : `“${q.title}”`));
    blocks.push({ type: 'paragraph', text: `Too few people answered ${listed(names)} to count them here or to show any figure from ${tooFew.length === 1 ? 'it' : 'them'} alone.` });
  }
  if (shown.length === 0) {
    blocks.push({ type: 'paragraph', text: 'Not enough people have taken part yet to say who they were.' });
    return blocks;
  }
  blocks.push({
    type: 'paragraph',
    text: `Counts below ${context.threshold} are not shown ([c]), nor any count from which one could be worked out. Nobody is asked their name, and answers are not linked to the code they were started with.`
  });
  const groups = [...new Set(shown.map(groupOf))];
  const bands = [...new Set(shown.map(whoFor))];
  const byBand = bands.map(() => groups.map(() => 0));
  // One column per questionnaire, named by its wave (and age group when the wave has several).
  const columnOf = (q: CoveredQuestionnaire) => (q.wave && shown.filter((o) => o.wave?.id === q.wave?.id).length > 1 ? `${q.wave.label}, ${whoFor(q).toLowerCase()}` : groupOf(q));
  const columns = shown.map(columnOf);
  const schools = [...new Set(counted.filter((c) => shown.some((q) => q.id === c.questionnaireId)).map((c) => c.school ?? NO_SCHOOL))].sort((a, b) =>
    a === NO_SCHOOL ? 1 : b === NO_SCHOOL ? -1 : a.localeCompare(b, 'en', { numeric: true })
  );
  const bySchool = schools.map(() => shown.map(() => 0));
  for (const c of counted) {
    const at = shown.findIndex((s) => s.id === c.questionnaireId);
    const q = shown[at];
    if (!q) continue;
    const bandRow = byBand[bands.indexOf(whoFor(q))] as number[];
    const schoolRow = bySchool[schools.indexOf(c.school ?? NO_SCHOOL)] as number[];
    const g = groups.indexOf(groupOf(q));
    bandRow[g] = (bandRow[g] ?? 0) + c.n;
    schoolRow[at] = (schoolRow[at] ?? 0) + c.n;
  }
  blocks.push(countTable('People who took part, by age group', 'Age group', bands, groups, byBand, context.threshold));
  if (schools.length > 0 && !(schools.length === 1 && schools[0] === NO_SCHOOL)) {
    blocks.push(countTable('People who took part, by school', 'School', schools, columns, bySchool, context.threshold));
  }
  return blocks;
}

function fieldwork(context: ResolveContext, counted: Counted[]): Block[] {
  if (context.covered.length === 0) return [];
  const rows = context.covered.map((q) => {
    const own = counted.filter((c) => c.questionnaireId === q.id);
    const first = own.reduce<Date | null>((d, c) => (c.first && (!d || c.first < d) ? c.first : d), null);
    const last = own.reduce<Date | null>((d, c) => (c.last && (!d || c.last > d) ? c.last : d), null);
    const when = first && last ? (month(first) === month(last) ? month(first) : `${month(first)} to ${month(last)}`) : 'No answers yet';
    return [q.title, q.wave?.label ?? '—', whoFor(q), when, howAnswered(q)];
  });
  return [
    { type: 'subheading', text: 'When and how people answered' },
    { type: 'table', caption: 'The questionnaires this report draws on', head: ['Questionnaire', 'Wave', 'Who for', 'When', 'How people answered'], rows }
  ];
}

/**
 * Which codebooks coded the answers, in words: answers keep the codebook they
 * were coded with (`default@1`, the product's own; an organisation's edited
 * one carries its own name), and the partnership may have edited its
 * codebook since.
 */
function codebooksInWords(used: readonly string[], current: number): string {
  const named = [...new Set(used.map((v) => (v.startsWith('default@') ? 'the default codebook' : `the partnership’s own codebook (${v.slice(v.indexOf('@') + 1) || v})`)))];
  const since = current > 0 ? `; the partnership’s codebook is now at version ${current}` : '';
  return named.length > 0 ? ` (${listed(named)}${since})` : since ? ` (${since.slice(2)})` : '';
}

async function coding(db: Database, context: ResolveContext): Promise<Block[]> {
  const ids = context.covered.map((q) => q.id);
  if (ids.length === 0) return [];
  const rows = await db
    .select({ codebookVersion: codedAnswers.codebookVersion, analyst: sql<number>`${codedAnswers.modelVersion} = 'analyst'`, n: count() })
    .from(codedAnswers)
    .innerJoin(responses, eq(responses.id, codedAnswers.responseId))
    .innerJoin(questionnaireVersions, eq(questionnaireVersions.id, responses.versionId))
    .where(and(inArray(questionnaireVersions.questionnaireId, ids), isNull(codedAnswers.error)))
    .groupBy(codedAnswers.codebookVersion, sql`${codedAnswers.modelVersion} = 'analyst'`);
  const total = rows.reduce((s, r) => s + Number(r.n), 0);
  const reviewed = rows.filter((r) => Number(r.analyst) === 1).reduce((s, r) => s + Number(r.n), 0);
  const versions = [...new Set(rows.map((r) => r.codebookVersion))].sort();
  const text: string[] = [
    `Free-text answers were read by the partnership’s coder, which gives each answer the themes of a codebook${codebooksInWords(versions, context.codebookVersion)}. Analysts check the answers the coder is least sure of, and their decisions replace the coder’s.`
  ];
  if (total === 0) text.push('No free-text answer has been coded yet.');
  else if (total < context.threshold) text.push('Too few free-text answers have been coded to say what share an analyst checked.');
  else {
    const share = Math.round((reviewed / total) * 100);
    text.push(`Of the free-text answers coded, ${100 - share}% were coded by the coder alone and ${share}% were checked by an analyst.`);
  }
  const agreement = await analystAgreement(db, context, ids);
  return [{ type: 'subheading', text: 'How free text was coded' }, ...text.map((t): Block => ({ type: 'paragraph', text: t })), ...agreement];
}

/** Cohen's kappa between the first two analysts who finished each closed double-coding round of the covered questionnaires. */
async function analystAgreement(db: Database, context: ResolveContext, ids: string[]): Promise<Block[]> {
  const rounds = await db
    .select({ id: doubleCodingRounds.id, name: doubleCodingRounds.name })
    .from(doubleCodingRounds)
    .where(and(inArray(doubleCodingRounds.questionnaireId, ids), isNotNull(doubleCodingRounds.closedAt)));
  const sentences: string[] = [];
  for (const round of rounds) {
    const items = await db.select({ responseId: doubleCodingItems.responseId, questionId: doubleCodingItems.questionId }).from(doubleCodingItems).where(eq(doubleCodingItems.roundId, round.id));
    const labels = await db.select().from(doubleCodingLabels).where(eq(doubleCodingLabels.roundId, round.id));
    const codings = new Map<string, Coding>();
    for (const label of labels) {
      const coding = codings.get(label.staffId) ?? new Map();
      coding.set(itemKey(label), new Set(label.themes));
      codings.set(label.staffId, coding);
    }
    const finished = [...codings.values()].filter((c) => c.size >= items.length);
    const [first, second] = finished;
    if (!first || !second || items.length === 0) continue;
    const keys = items.map(itemKey);
    const themes = context.themes.map((t) => ({ id: t.id, label: t.label }));
    const { kappa } = compare('analysts', { name: 'first', coding: first }, { name: 'second', coding: second }, keys, themes).overall;
    const sample = items.length >= context.threshold ? `the same ${items.length} answers` : 'a small sample of the same answers';
    sentences.push(
      kappa.kappa === null
        ? `In the double-coding round “${round.name}”, two analysts coded ${sample} without seeing each other’s choices; agreement could not be measured because ${kappa.undefinedBecause}.`
        : `In the double-coding round “${round.name}”, two analysts coded ${sample} without seeing each other’s choices: Cohen’s κ = ${kappa.kappa.toFixed(2)} (95% interval ${kappa.lower?.toFixed(2)} to ${kappa.upper?.toFixed(2)}), ${kappa.description}.`
    );
  }
  return sentences.map((text) => ({ type: 'paragraph', text }));
}

function rules(context: ResolveContext): Block[] {
  const weighting = context.measures?.weighting;
  const weighted = weighting
    ? `Figures for the series are weighted to the population by ${listed(weighting.variables.map((v) => v.label.toLowerCase()))}: each wave is raked to the population’s shares, with weights kept between ${weighting.trim.lower} and ${weighting.trim.upper} times the average. Whether a figure is shown is still decided on the number of people, not on weighted numbers.`
    : 'Figures are not weighted: each person who answered counts once.';
  return [
    { type: 'subheading', text: 'Small numbers' },
    {
      type: 'paragraph',
      text: `No figure in this report rests on fewer than ${context.threshold} people. Such a figure is withheld and shown as [c], and so is any figure from which it could be worked out; after each [c], a few words name the rule that withheld it, and the notes under the table say what the rule means. Quotes have names, contact details, addresses and the names of schools and staff removed, and a quote from an answer raised with a safeguarding lead appears only once they have cleared it.`
    },
    { type: 'subheading', text: 'Weighting' },
    { type: 'paragraph', text: weighted },
    { type: 'subheading', text: 'Changes between waves' },
    {
      type: 'paragraph',
      text: 'Each percentage has a 95% confidence interval, widened where pupils answered in school classes (clustering) or where figures are weighted. As the Crime Survey for England and Wales does, a change between two waves is called an increase or a decrease only when it is statistically significant at the 5% level; otherwise the report says there was no statistically significant change. Waves asked differently are not compared.'
    }
  ];
}

export async function methodologyBlocks(db: Database, context: ResolveContext, notes: string): Promise<Block[]> {
  const counted = await responseCounts(
    db,
    context.covered.map((q) => q.id)
  );
  return [
    ...paragraphsOf(notes).map((text): Block => ({ type: 'paragraph', text })),
    ...fieldwork(context, counted),
    ...whoTookPart(context, counted),
    ...(await coding(db, context)),
    ...rules(context)
  ];
}
