import { h } from '../../views/dom';
import {
  type GraphNode,
  type GraphRelationship,
  isGraphNode,
  isGraphPath,
  isGraphRelationship,
  type Plain,
  type PlanNode,
  type Row,
  type StatementResult,
} from '../model/cypher-types';
import type { Lang } from '../model/state';
import { t } from './labels';

const count = (value: number | null, lang: Lang) =>
  value === null ? '—' : value.toLocaleString(lang);

/** An EXPLAIN or PROFILE plan as a nested list, root first, as Neo4j Browser draws it. */
export function planTree(plan: PlanNode, lang: Lang): HTMLElement {
  const item = (node: PlanNode): HTMLElement => {
    const figures = [`${t(lang, 'estimatedRows')} ${count(node.estimatedRows, lang)}`];
    if (node.rows !== null) figures.push(`${t(lang, 'actualRows')} ${count(node.rows, lang)}`);
    if (node.dbHits !== null) figures.push(`${t(lang, 'dbHits')} ${count(node.dbHits, lang)}`);
    return h(
      'li',
      { 'data-test': 'plan-operator' },
      h(
        'div',
        { className: 'plan-op' },
        h('strong', { className: 'plan-name' }, node.operator),
        h('span', { className: 'plan-figures' }, figures.join(' · ')),
        node.details ? h('code', { className: 'plan-details' }, node.details) : null,
      ),
      node.children.length > 0 ? h('ul', {}, ...node.children.map(item)) : null,
    );
  };
  return h(
    'section',
    { className: 'plan', 'data-test': 'plan', 'aria-label': t(lang, 'plan') },
    h('h3', {}, t(lang, 'plan')),
    h('ul', { className: 'plan-tree' }, item(plan)),
  );
}

/** A script's statements, each with its row count; the chosen one is shown below. */
export function statementList(
  results: StatementResult[],
  shown: number,
  lang: Lang,
  choose: (index: number) => void,
): HTMLElement {
  return h(
    'nav',
    { className: 'statements', 'aria-label': t(lang, 'statements'), 'data-test': 'statements' },
    h(
      'ol',
      {},
      ...results.map((r, i) =>
        h(
          'li',
          {},
          h(
            'button',
            {
              type: 'button',
              className: 'statement-link',
              'aria-current': i === shown ? 'true' : 'false',
              onclick: () => choose(i),
            },
            `${(r.statement ?? '').trim().split('\n')[0]!.slice(0, 60)} — ${r.mode ?? `${r.rows.length.toLocaleString(lang)}`}`,
          ),
        ),
      ),
    ),
  );
}

export type GraphElement = GraphNode | GraphRelationship;

/** Every node and relationship a result holds (inside paths, lists and maps too), by elementId. */
export function elementsOf(rows: Row[], into = new Map<string, GraphElement>()) {
  const stack: Plain[] = rows.flatMap((row) => Object.values(row));
  while (stack.length > 0) {
    const value = stack.pop()!;
    if (isGraphNode(value) || isGraphRelationship(value)) into.set(value.elementId, value);
    else if (isGraphPath(value)) {
      for (const s of value.segments) stack.push(s.start, s.relationship, s.end);
      stack.push(value.start, value.end);
    } else if (Array.isArray(value)) stack.push(...value);
    else if (value && typeof value === 'object') stack.push(...Object.values(value));
  }
  return into;
}

/** Japanese script: the plan's own text, marked as Japanese for readers and screen readers. */
const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

const dd = (key: string, text: string) =>
  h('dd', { 'data-key': key, ...(JAPANESE.test(text) && { lang: 'ja' }) }, text);

const propertyText = (value: Plain) =>
  typeof value === 'string' ? value : value === null ? '' : JSON.stringify(value);

/**
 * Everything about one node or relationship: labels or type, elementId and every property
 * (evidence included), as text. Nodes offer to expand their neighbours into the result graph.
 */
export function inspector(
  element: GraphElement,
  lang: Lang,
  on: { close(): void; expand?(): void },
): HTMLElement {
  const heading =
    element.$type === 'node' ? `(:${element.labels.join(':')})` : `[:${element.type}]`;
  const keys = Object.keys(element.properties).sort();
  return h(
    'section',
    { className: 'inspector', 'data-test': 'inspector', 'aria-label': t(lang, 'inspector') },
    h(
      'div',
      { className: 'inspector-bar' },
      h('h3', {}, `${t(lang, 'inspector')} ${heading}`),
      element.$type === 'node' && on.expand
        ? h('button', { type: 'button', id: 'expand', onclick: on.expand }, t(lang, 'expand'))
        : null,
      h('button', { type: 'button', onclick: on.close }, t(lang, 'closeInspector')),
    ),
    h(
      'dl',
      {},
      h('dt', {}, 'elementId'),
      h('dd', {}, element.elementId),
      ...keys.flatMap((key) => [
        h('dt', {}, key),
        dd(key, propertyText(element.properties[key] ?? null)),
      ]),
    ),
  );
}
