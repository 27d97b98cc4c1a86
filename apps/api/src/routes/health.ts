// Public health check, for load balancers and monitoring: the server answers,
// how long the oldest stored answer has waited to be coded (and so to be
// checked for safeguarding concerns), and whether this process's background
// coder is running. Nothing about anyone's answers.
import { Hono } from 'hono';
import { oldestWaitSeconds } from '../coding/coding-lag';
import type { Env } from '../env';

/** Answers waiting longer than this are a delay staff are warned about. */
export const CODING_DELAY_WARNING_SECONDS = 120;

export const healthRoute = new Hono<Env>().get('/', async (c) => {
  const oldestUncodedSeconds = await oldestWaitSeconds(c.var.db);
  c.header('cache-control', 'no-store');
  return c.json({
    ok: true,
    coding: {
      oldestUncodedSeconds,
      delayed: oldestUncodedSeconds > CODING_DELAY_WARNING_SECONDS,
      backgroundCoderRunning: c.var.coderHeartbeat?.isRunning() ?? false
    }
  });
});
