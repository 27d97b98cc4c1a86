// Who a questionnaire is for, as the measures pages name it: its age band
// ("11–19"), or its audience when it names no band ("adults"). Waves line up
// their age-banded versions by it, and weighting can use it as a variable.
import type { LoadedExplorer } from '../explore/load';

const AUDIENCE_BANDS = { child: '8–11', youth: '11–19', adult: 'adults' } as const;

/** From the questionnaire's newest version. */
export function ageBandOf(loaded: LoadedExplorer): string {
  const newest = loaded.meta.versions.at(-1)?.definition;
  if (!newest) return '';
  return newest.ageBand ? newest.ageBand.replace('-', '–') : AUDIENCE_BANDS[newest.audience];
}
