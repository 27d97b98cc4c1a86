// The shape of the demo's answers, so its figures differ the way real school
// surveys' do: after dark feels less safe than daytime, and town centres,
// stations and alleyways less safe than parks and shops; girls feel less safe
// than boys out after dark and in the town centre, bus station and alleyways,
// and no differently in the day or at school; some schools feel safer than
// others; and between the demo's two waves one measure really changes
// (feeling safe out after dark rises) while others do not. Pupils answering
// the 11–19 survey are about half girls and half boys. All of it is invented.
import type { Lean, SyntheticOptions } from './synthetic-answers';

/** School effects: positive is uneasier. Schools not named here have none. */
const SCHOOL_LEAN: Record<string, number> = {
  'Northfield Academy': -0.08,
  'Riverside School': 0,
  'Hillcrest High School': 0.1,
  'Westbrook College': -0.03,
  'Oakwood Primary School': -0.05,
  'Meadow Lane Primary': 0.06,
  'Brookside Junior School': 0
};

const PLACE_LEAN: Record<string, number> = { town_centre: 0.08, bus_station: 0.1, train_station: 0.06, alleyways: 0.18, park: -0.02, high_street_shops: -0.06 };

const QUESTION_LEAN: Record<string, number> = { safe_area_after_dark: 0.14, safe_area_day: -0.1, safe_at_school: -0.04 };

/**
 * Effects of the answer to `gender`, by question id or `grid.row`: girls
 * uneasier and boys a little easier than average out after dark and in town,
 * some 12 to 15 points apart in feeling safe; nothing in the day or at school.
 * Those who describe themselves another way, would rather not say or skip it
 * have none.
 */
const GENDER_LEAN: Record<string, Record<string, number>> = {
  girl: { safe_area_after_dark: 0.08, 'safe_places.town_centre': 0.07, 'safe_places.bus_station': 0.07, 'safe_places.alleyways': 0.08 },
  boy: { safe_area_after_dark: -0.05, 'safe_places.town_centre': -0.05, 'safe_places.bus_station': -0.05, 'safe_places.alleyways': -0.05 }
};

/** One wave earlier, young people felt less safe out after dark; nothing else was different. */
const EARLIER_WAVE_LEAN: Record<string, number> = { safe_area_after_dark: 0.1 };

/** How pupils answer the 11–19 survey's optional gender question (the few who skip it aside). */
export const DEMO_SHARES: NonNullable<SyntheticOptions['shares']> = { gender: { girl: 48, boy: 48, another_way: 2, prefer_not_to_say: 2 } };

export function demoLean(school: string | null, { earlierWave = false } = {}): Lean {
  const bySchool = school ? (SCHOOL_LEAN[school] ?? 0) : 0;
  return (questionId, rowId, answers) => {
    const gender = typeof answers.gender === 'string' ? GENDER_LEAN[answers.gender] : undefined;
    return (
      bySchool +
      (QUESTION_LEAN[questionId] ?? 0) +
      (rowId ? (PLACE_LEAN[rowId] ?? 0) : 0) +
      (gender?.[rowId ? `${questionId}.${rowId}` : questionId] ?? 0) +
      (earlierWave ? (EARLIER_WAVE_LEAN[questionId] ?? 0) : 0)
    );
  };
}
