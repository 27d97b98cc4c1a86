// After the browser tests: remove the temporary database the run made (see
// playwright.config.ts), so repeated runs do not fill the temporary folder.
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname } from 'node:path';

export default function removeDatabase() {
  const url = process.env.E2E_DATABASE_URL ?? '';
  if (!url.startsWith('file:')) return;
  const folder = dirname(url.slice('file:'.length));
  // Only a folder this run made; a database given from outside is left alone.
  if (dirname(folder) === tmpdir() && basename(folder).startsWith('safer-voices-e2e-')) rmSync(folder, { recursive: true, force: true });
}
