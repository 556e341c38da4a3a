import type cytoscape from 'cytoscape';
import { type UnderpinsLabels, underpinsLabels } from '../model/underpins-layout';
import type { CanvasContext } from './canvas-context';

export interface AgreementLabels {
  /** A node's full name in the page's language (its label may be a shortened one). */
  nameOf(id: string): string;
  /** The agreements' labels for the underpins diagram in `language` (cut to fit, never alike). */
  inLanguage(language: string): Record<string, string>;
  /** Labels and styles these agreements as the underpins layout cut their names. */
  apply(agreements: cytoscape.NodeCollection, cut: UnderpinsLabels): void;
  /** Gives a node back its usual label width and wrapping, if the underpins layout set them. */
  restore(node: cytoscape.NodeSingular): void;
}

/** A node's whole name in `language` (its label may be a ref or a shortened name). */
function fullName(n: cytoscape.NodeSingular, language: string): string {
  const name = language === 'ja' ? n.data('name_ja') : n.data('name_en');
  return String(name ?? n.data('label') ?? n.id());
}

/** The agreements' names as "what underpins what" draws them. */
export function createAgreementLabels(ctx: CanvasContext): AgreementLabels {
  const { cy } = ctx;
  /** Agreements given the underpins layout's label width and wrapping. */
  const underpinsLabelled = new Set<string>();
  /** How the underpins layout last drew agreements' names, and their labels in one language. */
  let agreementCut: { labels: UnderpinsLabels; lang: string; byId: Record<string, string> } | null =
    null;

  const nameOf = (id: string) => {
    const n = cy.getElementById(id);
    return n.empty() ? id : fullName(n, ctx.lang);
  };

  function inLanguage(language: string): Record<string, string> {
    if (!agreementCut) return {};
    if (agreementCut.lang !== language) {
      const names: Record<string, string> = {};
      cy.nodes('[kind = "Agreement"]').forEach((n) => {
        names[n.id()] = fullName(n, language);
      });
      agreementCut = {
        ...agreementCut,
        lang: language,
        byId: underpinsLabels(names, agreementCut.labels),
      };
    }
    return agreementCut.byId;
  }

  return {
    nameOf,
    inLanguage,
    apply(agreements, cut) {
      agreementCut = { labels: cut, lang: '', byId: {} };
      const labels = inLanguage(ctx.lang);
      cy.batch(() => {
        agreements.forEach((n) => {
          underpinsLabelled.add(n.id());
          const label = labels[n.id()] ?? nameOf(n.id());
          if (n.data('label') !== label) n.data('label', label);
          n.style({
            'text-max-width': `${cut.labelWidth}px`,
            'text-wrap': cut.wrap,
          });
        });
      });
    },
    restore(node) {
      if (underpinsLabelled.delete(node.id())) node.removeStyle('text-max-width text-wrap');
    },
  };
}
