// The API runs inside this server: /api requests are handed to it by the
// handle hook, and page loads call it in-process through Hono's typed client.
import { type AppType, openApi } from '@safer-voices/api';
import { hc } from 'hono/client';

const opened = await openApi();

export const api = opened.app;

/** Called from the server's init hook: coding on arrival runs only in a serving process. */
export const startBackgroundCoding = opened.startBackgroundCoding;

export const client = hc<AppType>('http://in-process', {
  fetch: (input: RequestInfo | URL, init?: RequestInit) => api.fetch(new Request(input, init))
});

export interface ApiFailure {
  status: number;
  error: string;
  message: string;
  issues?: { field: string; message: string }[];
}

/** The API's error body, whatever the status. */
export async function failureOf(res: Response): Promise<ApiFailure> {
  const body = (await res.json().catch(() => ({}))) as Partial<ApiFailure>;
  return { status: res.status, error: body.error ?? 'unknown', message: body.message ?? res.statusText, issues: body.issues };
}
