import { h } from '../../views/dom';
import type { GraphSchema } from '../model/cypher-types';
import type { Lang } from '../model/state';
import { t } from './labels';

/** A name as Cypher writes it: in backticks when it is not a plain identifier. */
const cypherName = (name: string) =>
  /^[\p{L}_][\p{L}\p{N}_]*$/u.test(name) ? name : `\`${name.replace(/`/g, '``')}\``;

/** How many labels and relationship types use each property key. */
function keyUse(schema: GraphSchema): Map<string, number> {
  const use = new Map<string, number>(schema.propertyKeys.map((k) => [k, 0]));
  for (const owner of [...schema.labels, ...schema.relationshipTypes])
    for (const p of owner.properties) use.set(p.name, (use.get(p.name) ?? 0) + 1);
  return use;
}

function section(
  title: string,
  kind: string,
  items: { name: string; insert: string; count: number }[],
  lang: Lang,
  insert: (text: string) => void,
): HTMLElement {
  return h(
    'section',
    { className: 'schema-section', 'data-test': `schema-${kind}` },
    h('h2', {}, title),
    h(
      'ul',
      { className: 'schema-items' },
      ...items.map((item) =>
        h(
          'li',
          {},
          h(
            'button',
            {
              type: 'button',
              className: `schema-item schema-${kind}`,
              'data-insert': item.insert,
              onclick: () => insert(item.insert),
            },
            h('span', { className: 'schema-name' }, item.insert),
            h('span', { className: 'schema-count' }, item.count.toLocaleString(lang)),
          ),
        ),
      ),
    ),
  );
}

/**
 * The schema sidebar: labels, relationship types and property keys with their counts, each a
 * button that puts its name in the editor at the cursor; and the schema drawn as a graph.
 */
export function schemaList(
  schema: GraphSchema | null,
  lang: Lang,
  on: { insert(text: string): void; drawSchema(): void },
): HTMLElement {
  if (!schema) return h('p', { className: 'muted' }, t(lang, 'schemaLoading'));
  const use = keyUse(schema);
  return h(
    'div',
    { className: 'schema-list' },
    h('p', { className: 'hint' }, t(lang, 'schemaHint')),
    h(
      'button',
      { type: 'button', id: 'draw-schema', onclick: () => on.drawSchema() },
      t(lang, 'drawSchema'),
    ),
    section(
      t(lang, 'labels'),
      'label',
      schema.labels.map((l) => ({
        name: l.label,
        insert: `:${cypherName(l.label)}`,
        count: l.count,
      })),
      lang,
      on.insert,
    ),
    section(
      t(lang, 'relationshipTypes'),
      'type',
      schema.relationshipTypes.map((r) => ({
        name: r.type,
        insert: `:${cypherName(r.type)}`,
        count: r.count,
      })),
      lang,
      on.insert,
    ),
    section(
      t(lang, 'propertyKeys'),
      'key',
      [...use].map(([key, count]) => ({ name: key, insert: cypherName(key), count })),
      lang,
      on.insert,
    ),
  );
}
