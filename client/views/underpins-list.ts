import { html, nothing, type TemplateResult } from 'lit-html';
import type { EdgeData, NodeData } from '../api';
import { currentStatus } from '../model/agreement-milestones';
import type { Lang } from '../model/state';
import { datedStatus, propertyValue, t, type Word } from './labels';

export interface UnderpinsGroup {
  agreement: string;
  links: { commitment: string; evidence: string | null }[];
}

const SECTIONS: { type: string; title: Word; test: string }[] = [
  { type: 'UNDERPINS', title: 'underpinsInForce', test: 'underpins-list' },
  { type: 'WORKS_TOWARDS', title: 'worksTowards', test: 'works-towards-list' },
  { type: 'REFERS_TO', title: 'refersTo', test: 'refers-to-list' },
];

/**
 * Each agreement with the commitments it underpins (UNDERPINS: agreement → commitment),
 * or that work towards it or refer to it (commitment → agreement), one entry per pair,
 * commitments in the plan's order. Only nodes the view shows are listed.
 */
export function groupAgreementLinks(
  edges: EdgeData[],
  type: string,
  shown: Set<string>,
  refOf: (id: string) => string,
): UnderpinsGroup[] {
  const groups = new Map<string, Map<string, string | null>>();
  for (const e of edges) {
    if (e.type !== type) continue;
    const [agreement, commitment] =
      type === 'UNDERPINS' ? [e.source, e.target] : [e.target, e.source];
    if (!shown.has(agreement) || !shown.has(commitment)) continue;
    const links = groups.get(agreement) ?? new Map<string, string | null>();
    if (!links.has(commitment))
      links.set(commitment, typeof e.evidence === 'string' ? e.evidence : null);
    groups.set(agreement, links);
  }
  const byRef = (a: string, b: string) => refOf(a).localeCompare(refOf(b), 'en', { numeric: true });
  return [...groups.entries()]
    .map(([agreement, links]) => ({
      agreement,
      links: [...links.entries()]
        .map(([commitment, evidence]) => ({ commitment, evidence }))
        .sort((a, b) => byRef(a.commitment, b.commitment)),
    }))
    .sort((a, b) => byRef(a.links[0]!.commitment, b.links[0]!.commitment));
}

/** "What underpins what" as a list beside its diagram: in force, worked towards, referred to, each kept apart. */
export function underpinsListTemplate(
  edges: EdgeData[],
  shown: Set<string>,
  nodeOf: (id: string) => NodeData | undefined,
  lang: Lang,
  onSelect: (id: string) => void,
): TemplateResult {
  const name = (id: string) => {
    const n = nodeOf(id);
    return n ? String(lang === 'ja' ? n.name_ja : n.name_en) : id;
  };
  const refOf = (id: string) => String(nodeOf(id)?.ref ?? id);
  return html`<h2>${t(lang, 'underpinsTitle')}</h2>
    ${SECTIONS.map(({ type, title, test }) => {
      const groups = groupAgreementLinks(edges, type, shown, refOf);
      if (!groups.length) return nothing;
      return html`<section class="agreement-links ${type}">
        <h3>${t(lang, title)}</h3>
        <ul data-test=${test}>
          ${groups.map((g) => {
            const node = nodeOf(g.agreement);
            const now = node ? currentStatus(node as Record<string, unknown>) : undefined;
            return html`<li data-agreement=${g.agreement}>
              <button type="button" class="link agreement" @click=${() => onSelect(g.agreement)}>
                ${name(g.agreement)}</button
              >${
                now
                  ? html`<span class="status-tag" data-status=${now.status}
                    >${datedStatus(propertyValue('status', now.status, lang), now, lang)}</span
                  >`
                  : nothing
              }
              <ul>
                ${g.links.map(
                  (l) => html`<li data-commitment=${l.commitment}>
                    <button type="button" class="link" @click=${() => onSelect(l.commitment)}>
                      <span class="ref">${refOf(l.commitment)}</span> ${name(l.commitment)}
                    </button>
                    ${l.evidence ? html`<q lang="ja">${l.evidence}</q>` : nothing}
                  </li>`,
                )}
              </ul>
            </li>`;
          })}
        </ul>
      </section>`;
    })}`;
}
