// The organisation's codebook: versions, and edits that add, change, merge and retire themes.
import { Hono } from 'hono';
import type { Env } from '../env';

export const codebookRoute = new Hono<Env>();
