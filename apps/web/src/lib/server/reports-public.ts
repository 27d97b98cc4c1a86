// What the public report pages read, without signing in: a published report
// by its address, and an organisation's "You said, we did" rows. The page's
// language is the report's (set on <html> by the handle hook).
import { error, type RequestEvent } from '@sveltejs/kit';
import { client } from './api.ts';
import { isPublicAddress } from './public-address.ts';
import type { ReportDocument } from './reports-html.ts';

const RIGHT_TO_LEFT = new Set(['ar', 'fa', 'he', 'ps', 'ur', 'yi', 'ckb', 'dv', 'sd']);

function speak(event: Pick<RequestEvent, 'locals'>, language: string) {
  const tag = /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/.test(language) ? language : 'en-GB';
  event.locals.lang = tag;
  event.locals.dir = RIGHT_TO_LEFT.has(tag.split('-')[0]?.toLowerCase() ?? '') ? 'rtl' : 'ltr';
}

export async function publishedReport(event: Pick<RequestEvent, 'locals' | 'params'>, slug: string): Promise<ReportDocument> {
  if (!isPublicAddress(slug)) error(404, { message: 'There is no published report at this address.' });
  const res = await client.api.public.reports[':slug'].$get({ param: { slug } });
  // A draft, a report never published and an address that cannot be one all read as "not found".
  if (res.status === 404 || res.status === 400) error(404, { message: 'There is no published report at this address.' });
  if (!res.ok) throw new Error(`Reading the published report failed: ${res.status}`);
  const document = (await res.json()) as ReportDocument;
  speak(event, document.language);
  return document;
}

export async function publishedYouSaidWeDid(event: Pick<RequestEvent, 'locals'>, slug: string) {
  if (!isPublicAddress(slug)) error(404, { message: 'There is no such organisation.' });
  const res = await client.api.public.organisations[':slug']['you-said-we-did'].$get({ param: { slug } });
  if (res.status === 404 || res.status === 400) error(404, { message: 'There is no such organisation.' });
  if (!res.ok) throw new Error(`Reading "You said, we did" failed: ${res.status}`);
  event.locals.lang = 'en-GB';
  return res.json();
}
