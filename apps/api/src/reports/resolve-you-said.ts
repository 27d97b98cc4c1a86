// "You said, we did": the author's rows with the title of the strategy
// priority each answers and, where linked, the measure of success and its
// status now.
import type { YouSaidWeDid } from './model';
import type { ReportSectionDefinition } from '@safer-voices/survey';
import type { ResolveContext } from './context';

type Rows = Extract<ReportSectionDefinition, { kind: 'you-said-we-did' }>['rows'];

export function youSaidWeDidRows(context: ResolveContext, rows: Rows): YouSaidWeDid[] {
  return rows.map((row) => {
    const priority = context.strategy.find((p) => p.id === row.priorityId);
    const measure = row.successMeasureId ? context.strategy.flatMap((p) => p.measures).find((m) => m.id === row.successMeasureId) : undefined;
    return {
      youSaid: row.youSaid,
      weDid: row.weDid,
      priority: priority?.title ?? 'A priority since removed from the strategy',
      measure: measure ? `${measure.name}: ${measure.status}` : null,
      status: row.status
    };
  });
}
