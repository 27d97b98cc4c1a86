import { type QuestionnaireDefinition, QuestionnaireDefinitionSchema, readDraftSettings } from '@safer-voices/survey';
import { parsedTemplate } from '@safer-voices/survey/templates';
import { describe, expect, it } from 'vitest';
import { settingsUnsaved, settingsValues } from './settings.ts';

const youth = parsedTemplate('youth-safety-11-19') as QuestionnaireDefinition;

/** The settings form as it would be posted: an unticked box is not sent at all. */
const posted = (values: Record<string, string>) => Object.fromEntries(Object.entries(values).filter(([field, value]) => !(field === 'linkYouSaidWeDid' && value === '')));

describe('the settings form', () => {
  it('shows the "You said, we did" box unticked for a questionnaire that does not name it, and saves it that way', () => {
    expect(youth.linkYouSaidWeDid).toBeUndefined();
    const values = settingsValues(youth);
    expect(values.linkYouSaidWeDid).toBe('');
    const read = readDraftSettings(posted(values));
    expect(read.ok && read.settings).not.toHaveProperty('linkYouSaidWeDid');
  });

  it('keeps the box ticked through a save and back into the form', () => {
    const ticked = readDraftSettings({ ...posted(settingsValues(youth)), linkYouSaidWeDid: 'yes' });
    if (!ticked.ok) throw new Error('the settings were refused');
    const saved = QuestionnaireDefinitionSchema.parse({ ...youth, ...ticked.settings });
    expect(saved.linkYouSaidWeDid).toBe(true);
    expect(settingsValues(saved).linkYouSaidWeDid).toBe('yes');
  });

  it('lists the box in words when a change to it was not saved', () => {
    const shown = settingsValues(youth);
    expect(settingsUnsaved({ ...shown, linkYouSaidWeDid: 'yes' }, shown, youth)).toEqual([{ label: 'Link to “You said, we did” on the confirmation page', value: 'Ticked' }]);
  });
});
