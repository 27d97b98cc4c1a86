import type { FieldError } from '@safer-voices/survey';
import { error, fail } from '@sveltejs/kit';
import { LEAD_ONLY, newFlagCount, oneFlag } from '#lib/components/safeguarding/queue.server.ts';
import { formatTime, isDecision, statusLabel } from '#lib/components/safeguarding/statuses.ts';
import { failureOf } from '#lib/server/api.ts';
import { requirePolicy } from '#lib/server/require-policy.ts';
import { apiAs } from '#lib/server/staff-api.ts';
import { errorsFrom, textField } from '#lib/server/staff-forms.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const who = await requirePolicy(event, 'flag', 'handle', LEAD_ONLY);
  const [flag, newFlags, clearances] = await Promise.all([oneFlag(event, who, event.params.id), newFlagCount(event, who), apiAs(event, who).api.reports.clearances.$get()]);
  // Whether a safeguarding lead has cleared this answer for quoting in reports.
  const listed = clearances.ok ? (await clearances.json()).clearances : [];
  const found = listed.find((c) => c.responseId === flag.responseId && c.questionId === flag.question.id);
  const cleared = found ? { by: found.clearedBy, at: formatTime(found.clearedAt), note: found.note } : null;
  return { organisation: who.organisation.name, flag, newFlags, cleared, justCleared: event.url.searchParams.has('cleared') && cleared !== null };
};

export const actions: Actions = {
  default: async (event) => {
    const who = await requirePolicy(event, 'flag', 'handle', LEAD_ONLY);
    const form = await event.request.formData();
    const status = textField(form, 'status');
    const note = textField(form, 'note').trim();
    const errors: FieldError[] = [];
    if (!isDecision(status)) errors.push({ field: 'status', message: 'Choose Reviewed, Referred or No action' });
    if (status === 'referred' && !note) errors.push({ field: 'note', message: 'Enter a note saying who it was referred to' });
    if (note.length > 4000) errors.push({ field: 'note', message: 'The note must be 4,000 characters or fewer' });
    if (errors.length > 0 || !isDecision(status)) return fail(400, { values: { status, note }, errors });

    const res = await apiAs(event, who).api.safeguarding.flags[':id'].$put({ param: { id: event.params.id }, json: { status, note: note || null } });
    if (!res.ok) {
      const failure = await failureOf(res);
      if (failure.status === 403) error(403, { message: failure.message });
      if (failure.status === 404) error(404, { message: 'There is no such safeguarding flag.' });
      if (failure.status === 400) return fail(400, { values: { status, note }, errors: errorsFrom(failure, ['status', 'note'], 'status') });
      throw new Error(`Saving a safeguarding flag failed: ${failure.status} ${failure.message}`);
    }
    return { saved: statusLabel(status) };
  }
};
