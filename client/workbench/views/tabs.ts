import { h } from '../../views/dom';

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
): HTMLElement {
  const list = h('div', { role: 'tablist', 'aria-label': label, className: 'tabs' });
  const move = (from: number, to: number) => {
    const next = tabs[(to + tabs.length) % tabs.length];
    if (!next || to === from) return;
    choose(next.key);
    document.getElementById(`${idPrefix}-${next.key}`)?.focus();
  };
  tabs.forEach((tab, i) => {
    const chosen = tab.key === selected;
    list.append(
      h(
        'button',
        {
          type: 'button',
          role: 'tab',
          id: `${idPrefix}-${tab.key}`,
          'aria-selected': String(chosen),
          'aria-controls': tab.controls,
          tabindex: chosen ? 0 : -1,
          onclick: () => choose(tab.key),
          onkeydown: (e: Event) => {
            const key = (e as KeyboardEvent).key;
            const to =
              key === 'ArrowRight'
                ? i + 1
                : key === 'ArrowLeft'
                  ? i - 1
                  : key === 'Home'
                    ? 0
                    : key === 'End'
                      ? tabs.length - 1
                      : null;
            if (to === null) return;
            e.preventDefault();
            move(i, to);
          },
        },
        tab.label,
      ),
    );
  });
  return list;
}
