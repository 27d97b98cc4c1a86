// Planning a wave: how many people are expected, read from a GET form, and
// (on the designer's page) which series to plan against.
import { may } from '@safer-voices/api/policies';
import type { RequestEvent } from '@sveltejs/kit';
import { apiAs, type SignedInStaff } from './staff-api.ts';

type StaffEvent = Pick<RequestEvent, 'cookies' | 'url' | 'locals' | 'request' | 'getClientAddress'>;

/** Respondents expected, from `?expected=`; null when none or not a whole number from 1 to 1,000,000. */
export function expectedFrom(url: URL): { expected: number | null; typed: string; invalid: boolean } {
  const typed = (url.searchParams.get('expected') ?? '').trim();
  const n = Number(typed.replace(/,/g, ''));
  const expected = typed !== '' && Number.isInteger(n) && n >= 1 && n <= 1_000_000 ? n : null;
  return { expected, typed, invalid: typed !== '' && expected === null };
}

export interface WavePlan {
  series: { id: string; name: string }[];
  chosen: string;
  expected: number | null;
  typed: string;
  invalid: boolean;
  lines: { key: string; name: string; detectable: { points: number; from: string; designEffect: number } | null }[];
}

/** The designer's planning panel: the organisation's series, and for the one chosen the smallest change each measure could show. */
export async function wavePlan(event: StaffEvent, who: SignedInStaff): Promise<WavePlan | null> {
  if (!may(who, 'series', 'view')) return null;
  const api = apiAs(event, who).api;
  const listed = await api.series.$get({ query: {} });
  if (!listed.ok) return null;
  const series = (await listed.json()).series.filter((s) => s.waves.length > 0).map((s) => ({ id: s.id, name: s.name }));
  if (series.length === 0) return null;
  const { expected, typed, invalid } = expectedFrom(event.url);
  const chosen = series.find((s) => s.id === event.url.searchParams.get('series'))?.id ?? (series[0] as { id: string }).id;
  let lines: WavePlan['lines'] = [];
  if (expected !== null) {
    const res = await api.series[':id'].measures.$get({ param: { id: chosen }, query: { expected: String(expected) } });
    if (res.ok) lines = (await res.json()).measures.map((m) => ({ key: m.key, name: m.name, detectable: m.detectable }));
  }
  return { series, chosen, expected, typed, invalid, lines };
}
