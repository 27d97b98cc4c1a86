// What a definition names must be the organisation's own and exist: the
// series, questionnaires and collections it covers, the measures and themes
// chosen, the priorities and measures of success, and each quote — an answer
// in what the report covers, coded with its theme, and cleared by a
// safeguarding lead if it was ever flagged, and a row's measure of success
// one of its own priority's. Refused with 422 (400 for a measure of another
// priority) and every problem named by its field.
import type { Database } from '@safer-voices/db';
import { questionnaires } from '@safer-voices/db';
import type { ReportDefinition } from '@safer-voices/survey';
import { and, eq, inArray } from 'drizzle-orm';
import { ApiError, type Issue } from '../errors';
import type { ResolveContext } from './context';
import { loadQuotes, QUOTE_PROBLEMS, quoteKey } from './resolve-quotes';

async function ownIds(db: Database, organisationId: string, ids: readonly string[], kind: 'survey' | 'collection'): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .select({ id: questionnaires.id })
    .from(questionnaires)
    .where(and(eq(questionnaires.organisationId, organisationId), eq(questionnaires.kind, kind), inArray(questionnaires.id, [...ids])));
  return new Set(rows.map((r) => r.id));
}

export const ANOTHER_PRIORITY = 'That measure of success belongs to another priority';

/**
 * Throws 422 naming each problem; `quote_not_cleared` when a flagged answer
 * that was not cleared is among them; 400 when a "You said, we did" row
 * links a measure of success of another priority than its own.
 */
export async function refuseDefinitionProblems(db: Database, context: ResolveContext, definition: ReportDefinition): Promise<void> {
  const issues: Issue[] = [];
  let uncleared = false;
  const { covers } = definition;
  if (covers.seriesId !== undefined && !context.series) issues.push({ field: 'covers.seriesId', message: 'Choose one of your organisation’s series' });
  const surveys = await ownIds(db, context.organisationId, covers.questionnaireIds, 'survey');
  covers.questionnaireIds.forEach((id, i) => {
    if (!surveys.has(id)) issues.push({ field: `covers.questionnaireIds.${i}`, message: `There is no survey “${id}” in your organisation` });
  });
  const collections = await ownIds(db, context.organisationId, covers.collectionIds, 'collection');
  covers.collectionIds.forEach((id, i) => {
    if (!collections.has(id)) issues.push({ field: `covers.collectionIds.${i}`, message: `There is no collection “${id}” in your organisation` });
  });

  const priorities = new Set(context.strategy.map((p) => p.id));
  const successMeasures = new Set(context.strategy.flatMap((p) => p.measures.map((m) => m.id)));
  const measuresOf = new Map(context.strategy.map((p) => [p.id, new Set(p.measures.map((m) => m.id))]));
  let mismatched = false;
  const quoteRefs: { field: string; responseId: string; questionId: string; themeIds: readonly string[] }[] = [];
  for (const [s, section] of definition.sections.entries()) {
    const at = `sections.${s}`;
    if (section.kind === 'safety') {
      section.measureKeys.forEach((key, i) => {
        if (context.series && !context.measures?.measures.some((m) => m.key === key)) issues.push({ field: `${at}.measureKeys.${i}`, message: `The series has no measure “${key}”` });
      });
      section.successMeasureIds.forEach((id, i) => {
        if (!successMeasures.has(id)) issues.push({ field: `${at}.successMeasureIds.${i}`, message: 'Choose one of your strategy’s measures of success' });
      });
    } else if (section.kind === 'themes') {
      section.themes.forEach((chosen, t) => {
        const theme = context.themes.find((x) => x.id === chosen.themeId);
        if (!theme) issues.push({ field: `${at}.themes.${t}.themeId`, message: `There is no theme “${chosen.themeId}” in your codebook` });
        chosen.quotes.forEach((q, i) => {
          quoteRefs.push({ field: `${at}.themes.${t}.quotes.${i}`, ...q, themeIds: theme?.themeIds ?? [chosen.themeId] });
        });
      });
    } else if (section.kind === 'you-said-we-did') {
      section.rows.forEach((row, r) => {
        if (!priorities.has(row.priorityId)) issues.push({ field: `${at}.rows.${r}.priorityId`, message: 'Choose one of your strategy’s priorities' });
        if (row.successMeasureId === undefined) return;
        const field = `${at}.rows.${r}.successMeasureId`;
        if (!successMeasures.has(row.successMeasureId)) issues.push({ field, message: 'Choose one of your strategy’s measures of success' });
        else if (priorities.has(row.priorityId) && !measuresOf.get(row.priorityId)?.has(row.successMeasureId)) {
          mismatched = true;
          issues.push({ field, message: ANOTHER_PRIORITY });
        }
      });
    }
  }
  if (quoteRefs.length > 0) {
    const loaded = await loadQuotes(db, context, quoteRefs, new Map(quoteRefs.map((q) => [quoteKey(q), q.themeIds])));
    for (const ref of quoteRefs) {
      const found = loaded.get(quoteKey(ref));
      if (found && !found.ok) {
        if (found.problem === 'not_cleared') uncleared = true;
        issues.push({ field: ref.field, message: QUOTE_PROBLEMS[found.problem] });
      }
    }
  }
  if (issues.length > 0) {
    const first = issues.find((i) => i.message === QUOTE_PROBLEMS.not_cleared) ?? issues[0];
    if (mismatched && !uncleared) throw new ApiError(400, 'invalid_request', ANOTHER_PRIORITY, issues);
    throw new ApiError(422, uncleared ? 'quote_not_cleared' : 'invalid_report', first?.message ?? 'The report names something that is not there', issues);
  }
}
