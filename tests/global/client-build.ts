import { buildClientInBackground } from '../../scripts/build-client';
import { once } from './once';

const log = (message: string) => console.log(`[test app] ${message}`);

/**
 * The client's build, once per run. The Neo4j set-up starts it when e2e files are in the run,
 * so that vite builds while Neo4j starts and the plan is seeded; the app set-up waits for it.
 */
export function clientBuild(): Promise<{ release: () => Promise<void> }> {
  return once('client build', async () => {
    await buildClientInBackground(log);
    return { value: undefined, stop: async () => {} };
  });
}
