import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { pingNeo4j } from '../../graph/connection';
import { runningPid, start, stop } from '../../scripts/neo4j/bundled-neo4j';
import { throwawayNeo4jConfig } from '../support/throwaway-neo4j';

const config = await throwawayNeo4jConfig();
const quiet = () => {};

function javaProcessesFor(home: string): string[] {
  const ps = spawnSync('ps', ['-eo', 'pid,args'], { encoding: 'utf8' }).stdout;
  return ps
    .split('\n')
    .filter((line) => line.includes('CommunityEntryPoint') && line.includes(home));
}

afterAll(async () => {
  await stop(config, quiet);
  rmSync(config.home, { recursive: true, force: true });
});

describe('the bundled Neo4j lifecycle', () => {
  it('starts on loopback with auth on and a generated password kept private', async () => {
    const started = await start(config, 'neo4j', quiet);
    expect(started.startedHere).toBe(true);
    const passwordFile = path.join(config.home, 'password');
    expect(statSync(passwordFile).mode & 0o077).toBe(0);
    await expect(pingNeo4j(started.connection)).resolves.toBeUndefined();
    await expect(pingNeo4j({ ...started.connection, password: 'wrong' })).rejects.toThrow(/auth/i);
    const conf = readFileSync(path.join(config.home, 'conf', 'neo4j.conf'), 'utf8');
    expect(conf).toContain(`server.bolt.listen_address=127.0.0.1:${config.boltPort}`);
    expect(conf).toContain('dbms.security.allow_csv_import_from_file_urls=false');
    const browser = await fetch(`http://127.0.0.1:${config.httpPort}/browser/`);
    expect(browser.status).toBe(200);
  });

  it('does not let other web pages read its HTTP port (no Access-Control-Allow-Origin: *)', async () => {
    const res = await fetch(`http://127.0.0.1:${config.httpPort}/`, {
      headers: { Origin: 'http://evil.example' },
    });
    expect(res.headers.get('access-control-allow-origin')).toBe(
      `http://127.0.0.1:${config.httpPort}`,
    );
  });

  it('treats start of a running database as a no-op', async () => {
    const pid = runningPid(config);
    const again = await start(config, 'neo4j', quiet);
    expect(again).toMatchObject({ startedHere: false, pid });
    expect(javaProcessesFor(config.home)).toHaveLength(1);
  });

  it('stops only the server it started: another one, started since under the same home, is left running', async () => {
    const pid = runningPid(config)!;
    // As when the app's own server died and `npm run db:start` started this one: the app
    // asks to stop the pid it recorded, which is not the one running.
    expect(await stop(config, quiet, pid + 1)).toBe(false);
    expect(runningPid(config)).toBe(pid);
    expect(javaProcessesFor(config.home)).toHaveLength(1);
  });

  it('stops without leaving a java process, then handles a stale pid file', async () => {
    expect(await stop(config, quiet)).toBe(true);
    expect(javaProcessesFor(config.home)).toEqual([]);
    const pidFile = path.join(config.home, 'run', 'neo4j.pid');
    writeFileSync(pidFile, `${process.pid}\n`);
    expect(runningPid(config)).toBeUndefined();
    expect(existsSync(pidFile)).toBe(false);
    const restarted = await start(config, 'neo4j', quiet);
    expect(restarted.startedHere).toBe(true);
  });
});
