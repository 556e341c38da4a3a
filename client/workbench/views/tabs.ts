import { html, type TemplateResult } from 'lit-html';

export interface Tab<K extends string> {
  key: K;
  label: string;
  /** The id of the panel the tab shows. */
  controls: string;
}

/**
 * A WAI-ARIA tab list: the chosen tab is the one stop for Tab, arrow keys (and Home, End)
 * move between tabs and choose as they go.
 */
export function tabList<K extends string>(
  label: string,
  idPrefix: string,
  tabs: readonly Tab<K>[],
  selected: K,
  choose: (key: K) => void,
): TemplateResult {
  const move = (from: number, to: number) => {
    const next = tabs[(to + tabs.length) % tabs.length];
    if (!next || to === from) return;
    choose(next.key);
    document.getElementById(`${idPrefix}-${next.key}`)?.focus();
  };
  const onKey = (i: number) => (e: KeyboardEvent) => {
    const to =
      e.key === 'ArrowRight'
        ? i + 1
        : e.key === 'ArrowLeft'
          ? i - 1
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? tabs.length - 1
              : null;
    if (to === null) return;
    e.preventDefault();
    move(i, to);
  };
  return html`<div role="tablist" aria-label=${label} class="tabs">${tabs.map(
    (tab, i) =>
      html`<button
        type="button"
        role="tab"
        id="${idPrefix}-${tab.key}"
        aria-selected=${String(tab.key === selected)}
        aria-controls=${tab.controls}
        tabindex=${tab.key === selected ? 0 : -1}
        @click=${() => choose(tab.key)}
        @keydown=${onKey(i)}
      >${tab.label}</button>`,
  )}</div>`;
}
