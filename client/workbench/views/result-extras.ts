import { html, nothing, type TemplateResult } from 'lit-html';
import {
  type GraphNode,
  type GraphRelationship,
  isGraphNode,
  isGraphPath,
  isGraphRelationship,
  type Plain,
  type PlanNode,
  type ProfileTotals,
  type Row,
  type StatementResult,
} from '../model/cypher-types';
import type { Lang } from '../model/state';
import { t, type Word } from './labels';

const count = (value: number | null, lang: Lang) =>
  value === null ? '—' : value.toLocaleString(lang);

const DASH = '—';

/**
 * A PROFILE's totals as one compact line of figures; a figure Neo4j did not give is a dash
 * (the operators' own time, which Community's runtimes never report, is left out instead).
 */
export function profileTotalsLine(totals: ProfileTotals, lang: Lang): TemplateResult {
  const ms = (value: number | null) =>
    value === null ? DASH : `${value.toLocaleString(lang, { maximumFractionDigits: 3 })} ms`;
  const figures: [Word, string][] = [
    ['dbHits', count(totals.dbHits, lang)],
    ['rowsReturned', count(totals.rows, lang)],
    ['serverTime', ms(totals.serverTimeMs)],
    ...(totals.operatorTimeMs === null
      ? []
      : [['operatorTime', ms(totals.operatorTimeMs)] as [Word, string]]),
    ['pageCacheHits', count(totals.pageCacheHits, lang)],
    ['pageCacheMisses', count(totals.pageCacheMisses, lang)],
    [
      'pageCacheHitRatio',
      totals.pageCacheHitRatio === null
        ? DASH
        : totals.pageCacheHitRatio.toLocaleString(lang, {
            style: 'percent',
            maximumFractionDigits: 1,
          }),
    ],
    [
      'memory',
      totals.memoryBytes === null ? DASH : `${count(totals.memoryBytes, lang)} ${t(lang, 'bytes')}`,
    ],
  ];
  return html`<div class="plan-totals" data-test="plan-totals"
    ><h4>${t(lang, 'profileTotals')}</h4
    ><dl aria-label=${t(lang, 'profileTotals')}>${figures.map(
      ([word, value]) =>
        html`<div data-total=${word}><dt>${t(lang, word)}</dt><dd>${value}</dd></div>`,
    )}</dl></div
  >`;
}

/**
 * An EXPLAIN or PROFILE plan as a nested list, root first, as Neo4j Browser draws it; a
 * PROFILE's totals above it.
 */
export function planTree(
  plan: PlanNode,
  lang: Lang,
  totals: ProfileTotals | null = null,
): TemplateResult {
  const item = (node: PlanNode): TemplateResult => {
    const figures = [`${t(lang, 'estimatedRows')} ${count(node.estimatedRows, lang)}`];
    if (node.rows !== null) figures.push(`${t(lang, 'actualRows')} ${count(node.rows, lang)}`);
    if (node.dbHits !== null) figures.push(`${t(lang, 'dbHits')} ${count(node.dbHits, lang)}`);
    return html`<li data-test="plan-operator"><div class="plan-op"
        ><strong class="plan-name">${node.operator}</strong
        ><span class="plan-figures">${figures.join(' · ')}</span
        >${node.details ? html`<code class="plan-details">${node.details}</code>` : nothing}</div
      >${node.children.length > 0 ? html`<ul>${node.children.map(item)}</ul>` : nothing}</li>`;
  };
  return html`<section class="plan" data-test="plan" aria-label=${t(lang, 'plan')}
    ><h3>${t(lang, 'plan')}</h3
    >${totals ? profileTotalsLine(totals, lang) : nothing}<ul class="plan-tree">${item(plan)}</ul></section
  >`;
}

/** A script's statements, each with its row count; the chosen one is shown below. */
export function statementList(
  results: StatementResult[],
  shown: number,
  lang: Lang,
  choose: (index: number) => void,
): TemplateResult {
  return html`<nav class="statements" aria-label=${t(lang, 'statements')} data-test="statements"
    ><ol>${results.map(
      (r, i) =>
        html`<li><button
            type="button"
            class="statement-link"
            aria-current=${i === shown ? 'true' : 'false'}
            @click=${() => choose(i)}
          >${`${(r.statement ?? '').trim().split('\n')[0]!.slice(0, 60)} — ${r.mode ?? `${r.rows.length.toLocaleString(lang)}`}`}</button></li>`,
    )}</ol></nav
  >`;
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
  html`<dd data-key=${key} lang=${JAPANESE.test(text) ? 'ja' : nothing}>${text}</dd>`;

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
): TemplateResult {
  const heading =
    element.$type === 'node' ? `(:${element.labels.join(':')})` : `[:${element.type}]`;
  const keys = Object.keys(element.properties).sort();
  return html`<section class="inspector" data-test="inspector" aria-label=${t(lang, 'inspector')}
    ><div class="inspector-bar"
      ><h3>${`${t(lang, 'inspector')} ${heading}`}</h3
      >${
        element.$type === 'node' && on.expand
          ? html`<button type="button" id="expand" @click=${on.expand}>${t(lang, 'expand')}</button>`
          : nothing
      }<button type="button" @click=${on.close}>${t(lang, 'closeInspector')}</button></div
    ><dl
      ><dt>elementId</dt
      ><dd>${element.elementId}</dd
      >${keys.map((key) => html`<dt>${key}</dt>${dd(key, propertyText(element.properties[key] ?? null))}`)}</dl
    ></section
  >`;
}
