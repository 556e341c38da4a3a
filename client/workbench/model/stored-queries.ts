import { z } from 'zod';
import { CONSOLE_LIMITS } from '../../../core/model/console-limits';
import type { Params } from './cypher-types';

/**
 * The researcher's own queries (named and saved) and the history of runs: their shapes, the
 * JSON file they are exported to and imported from, and how an import merges with what is
 * already there. An import adds; it never removes or overwrites what the researcher has.
 */

export const HISTORY_LIMIT = 500;
export const FILE_FORMAT = 'kizuna-workbench-queries';

const params = z.record(z.string(), z.json()) as z.ZodType<Params>;
const query = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  // A saved query longer than the console accepts could never run again.
  .max(
    CONSOLE_LIMITS.maxQueryChars,
    `is over ${CONSOLE_LIMITS.maxQueryChars.toLocaleString('en')} characters`,
  );

export const savedQuerySchema = z.object({
  id: z.string().min(1),
  name: z.string().trim().min(1, 'must not be empty').max(200, 'is over 200 characters'),
  query,
  params,
  savedAt: z.iso.datetime({ offset: true }),
});

export const historyEntrySchema = z.object({
  id: z.string().min(1),
  query,
  params,
  ranAt: z.iso.datetime({ offset: true }),
  outcome: z.enum(['rows', 'refused', 'failed']),
  /** Rows returned, for a run that returned some. */
  rows: z.number().int().nonnegative().nullable(),
});

export type SavedQuery = z.infer<typeof savedQuerySchema>;
export type HistoryEntry = z.infer<typeof historyEntrySchema>;

export const queriesFileSchema = z
  .object({
    format: z.literal(FILE_FORMAT, {
      error: `should be "${FILE_FORMAT}": this is not a file the Cypher workbench exported`,
    }),
    version: z.literal(1, { error: 'should be 1, the only version there is' }),
    saved: z.array(savedQuerySchema).optional(),
    history: z.array(historyEntrySchema).optional(),
  })
  .refine((file) => file.saved !== undefined || file.history !== undefined, {
    error: 'the file holds neither "saved" nor "history" queries',
  });

export type QueriesFile = z.infer<typeof queriesFileSchema>;

export type FileOutcome = { ok: true; file: QueriesFile } | { ok: false; error: string };

/** "saved[2].query", as a reader would point at the place in the file. */
function where(path: readonly PropertyKey[]): string {
  return path
    .map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i === 0 ? '' : '.'}${String(key)}`))
    .join('');
}

/** The first few things wrong with a value, each with where it is. */
export function describeIssues(error: z.ZodError, limit = 3): string {
  const issues = error.issues.slice(0, limit).map((issue) => {
    const at = where(issue.path);
    return at ? `${at} ${issue.message}` : issue.message;
  });
  const more = error.issues.length - limit;
  return more > 0 ? `${issues.join('; ')}; and ${more} more` : issues.join('; ');
}

/** Reads an exported file's text, or says in words what is wrong with it. */
export function parseQueriesFile(text: string): FileOutcome {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: `the file is not JSON (${(error as Error).message})` };
  }
  const parsed = queriesFileSchema.safeParse(json);
  return parsed.success
    ? { ok: true, file: parsed.data }
    : { ok: false, error: describeIssues(parsed.error) };
}

export function queriesFile(contents: {
  saved?: SavedQuery[];
  history?: HistoryEntry[];
}): QueriesFile {
  return { format: FILE_FORMAT, version: 1, ...contents };
}

/**
 * What localStorage holds, read leniently: entries that no longer fit the schema (an older
 * version, a hand edit) are dropped one by one rather than losing the whole list.
 */
export function readStoredList<T>(text: string | null, schema: z.ZodType<T>): T[] {
  if (!text) return [];
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return [];
  }
  if (!Array.isArray(json)) return [];
  return json.flatMap((item) => {
    const parsed = schema.safeParse(item);
    return parsed.success ? [parsed.data] : [];
  });
}

const sameRun = (a: { query: string; params: Params }, b: { query: string; params: Params }) =>
  a.query === b.query && JSON.stringify(a.params) === JSON.stringify(b.params);

/** Newest first, at most HISTORY_LIMIT; running the same query again moves it to the top. */
export function addToHistory(
  history: readonly HistoryEntry[],
  entry: HistoryEntry,
): HistoryEntry[] {
  return [entry, ...history.filter((h) => !sameRun(h, entry))].slice(0, HISTORY_LIMIT);
}

export interface Merged<T> {
  list: T[];
  added: number;
  /** Entries the researcher already had (same id, or the same name for saved queries). */
  skipped: number;
}

export function mergeSaved(
  existing: readonly SavedQuery[],
  imported: readonly SavedQuery[],
): Merged<SavedQuery> {
  const list = [...existing];
  let skipped = 0;
  for (const q of imported) {
    const named = list.find((s) => s.name === q.name);
    if (list.some((s) => s.id === q.id) || (named && sameRun(named, q))) skipped++;
    else if (!named) list.push(q);
    // The same name for a different query: both are kept, the imported one renamed.
    else list.push({ ...q, name: uniqueName(list, `${q.name} (imported)`) });
  }
  return { list, added: list.length - existing.length, skipped };
}

function uniqueName(list: readonly SavedQuery[], name: string): string {
  let candidate = name;
  for (let n = 2; list.some((s) => s.name === candidate); n++) candidate = `${name} ${n}`;
  return candidate;
}

const newestFirst = (a: HistoryEntry, b: HistoryEntry) => Date.parse(b.ranAt) - Date.parse(a.ranAt);

/** Imported runs fill the history up to its limit; the researcher's own runs all stay. */
export function mergeHistory(
  existing: readonly HistoryEntry[],
  imported: readonly HistoryEntry[],
): Merged<HistoryEntry> {
  const ids = new Set(existing.map((h) => h.id));
  const room = Math.max(0, HISTORY_LIMIT - existing.length);
  const taken = imported
    .filter((h) => !ids.has(h.id))
    .sort(newestFirst)
    .slice(0, room);
  return {
    list: [...existing, ...taken].sort(newestFirst),
    added: taken.length,
    skipped: imported.length - taken.length,
  };
}
