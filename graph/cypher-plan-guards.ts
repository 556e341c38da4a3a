import type { PlanMode } from '../core/api/console-result';
import {
  ALLOWED_PROCEDURES,
  ALLOWED_SHOW_OPERATORS,
  adminRefused,
  commandRefused,
  DBMS_READ_PROCEDURES,
  inTransactionsRefused,
  loadCsvRefused,
  procedureRefused,
  type Refusal,
  refuse,
  writeRefused,
} from './cypher-policy';

/** The parts of an EXPLAIN plan the console reads; the driver's Plan has them. */
export interface PlanOperator {
  operatorType: string;
  arguments: Record<string, unknown>;
  children: PlanOperator[];
}

function operators(root: PlanOperator): PlanOperator[] {
  const all: PlanOperator[] = [];
  const stack = [root];
  while (stack.length > 0) {
    const op = stack.pop()!;
    all.push(op);
    stack.push(...op.children);
  }
  return all;
}

/** Operator names carry the database they run on (ProcedureCall@neo4j, AdministrationCommand@system). */
const operatorName = (op: PlanOperator) => op.operatorType.split('@')[0]!;

/**
 * A ProcedureCall's Details start with the procedure's name: "db.labels() :: (label :: STRING)".
 * Backticks are dropped; a name that cannot be read is refused like any unlisted one.
 */
export function procedureName(op: PlanOperator): string {
  const details = op.arguments.Details;
  if (typeof details !== 'string') return '';
  const open = details.indexOf('(');
  return (open === -1 ? details : details.slice(0, open)).replaceAll('`', '').trim();
}

const commandWords = (name: string) => name.replace(/([a-z])([A-Z])/g, '$1 $2').toUpperCase();

/**
 * The plan layer: what Neo4j itself parsed and planned, from EXPLAIN (which runs nothing).
 * queryType is the summary's: 'r' read, 'rw' and 'w' writes, 's' schema and administration.
 * TERMINATE TRANSACTIONS and LOAD CSV plan as reads, hence the operator checks before it.
 * mode is the researcher's own prefix: a statement written as EXPLAIN is only planned, never
 * run, so a data write (CREATE, MERGE, SET, DELETE) may show its plan; everything else it
 * refuses, it refuses under EXPLAIN too (LOAD CSV, procedures, IN TRANSACTIONS, commands).
 */
export function planRefusal(
  queryType: string | undefined,
  plan: PlanOperator | false | undefined,
  mode?: PlanMode,
): Refusal | undefined {
  if (!plan) {
    return refuse(
      'failed',
      'Neo4j returned no plan for this query, so the console cannot check it.',
    );
  }
  const ops = operators(plan);
  const names = ops.map(operatorName);
  if (names.includes('TransactionApply') || names.includes('TransactionForeach')) {
    return inTransactionsRefused();
  }
  if (names.includes('LoadCSV')) return loadCsvRefused();
  for (const op of ops) {
    if (operatorName(op) !== 'ProcedureCall') continue;
    const name = procedureName(op);
    if (!ALLOWED_PROCEDURES.has(name)) return procedureRefused(name);
  }
  const command = names.find((n) => /^(Show|Terminate)/.test(n) && !ALLOWED_SHOW_OPERATORS.has(n));
  if (command) return commandRefused(commandWords(command));
  if (queryType === 'r') return undefined;
  // A DBMS-mode procedure (dbms.components) makes a read plan 's'; every procedure here is
  // allowed already, and a schema or administration command plans as an operator of its own.
  const dbmsRead =
    queryType === 's' &&
    ops.some(
      (op) => operatorName(op) === 'ProcedureCall' && DBMS_READ_PROCEDURES.has(procedureName(op)),
    ) &&
    !names.some((n) => /Command$|^(Create|Drop|Alter|Grant|Deny|Revoke|Assert)/.test(n));
  if (dbmsRead) return undefined;
  if (queryType === 'w' || queryType === 'rw') {
    return mode === 'EXPLAIN' ? undefined : writeRefused();
  }
  return adminRefused();
}
