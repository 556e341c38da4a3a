/**
 * npm run user:add -- --name NAME --role viewer|editor|admin
 * Creates an account. The password is read from stdin when piped (one line), or prompted for
 * twice without echo on a terminal; it is never printed, logged or passed on the command line.
 */
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { accountName } from '../core/api/auth';
import { ROLES, type Role } from '../core/model/roles';
import { AccountExistsError, createAccount } from '../graph/events/accounts';
import { ensureEventsSchema } from '../graph/events/event-store';
import { openGraph } from '../graph/graph';
import { loadConfig } from '../server/config';
import { hashPassword, passwordProblem } from '../server/routes/auth/password';
import { connect } from './connect';

async function readPiped(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

/** Asks on the terminal with echo off. */
function ask(question: string): Promise<string> {
  let muted = false;
  const output = new Writable({
    write(chunk, _encoding, done) {
      if (!muted) process.stdout.write(chunk);
      done();
    },
  });
  const rl = createInterface({ input: process.stdin, output, terminal: true });
  return new Promise((resolve) => {
    rl.question(question, (answer) => {
      rl.close();
      process.stdout.write('\n');
      resolve(answer);
    });
    muted = true;
  });
}

async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) return readPiped();
  const first = await ask('Password: ');
  const second = await ask('Password again: ');
  if (first !== second) throw new Error('The two passwords differ; nothing was created.');
  return first;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { name: { type: 'string' }, role: { type: 'string' } },
  });
  const name = accountName.safeParse(values.name ?? '');
  if (!name.success)
    throw new Error(`--name ${name.error.issues[0]!.message} (e.g. --name tanaka).`);
  if (!ROLES.includes(values.role as Role))
    throw new Error(`--role must be one of ${ROLES.join(', ')}.`);
  const password = await readPassword();
  const problem = passwordProblem(password);
  if (problem) throw new Error(`The password ${problem}; nothing was created.`);

  const config = loadConfig();
  const connected = await connect(config, (m) => console.log(m));
  const graph = openGraph(connected.connection);
  try {
    await ensureEventsSchema(graph);
    const account = await createAccount(graph, {
      name: name.data,
      role: values.role as Role,
      passwordHash: await hashPassword(password),
    });
    console.log(`Created the ${account.role} account "${account.name}".`);
  } finally {
    await graph.close();
    await connected.release();
  }
}

main().catch((error: unknown) => {
  console.error(
    error instanceof AccountExistsError || error instanceof Error ? error.message : String(error),
  );
  process.exit(1);
});
