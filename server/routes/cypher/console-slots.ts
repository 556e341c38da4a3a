/**
 * Console slots: at most `total` console queries hold the database at once, and at most
 * `perClient` of them come from one client, so one client cannot take them all. A slot is
 * given back only when the query's transaction is gone from Neo4j (see cypher.service).
 */
export interface SlotLimits {
  total: number;
  perClient: number;
}

export const SLOT_LIMITS: SlotLimits = { total: 4, perClient: 2 };

export type SlotRefusal = 'client' | 'total';

export class ConsoleSlots {
  private running = 0;
  private readonly byClient = new Map<string, number>();

  constructor(readonly limits: SlotLimits = SLOT_LIMITS) {}

  /** Why a slot cannot be had now, or undefined when one can. */
  refusal(client: string): SlotRefusal | undefined {
    if ((this.byClient.get(client) ?? 0) >= this.limits.perClient) return 'client';
    if (this.running >= this.limits.total) return 'total';
    return undefined;
  }

  /** Takes a slot; the returned function gives it back (once, however often it is called). */
  take(client: string): () => void {
    this.running++;
    this.byClient.set(client, (this.byClient.get(client) ?? 0) + 1);
    let held = true;
    return () => {
      if (!held) return;
      held = false;
      this.running--;
      const left = (this.byClient.get(client) ?? 1) - 1;
      if (left === 0) this.byClient.delete(client);
      else this.byClient.set(client, left);
    };
  }

  get inUse(): number {
    return this.running;
  }
}
