// Browser tests drive Debian's Chromium. Install it when it is missing
// (machines here run as root and reach Debian's package archive).
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const path = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
if (!existsSync(path)) {
  if (process.getuid?.() !== 0) {
    console.error(`Chromium is not at ${path}. Install Debian's "chromium" package (or set CHROMIUM_PATH) and run the tests again.`);
    process.exit(1);
  }
  console.log('[safer-voices] installing Chromium from Debian packages…');
  execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', { stdio: 'inherit' });
}
