import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { OUTSIDE_COMMANDS, PREREQUISITES } from '../../scripts/test-tools-table';

const SCANNED = ['tests', 'scripts', 'bench', 'server'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(file);
    return /\.(ts|js|mjs)$/.test(entry.name) ? [file] : [];
  });
}

/**
 * child_process calls with a literal command: spawn('x'), spawnSync("x", ...), execFile,
 * execFileSync, and exec/execSync (a shell line: its first word). `re.exec(` is not one.
 */
const SPAWN =
  /(?<![.\w])(spawn|spawnSync|execFile|execFileSync|exec|execSync)\(\s*(['"`])([^'"`$]+)\2/g;

function spawnedCommands(source: string): string[] {
  return [...source.matchAll(SPAWN)].map((match) => {
    const literal = match[3]!.trim();
    const command =
      match[1]!.startsWith('exec') && !match[1]!.startsWith('execFile')
        ? literal.split(/\s+/)[0]!
        : literal;
    return path.basename(command);
  });
}

describe('the command → Debian package table', () => {
  it('finds literal commands in calls, and not regular expressions', () => {
    expect(
      spawnedCommands(`spawnSync('pdfinfo', [f]); spawn(\n  "xmllint", []); execSync('fc-list :lang=ja');
       execFile('/usr/bin/soffice'); /x/.exec('text'); spawnSync(process.execPath, [])`),
    ).toEqual(['pdfinfo', 'xmllint', 'fc-list', 'soffice']);
  });

  it('names every outside command the tests, scripts, benchmarks and server spawn', () => {
    const known = new Set([...OUTSIDE_COMMANDS.map((t) => t.command), ...PREREQUISITES]);
    const unknown: string[] = [];
    let found = 0;
    // This file's own examples are not commands anyone runs.
    const scanned = SCANNED.flatMap(sourceFiles).filter(
      (f) => !f.endsWith('test-tools-table.test.ts'),
    );
    for (const file of scanned) {
      for (const command of spawnedCommands(readFileSync(file, 'utf8'))) {
        found++;
        if (!known.has(command)) unknown.push(`${file}: ${command}`);
      }
    }
    expect(found).toBeGreaterThan(5);
    expect(unknown, 'add these to scripts/test-tools-table.ts').toEqual([]);
  });

  it('gives each command one package, and the README names the prerequisites', () => {
    const commands = OUTSIDE_COMMANDS.map((t) => t.command);
    expect(new Set(commands).size).toBe(commands.length);
    const readme = readFileSync('README.md', 'utf8');
    for (const tool of ['Node', 'Java', 'Maven', 'apt-get', 'git']) expect(readme).toContain(tool);
  });
});
