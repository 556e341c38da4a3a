import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { type Connection, pingNeo4j } from '../../graph/connection';
import type { BundledNeo4jConfig } from '../../server/config';
import { type BundledPaths, bundledPaths, neo4jVersion } from './bundled-paths';
import { neo4jConf } from './neo4j-conf';

export type Log = (message: string) => void;

export class BundledNeo4jError extends Error {
  override name = 'BundledNeo4jError';
}

const ENTRY_POINT = 'org.neo4j.server.CommunityEntryPoint';
const ADMIN_TOOL = 'org.neo4j.cli.AdminTool';
const INSTALLED_MARKER = '.installed-version';

function javaBin(): string {
  return process.env.JAVA_HOME ? path.join(process.env.JAVA_HOME, 'bin', 'java') : 'java';
}

/** Java 17 or 21 is what Neo4j 5.26 runs on; say so plainly when it is missing. */
export function checkJava(): void {
  const result = spawnSync(javaBin(), ['-version'], { encoding: 'utf8' });
  if (result.error || result.status !== 0) {
    throw new BundledNeo4jError(
      'Java was not found. The bundled Neo4j needs Java 17 or later (Debian: apt-get install openjdk-17-jre-headless), ' +
        'or set NEO4J_URI to use a Neo4j you already run.',
    );
  }
  const match = /version "(\d+)/.exec(result.stderr);
  const major = Number(match?.[1] ?? 0);
  if (major < 17) {
    throw new BundledNeo4jError(
      `Java ${major} was found; the bundled Neo4j needs Java 17 or later.`,
    );
  }
}

function checkMaven(): void {
  const result = spawnSync('mvn', ['-v'], { encoding: 'utf8' });
  if (result.error || result.status !== 0) {
    throw new BundledNeo4jError(
      'Maven was not found. The bundled Neo4j is resolved from Maven Central with mvn (Debian: apt-get install maven), ' +
        'or set NEO4J_URI to use a Neo4j you already run.',
    );
  }
}

export function isInstalled(paths: BundledPaths): boolean {
  const marker = path.join(paths.lib, INSTALLED_MARKER);
  return existsSync(marker) && readFileSync(marker, 'utf8').trim() === neo4jVersion();
}

/** Resolves the Neo4j server jars from Maven Central into lib/, once per version. */
export async function install(config: BundledNeo4jConfig, log: Log): Promise<void> {
  const paths = bundledPaths(config);
  if (isInstalled(paths)) return;
  checkJava();
  checkMaven();
  const version = neo4jVersion();
  const staging = `${paths.lib}.partial`;
  rmSync(staging, { recursive: true, force: true });
  log(`Resolving Neo4j Community ${version} from Maven Central (about 140 MB the first time)...`);
  const started = Date.now();
  let downloads = 0;
  await new Promise<void>((resolve, reject) => {
    const mvn = spawn(
      'mvn',
      [
        '-B',
        '-f',
        paths.pom,
        'dependency:copy-dependencies',
        `-DoutputDirectory=${staging}`,
        '-DincludeScope=runtime',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const tail: string[] = [];
    let lastReport = Date.now();
    const onLine = (line: string) => {
      tail.push(line);
      if (tail.length > 30) tail.shift();
      if (line.includes('Downloaded from')) downloads++;
      if (Date.now() - lastReport > 3000) {
        lastReport = Date.now();
        log(`  ...${downloads} files downloaded so far`);
      }
    };
    let buffer = '';
    const onData = (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      lines.forEach(onLine);
    };
    mvn.stdout.on('data', onData);
    mvn.stderr.on('data', onData);
    mvn.on('error', reject);
    mvn.on('close', (code) => {
      if (code === 0) resolve();
      else
        reject(
          new BundledNeo4jError(
            `Maven could not resolve Neo4j ${version} (exit ${code}). Last lines:\n${tail.join('\n')}`,
          ),
        );
    });
  });
  writeFileSync(path.join(staging, INSTALLED_MARKER), `${version}\n`);
  rmSync(paths.lib, { recursive: true, force: true });
  mkdirSync(path.dirname(paths.lib), { recursive: true });
  renameSync(staging, paths.lib);
  const jars = readdirSync(paths.lib).filter((f) => f.endsWith('.jar')).length;
  log(
    `Neo4j ${version} installed: ${jars} jars in ${Math.round((Date.now() - started) / 1000)} s.`,
  );
}

function readPid(paths: BundledPaths): number | undefined {
  if (!existsSync(paths.pidFile)) return undefined;
  const pid = Number(readFileSync(paths.pidFile, 'utf8').trim());
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

/** True when pid is a live Neo4j serving this home (not a recycled pid of something else). */
function isOurNeo4j(pid: number, paths: BundledPaths): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    return cmdline.includes(ENTRY_POINT) && cmdline.includes(`--home-dir=${paths.home}`);
  } catch {
    // No /proc (macOS): a live pid from our own pid file is the best evidence there is.
    return true;
  }
}

/** The pid of the running bundled server, clearing a stale pid file on the way. */
export function runningPid(config: BundledNeo4jConfig): number | undefined {
  const paths = bundledPaths(config);
  const pid = readPid(paths);
  if (pid === undefined) return undefined;
  if (isOurNeo4j(pid, paths)) return pid;
  rmSync(paths.pidFile, { force: true });
  return undefined;
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

function tailOf(file: string, lines: number): string {
  if (!existsSync(file)) return `(no ${path.basename(file)} yet)`;
  return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
}

export function logTail(config: BundledNeo4jConfig, lines = 40): string {
  const paths = bundledPaths(config);
  return [
    `--- ${paths.neo4jLog}`,
    tailOf(paths.neo4jLog, lines),
    `--- ${paths.consoleLog}`,
    tailOf(paths.consoleLog, Math.min(lines, 20)),
  ].join('\n');
}

/** The generated password, created (and set as Neo4j's initial password) on first use. */
function ensurePassword(paths: BundledPaths): string {
  const hasAuth = existsSync(paths.authFile);
  if (existsSync(paths.passwordFile)) {
    if (!hasAuth) setInitialPassword(paths, readFileSync(paths.passwordFile, 'utf8').trim());
    return readFileSync(paths.passwordFile, 'utf8').trim();
  }
  if (hasAuth) {
    throw new BundledNeo4jError(
      `${paths.passwordFile} is missing but the database in ${paths.data} already has a password. ` +
        `Delete ${paths.data} to start with a fresh database (npm start seeds it again).`,
    );
  }
  // Never a leading '-': neo4j-admin would read the password as an option and refuse it
  // (base64url's alphabet has '-', so one start in 64 failed).
  const password = `k${randomBytes(18).toString('base64url')}`;
  mkdirSync(paths.home, { recursive: true });
  writeFileSync(paths.passwordFile, `${password}\n`, { mode: 0o600 });
  setInitialPassword(paths, password);
  return password;
}

function setInitialPassword(paths: BundledPaths, password: string): void {
  const result = spawnSync(
    javaBin(),
    ['-cp', `${paths.lib}/*`, ADMIN_TOOL, 'dbms', 'set-initial-password', password],
    {
      encoding: 'utf8',
      env: { ...process.env, NEO4J_HOME: paths.home, NEO4J_CONF: paths.conf },
    },
  );
  if (result.status !== 0) {
    throw new BundledNeo4jError(
      `neo4j-admin could not set the initial password:\n${result.stdout}${result.stderr}`,
    );
  }
}

export function connectionFor(
  config: BundledNeo4jConfig,
  database: string,
  password: string,
): Connection {
  return { uri: `bolt://127.0.0.1:${config.boltPort}`, user: 'neo4j', password, database };
}

export interface Started {
  connection: Connection;
  /** False when a server was already running for this home: the caller must not stop it. */
  startedHere: boolean;
  pid: number;
}

/**
 * Starts the bundled server (installing it first if needed) and waits until Bolt and HTTP answer.
 * A running server is left as it is; a stale pid file is cleared.
 */
export async function start(
  config: BundledNeo4jConfig,
  database: string,
  log: Log,
): Promise<Started> {
  const paths = bundledPaths(config);
  // A server that is already running needs no installing: it is asked first.
  const running = runningPid(config);
  if (running !== undefined) {
    if (!existsSync(paths.passwordFile)) {
      throw new BundledNeo4jError(
        `Neo4j is running (pid ${running}) but its password file ${paths.passwordFile} is missing, so Kizuna cannot log in. ` +
          `Put the file back if you have a copy; otherwise stop Neo4j with npm run db:stop and delete ${paths.data} ` +
          'to start with a fresh database (npm start seeds it again).',
      );
    }
    const password = readFileSync(paths.passwordFile, 'utf8').trim();
    const connection = connectionFor(config, database, password);
    log(`Neo4j is already running (pid ${running}) on bolt://127.0.0.1:${config.boltPort}.`);
    await waitUntilServing(config, connection, running, log);
    return { connection, startedHere: false, pid: running };
  }
  await install(config, log);
  for (const dir of [paths.conf, paths.data, paths.logs, paths.import, paths.plugins, paths.run]) {
    mkdirSync(dir, { recursive: true });
  }
  checkJava();
  for (const [name, port] of [
    ['NEO4J_BOLT_PORT', config.boltPort],
    ['NEO4J_HTTP_PORT', config.httpPort],
  ] as const) {
    if (!(await portIsFree(port))) {
      throw new BundledNeo4jError(
        `Port ${port} on 127.0.0.1 is taken by another program, so the bundled Neo4j cannot listen there. ` +
          `Stop that program, or choose another port with ${name}=...`,
      );
    }
  }
  writeFileSync(path.join(paths.conf, 'neo4j.conf'), neo4jConf(paths, config, database));
  const password = ensurePassword(paths);
  const connection = connectionFor(config, database, password);

  const out = openSync(paths.consoleLog, 'a');
  const child = spawn(
    javaBin(),
    [
      `-Xms${config.heap}`,
      `-Xmx${config.heap}`,
      ...(config.jvmOptions ?? ['-XX:+UseG1GC']),
      // No -XX:+ExitOnOutOfMemoryError: a researcher's query that builds a huge list in one
      // expression (beyond Neo4j's memory tracking) must fail with OutOfMemoryError, not
      // kill the database for everyone.
      '-Dfile.encoding=UTF-8',
      '-Dlog4j2.disable.jmx=true',
      '--add-opens=java.base/java.nio=ALL-UNNAMED',
      '--add-opens=java.base/java.io=ALL-UNNAMED',
      '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
      '-cp',
      `${paths.lib}/*`,
      ENTRY_POINT,
      `--home-dir=${paths.home}`,
      `--config-dir=${paths.conf}`,
    ],
    { detached: true, stdio: ['ignore', out, out], cwd: paths.home },
  );
  closeSync(out);
  if (child.pid === undefined) throw new BundledNeo4jError('Java could not be started.');
  child.unref();
  writeFileSync(paths.pidFile, `${child.pid}\n`);
  log(`Starting Neo4j ${neo4jVersion()} (pid ${child.pid}), data in ${paths.data}`);
  try {
    await waitUntilServing(config, connection, child.pid, log);
  } catch (error) {
    await stop(config, () => {});
    throw error;
  }
  return { connection, startedHere: true, pid: child.pid };
}

/** Whether something answers HTTP on the port (any status will do). */
async function httpAnswers(port: number): Promise<boolean> {
  try {
    const res = await fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(2000) });
    await res.body?.cancel();
    return true;
  } catch {
    return false;
  }
}

/**
 * Waits until Neo4j serves both Bolt (what Kizuna uses) and HTTP (Neo4j Browser, which the
 * README points to). Neo4j opens HTTP a second or two after Bolt, and longer on a loaded
 * machine, so "ready" is said only once both answer.
 */
async function waitUntilServing(
  config: BundledNeo4jConfig,
  connection: Connection,
  pid: number,
  log: Log,
): Promise<void> {
  const started = Date.now();
  let lastReport = started;
  let lastError = '';
  let bolt = false;
  while (Date.now() - started < config.startTimeoutMs) {
    if (!isOurNeo4j(pid, bundledPaths(config))) {
      throw new BundledNeo4jError(
        `Neo4j exited while starting. The end of its logs:\n${logTail(config)}`,
      );
    }
    if (!bolt) {
      try {
        await pingNeo4j(connection);
        bolt = true;
      } catch (error) {
        lastError = error instanceof Error ? error.message : String(error);
        if (/unauthori[sz]ed|authentication/i.test(lastError)) {
          throw new BundledNeo4jError(
            `Neo4j refused the password in ${bundledPaths(config).passwordFile}: ${lastError}`,
          );
        }
      }
    }
    if (bolt && (await httpAnswers(config.httpPort))) {
      log(
        `Neo4j is ready on bolt://127.0.0.1:${config.boltPort} (Neo4j Browser at ` +
          `http://127.0.0.1:${config.httpPort}/browser/) after ${elapsed(started)}.`,
      );
      return;
    }
    if (Date.now() - lastReport >= 3000) {
      lastReport = Date.now();
      log(
        bolt
          ? `  ...Bolt is up; waiting for Neo4j's HTTP port ${config.httpPort} (${elapsed(started)})`
          : `  ...waiting for Neo4j to accept Bolt connections (${elapsed(started)})`,
      );
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new BundledNeo4jError(
    bolt
      ? `Neo4j accepted Bolt connections but its HTTP port ${config.httpPort} did not answer within ${config.startTimeoutMs / 1000} s. ` +
          `The end of its logs:\n${logTail(config)}`
      : `Neo4j did not accept Bolt connections within ${config.startTimeoutMs / 1000} s (last error: ${lastError}). ` +
          `The end of its logs:\n${logTail(config)}`,
  );
}

function elapsed(since: number): string {
  return `${((Date.now() - since) / 1000).toFixed(1)} s`;
}

/** Stops the bundled server: SIGTERM, then SIGKILL after 30 s, so no java process is left. */
export async function stop(
  config: BundledNeo4jConfig,
  log: Log,
  startedPid?: number,
): Promise<boolean> {
  const paths = bundledPaths(config);
  const pid = runningPid(config);
  if (pid === undefined) {
    rmSync(paths.pidFile, { force: true });
    log('Neo4j is not running.');
    return false;
  }
  // The app stops the server it started, by the pid it recorded: if that one died and
  // another was started since (npm run db:start), the other is someone else's to stop.
  if (startedPid !== undefined && pid !== startedPid) {
    log(
      `The Neo4j this app started (pid ${startedPid}) has gone; the one running now (pid ${pid}) was started by something else, so it is left running.`,
    );
    return false;
  }
  log(`Stopping Neo4j (pid ${pid})...`);
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline && isOurNeo4j(pid, paths)) {
    await new Promise((r) => setTimeout(r, 200));
  }
  if (isOurNeo4j(pid, paths)) {
    log('Neo4j did not stop within 30 s; killing it.');
    process.kill(pid, 'SIGKILL');
    while (isOurNeo4j(pid, paths)) await new Promise((r) => setTimeout(r, 100));
  }
  rmSync(paths.pidFile, { force: true });
  log('Neo4j stopped.');
  return true;
}
