import type { Graph } from '../../graph/graph';
import { readSeedVersion } from '../../graph/queries/schema-query';

/**
 * The data's version (the seeding, the events' count and versions, the audit's count),
 * re-read at most once a second and shared by every ETag and cache of a graph. Another app
 * instance's write therefore shows here within about a second (docs/deploy.md).
 */
interface VersionReader {
  read(): Promise<string>;
  forget(): void;
}

/** How long a version read is trusted: the bound on how stale another instance's answer is. */
export const VERSION_TTL_MS = 1000;

const versionReaders = new WeakMap<Graph, VersionReader>();

function readerOf(graph: Graph): VersionReader {
  let reader = versionReaders.get(graph);
  if (!reader) {
    let cached: { version: Promise<string>; at: number } | undefined;
    reader = {
      read() {
        if (!cached || Date.now() - cached.at > VERSION_TTL_MS) {
          const version = readSeedVersion(graph);
          cached = { version, at: Date.now() };
          version.catch(() => {
            if (cached?.version === version) cached = undefined;
          });
        }
        return cached.version;
      },
      forget() {
        cached = undefined;
      },
    };
    versionReaders.set(graph, reader);
  }
  return reader;
}

export function seedVersionOf(graph: Graph): () => Promise<string> {
  const reader = readerOf(graph);
  return () => reader.read();
}

/**
 * This instance wrote to the data: its next answer re-reads the version rather than serve
 * what it cached for up to a second, so an editor sees the change at once.
 */
export function dataChanged(graph: Graph): void {
  readerOf(graph).forget();
}
