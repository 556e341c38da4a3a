import { mkdirSync, writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { expect, inject } from 'vitest';
import { ensureEventsSchema } from '../../graph/events/event-store';
import { type Graph, openGraph } from '../../graph/graph';
import { readCuratedEvents, seedEvents } from '../../scripts/seed-events';
import { readSeedInputs } from '../../scripts/seed-inputs';
import { removeAnalystsData } from '../support/analysts-data';

/** The app the e2e set-up started, for the helpers that ask its API. */
const url = inject('appUrl');

/** The shared test database with the curated events loaded, the same steps `npm run seed` takes. */
export async function openGraphWithEvents(): Promise<Graph> {
  const graph = openGraph(inject('neo4j'));
  await ensureEventsSchema(graph);
  await seedEvents(graph, readCuratedEvents(readSeedInputs().model), () => {});
  return graph;
}

/** Removes what the tests wrote as analysts (the database is shared by every file) and closes. */
export async function closeGraphWithEvents(graph: Graph | undefined): Promise<void> {
  if (!graph) return;
  await removeAnalystsData(graph);
  await graph.close();
}

/** Keeps a file when KIZUNA_SCREENS names a folder, for looking at the pages and exports by eye. */
export function keepIfAsked(fileName: string, bytes: Uint8Array): void {
  const folder = process.env.KIZUNA_SCREENS;
  if (!folder) return;
  mkdirSync(folder, { recursive: true });
  writeFileSync(`${folder}/${fileName}`, bytes);
}

/** A screenshot of the page, kept when KIZUNA_SCREENS is set. */
export async function screenshotIfAsked(page: Page, name: string): Promise<void> {
  if (process.env.KIZUNA_SCREENS) keepIfAsked(`${name}.png`, await page.screenshot());
}

export interface ApiEvent {
  id: string;
  version: number;
  title_en: string;
  date: string;
  date_start: string;
  advances: { ref: string }[];
  deleted: boolean;
}

/** Every element matching the selector lies wholly inside the viewport's width. */
export async function expectInsideWidth(page: Page, selector: string, what: string): Promise<void> {
  const width = page.viewportSize()!.width;
  const boxes = await page.locator(selector).evaluateAll((els) =>
    els
      .filter((el) => el.getClientRects().length > 0)
      .map((el) => {
        const r = el.getBoundingClientRect();
        return { left: r.left, right: r.right };
      }),
  );
  expect(boxes.length, what).toBeGreaterThan(0);
  for (const b of boxes) {
    expect(b.left, what).toBeGreaterThanOrEqual(-1);
    expect(b.right, what).toBeLessThanOrEqual(width + 1);
  }
}

export async function apiEvents(query = ''): Promise<ApiEvent[]> {
  const res = await fetch(`${url}/api/events?limit=1000${query}`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { events: ApiEvent[] }).events;
}
