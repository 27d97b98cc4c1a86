// The series and one of its waves, for the pages that change and remove it:
// 404 when the wave is not in the series (or the series is out of reach).
import { error, type RequestEvent } from '@sveltejs/kit';
import { unexpected } from '#lib/server/designer-api.ts';
import type { SignedInStaff } from '#lib/server/staff-api.ts';
import { apiAs } from '#lib/server/staff-api.ts';

export async function seriesAndWave(event: Pick<RequestEvent, 'cookies' | 'url' | 'locals' | 'request' | 'getClientAddress'> & { params: { id: string; waveId: string } }, who: SignedInStaff) {
  const res = await apiAs(event, who).api.series[':id'].$get({ param: { id: event.params.id } });
  if (!res.ok) await unexpected(res, 'Reading the series');
  const { series } = await res.json();
  const wave = series.waves.find((w) => w.id === event.params.waveId);
  if (!wave) error(404, { message: 'There is no such wave in this series.' });
  return { series, wave };
}
