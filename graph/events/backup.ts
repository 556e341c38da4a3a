import { createHash } from 'node:crypto';
import type { Graph } from '../graph';
import { ensureAssessmentsSchema } from '../implementation/assessment-store';
import type { Plain } from '../to-plain';
import { ensureEventsSchema, relinkEvents } from './event-store';

/**
 * Backup and restore of analysts' data (events, implementation assessments, accounts, the
 * audit log) as one JSON file
 * with a SHA-256 per section. Sessions are not backed up (a restore signs everyone out);
 * password hashes only when asked (`includeSecrets`), so a plain backup can be shared.
 */

export const BACKUP_FORMAT = 'kizuna-analysts-data';
const SECTIONS = {
  events: 'Event',
  assessments: 'Assessment',
  users: 'User',
  audit: 'Audit',
} as const;
type Section = keyof typeof SECTIONS;
/** Sections a backup made before they existed lacks: read as empty (assessments came with issue 27). */
const LATER_SECTIONS: readonly Section[] = ['assessments'];

export interface BackupSection {
  count: number;
  sha256: string;
  items: Record<string, Plain>[];
}

export interface BackupFile {
  format: typeof BACKUP_FORMAT;
  format_version: 1;
  created_at: string;
  includes_secrets: boolean;
  sections: Record<Section, BackupSection>;
}

export class BackupError extends Error {
  override name = 'BackupError';
}

function stable(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stable);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => [k, stable(v)]),
    );
  return value;
}

export const sectionSha256 = (items: unknown[]) =>
  createHash('sha256')
    .update(JSON.stringify(stable(items)))
    .digest('hex');

export async function exportAnalystsData(
  graph: Graph,
  options: { includeSecrets: boolean },
): Promise<BackupFile> {
  const sections = {} as Record<Section, BackupSection>;
  for (const [section, label] of Object.entries(SECTIONS) as [Section, string][]) {
    // Labels come from the fixed SECTIONS table, never from input.
    const rows = await graph.read(`MATCH (n:${label}) RETURN properties(n) AS p ORDER BY n.id`);
    const items = rows.map((r) => {
      const p = { ...(r.p as Record<string, Plain>) };
      if (label === 'User' && !options.includeSecrets) delete p.password_hash;
      return stable(p) as Record<string, Plain>;
    });
    sections[section] = { count: items.length, sha256: sectionSha256(items), items };
  }
  return {
    format: BACKUP_FORMAT,
    format_version: 1,
    created_at: new Date().toISOString(),
    includes_secrets: options.includeSecrets,
    sections,
  };
}

/** Checks the file's shape and every section's count and checksum; throws BackupError naming it. */
export function verifyBackup(json: unknown): BackupFile {
  const file = json as Partial<BackupFile>;
  if (!file || file.format !== BACKUP_FORMAT || file.format_version !== 1)
    throw new BackupError(
      `This is not a Kizuna analysts' data backup (format ${BACKUP_FORMAT}, version 1).`,
    );
  for (const section of Object.keys(SECTIONS) as Section[]) {
    if (file.sections && !file.sections[section] && LATER_SECTIONS.includes(section))
      file.sections[section] = { count: 0, sha256: sectionSha256([]), items: [] };
    const s = file.sections?.[section];
    if (!s || !Array.isArray(s.items))
      throw new BackupError(`The backup has no "${section}" section.`);
    if (s.items.length !== s.count)
      throw new BackupError(
        `The "${section}" section holds ${s.items.length} items but says ${s.count}.`,
      );
    if (sectionSha256(s.items) !== s.sha256)
      throw new BackupError(
        `The "${section}" section does not match its checksum: the file was altered or damaged.`,
      );
    for (const item of s.items)
      if (typeof item?.id !== 'string')
        throw new BackupError(`An item of the "${section}" section has no id.`);
  }
  return file as BackupFile;
}

/**
 * Writes a verified backup back, in one transaction. Refuses when the database already holds
 * analysts' data unless `replace`, which first removes events, assessments, accounts,
 * sessions and the audit log. The plan is never touched; events' relationships are redrawn afterwards.
 */
export async function importAnalystsData(
  graph: Graph,
  json: unknown,
  options: { replace: boolean },
): Promise<Record<Section, number>> {
  const file = verifyBackup(json);
  await ensureEventsSchema(graph);
  await ensureAssessmentsSchema(graph);
  await graph.transaction('WRITE', async (tx) => {
    const [existing] = await tx.run(
      'MATCH (n) WHERE n:Event OR n:Assessment OR n:User OR n:Audit RETURN count(n) AS n',
    );
    const count = Number(existing?.n ?? 0);
    if (count > 0 && !options.replace)
      throw new BackupError(
        `The database already holds ${count} events, assessments, accounts or audit entries; restore with --replace to overwrite them.`,
      );
    await tx.run(
      'MATCH (n) WHERE n:Event OR n:Assessment OR n:User OR n:Session OR n:Audit DETACH DELETE n',
    );
    for (const [section, label] of Object.entries(SECTIONS) as [Section, string][]) {
      await tx.run('UNWIND $items AS item CREATE (n:$($label)) SET n = item', {
        label,
        items: file.sections[section].items,
      });
    }
  });
  await relinkEvents(graph);
  return {
    events: file.sections.events.count,
    assessments: file.sections.assessments.count,
    users: file.sections.users.count,
    audit: file.sections.audit.count,
  };
}
