// What the staff pages for podcast votes share: the API as the signed-in
// officer, the vote read for a page, the settings form read through the same
// schema the API checks (dates typed in UK time), and the podcast form
// passed on to the API with its files.
import type { Action } from '@safer-voices/api/policies';
import { EntryInputSchema, type FieldError, localisedErrors, parseForm, VoteInputSchema } from '@safer-voices/survey';
import { error, type RequestEvent } from '@sveltejs/kit';
import { type ApiFailure, failureOf } from './api.ts';
import { fromLondonFields, toLondonFields, unexpected } from './designer-api.ts';
import { requirePolicy } from './require-policy.ts';
import { apiAs, type SignedInStaff } from './staff-api.ts';
import { errorsFrom, textField } from './staff-forms.ts';

type StaffEvent = Pick<RequestEvent, 'cookies' | 'url' | 'locals' | 'request' | 'getClientAddress'>;

const WHAT: Record<Action<'vote'>, string> = {
  view: 'see podcast votes',
  edit: 'set up podcast votes',
  publish: 'publish podcast votes',
  review: 'review votes and results'
};

/** Signed in with a role the vote policy allows for `action`; a 403 page otherwise. */
export const requireVotePolicy = (event: StaffEvent, action: Action<'vote'>) => requirePolicy(event, 'vote', action, WHAT[action]);

export const votesApi = (event: StaffEvent, who: SignedInStaff) => apiAs(event, who).api.votes;

/** The vote, its entries and what blocks publishing, as the API tells an officer; 403/404 as pages. */
export async function voteFor(event: StaffEvent, who: SignedInStaff, id: string) {
  const res = await votesApi(event, who)[':id'].$get({ param: { id } });
  if (!res.ok) return unexpected(res, 'Reading a vote');
  return (await res.json()).vote;
}

export type StaffVote = Awaited<ReturnType<typeof voteFor>>;
export type StaffEntry = StaffVote['entries'][number];

/** A page for a failure no form can explain: 403/404 as they are, 409 as a page saying why, anything else a crash. */
export function refusedPage(failure: ApiFailure): never {
  if (failure.status === 403 || failure.status === 404 || failure.status === 409) error(failure.status, { message: failure.message });
  throw new Error(`The votes API answered ${failure.status}: ${failure.message}`);
}

export const STATE_LABEL: Record<string, string> = {
  draft: 'Draft',
  not_yet_open: 'Published, not open yet',
  open: 'Open',
  closed: 'Closed'
};

// ---- The vote's settings form ----

export const VOTE_FIELDS = ['title', 'introduction', 'opensAt', 'closesAt', 'requireCode', 'browserToken', 'networkThreshold', 'networkWindowMinutes'] as const;

export interface VoteFormValues {
  title: string;
  introduction: string;
  'opens-date': string;
  'opens-time': string;
  'closes-date': string;
  'closes-time': string;
  requireCode: boolean;
  browserToken: boolean;
  networkThreshold: string;
  networkWindowMinutes: string;
}

/** A new vote's form: open from tomorrow 09:00 for a fortnight, one vote per browser, held past 30 in 10 minutes. */
export function newVoteValues(now = new Date()): VoteFormValues {
  const opens = toLondonFields(new Date(now.getTime() + 86_400_000).toISOString());
  const closes = toLondonFields(new Date(now.getTime() + 15 * 86_400_000).toISOString());
  return {
    title: '',
    introduction: '',
    'opens-date': opens.date,
    'opens-time': '09:00',
    'closes-date': closes.date,
    'closes-time': '17:00',
    requireCode: false,
    browserToken: true,
    networkThreshold: '30',
    networkWindowMinutes: '10'
  };
}

export function voteValuesOf(vote: Pick<StaffVote, 'title' | 'introduction' | 'opensAt' | 'closesAt' | 'requireCode' | 'browserToken' | 'networkThreshold' | 'networkWindowMinutes'>): VoteFormValues {
  const opens = toLondonFields(vote.opensAt);
  const closes = toLondonFields(vote.closesAt);
  return {
    title: vote.title,
    introduction: vote.introduction,
    'opens-date': opens.date,
    'opens-time': opens.time,
    'closes-date': closes.date,
    'closes-time': closes.time,
    requireCode: vote.requireCode,
    browserToken: vote.browserToken,
    networkThreshold: vote.networkThreshold === null ? '' : String(vote.networkThreshold),
    networkWindowMinutes: String(vote.networkWindowMinutes)
  };
}

const TICKED = new Set(['yes', 'on', 'true']);

export function voteValuesFrom(form: FormData): VoteFormValues {
  return {
    title: textField(form, 'title'),
    introduction: textField(form, 'introduction'),
    'opens-date': textField(form, 'opens-date').trim(),
    'opens-time': textField(form, 'opens-time').trim(),
    'closes-date': textField(form, 'closes-date').trim(),
    'closes-time': textField(form, 'closes-time').trim(),
    requireCode: TICKED.has(textField(form, 'requireCode')),
    browserToken: TICKED.has(textField(form, 'browserToken')),
    networkThreshold: textField(form, 'networkThreshold').trim(),
    networkWindowMinutes: textField(form, 'networkWindowMinutes').trim()
  };
}

/** A typed number as the schema should see it: a number when it is one, else the text (which the schema refuses with its own message). */
const numberOrText = (s: string): unknown => (/^-?\d+(\.\d+)?$/.test(s) ? Number(s) : s);

const instant = (date: string, time: string, label: string): { iso: string } | { error: string } => {
  if (!date) return { error: `Enter the ${label} date` };
  if (!time) return { error: `Enter the ${label} time, like 09:00` };
  const iso = fromLondonFields(date, time);
  return iso ? { iso } : { error: `Enter a real ${label} date and time, like 2027-03-01 and 09:00` };
};

/**
 * The settings as VoteInputSchema reads them, or the errors under the form's
 * fields. An empty threshold means none: no votes are ever held.
 */
export function voteInputFrom(values: VoteFormValues) {
  const opens = instant(values['opens-date'], values['opens-time'], 'opening');
  const closes = instant(values['closes-date'], values['closes-time'], 'closing');
  const dateErrors: FieldError[] = [...('error' in opens ? [{ field: 'opensAt', message: opens.error }] : []), ...('error' in closes ? [{ field: 'closesAt', message: closes.error }] : [])];
  const parsed = parseForm(
    VoteInputSchema,
    {
      title: values.title,
      introduction: values.introduction,
      // A stand-in for a date that is not right, so the other fields are still checked; its own error is above.
      opensAt: 'iso' in opens ? opens.iso : '2000-01-01T00:00:00Z',
      closesAt: 'iso' in closes ? closes.iso : '2100-01-01T00:00:00Z',
      requireCode: values.requireCode,
      browserToken: values.browserToken,
      networkThreshold: values.networkThreshold === '' ? null : numberOrText(values.networkThreshold),
      networkWindowMinutes: values.networkWindowMinutes === '' ? 10 : numberOrText(values.networkWindowMinutes)
    },
    VOTE_FIELDS,
    'title'
  );
  const errors = [...dateErrors, ...(parsed.ok ? [] : parsed.errors.filter((e) => !dateErrors.some((d) => d.field === e.field)))];
  if (errors.length > 0 || !parsed.ok) return { ok: false as const, errors };
  return { ok: true as const, data: { ...parsed.data, opensAt: parsed.data.opensAt.toISOString(), closesAt: parsed.data.closesAt.toISOString() } };
}

/** The API's refusal of the settings as the form's errors, in this form's words where it found the same field wrong. */
export const voteErrorsFrom = (failure: ApiFailure, local: FieldError[] = []) => localisedErrors(errorsFrom(failure, VOTE_FIELDS, 'title'), local);

// ---- The podcast form ----

export const ENTRY_FIELDS = ['title', 'groupName', 'firstNames', 'transcript', 'consentConfirmed', 'audio', 'captions'] as const;

export interface EntryFormValues {
  title: string;
  groupName: string;
  firstNames: string;
  transcript: string;
  consentConfirmed: boolean;
}

export const entryValuesOf = (entry: StaffEntry): EntryFormValues => ({
  title: entry.title,
  groupName: entry.groupName,
  firstNames: entry.firstNames,
  transcript: entry.transcript,
  consentConfirmed: entry.consentConfirmed
});

export const entryValuesFrom = (form: FormData): EntryFormValues => ({
  title: textField(form, 'title'),
  groupName: textField(form, 'groupName'),
  firstNames: textField(form, 'firstNames'),
  transcript: textField(form, 'transcript'),
  consentConfirmed: TICKED.has(textField(form, 'consentConfirmed'))
});

const chosenFile = (form: FormData, name: string) => {
  const value = form.get(name);
  return value instanceof File && value.size > 0 ? value : null;
};

/** A file the browser sent again is lost when the form comes back with errors: say so. */
const chooseAgain = (form: FormData): FieldError[] =>
  chosenFile(form, 'audio') ? [{ field: 'audio', message: 'Choose the audio file again: files are not kept when something else on the form needs changing' }] : [];

/**
 * The podcast form checked here with EntryInputSchema, then sent to the API
 * as a form with its files; the errors under the form's fields, or null when
 * the API took it. `audioRequired`: a new podcast must have its audio.
 */
export async function sendEntry(form: FormData, send: (body: FormData) => Promise<Response>, audioRequired: boolean): Promise<FieldError[] | null> {
  const values = entryValuesFrom(form);
  const local = parseForm(EntryInputSchema, values, ENTRY_FIELDS, 'title');
  const audio = chosenFile(form, 'audio');
  const missingAudio: FieldError[] = audioRequired && !audio ? [{ field: 'audio', message: 'Choose the podcast’s audio file (MP3, M4A or Ogg)' }] : [];
  if (!local.ok || missingAudio.length > 0) return [...(local.ok ? [] : local.errors), ...missingAudio, ...(missingAudio.length ? [] : chooseAgain(form))];

  const body = new FormData();
  body.set('title', values.title);
  body.set('groupName', values.groupName);
  body.set('firstNames', values.firstNames);
  body.set('transcript', values.transcript);
  if (values.consentConfirmed) body.set('consentConfirmed', 'on');
  if (audio) body.set('audio', audio);
  const captions = chosenFile(form, 'captions');
  if (captions) body.set('captions', captions);
  if (TICKED.has(textField(form, 'removeCaptions'))) body.set('removeCaptions', 'on');

  const res = await send(body);
  if (res.ok) return null;
  const failure = await failureOf(res);
  if (failure.status === 400 || failure.status === 413 || failure.status === 415 || failure.status === 422) {
    const errors = errorsFrom(failure, ENTRY_FIELDS, 'title');
    return errors.some((e) => e.field === 'audio') ? errors : [...errors, ...chooseAgain(form)];
  }
  return refusedPage(failure);
}

// ---- How things are shown ----

export const formatBytes = (bytes: number) => (bytes >= 1_048_576 ? `${(bytes / 1_048_576).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`);

export function formatDuration(ms: number | null) {
  if (ms === null) return 'length unknown';
  const seconds = Math.round(ms / 1000);
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return m > 0 ? `${m} min ${s} s` : `${s} s`;
}

/** The address voters type, shortest first: the site's public address and /v/<slug>. */
export const voteAddress = (publicUrl: string, slug: string) => new URL(`/v/${slug}`, publicUrl).href;
