// An organisation's codebook: the newest saved version, or the default
// codebook until the organisation edits its own. Every save is a new version;
// (organisation, version) is unique, so of two saves made from the same
// version only one can be stored.
import { codebooks, type Database, isUniqueViolation, newId, staff } from '@safer-voices/db';
import { type Codebook, codebookSchema, DEFAULT_CODEBOOK } from '@safer-voices/themes';
import { and, desc, eq } from 'drizzle-orm';

export interface StoredCodebook {
  /** 0 for the default codebook, which has never been saved by the organisation. */
  version: number;
  codebook: Codebook;
}

/** A saved version, without its themes: what the version history shows. */
export interface CodebookVersionSummary {
  version: number;
  note: string;
  createdBy: string | null;
  createdAt: string | null;
}

export interface StoredCodebookVersion extends StoredCodebook, CodebookVersionSummary {}

/** The name saved codebooks carry, so codes say "organisation@3" rather than pass for the default's "default@N". */
export const ORGANISATION_CODEBOOK_NAME = 'organisation';

const DEFAULT_VERSION: StoredCodebookVersion = { version: 0, codebook: DEFAULT_CODEBOOK, note: 'The default codebook', createdBy: null, createdAt: null };

export async function currentCodebook(db: Database, organisationId: string): Promise<StoredCodebook> {
  const [row] = await db.select().from(codebooks).where(eq(codebooks.organisationId, organisationId)).orderBy(desc(codebooks.version)).limit(1);
  if (!row) return { version: 0, codebook: DEFAULT_CODEBOOK };
  return { version: row.version, codebook: codebookSchema.parse(row.codebook) };
}

const versionColumns = {
  version: codebooks.version,
  codebook: codebooks.codebook,
  note: codebooks.note,
  createdBy: staff.name,
  createdAt: codebooks.createdAt
};

function versionOf(row: { version: number; codebook: unknown; note: string; createdBy: string | null; createdAt: Date }): StoredCodebookVersion {
  return { version: row.version, codebook: codebookSchema.parse(row.codebook), note: row.note, createdBy: row.createdBy, createdAt: row.createdAt.toISOString() };
}

/** One version with who saved it; version 0 is the default codebook; undefined when there is no such version. */
export async function codebookAt(db: Database, organisationId: string, version: number | 'current'): Promise<StoredCodebookVersion | undefined> {
  const [row] = await db
    .select(versionColumns)
    .from(codebooks)
    .leftJoin(staff, eq(staff.id, codebooks.createdBy))
    .where(version === 'current' ? eq(codebooks.organisationId, organisationId) : and(eq(codebooks.organisationId, organisationId), eq(codebooks.version, version)))
    .orderBy(desc(codebooks.version))
    .limit(1);
  if (row) return versionOf(row);
  return version === 'current' || version === 0 ? DEFAULT_VERSION : undefined;
}

/** Every version, newest first, ending with the default codebook (version 0). */
export async function codebookHistory(db: Database, organisationId: string): Promise<CodebookVersionSummary[]> {
  const rows = await db
    .select({ version: codebooks.version, note: codebooks.note, createdBy: staff.name, createdAt: codebooks.createdAt })
    .from(codebooks)
    .leftJoin(staff, eq(staff.id, codebooks.createdBy))
    .where(eq(codebooks.organisationId, organisationId))
    .orderBy(desc(codebooks.version));
  const { codebook: _default, ...defaultSummary } = DEFAULT_VERSION;
  return [...rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })), defaultSummary];
}

/** Insert a new version; batch it with its audit entry. Fails on the unique index if the version exists. */
export function saveCodebookStatement(db: Database, input: { organisationId: string; codebook: Codebook; note: string; createdBy: string }) {
  return db.insert(codebooks).values({
    id: newId(),
    organisationId: input.organisationId,
    version: input.codebook.version,
    codebook: input.codebook,
    note: input.note,
    createdBy: input.createdBy
  });
}

/** Whether an error is the unique index refusing a second save of the same version. */
export const isVersionTaken = (error: unknown): boolean => isUniqueViolation(error);
