import type { Orientation, PaperName } from '../../core/model/paper';
import { api } from '../api';
import { implementationApi } from '../implementation/implementation-api';
import { eventsApi } from '../timeline/events-api';
import type { DataSource } from './data-source';

const eventsParam = (withEvents: boolean) => (withEvents ? '' : '&events=false');

/** SVG pages printed to a PDF by the server (the only print engine the live app has). */
async function printPdf(
  svgs: string[],
  title: string,
  paper: PaperName,
  orientation: Orientation,
): Promise<Blob> {
  const response = await fetch('/api/render/pdf', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ pages: svgs, title, page: paper, orientation }),
  });
  if (!response.ok) {
    const problem = (await response.json().catch(() => ({}))) as { detail?: string };
    throw new Error(problem.detail ?? response.statusText);
  }
  return response.blob();
}

/** The live app: every answer from Kizuna's API, as the explorer has always read it. */
export function liveSource(): DataSource {
  return {
    edition: 'live',
    manifest: () => Promise.resolve(null),
    health: api.health,
    wholePlan: api.wholePlan,
    node: api.node,
    neighbours: api.neighbours,
    paths: api.paths,
    search: api.search,
    events: eventsApi.list,
    session: eventsApi.session,
    standings: implementationApi.standings,
    history: implementationApi.history,
    writes: {
      signIn: eventsApi.signIn,
      signOut: eventsApi.signOut,
      createEvent: eventsApi.create,
      updateEvent: eventsApi.update,
      removeEvent: eventsApi.remove,
      restoreEvent: eventsApi.restore,
      assess: implementationApi.assess,
    },
    bundleUrl: (lang, withEvents) => `/api/export/bundle?lang=${lang}${eventsParam(withEvents)}`,
    serverExports: {
      wholeGraphUrl: (format, lang, withEvents) =>
        `/api/export?format=${format}&lang=${lang}${eventsParam(withEvents)}`,
      printPdf,
    },
  };
}
