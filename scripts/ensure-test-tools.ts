/**
 * Runs before npm test: installs what the tests need beyond npm packages, with progress,
 * or says plainly what is missing and how to get it. The bundled Neo4j's jars (Maven), and
 * from Debian every outside command in scripts/test-tools-table.ts plus a Japanese font.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../server/config';
import { install } from './neo4j/bundled-neo4j';
import { JAPANESE_FONT_PACKAGE, OUTSIDE_COMMANDS } from './test-tools-table';

const log = (message: string) => console.log(`[test tools] ${message}`);

/** Whether the command is an executable on PATH (without running it: not all take --version). */
function onPath(command: string): boolean {
  return (process.env.PATH ?? '').split(path.delimiter).some((dir) => {
    try {
      accessSync(path.join(dir, command), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

function hasJapaneseFont(): boolean {
  if (!onPath('fc-list')) return false;
  const fonts = spawnSync('fc-list', [':lang=ja', 'family'], { encoding: 'utf8' });
  return fonts.status === 0 && fonts.stdout.trim() !== '';
}

/** The briefing exports' TrueType fonts (a CFF/OTF font would print as Type 3). */
function hasFont(family: string): boolean {
  const fonts = spawnSync('fc-list', [family, 'family'], { encoding: 'utf8' });
  return fonts.status === 0 && fonts.stdout.trim() !== '';
}

/** The Debian packages to install, each with the commands that need it. */
function missingPackages(): Map<string, string[]> {
  const missing = new Map<string, string[]>();
  const need = (pkg: string, why: string) => missing.set(pkg, [...(missing.get(pkg) ?? []), why]);
  for (const { command, debianPackage } of OUTSIDE_COMMANDS) {
    if (!onPath(command)) need(debianPackage, command);
  }
  if (!hasJapaneseFont()) need(JAPANESE_FONT_PACKAGE, 'a Japanese font');
  if (!hasFont('IPAGothic')) need('fonts-ipafont-gothic', 'the IPAGothic TrueType font');
  if (!hasFont('Liberation Sans')) need('fonts-liberation2', 'the Liberation Sans TrueType font');
  return missing;
}

function aptInstall(packages: string[]): void {
  const isRoot = process.getuid?.() === 0;
  if (!onPath('apt-get') || !isRoot) {
    throw new Error(
      `Missing ${packages.join(', ')}. Install ${packages.length > 1 ? 'them' : 'it'} with your package manager ` +
        `(Debian/Ubuntu: sudo apt-get install ${packages.join(' ')}) and run npm test again.`,
    );
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  // Waits for another apt-get (a parallel set-up) instead of failing on its lock.
  const lock = ['-o', 'DPkg::Lock::Timeout=600'];
  for (const [step, args] of [
    ['Updating the package lists', ['update', '-q', ...lock]],
    [
      `Installing ${packages.join(', ')}`,
      ['install', '-y', '-q', '--no-install-recommends', ...lock, ...packages],
    ],
  ] as const) {
    log(`${step} with apt-get...`);
    const started = Date.now();
    const run = spawnSync('apt-get', args, { stdio: 'inherit', env });
    if (run.status !== 0) {
      throw new Error(
        `apt-get ${args[0]} failed (exit ${run.status}); see its output above. ` +
          `Install ${packages.join(' ')} yourself and run npm test again.`,
      );
    }
    log(`${step}: done in ${Math.round((Date.now() - started) / 1000)} s.`);
  }
}

async function main(): Promise<void> {
  const missing = missingPackages();
  if (missing.size > 0) {
    for (const [pkg, needs] of missing) log(`missing ${needs.join(', ')} (Debian package ${pkg})`);
    aptInstall([...missing.keys()]);
    const still = missingPackages();
    if (still.size > 0) {
      throw new Error(
        `Still missing after apt-get: ${[...still.values()].flat().join(', ')}. Install ${[...still.keys()].join(' ')} by hand.`,
      );
    }
  }
  const config = loadConfig({});
  await install(config.bundled, log);
  log('ready');
}

main().catch((error: unknown) => {
  console.error(`[test tools] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
