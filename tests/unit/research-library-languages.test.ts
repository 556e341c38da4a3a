import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ResearchQuery } from '../../client/workbench/model/cypher-types';
import type { Lang } from '../../client/workbench/model/state';
import { libraryList } from '../../client/workbench/views/library-list';
import { RESEARCH_QUERIES } from '../../server/routes/cypher/research-queries';

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

describe('the research library in both languages', () => {
  it('gives every query a Japanese description besides its English one', () => {
    expect(RESEARCH_QUERIES.length).toBeGreaterThan(0);
    for (const q of RESEARCH_QUERIES) {
      expect(q.description, q.id).not.toBe('');
      expect(q.description_ja, q.id).not.toBe('');
      expect(q.description_ja, q.id).toMatch(JAPANESE);
      expect(q.description_ja, q.id).not.toBe(q.description);
    }
  });
});

/**
 * Just enough of a document for views/dom.ts's h(): elements with attributes, children and
 * text. No DOM library: the view only creates elements and text nodes.
 */
class FakeNode {
  children: FakeNode[] = [];
  attributes: Record<string, string> = {};
  className = '';
  constructor(
    readonly tag: string | null,
    readonly text = '',
  ) {}
  setAttribute(name: string, value: string) {
    this.attributes[name] = value;
  }
  addEventListener() {}
  appendChild(child: FakeNode) {
    this.children.push(child);
    return child;
  }
  get textContent(): string {
    return this.tag === null ? this.text : this.children.map((c) => c.textContent).join('');
  }
  all(className: string): FakeNode[] {
    const own = this.className === className ? [this] : [];
    return [...own, ...this.children.flatMap((c) => c.all(className))];
  }
}

describe('the library list', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  function descriptions(lang: Lang): string[] {
    vi.stubGlobal('document', {
      createElement: (tag: string) => new FakeNode(tag),
      createTextNode: (text: string) => new FakeNode(null, text),
    });
    const list = libraryList(
      // The server types params as unknown values; the client as the JSON values they are.
      { status: 'ready', queries: RESEARCH_QUERIES as ResearchQuery[] },
      lang,
      () => {},
    ) as unknown as FakeNode;
    return list.all('description').map((p) => p.textContent);
  }

  it('shows the Japanese descriptions when the workbench is in Japanese', () => {
    expect(descriptions('ja')).toEqual(RESEARCH_QUERIES.map((q) => q.description_ja));
  });

  it('shows the English descriptions when it is in English', () => {
    expect(descriptions('en')).toEqual(RESEARCH_QUERIES.map((q) => q.description));
  });
});
