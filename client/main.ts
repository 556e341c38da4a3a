import { ApiError, getJson, type Health } from './api';

/** Builds a definition list from pairs; text goes in as text, never as HTML. */
function definitionList(pairs: [string, string][]): HTMLDListElement {
  const dl = document.createElement('dl');
  for (const [term, value] of pairs) {
    const dt = document.createElement('dt');
    dt.textContent = term;
    const dd = document.createElement('dd');
    dd.textContent = value;
    dl.append(dt, dd);
  }
  return dl;
}

async function showStatus(root: HTMLElement): Promise<void> {
  const box = document.createElement('section');
  box.className = 'status';
  box.textContent = 'Connecting to the graph database…';
  root.replaceChildren(box);
  try {
    const health = await getJson<Health>('/api/health');
    box.replaceChildren(
      definitionList([
        [
          'Database',
          `Neo4j ${health.database.version} (${health.database.edition}), database “${health.database.name}”`,
        ],
        [
          'Action Plan',
          health.plan.loaded
            ? `loaded (${health.plan.nodes} nodes)`
            : 'not loaded yet: run npm run seed',
        ],
      ]),
    );
  } catch (error) {
    box.classList.add('error');
    const message = error instanceof ApiError ? `${error.title}: ${error.message}` : String(error);
    box.textContent = message;
  }
}

const root = document.getElementById('app');
if (root) void showStatus(root);
