// After the browser tests: remove the temporary databases the run made (see
// playwright.config.ts), so repeated runs do not fill the temporary folder.
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname } from 'node:path';

export default function removeDatabase() {
  for (const url of [process.env.E2E_DATABASE_URL ?? '', process.env.E2E_STALLED_DATABASE_URL ?? '']) {
    if (!url.startsWith('file:')) continue;
    const folder = dirname(url.slice('file:'.length));
    // Only a folder this run made; a database given from outside is left alone.
    if (dirname(folder) === tmpdir() && basename(folder).startsWith('safer-voices-e2e-')) rmSync(folder, { recursive: true, force: true });
  }
}
