// SQL functions that take one argument per question or field.
//
// SQLite refuses to call a function with more than SQLITE_MAX_FUNCTION_ARG
// arguments ("too many arguments on function json_extract"): 127 by default,
// and libSQL keeps the default. A questionnaire may have any number of
// questions, so a query that names one per argument (json_extract's paths,
// json_array's values, …) splits them into groups of at most
// MAX_FUNCTION_ARGS, here, and nowhere else.
import { type AnyColumn, type SQL, sql } from 'drizzle-orm';

/** Arguments per SQL function call: below SQLite's 127, with room for the column and a spare path. */
export const MAX_FUNCTION_ARGS = 100;

/** The items in consecutive groups of at most `size`. */
export function inGroups<T>(items: readonly T[], size = MAX_FUNCTION_ARGS): T[][] {
  const groups: T[][] = [];
  for (let at = 0; at < items.length; at += size) groups.push(items.slice(at, at + size));
  return groups;
}

/** An SQL expression and how to read its (JSON-parsed) value back into one value per item. */
export interface JsonPicks {
  sql: SQL;
  read: (value: unknown) => unknown[];
}

const nulls = (n: number): unknown[] => new Array<unknown>(n).fill(null);

/** Join already-picked groups with json_array, nesting when there are more groups than one call may take. */
function joined(parts: JsonPicks[]): JsonPicks {
  if (parts.length === 1) return parts[0] as JsonPicks;
  return joined(
    inGroups(parts).map((group) => ({
      sql: sql`json_array(${sql.join(
        group.map((p) => p.sql),
        sql`, `
      )})`,
      read: (value: unknown) => group.flatMap((part, i) => part.read(Array.isArray(value) ? value[i] : null))
    }))
  );
}

/**
 * The values at `paths` (`$."id"`) of a JSON column, for any number of paths,
 * as one SQL expression giving JSON (so it can go in json_array or
 * json_group_array), and `read`, which turns the parsed JSON back into one
 * value per path, in order: null where the path finds nothing.
 *
 * json_extract gives an array only for two or more paths, so a group of one
 * names its path twice. The paths are bound values.
 */
export function jsonPicks(json: SQL | AnyColumn, paths: readonly string[]): JsonPicks {
  if (paths.length === 0) return { sql: sql`NULL`, read: () => [] };
  const groups = inGroups(paths, MAX_FUNCTION_ARGS - 1).map(
    (group): JsonPicks => ({
      sql: sql`json_extract(${json}, ${sql.join(
        (group.length === 1 ? [...group, ...group] : group).map((p) => sql`${p}`),
        sql`, `
      )})`,
      read: (value) => (Array.isArray(value) ? value.slice(0, group.length) : nulls(group.length))
    })
  );
  return joined(groups);
}
