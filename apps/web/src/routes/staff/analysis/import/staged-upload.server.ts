// An uploaded file kept between the upload and the import step. A browser
// cannot send a chosen file twice without being asked to choose it again, and
// the API keeps nothing from a preview, so this server holds the file for an
// hour under a random token that only the person who uploaded it can use.
// After the import only the collection's id is kept, so a repeated "Import"
// lands on the same collection; the file itself is deleted.
//
// The file is on this server's disk: with several web servers behind a load
// balancer, send one person's requests to the same server (sticky sessions).
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const DIR = join(tmpdir(), 'safer-voices-imports');
const KEEP_MS = 60 * 60_000;
const TOKEN = /^[A-Za-z0-9_-]{32}$/;

interface StagedMeta {
  staffId: string;
  fileName: string;
  stagedAt: number;
  /** Set once imported. */
  collectionId?: string;
}

export type Staged = { token: string; fileName: string; file: File; collectionId?: undefined } | { token: string; fileName: string; collectionId: string; file?: undefined };

const metaPath = (token: string) => join(DIR, `${token}.json`);
const filePath = (token: string) => join(DIR, `${token}.upload`);

/** Files older than an hour go, whoever left them. */
async function sweep(now: number) {
  for (const name of await readdir(DIR).catch(() => [])) {
    const path = join(DIR, name);
    const age = now - (await stat(path).catch(() => ({ mtimeMs: now }))).mtimeMs;
    if (age > KEEP_MS) await rm(path, { force: true });
  }
}

export async function stageUpload(staffId: string, file: File, now = Date.now()): Promise<string> {
  await mkdir(DIR, { recursive: true, mode: 0o700 });
  await sweep(now);
  const token = randomBytes(24).toString('base64url');
  await writeFile(filePath(token), new Uint8Array(await file.arrayBuffer()), { mode: 0o600 });
  const meta: StagedMeta = { staffId, fileName: file.name || 'upload', stagedAt: now };
  await writeFile(metaPath(token), JSON.stringify(meta), { mode: 0o600 });
  return token;
}

/** The staged upload, if this person made it within the hour; otherwise nothing. */
export async function readStaged(staffId: string, token: string | null, now = Date.now()): Promise<Staged | null> {
  if (!token || !TOKEN.test(token)) return null;
  const meta = await readFile(metaPath(token), 'utf8')
    .then((text) => JSON.parse(text) as StagedMeta)
    .catch(() => null);
  if (!meta || meta.staffId !== staffId || now - meta.stagedAt > KEEP_MS) return null;
  if (meta.collectionId) return { token, fileName: meta.fileName, collectionId: meta.collectionId };
  const bytes = await readFile(filePath(token)).catch(() => null);
  return bytes ? { token, fileName: meta.fileName, file: new File([bytes], meta.fileName) } : null;
}

/** Imported: the file goes, the collection's id stays for a repeated submission. */
export async function finishStaged(token: string, collectionId: string) {
  const meta = JSON.parse(await readFile(metaPath(token), 'utf8')) as StagedMeta;
  await writeFile(metaPath(token), JSON.stringify({ ...meta, collectionId }), { mode: 0o600 });
  await rm(filePath(token), { force: true });
}
