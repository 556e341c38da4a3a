import { describe, expect, it } from 'vitest';
import { embedSnippet, embedUrl, fullViewUrl, pageAddress } from '../../client/model/embed-link';
import { actions, initialState } from '../../client/model/state';
import { decodeState, encodeState } from '../../client/model/url-state';
import { DATASET_VERSION } from '../../core/dataset';

const V = DATASET_VERSION;
const dv = `dv=${encodeURIComponent(V)}`;

describe('the embed flag in the link', () => {
  it('is written as embed=1, read back, and absent by default', () => {
    const s = { ...actions.setTab(initialState('en'), 'underpins'), embed: true };
    expect(encodeState(initialState('en'), V)).not.toContain('embed');
    expect(encodeState(s, V)).toBe(`${dv}&lang=en&tab=underpins&embed=1`);
    expect(decodeState(`#${encodeState(s, V)}`, 'ja')).toEqual({
      state: s,
      problems: [],
      version: V,
    });
    expect(decodeState('#lang=en&embed=0', 'ja').state.embed).toBe(false);
  });

  it('is kept when the view changes inside the embed', () => {
    let s = decodeState('#lang=ja&tab=underpins&embed=1', 'en').state;
    s = actions.select(s, 'jp-mn-2022/I.3.2');
    s = actions.setLanguage(s, 'en');
    s = actions.setTab(s, 'graph');
    const back = decodeState(encodeState(s, V), 'ja');
    expect(back.state.embed).toBe(true);
    expect(back.state.selected).toBe('jp-mn-2022/I.3.2');
  });

  it('names a value it does not understand and leaves the full app', () => {
    const bad = decodeState('#lang=en&embed=yes', 'en');
    expect(bad.problems).toEqual(['malformed embed "yes" (1 or 0)']);
    expect(bad.state.embed).toBe(false);
  });
});

describe('embed links and snippet', () => {
  const page = pageAddress('https://kizuna.example.org/app/index.html#lang=en&sel=x');
  const view = actions.setTab(initialState('en'), 'underpins');

  it('point at the same page and view, with and without the flag', () => {
    expect(page).toBe('https://kizuna.example.org/app/index.html');
    expect(embedUrl(view, page, V)).toBe(`${page}#${dv}&lang=en&tab=underpins&embed=1`);
    // Opened from inside an embed, the full view drops the flag and keeps the rest.
    expect(fullViewUrl({ ...view, embed: true }, page, V)).toBe(
      `${page}#${dv}&lang=en&tab=underpins`,
    );
  });

  it('is an iframe of 600×400 with a lazy load and an escaped title', () => {
    const snippet = embedSnippet(view, page, V, 'What "underpins" <what> & why');
    expect(snippet).toBe(
      `<iframe src="${page}#${dv}&amp;lang=en&amp;tab=underpins&amp;embed=1" width="600" height="400" title="What &quot;underpins&quot; &lt;what&gt; &amp; why" loading="lazy"></iframe>`,
    );
  });

  it('works from a published copy opened as a file', () => {
    const file = pageAddress('file:///home/me/kizuna-site/index.html#lang=ja');
    expect(embedUrl(initialState('ja'), file, V)).toBe(
      `file:///home/me/kizuna-site/index.html#${dv}&lang=ja&embed=1`,
    );
  });
});
