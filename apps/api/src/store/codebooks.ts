// An organisation's codebook: the newest saved version, or the default
// codebook until the organisation edits its own.
/// <reference path="../../../../packages/themes/src/natural-modules.d.ts" />
import { codebooks, type Database } from '@safer-voices/db';
import { type Codebook, codebookSchema, DEFAULT_CODEBOOK } from '@safer-voices/themes';
import { desc, eq } from 'drizzle-orm';

export interface StoredCodebook {
  /** 0 for the default codebook, which has never been saved by the organisation. */
  version: number;
  codebook: Codebook;
}

export async function currentCodebook(db: Database, organisationId: string): Promise<StoredCodebook> {
  const [row] = await db.select().from(codebooks).where(eq(codebooks.organisationId, organisationId)).orderBy(desc(codebooks.version)).limit(1);
  if (!row) return { version: 0, codebook: DEFAULT_CODEBOOK };
  return { version: row.version, codebook: codebookSchema.parse(row.codebook) };
}
