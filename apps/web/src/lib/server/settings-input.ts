// The settings form's fields checked by the API's own schema (server only:
// the lowest threshold allowed is the API's).
import { MINIMUM_SUPPRESSION_THRESHOLD } from '@safer-voices/api';
import { type FieldError, parseForm, settingsInput } from '@safer-voices/survey';
import { SETTINGS_FIELDS, type Settings, type SettingsFormValues } from '#lib/components/settings/settings-form.ts';

/** The settings to send, or the form's own errors by field. */
export function settingsFrom(values: SettingsFormValues): { settings: Settings } | { errors: FieldError[] } {
  const input = parseForm(settingsInput(MINIMUM_SUPPRESSION_THRESHOLD, { form: true }), values, SETTINGS_FIELDS, 'suppressionThreshold');
  return input.ok ? { settings: input.data } : { errors: input.errors };
}
