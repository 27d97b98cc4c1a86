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

/** The settings to send, or the form's own errors when the threshold is not a whole number. */
export function settingsFrom(values: SettingsFormValues): { settings: Settings } | { errors: FieldError[] } {
  const threshold = values.suppressionThreshold.trim();
  if (!/^\d{1,6}$/.test(threshold)) return { errors: [{ field: 'suppressionThreshold', message: 'Enter the threshold as a whole number, like 10' }] };
  return {
    settings: {
      suppressionThreshold: Number(threshold),
      // One term a line; blank lines are dropped.
      redactionTerms: values.redactionTerms
        .split(/\r?\n/)
        .map((t) => t.trim())
        .filter(Boolean),
      notifyWebhookUrl: values.notifyWebhookUrl.trim() || null,
      notifyEmail: values.notifyEmail.trim() || null
    }
  };
}

/** `redactionTerms.3` is the form's `redactionTerms`; anything else goes to the threshold with the API's message. */
export function settingsErrors(failure: ApiFailure): FieldError[] {
  const errors = (failure.issues ?? []).map((issue) => ({
    field: SETTINGS_FIELDS.find((f) => issue.field === f || issue.field.startsWith(`${f}.`)) ?? 'suppressionThreshold',
    message: issue.message
  }));
  return errors.length > 0 ? errors : [{ field: 'suppressionThreshold', message: failure.message }];
}
