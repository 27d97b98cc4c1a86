// A podcast entry arrives as a form with files (multipart): the fields are
// read through EntryInputSchema, the audio is stored only once it is known to
// be audio, and captions must be WebVTT. Nothing is written when any part is wrong.
import type { Database } from '@safer-voices/db';
import { EntryInputSchema, issuesAsErrors } from '@safer-voices/survey';
import type { Context } from 'hono';
import { ApiError } from '../errors';
import { storeAudio } from './audio/store';
import { checkWebVtt } from './audio/vtt';
import type { EntryChange } from './vote-store';

const TICKED = new Set(['true', 'on', 'yes', '1']);

const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
const file = (value: unknown) => (value instanceof File && value.size > 0 ? value : undefined);

async function readForm(c: Context): Promise<Record<string, unknown>> {
  const type = c.req.header('content-type') ?? '';
  if (!/^multipart\/form-data|^application\/x-www-form-urlencoded/i.test(type)) {
    throw new ApiError(415, 'form_expected', 'Send the podcast as a form (multipart/form-data), with the audio file in `audio`');
  }
  try {
    return await c.req.parseBody({ all: false });
  } catch {
    throw new ApiError(400, 'malformed_request', 'The form could not be read: it may have been cut off while uploading. Try again.');
  }
}

/** A refused audio file is named as the form's `audio` field. */
function onTheAudioField(error: unknown): never {
  if (error instanceof ApiError && !error.issues?.length) throw new ApiError(error.status, error.code, error.message, [{ field: 'audio', message: error.message }]);
  throw error;
}

/** The entry's fields and files: audio and captions are kept as they were when none are sent. */
export async function readEntryForm(c: Context, db: Database, organisationId: string): Promise<EntryChange> {
  const form = await readForm(c);
  const parsed = EntryInputSchema.safeParse({
    title: text(form.title) ?? '',
    groupName: text(form.groupName) ?? '',
    firstNames: text(form.firstNames) ?? '',
    transcript: text(form.transcript) ?? '',
    consentConfirmed: TICKED.has(String(text(form.consentConfirmed) ?? '').toLowerCase())
  });
  if (!parsed.success) throw new ApiError(400, 'invalid_request', 'Some of the podcast’s details are not right', issuesAsErrors(parsed.error.issues, 'form'));

  let captions: string | null | undefined;
  const captionsFile = file(form.captions);
  const captionsText = captionsFile ? await captionsFile.text() : text(form.captions)?.trim() ? text(form.captions) : undefined;
  if (captionsText !== undefined) {
    const checked = checkWebVtt(captionsText);
    if (!checked.ok) throw new ApiError(400, 'invalid_captions', 'The captions file is not WebVTT', [{ field: 'captions', message: checked.message }]);
    captions = checked.text;
  } else if (TICKED.has(String(text(form.removeCaptions) ?? '').toLowerCase())) {
    captions = null;
  }

  const audioFile = file(form.audio);
  if (form.audio !== undefined && typeof form.audio === 'string' && form.audio !== '') {
    throw new ApiError(400, 'invalid_request', 'The audio must be sent as a file', [{ field: 'audio', message: 'Choose an audio file' }]);
  }
  // Stored last, once everything else is known to be right, so a refused form leaves nothing behind.
  const audio = audioFile ? await storeAudio(db, organisationId, new Uint8Array(await audioFile.arrayBuffer())).catch(onTheAudioField) : undefined;
  return { input: parsed.data, ...(audio ? { audioId: audio.id } : {}), ...(captions !== undefined ? { captions } : {}) };
}
