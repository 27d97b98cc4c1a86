// What an officer typed that was not saved because someone else changed the
// draft first: listed back to them (StaleNotice.svelte) so they can make
// their change again on the current draft.

/** A form's texts by field. */
export type Texts = Record<string, string>;

/** One thing the officer typed that was not saved. */
export interface Unsaved {
  label: string;
  value: string;
}

const sameText = (a: string | undefined, b: string | undefined) => (a ?? '').replace(/\s+/g, ' ').trim() === (b ?? '').replace(/\s+/g, ' ').trim();

/**
 * What the officer changed (typed differently from what their form showed)
 * that the draft does not hold now, so that a stale save can give it back.
 * A field someone else changed and the officer left alone is not listed.
 * Without `shown`, everything typed that differs from the draft now is.
 */
export function unsavedChanges(typed: Texts, shown: Texts | null, stored: Texts, labelOf: (field: string) => string = (field) => field): Unsaved[] {
  return Object.keys(typed)
    .filter((field) => !sameText(typed[field], stored[field]) && !(shown && field in shown && sameText(typed[field], shown[field])))
    .map((field) => ({ label: labelOf(field), value: (typed[field] ?? '').trim() }));
}
