// The report's own CSS (every rule scoped to .sv-report) as a file: the
// pages' Content-Security-Policy (style-src 'self') allows no inline <style>.
import { REPORT_CSS } from '#lib/server/reports-html.ts';
import type { RequestHandler } from './$types';

export const prerender = false;

export const GET: RequestHandler = () => new Response(REPORT_CSS, { headers: { 'content-type': 'text/css; charset=utf-8', 'cache-control': 'public, max-age=300' } });
