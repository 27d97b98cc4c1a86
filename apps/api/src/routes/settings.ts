// Organisation settings for analysis: suppression threshold, redaction terms, notification of new safeguarding flags.
import { Hono } from 'hono';
import type { Env } from '../env';

export const settingsRoute = new Hono<Env>();
