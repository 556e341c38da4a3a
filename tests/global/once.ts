/**
 * Something a test run starts once and several projects share (Neo4j, the app, Chromium).
 * Vitest runs each project's global set-up files on their own, in one process, and tears
 * them all down at the end of the run; this keeps the shared thing on globalThis (each
 * project loads the set-up module afresh, so module state would not be shared), counts who
 * uses it, and stops it when the last user lets go.
 */
interface Started<T> {
  value: T;
  stop: () => Promise<void>;
}

interface Entry {
  started: Promise<Started<unknown>>;
  users: number;
}

const shared = globalThis as { __kizunaTestOnce?: Map<string, Entry> };
shared.__kizunaTestOnce ??= new Map<string, Entry>();
const registry = shared.__kizunaTestOnce;

export async function once<T>(
  key: string,
  startIt: () => Promise<Started<T>>,
): Promise<{ value: T; release: () => Promise<void> }> {
  let entry = registry.get(key);
  if (!entry) {
    entry = { started: startIt(), users: 0 };
    registry.set(key, entry);
  }
  entry.users += 1;
  const started = (await entry.started.catch((error: unknown) => {
    registry.delete(key);
    throw error;
  })) as Started<T>;
  let released = false;
  return {
    value: started.value,
    release: async () => {
      if (released) return;
      released = true;
      const current = registry.get(key);
      if (!current) return;
      current.users -= 1;
      if (current.users > 0) return;
      registry.delete(key);
      await started.stop();
    },
  };
}
