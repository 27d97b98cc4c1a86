// Moving through a survey: where Back and Continue lead, and how far along.
import { type Answers, nextPage, previousPage, type QuestionnaireDefinition, visiblePages } from '@safer-voices/survey';

export function whereNext(slug: string, definition: QuestionnaireDefinition, answers: Answers, pageId: string, backToCheck: boolean): string {
  if (backToCheck) return `/s/${slug}/check`;
  const next = nextPage(definition, answers, pageId);
  return next ? `/s/${slug}/q/${next.id}` : `/s/${slug}/check`;
}

export function pagePosition(slug: string, definition: QuestionnaireDefinition, answers: Answers, pageId: string) {
  const pages = visiblePages(definition, answers);
  const previous = previousPage(definition, answers, pageId);
  return {
    number: pages.findIndex((p) => p.id === pageId) + 1,
    count: pages.length,
    backHref: previous ? `/s/${slug}/q/${previous.id}` : `/s/${slug}`
  };
}
