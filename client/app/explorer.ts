import type { PublishedManifest } from '../../core/published/site-files';
import type { Canvas } from '../canvas/canvas';
import type { DataSource } from '../data/data-source';
import type { ImplementationUi } from '../implementation/implementation-ui';
import type { EventsUi } from '../timeline/events-ui';
import type { mountSavedViews } from '../views/saved-views';
import type { mountSearchBox } from '../views/search-box';
import type { PanelActions } from '../views/side-panel';
import type { mountTable } from '../views/table-view';
import type { CanvasKeys } from './canvas-keys';
import type { PageElements } from './page-elements';
import type { Store } from './store';

/** The explorer's parts, wired together once in main.ts and handed to the modules that act on them. */
export interface Explorer {
  /** Where the data comes from: the live API or a published copy's files (chosen at start). */
  data: DataSource;
  /** A published copy's manifest once read (the footer names its dataset version); else null. */
  published: PublishedManifest | null;
  store: Store;
  page: PageElements;
  canvas: Canvas;
  events: EventsUi;
  implementation: ImplementationUi;
  table: ReturnType<typeof mountTable>;
  searchBox: ReturnType<typeof mountSearchBox>;
  savedViews: ReturnType<typeof mountSavedViews>;
  panelActions: PanelActions;
  keys: CanvasKeys;
}
