// The input schemas the web's forms and the API's routes share
// (@safer-voices/survey's inputs). Whatever text is typed into whatever
// field, checking it gives the value or a list of field errors, never a
// throw: in the form (parseForm, under the form's own field names) and in
// the API (a 400 with issues, never a 500).
import { STAFF_ROLES } from '@safer-voices/db';
import {
  AcceptInviteInput,
  CollectionChoicesInput,
  formErrors,
  parseForm,
  PriorityInputSchema,
  SeriesInputSchema,
  SignInInput,
  SuccessMeasureInputSchema,
  settingsInput,
  staffInviteInput,
  staffRolesInput,
  WaveInputSchema
} from '@safer-voices/survey';
import fc from 'fast-check';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { ZodType } from 'zod';
import { onError } from '../errors';
import { validate } from '../validation';

const FORMS: { name: string; schema: ZodType; fields: string[]; fallback: string; lists?: string[] }[] = [
  { name: 'sign-in', schema: SignInInput, fields: ['email', 'password'], fallback: 'email' },
  { name: 'accepting an invitation', schema: AcceptInviteInput, fields: ['name', 'password'], fallback: 'password' },
  { name: 'inviting', schema: staffInviteInput(STAFF_ROLES), fields: ['email', 'roles'], fallback: 'email', lists: ['roles'] },
  { name: 'changing roles', schema: staffRolesInput(STAFF_ROLES), fields: ['roles'], fallback: 'roles', lists: ['roles'] },
  { name: 'import choices', schema: CollectionChoicesInput, fields: ['name', 'textColumn', 'dateColumn', 'groupColumns'], fallback: 'textColumn', lists: ['groupColumns'] },
  { name: 'settings', schema: settingsInput(10, { form: true }), fields: ['suppressionThreshold', 'redactionTerms', 'notifyWebhookUrl', 'notifyEmail'], fallback: 'suppressionThreshold' },
  { name: 'series', schema: SeriesInputSchema, fields: ['name', 'description'], fallback: 'name' },
  { name: 'wave', schema: WaveInputSchema, fields: ['label', 'fieldworkDate', 'questionnaireIds'], fallback: 'label', lists: ['questionnaireIds'] },
  { name: 'priority', schema: PriorityInputSchema, fields: ['title'], fallback: 'title' },
  {
    name: 'measure of success',
    schema: SuccessMeasureInputSchema,
    fields: ['priorityId', 'name', 'seriesId', 'measureKey', 'themeId', 'baselineWaveId', 'direction', 'targetPoints', 'targetDate'],
    fallback: 'name'
  }
];

/** Any text in each field (a list field gets a list of any texts), or now and then something that is not text at all. */
const valuesFor = (fields: string[], lists: string[] = []) =>
  fc.record(
    Object.fromEntries(
      fields.map((f) => [f, fc.oneof({ weight: 8, arbitrary: lists.includes(f) ? fc.array(fc.string({ unit: 'binary' })) : fc.string({ unit: 'binary' }) }, { weight: 1, arbitrary: fc.anything() })])
    )
  );

/** The API's validator alone, with the API's error handler. */
const appFor = (schema: ZodType) => new Hono().onError(onError).post('/', validate('json', schema), (c) => c.json({ ok: true }));

describe.each(FORMS)('the $name input', ({ schema, fields, fallback, lists }) => {
  it('gives the form the value, or errors on its own fields with a message each', () => {
    fc.assert(
      fc.property(valuesFor(fields, lists), (values) => {
        const parsed = parseForm(schema, values, fields, fallback);
        if (parsed.ok) return;
        expect(parsed.errors.length).toBeGreaterThan(0);
        for (const e of parsed.errors) {
          expect(fields).toContain(e.field);
          expect(e.message).not.toBe('');
        }
      }),
      { numRuns: 300 }
    );
  });

  it('is answered by the API with the value or a 400 listing field issues', async () => {
    const app = appFor(schema);
    await fc.assert(
      fc.asyncProperty(valuesFor(fields, lists), async (values) => {
        const res = await app.request('/', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(values) });
        if (res.status === 200) return;
        expect(res.status).toBe(400);
        const body = (await res.json()) as { issues?: { field: string; message: string }[] };
        expect(body.issues?.length).toBeGreaterThan(0);
        // The form shows each of them on one of its fields.
        for (const e of formErrors(body.issues, fields, fallback)) expect(fields).toContain(e.field);
      }),
      { numRuns: 100 }
    );
  });
});

describe('the form and the API agree', () => {
  it('on which fields are wrong, for any text', () => {
    const { schema, fields, fallback } = FORMS[0] as (typeof FORMS)[number];
    const app = appFor(schema);
    return fc.assert(
      fc.asyncProperty(fc.record({ email: fc.string(), password: fc.string() }), async (values) => {
        const parsed = parseForm(schema, values, fields, fallback);
        const res = await app.request('/', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(values) });
        if (parsed.ok) return expect(res.status).toBe(200);
        const body = (await res.json()) as { issues: { field: string; message: string }[] };
        expect(formErrors(body.issues, fields, fallback)).toEqual(parsed.errors);
      }),
      { numRuns: 200 }
    );
  });
});
