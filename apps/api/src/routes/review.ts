// The review queue (uncertain answers first), analysts' decisions, retraining the organisation's model, and double-coding rounds with agreement.
import { Hono } from 'hono';
import type { Env } from '../env';

export const reviewRoute = new Hono<Env>();
