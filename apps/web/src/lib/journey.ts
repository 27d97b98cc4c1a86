// Moving through a survey: where Back and Continue lead, and how far along.
// A page is shown as one or more steps (a grid one row at a time, see the
// survey package's steps.ts); a step other than its page's first is at
// `?step=<key>`.
import { type Answers, journeySteps, type QuestionnaireDefinition, type Step, stepAfter, stepBefore, stepProgress } from '@safer-voices/survey';

export function stepHref(slug: string, step: Pick<Step, 'page' | 'key' | 'first'>, change = false): string {
  const query = [step.first ? '' : `step=${encodeURIComponent(step.key)}`, change ? 'change=1' : ''].filter(Boolean).join('&');
  return `/s/${slug}/q/${step.page.id}${query ? `?${query}` : ''}`;
}

export function whereNext(slug: string, definition: QuestionnaireDefinition, answers: Answers, step: Step, backToCheck: boolean): string {
  if (backToCheck) return `/s/${slug}/check`;
  const next = stepAfter(definition, answers, step);
  return next ? stepHref(slug, next) : `/s/${slug}/check`;
}

/** Where to go instead of a page these answers do not show: the next step after it. */
export function pastHiddenPage(slug: string, definition: QuestionnaireDefinition, answers: Answers, pageId: string): string {
  const at = definition.pages.findIndex((p) => p.id === pageId);
  const next = journeySteps(definition, answers).find((s) => definition.pages.indexOf(s.page) > at);
  return next ? stepHref(slug, next) : `/s/${slug}/check`;
}

export function stepPosition(slug: string, definition: QuestionnaireDefinition, answers: Answers, step: Step) {
  const previous = stepBefore(definition, answers, step);
  return { ...stepProgress(definition, step), backHref: previous ? stepHref(slug, previous) : `/s/${slug}` };
}
