import type { Notification, Plan, ProfiledPlan } from 'neo4j-driver';
import type { ConsoleNotification, PlanNode, ProfileTotals } from '../core/api/console-result';
import { toPlain } from './to-plain';

/** What Neo4j says about a console query beside its rows: notifications and its plan, as plain data. */

/** A notification as the console shows it, with where in the query it points. */
export function toNotification(notification: Notification): ConsoleNotification {
  const { code, title, description, rawSeverityLevel, position } = notification;
  const at =
    position && 'line' in position && position.line !== undefined
      ? { line: position.line, column: position.column ?? 0, offset: position.offset ?? 0 }
      : undefined;
  return { code, title, description, severity: rawSeverityLevel, ...(at && { position: at }) };
}

const numberOrNull = (value: unknown): number | null => {
  const plain = toPlain(value);
  return typeof plain === 'number' ? plain : null;
};

/**
 * A profiled operator's own figure, from its arguments: the driver's ProfiledPlan fills a
 * figure Neo4j did not send with 0 (a ProcedureCall reports no DbHits), the arguments do not.
 */
const argument = (args: Record<string, unknown>, name: string) => numberOrNull(args[name]);

/** The driver's plan as plain data; the tree is walked without recursion. */
export function toPlanNode(plan: Plan | ProfiledPlan): PlanNode {
  const convert = (p: Plan | ProfiledPlan): PlanNode => {
    const args = p.arguments as Record<string, unknown>;
    const profiled = 'dbHits' in p;
    return {
      operator: p.operatorType.split('@')[0]!,
      details: typeof args.Details === 'string' ? args.Details : null,
      estimatedRows: numberOrNull(args.EstimatedRows),
      rows: profiled ? argument(args, 'Rows') : null,
      dbHits: profiled ? argument(args, 'DbHits') : null,
      identifiers: [...p.identifiers],
      children: [],
    };
  };
  const root = convert(plan);
  const stack: [Plan | ProfiledPlan, PlanNode][] = [[plan, root]];
  while (stack.length > 0) {
    const [p, node] = stack.pop()!;
    for (const child of p.children as (Plan | ProfiledPlan)[]) {
      const converted = convert(child);
      node.children.push(converted);
      stack.push([child, converted]);
    }
  }
  return root;
}

/** The parts of a profiled plan the totals read; the driver's ProfiledPlan has them. */
export interface ProfiledOperator {
  arguments: Record<string, unknown>;
  children: ProfiledOperator[];
}

/** Neo4j's own timing of a query, from its result summary (milliseconds, as the driver gives them). */
export interface ServerTiming {
  resultAvailableAfter?: unknown;
  resultConsumedAfter?: unknown;
}

const NANOS_PER_MS = 1_000_000;

/**
 * A PROFILE's totals: each per-operator figure summed over the operators that report it, or
 * null when none does. Neo4j's "Total database accesses" is the same sum of DbHits. Time is
 * Neo4j's for the whole query (available after + consumed after); operator Time arguments, in
 * nanoseconds, come only from runtimes that time operators (not Community's), and a fused
 * pipeline reports its time on one operator, so the sum counts each once.
 */
export function profileTotals(profile: ProfiledOperator, timing: ServerTiming): ProfileTotals {
  const sums = new Map<string, number>();
  const stack = [profile];
  while (stack.length > 0) {
    const op = stack.pop()!;
    for (const name of ['DbHits', 'PageCacheHits', 'PageCacheMisses', 'Time']) {
      const value = argument(op.arguments, name);
      if (value !== null) sums.set(name, (sums.get(name) ?? 0) + value);
    }
    stack.push(...op.children);
  }
  const sum = (name: string) => sums.get(name) ?? null;
  const hits = sum('PageCacheHits');
  const misses = sum('PageCacheMisses');
  const available = numberOrNull(timing.resultAvailableAfter);
  const consumed = numberOrNull(timing.resultConsumedAfter);
  const time = sum('Time');
  return {
    dbHits: sum('DbHits'),
    rows: argument(profile.arguments, 'Rows'),
    serverTimeMs:
      available !== null && consumed !== null && available >= 0 && consumed >= 0
        ? available + consumed
        : null,
    operatorTimeMs: time === null ? null : time / NANOS_PER_MS,
    pageCacheHits: hits,
    pageCacheMisses: misses,
    pageCacheHitRatio:
      hits !== null && misses !== null && hits + misses > 0 ? hits / (hits + misses) : null,
    memoryBytes: argument(profile.arguments, 'GlobalMemory'),
  };
}
