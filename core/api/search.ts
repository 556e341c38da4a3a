import { z } from 'zod';
import { NODE_LABELS } from '../model/graph-model';
import { intParam, listOf } from './params';

export const searchQuery = z
  .object({
    q: z
      .string({ error: 'is required' })
      .trim()
      .min(1, 'must not be empty')
      .max(200, 'must be at most 200 characters')
      .meta({
        description:
          'Japanese or English; any width (ＥＰＡ/EPA, ｶｰﾝ/カーン) and kana (かーん/カーン)',
      }),
    kinds: listOf(NODE_LABELS, 'kind').meta({ description: 'Only these kinds' }),
    limit: intParam(1, 50, 20).meta({ description: 'Most results (at most 50)' }),
  })
  .strict();

export type SearchQuery = z.infer<typeof searchQuery>;

export const searchResult = z
  .object({
    id: z.string(),
    kind: z.string(),
    name_ja: z.string(),
    name_en: z.string(),
    ref: z.string().nullable(),
    field: z
      .string()
      .meta({ description: 'Where the match is: name_ja, name_en, aliases, ref, title_*, text_*' }),
    snippet: z.string(),
    score: z.number(),
  })
  .meta({ id: 'SearchResult' });

export const searchResponse = z
  .object({
    query: z.string(),
    variants: z.array(z.string()).meta({
      description: 'Other spellings and synonyms of the query’s words that were also looked for',
    }),
    notNamedInPlan: z.boolean().meta({
      description:
        'The query names something (JICA, World Bank, 国際協力機構) that nothing in the plan names: the results are then only the closest matches, not answers',
    }),
    results: z.array(searchResult),
  })
  .meta({ id: 'SearchResults' });

export type SearchResponse = z.infer<typeof searchResponse>;

export type SearchResult = z.infer<typeof searchResult>;
