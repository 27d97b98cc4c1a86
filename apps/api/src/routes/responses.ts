import { type Answers, validateAnswers } from '@safer-voices/survey';
import { Hono } from 'hono';
import { z } from 'zod';
import { limitBody as limitBodyTo } from '../body-limit';
import type { Env } from '../env';
import { ApiError } from '../errors';
import { type NewResponse, IdempotencyConflict, type ResponseWriter } from '../ingest/response-writer';
import { availability, findPublishedVersionCached, type PublishedVersion } from '../store/questionnaires';
import { validate } from '../validation';

/** The largest questionnaire answers fit well inside this; anything bigger is refused unread. */
export const RESPONSE_BODY_LIMIT = 64 * 1024;

export const IdempotencyKeySchema = z.string().min(8, 'Use at least 8 characters').max(200);

const SubmissionSchema = z.strictObject({
  versionId: z.string().min(1).max(100),
  // Each answer's type is checked against its question by validateAnswers,
  // which reports it by field; checking (and copying) each answer here as
  // well would cost every submission.
  answers: z.custom<Record<string, unknown>>((value) => typeof value === 'object' && value !== null && !Array.isArray(value), 'Send the answers as an object keyed by question id'),
  idempotencyKey: IdempotencyKeySchema.optional()
});

const tooLarge = (): never => {
  throw new ApiError(413, 'body_too_large', `The request body is larger than ${RESPONSE_BODY_LIMIT / 1024} KB`);
};
/** Refuse large bodies unread (see body-limit.ts). */
export const limitBody = limitBodyTo(RESPONSE_BODY_LIMIT, tooLarge);

export function assertOpen(version: PublishedVersion) {
  const state = availability(version);
  if (state === 'closed') throw new ApiError(409, 'questionnaire_closed', 'This questionnaire has closed and is not taking responses');
  if (state === 'not_yet_open') throw new ApiError(409, 'questionnaire_not_open', 'This questionnaire is not open yet');
}

/** Validate against the exact version, then store durably (group commit). */
export async function storeResponse(writer: ResponseWriter, version: PublishedVersion, item: NewResponse) {
  assertOpen(version);
  const issues = validateAnswers(version.definition, item.answers);
  if (issues.length > 0) throw new ApiError(422, 'invalid_answers', 'Some answers do not fit this questionnaire', issues);
  try {
    return await writer.write(item);
  } catch (error) {
    if (error instanceof IdempotencyConflict) throw new ApiError(409, 'idempotency_key_reused', error.message);
    console.error('Storing a response failed', error);
    throw new ApiError(503, 'not_stored', 'The response could not be saved. Nothing was stored; please try again.');
  }
}

export const responsesRoute = new Hono<Env>().post('/', limitBody, validate('json', SubmissionSchema), async (c) => {
  const body = c.req.valid('json');
  const header = c.req.header('Idempotency-Key');
  const key = body.idempotencyKey ?? header;
  const parsedKey = IdempotencyKeySchema.safeParse(key);
  if (!parsedKey.success) {
    throw new ApiError(400, 'invalid_request', 'Send an Idempotency-Key header (or idempotencyKey field) so a retry is stored once', [
      { field: 'idempotencyKey', message: parsedKey.error.issues[0]?.message ?? 'Required' }
    ]);
  }
  const version = await findPublishedVersionCached(c.var.db, body.versionId);
  if (!version) throw new ApiError(404, 'version_not_found', 'There is no published questionnaire version with this id');
  if (version.accessMode === 'codes') {
    throw new ApiError(403, 'code_required', 'This questionnaire needs an access code: start it with POST /api/drafts and the code');
  }
  const stored = await storeResponse(c.var.writer, version, { versionId: version.versionId, answers: body.answers as Answers, idempotencyKey: parsedKey.data });
  return c.json({ id: stored.id, versionId: stored.versionId, submittedAt: stored.submittedAt.toISOString(), replayed: stored.replayed }, stored.replayed ? 200 : 201);
});
