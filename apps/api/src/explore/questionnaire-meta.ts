// What the explorer knows about a questionnaire from its versions: the
// versions explored (published ones; every version of a collection), the
// free-text questions, and the dimensions respondents can be filtered and
// grouped by — each closed question (a grid row is a dimension of its own)
// over every version, labelled as in the newest version that has it.
import type { QuestionnaireKind } from '@safer-voices/db';
import { EXTRA_VALUES, headlineOf, type Question, type QuestionHeadline, type QuestionnaireDefinition, type ScaleExtras } from '@safer-voices/survey';

export interface ExploredVersion {
  id: string;
  version: number;
  publishedAt: Date | null;
  definition: QuestionnaireDefinition;
}

export interface DimensionMeta {
  key: string;
  label: string;
  kind: 'single' | 'multi';
  options: { value: string; label: string }[];
  /** How it is reported as a perception-of-safety measure, when its question has a measure key with a headline. */
  headline?: QuestionHeadline;
}

/** Where one version keeps a dimension's answer: a question, or a row of a grid question. */
export interface AnswerSource {
  key: string;
  questionId: string;
  rowId: string | null;
  kind: 'single' | 'multi';
}

export interface ExploreMeta {
  id: string;
  organisationId: string;
  kind: QuestionnaireKind;
  title: string;
  /** Oldest first. */
  versions: ExploredVersion[];
  freeTextQuestions: { id: string; label: string }[];
  /** From the questions; school and class come from the responses (see contextKeys). */
  dimensions: DimensionMeta[];
  /** Dimension keys for the class-code labels: `school`/`class`, unless a question has that id. */
  contextKeys: { school: string; class: string };
  sources: Map<string, AnswerSource[]>;
  /** Changes whenever a version is added or a version's definition changes. */
  fingerprint: string;
}

export interface VersionRow {
  id: string;
  version: number;
  definition: string;
  publishedAt: number | null;
}

function extraOptions(extras: ScaleExtras): { value: string; label: string }[] {
  return (Object.keys(EXTRA_VALUES) as (keyof ScaleExtras)[]).filter((key) => extras[key]).map((key) => ({ value: EXTRA_VALUES[key], label: extras[key] as string }));
}

/** The dimensions one question gives, with their options and where answers are. */
function dimensionsOf(question: Question): (DimensionMeta & { source: AnswerSource })[] {
  const headline = headlineOf(question);
  if (!headline) return closedDimensionsOf(question);
  // A grid row is a measure of its own: "Safe: Parks".
  const rowLabel = (rowId: string | null) => (question.type === 'grid' ? question.rows.find((r) => r.value === rowId)?.label : undefined);
  return closedDimensionsOf(question).map((d) => {
    const row = rowLabel(d.source.rowId);
    return { ...d, headline: row ? { ...headline, name: `${headline.name}: ${row}` } : headline };
  });
}

function closedDimensionsOf(question: Question): (DimensionMeta & { source: AnswerSource })[] {
  const at = (key: string, kind: 'single' | 'multi', rowId: string | null = null) => ({ key, questionId: question.id, rowId, kind });
  switch (question.type) {
    case 'single':
      return [{ key: question.id, label: question.label, kind: 'single', options: question.options, source: at(question.id, 'single') }];
    case 'scale':
      return [{ key: question.id, label: question.label, kind: 'single', options: [...question.points, ...extraOptions(question.extras)], source: at(question.id, 'single') }];
    case 'multiple':
      return [{ key: question.id, label: question.label, kind: 'multi', options: [...question.options, ...(question.none ? [question.none] : [])], source: at(question.id, 'multi') }];
    case 'place': {
      const kind = question.multiple ? 'multi' : 'single';
      return [{ key: question.id, label: question.label, kind, options: [...question.places, ...(question.none ? [question.none] : [])], source: at(question.id, kind) }];
    }
    case 'grid': {
      const options = [...question.points, ...extraOptions(question.extras)];
      return question.rows.map((row) => {
        const key = `${question.id}.${row.value}`;
        return { key, label: `${question.label}: ${row.label}`, kind: 'single', options, source: at(key, 'single', row.value) };
      });
    }
    default:
      return [];
  }
}

export function exploreMeta(questionnaire: { id: string; organisationId: string; kind: QuestionnaireKind }, rows: VersionRow[]): ExploreMeta {
  const explored = rows.filter((r) => questionnaire.kind === 'collection' || r.publishedAt !== null).sort((a, b) => a.version - b.version);
  const versions: ExploredVersion[] = explored.map((r) => ({
    id: r.id,
    version: r.version,
    publishedAt: r.publishedAt === null ? null : new Date(r.publishedAt),
    definition: JSON.parse(r.definition) as QuestionnaireDefinition
  }));
  const newestAny = [...rows].sort((a, b) => b.version - a.version)[0];
  const title = versions.at(-1)?.definition.title ?? (newestAny ? (JSON.parse(newestAny.definition) as QuestionnaireDefinition).title : '');

  const dimensions = new Map<string, DimensionMeta>();
  const freeText = new Map<string, string>();
  const sources = new Map<string, AnswerSource[]>();
  const questionIds = new Set<string>();
  // Newest first: its labels and option order win; older versions add what it lacks.
  for (const version of [...versions].reverse()) {
    const own: AnswerSource[] = [];
    for (const question of version.definition.pages.flatMap((p) => p.questions)) {
      questionIds.add(question.id);
      if ((question.type === 'text' || question.type === 'longtext') && !freeText.has(question.id)) freeText.set(question.id, question.label);
      for (const { source, ...dimension } of dimensionsOf(question)) {
        own.push(source);
        const known = dimensions.get(dimension.key);
        if (!known) {
          dimensions.set(dimension.key, { ...dimension, options: [...dimension.options] });
          continue;
        }
        // Answers an older wording counts (or leaves out of the base) still do.
        if (known.headline && dimension.headline) {
          known.headline = {
            ...known.headline,
            counts: [...new Set([...known.headline.counts, ...dimension.headline.counts])],
            notInBase: [...new Set([...known.headline.notInBase, ...dimension.headline.notInBase])]
          };
        }
        // A question that allowed several answers in any version is multi-valued throughout.
        if (dimension.kind === 'multi') known.kind = 'multi';
        for (const option of dimension.options) if (!known.options.some((o) => o.value === option.value)) known.options.push(option);
      }
    }
    sources.set(version.id, own);
  }
  return {
    id: questionnaire.id,
    organisationId: questionnaire.organisationId,
    kind: questionnaire.kind,
    title,
    versions,
    freeTextQuestions: [...freeText].map(([id, label]) => ({ id, label })),
    dimensions: [...dimensions.values()],
    contextKeys: { school: questionIds.has('school') ? 'context.school' : 'school', class: questionIds.has('class') ? 'context.class' : 'class' },
    sources,
    fingerprint: fingerprintOf(questionnaire.kind, rows)
  };
}

/** What the explored versions are, in a string that changes whenever any of them does. */
export function fingerprintOf(kind: QuestionnaireKind, rows: VersionRow[]): string {
  return rows
    .filter((r) => kind === 'collection' || r.publishedAt !== null)
    .sort((a, b) => a.version - b.version)
    .map((r) => `${r.id}:${r.publishedAt}:${r.definition}`)
    .join('\n');
}

/** Every question id a closed answer is read from, over all versions (see closedAnswers). */
export function closedQuestionIds(meta: ExploreMeta): string[] {
  return [...new Set([...meta.sources.values()].flat().map((s) => s.questionId))];
}
