// Collections: free text imported from CSV or XLSX files, coded and explored like survey answers.
import { Hono } from 'hono';
import type { Env } from '../env';

export const collectionsRoute = new Hono<Env>();
