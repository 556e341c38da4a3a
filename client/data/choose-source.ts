import { SOURCE_META } from '../../core/published/site-files';
import type { DataSource } from './data-source';
import { liveSource } from './live-source';
import { publishedSource } from './published-source';

/**
 * The data source for this page, chosen once at start: a published copy's index.html
 * carries <meta name="kizuna-data"> (written by npm run publish), the live app's does not.
 */
export function chooseSource(page: Pick<Document, 'querySelector' | 'baseURI'>): DataSource {
  const published = page.querySelector(`meta[name="${SOURCE_META}"]`);
  return published ? publishedSource(page.baseURI) : liveSource();
}
