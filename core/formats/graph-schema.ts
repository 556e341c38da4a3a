import { DATASET_LABEL } from '../dataset';
import { NODE_LABELS } from '../model/graph-model';
import { SEARCH_KEY_FIELDS } from '../search-terms';

/**
 * The constraints and indexes a copy of the Kizuna graph needs, as the Cypher script
 * recreates them: the same names and definitions graph/schema-setup.ts gives the seeded
 * database. One list, so adding an index is one entry here; the integration test
 * tests/integration/export-neo4j.test.ts compares the re-imported database's constraints
 * and indexes with the seeded one's, and fails naming any that this list lacks.
 */

export interface UniqueConstraint {
  kind: 'unique';
  name: string;
  label: string;
  property: string;
}

export interface TextIndex {
  kind: 'text';
  name: string;
  label: string;
  property: string;
}

export interface FulltextIndex {
  kind: 'fulltext';
  name: string;
  labels: readonly string[];
  properties: readonly string[];
  analyzer: string;
}

export interface RangeIndex {
  kind: 'range';
  name: string;
  label: string;
  property: string;
}

export type SchemaItem = UniqueConstraint | TextIndex | FulltextIndex | RangeIndex;

/**
 * A label every Kizuna node carries besides its kind, with a unique id (the scale work's
 * `:Entity`); null while the seeded schema has none. Set it and the script labels every
 * node with it and recreates its constraint and text indexes.
 */
export const SHARED_LABEL = 'Entity' as string | null;

/** Keys the shared label's TEXT indexes cover: the fields search folds into search_key, and the key itself. */
export const SHARED_TEXT_KEYS = [...SEARCH_KEY_FIELDS, 'search_key'] as const;

export const FULLTEXT = {
  ja: 'kizuna_text_ja',
  en: 'kizuna_text_en',
} as const;

export const GRAPH_SCHEMA: readonly SchemaItem[] = [
  ...(SHARED_LABEL
    ? [
        {
          kind: 'unique',
          name: `${SHARED_LABEL.toLowerCase()}_id_unique`,
          label: SHARED_LABEL,
          property: 'id',
        } as const,
        ...SHARED_TEXT_KEYS.map(
          (key) =>
            ({
              kind: 'text',
              name: `${SHARED_LABEL.toLowerCase()}_${key}_text`,
              label: SHARED_LABEL,
              property: key,
            }) as const,
        ),
      ]
    : []),
  ...NODE_LABELS.map(
    (label) =>
      ({
        kind: 'unique',
        name: `${label.toLowerCase()}_id_unique`,
        label,
        property: 'id',
      }) as const,
  ),
  // The one node that says which release the database holds (not plan data: no Entity label).
  { kind: 'unique', name: 'dataset_id_unique', label: DATASET_LABEL, property: 'id' },
  // A view filtered by pillar or area starts from its commitments through these.
  { kind: 'range', name: 'commitment_pillar_ref', label: 'Commitment', property: 'pillar_ref' },
  { kind: 'range', name: 'commitment_area_ref', label: 'Commitment', property: 'area_ref' },
  {
    kind: 'fulltext',
    name: FULLTEXT.ja,
    labels: NODE_LABELS,
    properties: ['name_ja', 'aliases_text', 'text_ja', 'title_ja'],
    analyzer: 'cjk',
  },
  {
    kind: 'fulltext',
    name: FULLTEXT.en,
    labels: NODE_LABELS,
    properties: ['name_en', 'text_en', 'title_en', 'aliases_text'],
    analyzer: 'english',
  },
];

/** The label of events (graph/events/event-store.ts): not a plan label, never :Entity. */
export const EVENTS_LABEL = 'Event';

/**
 * What the database holds for events and the script recreates when it has events: the
 * names and definitions graph/events/event-store.ts ensureEventsSchema gives them.
 */
export const EVENT_SCHEMA: readonly SchemaItem[] = [
  { kind: 'unique', name: 'event_id_unique', label: EVENTS_LABEL, property: 'id' },
  { kind: 'range', name: 'event_date_start', label: EVENTS_LABEL, property: 'date_start' },
  { kind: 'range', name: 'commitment_ref', label: 'Commitment', property: 'ref' },
];

/** The label of implementation assessments (graph/implementation/assessment-store.ts). */
export const ASSESSMENTS_LABEL = 'Assessment';

/**
 * What the database holds for assessments, and the console's copy too: an id each, and the
 * ref index every "history of one commitment" and "revision of one commitment" read starts from.
 */
export const ASSESSMENT_SCHEMA: readonly SchemaItem[] = [
  { kind: 'unique', name: 'assessment_id_unique', label: ASSESSMENTS_LABEL, property: 'id' },
  { kind: 'range', name: 'assessment_ref', label: ASSESSMENTS_LABEL, property: 'ref' },
];

/** A backquoted name; a backquote inside is doubled, as Cypher escapes it. */
export function cypherName(name: string): string {
  return `\`${name.replace(/`/g, '``')}\``;
}

/** The schema command for one item, idempotent (IF NOT EXISTS), as a driver runs it. */
export function schemaCommand(item: SchemaItem): string {
  switch (item.kind) {
    case 'unique':
      return `CREATE CONSTRAINT ${cypherName(item.name)} IF NOT EXISTS FOR (n:${cypherName(item.label)}) REQUIRE n.${cypherName(item.property)} IS UNIQUE`;
    case 'range':
      return `CREATE INDEX ${cypherName(item.name)} IF NOT EXISTS FOR (n:${cypherName(item.label)}) ON (n.${cypherName(item.property)})`;
    case 'text':
      return `CREATE TEXT INDEX ${cypherName(item.name)} IF NOT EXISTS FOR (n:${cypherName(item.label)}) ON (n.${cypherName(item.property)})`;
    case 'fulltext':
      return `CREATE FULLTEXT INDEX ${cypherName(item.name)} IF NOT EXISTS FOR (n:${item.labels.map(cypherName).join('|')}) ON EACH [${item.properties.map((p) => `n.${cypherName(p)}`).join(', ')}] OPTIONS {indexConfig: {\`fulltext.analyzer\`: '${item.analyzer}'}}`;
  }
}

/** The same command as a script line, ending ";". */
export function schemaStatement(item: SchemaItem): string {
  return `${schemaCommand(item)};`;
}
