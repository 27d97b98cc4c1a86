// The report tests check real files with real tools: LibreOffice opens the
// Word file, poppler (pdfinfo, pdftotext) reads the PDFs, Chromium prints
// them. Install what is missing from Debian's packages (machines here run as
// root and reach Debian's archive); vitest runs this once before the tests.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** Which Debian package brings each tool. */
const tools = [
  { present: () => onPath('soffice'), name: 'soffice', pkg: 'libreoffice-writer-nogui' },
  { present: () => onPath('pdfinfo') && onPath('pdftotext'), name: 'pdfinfo and pdftotext', pkg: 'poppler-utils' },
  { present: () => existsSync(chromium), name: `Chromium at ${chromium}`, pkg: 'chromium' }
];

function onPath(command) {
  try {
    execSync(`command -v ${command}`, { stdio: 'ignore', shell: '/bin/sh' });
    return true;
  } catch {
    return false;
  }
}

export default function ensureTools() {
  const missing = tools.filter((tool) => !tool.present());
  if (missing.length === 0) return;
  const packages = missing.map((tool) => tool.pkg).join(' ');
  if (process.getuid?.() !== 0) {
    throw new Error(`${missing.map((tool) => tool.name).join(', ')} missing: install Debian's ${packages} and run the tests again.`);
  }
  console.log(`[safer-voices] installing ${packages} from Debian packages…`);
  // Browser tests may be installing Chromium at the same moment: wait for
  // apt's lock, and try again a few times if another apt run still holds it.
  const apt = 'DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=900';
  for (let attempt = 1; ; attempt++) {
    try {
      execSync(`${apt} update -qq && ${apt} install -y -qq --no-install-recommends ${packages}`, { stdio: 'inherit', shell: '/bin/sh' });
      return;
    } catch (error) {
      if (attempt === 5) throw error;
      execSync('sleep 30');
    }
  }
}

// Run directly (node scripts/ensure-tools.mjs) as well as from vitest.
if (import.meta.url === `file://${process.argv[1]}`) ensureTools();
