// Refusing large bodies unread, written once. A declared Content-Length is
// checked directly; Hono's bodyLimit, which counts a streamed body, is kept
// for requests without one, because touching the raw body costs the Node
// server its fast path (a busy vote or survey feels it).
import { bodyLimit } from 'hono/body-limit';
import { createMiddleware } from 'hono/factory';

export function limitBody(maxSize: number, tooLarge: () => never) {
  const counting = bodyLimit({ maxSize, onError: tooLarge });
  return createMiddleware(async (c, next) => {
    const declared = c.req.header('content-length');
    if (declared === undefined || c.req.header('transfer-encoding')) return counting(c, next);
    if (Number(declared) > maxSize) tooLarge();
    await next();
  });
}
