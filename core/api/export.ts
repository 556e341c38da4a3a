import { z } from 'zod';
import { EXPORT_FORMAT_NAMES } from '../formats/export-formats';
import { EVENT_RELATIONSHIP_TYPES } from '../model/event-fields';
import { graphQuery } from './graph';

const LANGUAGES = ['ja', 'en'] as const;

function oneOf<const T extends readonly [string, ...string[]]>(values: T, what: string) {
  return z.enum(values, {
    error: (issue) =>
      issue.input === undefined
        ? `is required: one of ${values.join(', ')}`
        : `unknown ${what} ${JSON.stringify(issue.input)}; expected one of ${values.join(', ')}`,
  });
}

/**
 * The view's own parameters (GET /api/graph: filters, limit, positions), plus what to write
 * and in which language to label it.
 */
export const exportQuery = graphQuery.extend({
  format: oneOf(EXPORT_FORMAT_NAMES, 'format').meta({
    description:
      'graphml (yEd, Gephi, Cytoscape), gexf (Gephi), csv-nodes and csv-relationships (neo4j-admin database import), csvw (a zip of typed CSV tables, nodes.csv and relationships.csv, with their CSV on the Web metadata csv-metadata.json: datatypes, the null marker \\N, keys, licence), cypher (a script that recreates the view, its constraints and full-text indexes), cyjs (Cytoscape desktop and Cytoscape.js), json (plain JSON), jsonld (JSON-LD, its context inline). Every file carries the dataset version, fingerprint, citation and source URL (neo4j-admin CSV: in its name only; GET /api/export/bundle has them with a manifest)',
  }),
  lang: oneOf(LANGUAGES, 'language')
    .default('en')
    .meta({ description: 'Language of node labels; both languages are always exported' }),
  events: z
    .enum(['true', 'false'], { error: 'must be true or false' })
    .default('true')
    .transform((v) => v === 'true')
    .meta({
      description: `false: leave out the dated events (curated and analysts', label Event, not deleted) and their ${EVENT_RELATIONSHIP_TYPES.join(', ')} relationships. Included by default; a filtered view keeps the events linked to its nodes`,
    }),
});

export type ExportQuery = z.infer<typeof exportQuery>;

/** The dataset bundle: the view's filters (none: the whole dataset) and the label language. */
export const bundleQuery = exportQuery.omit({ format: true });

export type BundleQuery = z.infer<typeof bundleQuery>;
