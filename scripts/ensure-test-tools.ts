/**
 * Runs before npm test: installs what the tests need beyond npm packages, with progress,
 * or says plainly what is missing. The bundled Neo4j's jars (Maven); from Debian:
 * docker-compose (to validate docker-compose.yml; no engine is needed), xmllint from
 * libxml2-utils (to validate the GraphML and GEXF exports), Chromium for the browser
 * tests (never a browser download) and a Japanese font so it can draw the plan's text.
 */
import { spawnSync } from 'node:child_process';
import { loadConfig } from '../server/config';
import { install } from './neo4j/bundled-neo4j';

const log = (message: string) => console.log(`[test tools] ${message}`);

function has(command: string): boolean {
  return spawnSync(command, ['--version'], { stdio: 'ignore' }).status === 0;
}

/** Without a CJK font Chromium draws the Japanese labels as empty boxes. */
function hasJapaneseFont(): boolean {
  const fonts = spawnSync('fc-list', [':lang=ja', 'family'], { encoding: 'utf8' });
  return fonts.status === 0 && fonts.stdout.trim() !== '';
}

/** The briefing exports' TrueType fonts (a CFF/OTF font would print as Type 3). */
function hasFont(family: string): boolean {
  const fonts = spawnSync('fc-list', [family, 'family'], { encoding: 'utf8' });
  return fonts.status === 0 && fonts.stdout.trim() !== '';
}

function aptInstall(packages: string[]): void {
  const isRoot = process.getuid?.() === 0;
  if (!has('apt-get') || !isRoot) {
    throw new Error(
      `Missing ${packages.join(', ')}. Install ${packages.length > 1 ? 'them' : 'it'} with your package manager ` +
        `(Debian/Ubuntu: sudo apt-get install ${packages.join(' ')}) and run npm test again.`,
    );
  }
  log(`Installing ${packages.join(', ')} with apt-get...`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [
    ['update', '-q'],
    ['install', '-y', '-q', '--no-install-recommends', ...packages],
  ]) {
    const run = spawnSync('apt-get', args, { stdio: 'inherit', env });
    if (run.status !== 0)
      throw new Error(`apt-get ${args[0]} failed (exit ${run.status}); see its output above.`);
  }
}

async function main(): Promise<void> {
  const missing: string[] = [];
  if (!has('docker-compose')) missing.push('docker-compose');
  if (!has('xmllint')) missing.push('libxml2-utils');
  if (!has('chromium')) missing.push('chromium');
  if (!hasJapaneseFont()) missing.push('fonts-noto-cjk');
  if (spawnSync('pdftotext', ['-v'], { stdio: 'ignore' }).status !== 0)
    missing.push('poppler-utils');
  if (!has('soffice')) missing.push('libreoffice-impress');
  if (!hasFont('IPAGothic')) missing.push('fonts-ipafont-gothic');
  if (!hasFont('Liberation Sans')) missing.push('fonts-liberation2');
  if (missing.length > 0) aptInstall(missing);
  const config = loadConfig({});
  await install(config.bundled, log);
  log('ready');
}

main().catch((error: unknown) => {
  console.error(`[test tools] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
