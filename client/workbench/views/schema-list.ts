import { html, type TemplateResult } from 'lit-html';
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
): TemplateResult {
  return html`<section class="schema-section" data-test="schema-${kind}"
    ><h2>${title}</h2
    ><ul class="schema-items">${items.map(
      (item) =>
        html`<li><button
            type="button"
            class="schema-item schema-${kind}"
            data-insert=${item.insert}
            @click=${() => insert(item.insert)}
          ><span class="schema-name">${item.insert}</span
          ><span class="schema-count">${item.count.toLocaleString(lang)}</span></button></li>`,
    )}</ul></section
  >`;
}

/**
 * The schema sidebar: labels, relationship types and property keys with their counts, each a
 * button that puts its name in the editor at the cursor; and the schema drawn as a graph.
 */
export function schemaList(
  schema: GraphSchema | null,
  lang: Lang,
  on: { insert(text: string): void; drawSchema(): void },
): TemplateResult {
  if (!schema) return html`<p class="muted">${t(lang, 'schemaLoading')}</p>`;
  const use = keyUse(schema);
  return html`<div class="schema-list"
    ><p class="hint">${t(lang, 'schemaHint')}</p
    ><button type="button" id="draw-schema" @click=${() => on.drawSchema()}>${t(lang, 'drawSchema')}</button
    >${section(
      t(lang, 'labels'),
      'label',
      schema.labels.map((l) => ({
        name: l.label,
        insert: `:${cypherName(l.label)}`,
        count: l.count,
      })),
      lang,
      on.insert,
    )}${section(
      t(lang, 'relationshipTypes'),
      'type',
      schema.relationshipTypes.map((r) => ({
        name: r.type,
        insert: `:${cypherName(r.type)}`,
        count: r.count,
      })),
      lang,
      on.insert,
    )}${section(
      t(lang, 'propertyKeys'),
      'key',
      [...use].map(([key, count]) => ({ name: key, insert: cypherName(key), count })),
      lang,
      on.insert,
    )}</div
  >`;
}
