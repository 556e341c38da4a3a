import { html, nothing, render as renderInto } from 'lit-html';
import type { SearchResponse } from '../../core/api/search';
import type { SearchResult } from '../api';
import type { Lang } from '../model/state';
import { kindName, t, tf } from './labels';

/**
 * The search box: suggestions from the plan's search (the data source's) as the user types (Japanese or English,
 * any width or kana), arrow keys to move, Enter to choose, Escape to close (and again to
 * clear it and leave). "/" anywhere focuses it.
 */
export function mountSearchBox(
  el: HTMLElement,
  /** The plan's search: the API's, or the same code over a published copy's files. */
  search: (q: string, signal: AbortSignal) => Promise<SearchResponse>,
  getLang: () => Lang,
  choose: (id: string) => void,
  /** Results found in the page itself (events), shown as a group of their own after the plan's. */
  local: (q: string, lang: Lang) => SearchResult[] = () => [],
  /** Escape with no suggestions open: the keyboard leaves the box (for the canvas). */
  leave: () => void = () => {},
  /** Opens the plan's results (not the events) as a list: the table restricted to them. */
  openList: (q: string, ids: string[]) => void = () => {},
): { setLang(lang: Lang): void } {
  renderInto(
    html`<input
        type="search"
        id="search"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded="false"
        aria-controls="search-results"
        autocomplete="off"
        aria-label=${t(getLang(), 'search')}
      /><ul
        id="search-results"
        role="listbox"
        class="suggestions"
        hidden
        aria-label=${t(getLang(), 'searchLabel')}
      ></ul
      ><p class="no-results" role="status" data-test="no-results" hidden></p
      ><p class="search-count" data-test="search-count" hidden
        ><span></span
        ><button
          type="button"
          class="list-button"
          data-test="search-list"
          @mousedown=${(e: Event) => e.preventDefault()}
          @click=${() => listResults()}
        ></button
      ></p>`,
    el,
  );
  const input = el.querySelector<HTMLInputElement>('#search')!;
  const list = el.querySelector<HTMLUListElement>('#search-results')!;
  const none = el.querySelector<HTMLElement>('.no-results')!;
  const count = el.querySelector<HTMLElement>('.search-count')!;
  const fitter = placeholderFitter(input);
  /** The language the placeholder was last fitted in. */
  let fittedLang: Lang | null = null;
  const fitPlaceholder = (lang: Lang) => {
    fittedLang = lang;
    fitter(lang);
  };
  fitPlaceholder(getLang());
  new ResizeObserver(() => fitPlaceholder(getLang())).observe(input);
  let results: SearchResult[] = [];
  let tried: { query: string; variants: string[]; notNamed: boolean } | null = null;
  let active = -1;
  let controller: AbortController | undefined;
  let timer: number | undefined;

  const planResults = () => results.filter((r) => r.field !== 'event');
  const listResults = () => {
    const ids = planResults().map((r) => r.id);
    if (!tried || !ids.length) return;
    const q = tried.query;
    close();
    openList(q, ids);
  };
  const close = () => {
    list.hidden = true;
    none.hidden = true;
    count.hidden = true;
    el.classList.remove('counted');
    input.setAttribute('aria-expanded', 'false');
    active = -1;
  };
  const render = () => {
    const lang = getLang();
    const firstLocal = results.findIndex((r) => r.field === 'event');
    // A name the plan never uses: said so above the closest matches, so none reads as an
    // answer (or, with nothing close, in place of them).
    const fromPlan = firstLocal >= 0 ? firstLocal : results.length;
    const note = tried?.notNamed
      ? t(lang, fromPlan > 0 ? 'notNamedInPlan' : 'notNamedNothingClose').replace(
          '{q}',
          tried.query,
        )
      : null;
    renderInto(
      html`${
        note !== null && results.length > 0
          ? html`<li role="presentation" id="search-note" class="note" data-test="not-named">${note}</li>`
          : nothing
      }${results.map(
        (r, i) =>
          html`${
            i === firstLocal
              ? html`<li role="presentation" class="group">${t(lang, 'eventsGroup')}</li>`
              : nothing
          }<li
            role="option"
            id="suggestion-${i}"
            aria-selected=${i === active ? 'true' : 'false'}
            class=${i === active ? 'active' : ''}
            data-id=${r.id}
            @mousedown=${(e: Event) => {
              e.preventDefault();
              pick(i);
            }}
          ><span class="kind">${kindName(r.kind, lang)}</span
          ><span class="name">${lang === 'ja' ? r.name_ja : r.name_en}</span
          >${r.ref ? html`<span class="ref">${r.ref}</span>` : nothing}<span class="snippet"
            >${r.snippet}</span
          ></li>`,
      )}`,
      list,
    );
    if (active >= 0) input.setAttribute('aria-activedescendant', `suggestion-${active}`);
    else input.removeAttribute('aria-activedescendant');
    list.hidden = results.length === 0;
    input.setAttribute('aria-expanded', String(results.length > 0));
    if (note !== null && results.length > 0) input.setAttribute('aria-describedby', 'search-note');
    else input.removeAttribute('aria-describedby');
    // How many of the plan's nodes were found, and a button to list them all.
    const found = planResults().length;
    count.hidden = found === 0;
    el.classList.toggle('counted', found > 0);
    count.querySelector('span')!.textContent = tf(lang, 'searchCount', { n: found });
    const button = count.querySelector('button')!;
    button.textContent = t(lang, 'list');
    button.title = t(lang, 'listTitle');
    // Nothing found: say so, and what was looked for besides the words typed.
    none.hidden = !(tried && results.length === 0);
    if (note !== null && results.length === 0) {
      none.textContent = note;
    } else if (tried && results.length === 0) {
      const others = tried.variants.filter((v) => v !== tried!.query);
      none.textContent = `${t(lang, 'noResults')} “${tried.query}”${others.length ? ` (${t(lang, 'triedAlso')}: ${others.join(', ')})` : ''}`;
    }
  };
  const pick = (i: number) => {
    const r = results[i];
    if (!r) return;
    input.value = getLang() === 'ja' ? r.name_ja : r.name_en;
    close();
    choose(r.id);
  };
  input.addEventListener('input', () => {
    window.clearTimeout(timer);
    const q = input.value.trim();
    if (!q) {
      results = [];
      tried = null;
      render();
      return;
    }
    timer = window.setTimeout(async () => {
      controller?.abort();
      controller = new AbortController();
      try {
        const answer = await search(q, controller.signal);
        results = [...answer.results, ...local(q, getLang())];
        tried = { query: q, variants: answer.variants, notNamed: answer.notNamedInPlan };
        active = results.length ? 0 : -1;
        render();
      } catch (error) {
        if ((error as Error).name !== 'AbortError') {
          results = [];
          render();
        }
      }
    }, 150);
  });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown') {
      active = Math.min(results.length - 1, active + 1);
      render();
      e.preventDefault();
    } else if (e.key === 'ArrowUp') {
      active = Math.max(0, active - 1);
      render();
      e.preventDefault();
    } else if (e.key === 'Enter') {
      pick(Math.max(active, 0));
      e.preventDefault();
    } else if (e.key === 'Escape') {
      // The first Escape closes the suggestions; the next clears what was typed (stale once a
      // result was chosen) and leaves the box, so Ctrl+Z is the app's undo again.
      e.preventDefault();
      if (!list.hidden || !none.hidden) close();
      else {
        input.value = '';
        results = [];
        tried = null;
        leave();
      }
    }
  });
  input.addEventListener('blur', () => window.setTimeout(close, 150));
  document.addEventListener('keydown', (e) => {
    const target = e.target as HTMLElement;
    const typingText =
      target.tagName === 'TEXTAREA' ||
      target.isContentEditable ||
      (target instanceof HTMLInputElement &&
        !['checkbox', 'radio', 'button'].includes(target.type));
    if (e.key === '/' && !typingText) {
      input.focus();
      e.preventDefault();
    }
  });
  return {
    setLang(lang) {
      // Every render calls this: measuring the box forced the page's layout mid-render each
      // time. A new size is refitted by the observer above; here only a new language.
      if (lang !== fittedLang) fitPlaceholder(lang);
      input.setAttribute('aria-label', t(lang, 'search'));
    },
  };
}

/** Sets the long placeholder where it fits the box, else the short one, so none is shown cut. */
function placeholderFitter(input: HTMLInputElement): (lang: Lang) => void {
  const context = document.createElement('canvas').getContext('2d');
  return (lang) => {
    const long = t(lang, 'search');
    const style = getComputedStyle(input);
    const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    if (context) context.font = style.font;
    const fits = !context || room <= 0 || context.measureText(long).width <= room;
    input.placeholder = fits ? long : t(lang, 'searchShort');
  };
}
