// The settings form: what its fields hold, what the API is sent, and the
// API's field issues under the form's own field names.
import type { FieldError } from '@safer-voices/survey';
import type { ApiFailure } from '#lib/server/api.ts';

export const SETTINGS_FIELDS = ['suppressionThreshold', 'redactionTerms', 'notifyWebhookUrl', 'notifyEmail'] as const;
export type SettingsFormValues = Record<(typeof SETTINGS_FIELDS)[number], string>;

export interface Settings {
  suppressionThreshold: number;
  redactionTerms: string[];
  notifyWebhookUrl: string | null;
  notifyEmail: string | null;
}

export function valuesOf(settings: Settings): SettingsFormValues {
  return {
    suppressionThreshold: String(settings.suppressionThreshold),
    redactionTerms: settings.redactionTerms.join('\n'),
    notifyWebhookUrl: settings.notifyWebhookUrl ?? '',
    notifyEmail: settings.notifyEmail ?? ''
  };
}

export function readSettingsForm(form: FormData): SettingsFormValues {
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === 'string' ? value : '';
  };
  return Object.fromEntries(SETTINGS_FIELDS.map((f) => [f, text(f)])) as SettingsFormValues;
}

/** `redactionTerms.3` is the form's `redactionTerms`; anything else goes to the threshold with the API's message. */
export function settingsErrors(failure: ApiFailure): FieldError[] {
  const errors = (failure.issues ?? []).map((issue) => ({
    field: SETTINGS_FIELDS.find((f) => issue.field === f || issue.field.startsWith(`${f}.`)) ?? 'suppressionThreshold',
    message: issue.message
  }));
  return errors.length > 0 ? errors : [{ field: 'suppressionThreshold', message: failure.message }];
}
