// The settings form's fields as the officer sees them: the stored settings as
// text, the words for each field, and what was typed that the draft does not
// hold (shown back when a save is refused as stale).
import type { QuestionnaireDefinition } from '@safer-voices/survey';
import { type Texts, type Unsaved, unsavedChanges } from './unsaved.ts';

export const AUDIENCES = [
  { value: 'child', text: 'Children (8 to 11)' },
  { value: 'youth', text: 'Young people (11 to 19)' },
  { value: 'adult', text: 'Adults' }
];

export const EXITS = [
  { value: 'default', text: 'Show it for children and young people, not for adults' },
  { value: 'on', text: 'Always show it' },
  { value: 'off', text: 'Never show it' }
];

export const SETTINGS_LABELS: Record<string, string> = {
  title: 'Title',
  summary: 'Summary',
  intro: 'Start page',
  audience: 'Who it is for',
  ageBand: 'Age band',
  minutes: 'Minutes it takes',
  contactName: 'Name of the local service',
  contactDescription: 'What it does',
  contactPhone: 'Phone',
  contactUrl: 'Web address',
  quickExit: '“Exit this page” button',
  linkYouSaidWeDid: 'Link to “You said, we did” on the confirmation page'
};

/** The stored settings as the form's text. */
export function settingsValues(definition: QuestionnaireDefinition): Record<string, string> {
  return {
    title: definition.title,
    summary: definition.summary,
    intro: definition.intro.join('\n\n'),
    audience: definition.audience,
    ageBand: definition.ageBand ?? '',
    minutes: String(definition.minutes),
    contactName: definition.localContact?.name ?? '',
    contactDescription: definition.localContact?.description ?? '',
    contactPhone: definition.localContact?.phone ?? '',
    contactUrl: definition.localContact?.url ?? '',
    quickExit: definition.quickExit === undefined ? 'default' : definition.quickExit ? 'on' : 'off',
    // A checkbox: posted as "yes" when ticked, not at all when not.
    linkYouSaidWeDid: definition.linkYouSaidWeDid ? 'yes' : ''
  };
}

/** What the officer changed in the settings that `definition` does not hold, in the form's words. */
export function settingsUnsaved(typed: Texts, shown: Texts | null, definition: QuestionnaireDefinition): Unsaved[] {
  const words = (field: string, value: string) =>
    field === 'audience'
      ? (AUDIENCES.find((a) => a.value === value)?.text ?? value)
      : field === 'quickExit'
        ? (EXITS.find((e) => e.value === value)?.text ?? value)
        : field === 'linkYouSaidWeDid'
          ? value === 'yes'
            ? 'Ticked'
            : 'Not ticked'
          : value;
  return unsavedChanges(typed, shown, settingsValues(definition)).map(({ label: field, value }) => ({ label: SETTINGS_LABELS[field] ?? field, value: words(field, value) }));
}
