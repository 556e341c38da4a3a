import type { Notification, Plan, ProfiledPlan } from 'neo4j-driver';
import type { ConsoleNotification, PlanNode } from '../core/api/console-result';
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

/** The driver's plan as plain data; the tree is walked without recursion. */
export function toPlanNode(plan: Plan | ProfiledPlan): PlanNode {
  const convert = (p: Plan | ProfiledPlan): PlanNode => {
    const args = p.arguments as Record<string, unknown>;
    const profiled = 'dbHits' in p;
    return {
      operator: p.operatorType.split('@')[0]!,
      details: typeof args.Details === 'string' ? args.Details : null,
      estimatedRows: numberOrNull(args.EstimatedRows),
      rows: profiled ? numberOrNull(p.rows) : null,
      dbHits: profiled ? numberOrNull(p.dbHits) : null,
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
