import type { FieldError } from '@safer-voices/survey';
import { fail, type RequestEvent } from '@sveltejs/kit';
import { failureOf } from '#lib/server/api.ts';
import { requireEditor, unexpected } from '#lib/server/designer-api.ts';
import { apiAs } from '#lib/server/staff-api.ts';
import { textField } from '#lib/server/staff-forms.ts';
import type { Actions, PageServerLoad } from './$types';
import { loadCodes } from './codes.server.ts';

export const load: PageServerLoad = async (event) => {
  const { who, questionnaire, codes } = await loadCodes(event);
  const classCodes = codes.filter((c) => c.kind === 'class');
  // Single-use codes come in batches of up to 1000: one line per batch, not per code.
  const batches = new Map<string, { id: string; count: number; used: number; school: string | null; className: string | null; createdAt: string }>();
  for (const c of codes) {
    if (c.kind !== 'single' || !c.batchId) continue;
    const b = batches.get(c.batchId) ?? { id: c.batchId, count: 0, used: 0, school: c.school, className: c.className, createdAt: c.createdAt };
    b.count += 1;
    b.used += c.uses > 0 ? 1 : 0;
    batches.set(c.batchId, b);
  }
  return { organisation: who.organisation.name, questionnaire, classCodes, batches: [...batches.values()] };
};

/** A whole number from a form field: undefined when empty, NaN when not a whole number. */
function wholeNumber(value: string): number | undefined {
  const text = value.trim();
  if (!text) return undefined;
  return /^\d+$/.test(text) ? Number(text) : Number.NaN;
}

/** The editor sending a form, and its fields, trimmed. */
async function sent<K extends string>(event: RequestEvent<{ id: string }>, names: readonly K[]) {
  const who = await requireEditor(event);
  const form = await event.request.formData();
  return { who, values: Object.fromEntries(names.map((name) => [name, textField(form, name).trim()])) as Record<K, string> };
}

export const actions: Actions = {
  class: async (event) => {
    const { who, values } = await sent(event, ['school', 'className', 'maxUses']);
    const maxUses = wholeNumber(values.maxUses);
    const errors: FieldError[] = [];
    if (!values.school) errors.push({ field: 'class-school', message: 'Enter the school’s name' });
    if (values.school.length > 120) errors.push({ field: 'class-school', message: 'The school’s name must be 120 characters or fewer' });
    if (!values.className) errors.push({ field: 'class-className', message: 'Enter the class, for example 6B' });
    if (values.className.length > 120) errors.push({ field: 'class-className', message: 'The class must be 120 characters or fewer' });
    if (maxUses !== undefined && !(maxUses >= 1 && maxUses <= 100_000)) errors.push({ field: 'class-maxUses', message: 'Enter the most uses as a whole number from 1 to 100000, or leave it empty' });
    if (errors.length > 0) return fail(400, { class: { values, errors } });

    const res = await apiAs(event, who).api.designer.questionnaires[':id'].codes.class.$post({
      param: { id: event.params.id },
      json: { school: values.school, className: values.className, ...(maxUses ? { maxUses } : {}) }
    });
    if (!res.ok) {
      const failure = await failureOf(res);
      if (failure.status === 400) return fail(400, { class: { values, errors: [{ field: 'class-school', message: failure.message }] } });
      return unexpected(res, 'Creating a class code');
    }
    const { code } = await res.json();
    return { classCode: code };
  },

  single: async (event) => {
    const { who, values } = await sent(event, ['count', 'school', 'className']);
    const count = wholeNumber(values.count);
    const errors: FieldError[] = [];
    if (count === undefined || !(count >= 1 && count <= 1000)) errors.push({ field: 'single-count', message: 'Enter how many codes to make, a whole number from 1 to 1000' });
    if (values.school.length > 120) errors.push({ field: 'single-school', message: 'The school’s name must be 120 characters or fewer' });
    if (values.className.length > 120) errors.push({ field: 'single-className', message: 'The class must be 120 characters or fewer' });
    if (errors.length > 0 || count === undefined) return fail(400, { single: { values, errors } });

    const res = await apiAs(event, who).api.designer.questionnaires[':id'].codes.single.$post({
      param: { id: event.params.id },
      json: { count, ...(values.school ? { school: values.school } : {}), ...(values.className ? { className: values.className } : {}) }
    });
    if (!res.ok) {
      const failure = await failureOf(res);
      if (failure.status === 400) return fail(400, { single: { values, errors: [{ field: 'single-count', message: failure.message }] } });
      return unexpected(res, 'Making single-use codes');
    }
    const { batchId, codes } = await res.json();
    return { batch: { id: batchId ?? '', count: codes.length } };
  }
};
