// One error shape for every failure: { error, message, issues? }. Field
// issues name the question (or `question.row`) so a client can show them.
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

export interface Issue {
  field: string;
  message: string;
}

export class ApiError extends HTTPException {
  constructor(
    status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly issues?: Issue[]
  ) {
    super(status, { message });
  }
}

export function errorBody(code: string, message: string, issues?: Issue[]) {
  return issues ? { error: code, message, issues } : { error: code, message };
}

export function onError(err: Error, c: Context) {
  if (err instanceof ApiError) {
    return c.json(errorBody(err.code, err.message, err.issues), err.status);
  }
  if (err instanceof HTTPException) {
    // Hono's own rejections: malformed JSON (400), body too large (413), …
    const status = err.status;
    const code = status === 413 ? 'body_too_large' : status === 400 ? 'malformed_request' : 'request_rejected';
    return c.json(errorBody(code, err.message || 'The request was rejected'), status);
  }
  console.error('Unhandled API error', err);
  return c.json(errorBody('server_error', 'Something went wrong on our side. Nothing was saved; please try again.'), 500);
}

export function notFound(c: Context) {
  return c.json(errorBody('not_found', `There is nothing at ${c.req.method} ${new URL(c.req.url).pathname}`), 404);
}
