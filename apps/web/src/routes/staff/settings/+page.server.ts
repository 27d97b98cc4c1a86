import { error, fail } from '@sveltejs/kit';
import { readSettingsForm, settingsErrors } from '#lib/components/settings/settings-form.ts';
import { settingsFrom } from '#lib/server/settings-input.ts';
import { failureOf } from '#lib/server/api.ts';
import { unexpected } from '#lib/server/designer-api.ts';
import { requirePolicy } from '#lib/server/require-policy.ts';
import { apiAs } from '#lib/server/staff-api.ts';
import type { Actions, PageServerLoad } from './$types';

const WHAT = 'change the organisation’s settings';

export const load: PageServerLoad = async (event) => {
  const who = await requirePolicy(event, 'settings', 'edit', WHAT);
  const res = await apiAs(event, who).api.settings.$get({ query: {} });
  if (!res.ok) await unexpected(res, 'Reading settings');
  return { organisation: who.organisation.name, settings: await res.json() };
};

export const actions: Actions = {
  save: async (event) => {
    const who = await requirePolicy(event, 'settings', 'edit', WHAT);
    const values = readSettingsForm(await event.request.formData());
    const parsed = settingsFrom(values);
    if ('errors' in parsed) return fail(400, { values, errors: parsed.errors });
    const res = await apiAs(event, who).api.settings.$put({ query: {}, json: parsed.settings });
    if (!res.ok) {
      const failure = await failureOf(res);
      if (failure.status === 403) error(403, { message: failure.message });
      if (failure.status === 400) return fail(400, { values, errors: settingsErrors(failure) });
      throw new Error(`Saving settings failed: ${failure.status} ${failure.message}`);
    }
    const { changed } = await res.json();
    return { saved: changed.length > 0 };
  },
  newSecret: async (event) => {
    const who = await requirePolicy(event, 'settings', 'edit', WHAT);
    const res = await apiAs(event, who).api.settings['webhook-secret'].$post({ query: {} });
    if (!res.ok) {
      const failure = await failureOf(res);
      if (failure.status === 403) error(403, { message: failure.message });
      if (failure.status === 409) return fail(409, { secretProblem: failure.message });
      throw new Error(`Making a webhook secret failed: ${failure.status} ${failure.message}`);
    }
    return { secretReplaced: true };
  }
};
