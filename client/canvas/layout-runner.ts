import type { EdgeData } from '../api';
import type { LayoutName } from '../model/state';
import type { LayoutRequest, LayoutResponse, WorkerNode } from './layout-worker';

/**
 * Runs the layouts that take longer than a frame (force-directed, hierarchy, concentric)
 * in a Web Worker, so the page keeps answering while they compute. Only the latest
 * request counts: an older answer arriving late is dropped.
 */
export class LayoutRunner {
  private worker: Worker | null = null;
  private latest = 0;
  private pending = new Map<number, (positions: LayoutResponse['positions'] | null) => void>();

  private get instance(): Worker {
    if (!this.worker) {
      this.worker = new Worker(new URL('./layout-worker.ts', import.meta.url), { type: 'module' });
      this.worker.onmessage = (e: MessageEvent<LayoutResponse>) => {
        const resolve = this.pending.get(e.data.id);
        this.pending.delete(e.data.id);
        resolve?.(e.data.id === this.latest ? e.data.positions : null);
      };
      // A worker that fails answers nobody: every waiting request ends without positions
      // (the canvas keeps the arrangement it has), and the next request starts a new worker.
      this.worker.onerror = (e) => {
        e.preventDefault();
        console.error(`The layout worker failed: ${e.message}`);
        this.worker?.terminate();
        this.worker = null;
        for (const resolve of this.pending.values()) resolve(null);
        this.pending.clear();
      };
    }
    return this.worker;
  }

  run(
    name: Exclude<LayoutName, 'preset' | 'clusters'>,
    nodes: WorkerNode[],
    edges: EdgeData[],
  ): Promise<LayoutResponse['positions'] | null> {
    const id = ++this.latest;
    for (const [older, resolve] of this.pending) if (older < id) resolve(null);
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      const request: LayoutRequest = {
        id,
        name,
        nodes,
        edges: edges.map((e) => ({ id: e.id, source: e.source, target: e.target, type: e.type })),
      };
      this.instance.postMessage(request);
    });
  }
}
