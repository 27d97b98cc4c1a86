import { quickExitShown } from '@safer-voices/survey';
import { describeCondition } from '#lib/components/designer/questions.ts';
import { canEdit } from '#lib/server/designer-api.ts';
import { readDraft } from '#lib/server/draft-editor.ts';
import type { PageServerLoad } from './$types';

// The draft as a respondent sees it, one page at a time (0 is the start
// page). Nothing is stored: the questions are shown empty, and skip logic
// is described rather than run.
export const load: PageServerLoad = async (event) => {
  const { who, details } = await readDraft(event);
  const definition = details.working.definition;
  const count = definition.pages.length;
  const asked = Number(event.url.searchParams.get('page') ?? '0');
  const number = Number.isInteger(asked) ? Math.min(Math.max(asked, 0), count) : 0;
  const page = number > 0 ? definition.pages[number - 1] : undefined;
  return {
    editor: canEdit(who.roles),
    questionnaire: details.questionnaire,
    version: details.working.version,
    definition,
    quickExit: quickExitShown(definition),
    number,
    count,
    page,
    conditions: Object.fromEntries((page?.questions ?? []).flatMap((q) => (q.showIf ? [[q.id, describeCondition(definition, q.showIf)]] : [])))
  };
};
