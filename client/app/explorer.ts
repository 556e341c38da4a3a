import type { Canvas } from '../canvas/canvas';
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
