// Where a question or page can go, as the editor's "Move to" lists offer it,
// and what such a choice means to the API. A question's place is a page and
// a position on it, counted as the API counts them: with the question itself
// already taken out (the move_question edit takes it out first).
import type { QuestionnaireDefinition } from '@safer-voices/survey';

export interface Place {
  value: string;
  text: string;
  current: boolean;
}
export interface PlaceGroup {
  label: string;
  places: Place[];
}

/**
 * A place as the list reads it: where the question or page is now says so
 * ("Page 1, position 2 (where it is now)"); otherwise the last place of
 * several says it is the last.
 */
const placeText = (place: string, last: boolean, current: boolean) => `${place}${current ? ' (where it is now)' : last ? ' (last)' : ''}`;

const pageName = (definition: QuestionnaireDefinition, p: number) => {
  const page = definition.pages[p];
  return page?.title ?? page?.questions[0]?.label ?? page?.id ?? '';
};

/**
 * Every place `questionId` can move to, page by page: on its own page each
 * position it could take, on any other page each gap, the end included.
 * The question's own place is marked current, and says so.
 */
export function questionPlaces(definition: QuestionnaireDefinition, questionId: string): PlaceGroup[] {
  return definition.pages.map((page, p) => {
    const own = page.questions.findIndex((q) => q.id === questionId);
    const count = own >= 0 ? page.questions.length : page.questions.length + 1;
    const places = Array.from({ length: count }, (_, at) => ({
      value: `${page.id}@${at}`,
      text: placeText(`Page ${p + 1}, position ${at + 1}`, at === count - 1 && count > 1, at === own),
      current: at === own
    }));
    return { label: `Page ${p + 1}: ${pageName(definition, p)}`, places };
  });
}

/** The positions a page can move to, its own marked current (and saying so). */
export function pagePlaces(definition: QuestionnaireDefinition, pageId: string): Place[] {
  const count = definition.pages.length;
  return definition.pages.map((page, p) => ({
    value: String(p + 1),
    text: placeText(`Position ${p + 1}`, p === count - 1 && count > 1, page.id === pageId),
    current: page.id === pageId
  }));
}

/** The places a new page can go: after any page, the end first as the usual choice. */
export function newPagePlaces(definition: QuestionnaireDefinition): Place[] {
  return [
    { value: 'end', text: 'At the end', current: true },
    { value: 'start', text: 'At the start, before page 1', current: false },
    ...definition.pages.slice(0, -1).map((_, p) => ({ value: String(p + 1), text: `After page ${p + 1}: ${pageName(definition, p)}`, current: false }))
  ];
}

/** A question's place as posted ("pageId@position"), or null for anything else. */
export function readQuestionPlace(posted: string): { pageId: string; at: number } | null {
  const match = /^([a-z][a-z0-9_]{0,62})@(0|[1-9][0-9]{0,4})$/.exec(posted);
  return match ? { pageId: match[1] as string, at: Number(match[2]) } : null;
}

/** A page position as posted (1 for the first), or null unless it is a whole number from 1 to `count`. */
export function readPagePosition(posted: string, count: number): number | null {
  if (!/^[1-9][0-9]{0,4}$/.test(posted)) return null;
  const n = Number(posted);
  return n <= count ? n : null;
}

/** Where a new page goes as posted ("end", "start" or the number of the page it follows): an index into the pages, or null. */
export function readNewPagePlace(posted: string, count: number): number | null {
  if (posted === '' || posted === 'end') return count;
  if (posted === 'start') return 0;
  return readPagePosition(posted, count);
}
