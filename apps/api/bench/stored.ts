// After a load run: how many of the values a server acknowledged are really
// in the database (the benchmarks' "lost" is the rest), shared by ingest and votes.
import type { Client } from '@libsql/client';

export async function countStored(client: Client, table: string, column: string, values: readonly string[]): Promise<number> {
  let found = 0;
  for (let n = 0; n < values.length; n += 500) {
    const chunk = values.slice(n, n + 500);
    const rows = await client.execute({ sql: `SELECT count(*) AS n FROM ${table} WHERE ${column} IN (${chunk.map(() => '?').join(',')})`, args: [...chunk] });
    found += Number(rows.rows[0]?.n);
  }
  return found;
}
