// The explorer: theme prevalence, cross-tabs, co-occurrence and quotes for a questionnaire or collection, filtered by closed answers, with disclosure control.
import { Hono } from 'hono';
import type { Env } from '../env';

export const exploreRoute = new Hono<Env>();
