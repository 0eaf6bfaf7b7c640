import * as ts from "typescript";
import { clauseComments, commentStatements } from "../../comments";
import { Code } from "../../diagnostics";
import type { Context } from "../../context";
import * as py from "../../python/ast";
import { isNumberish, isStringish, typeOf } from "../../types";

interface Branch {
  labels: ts.Expression[];
  isDefault: boolean;
  statements: ts.Statement[];
  clause: ts.CaseOrDefaultClause;
  /** The labels' clauses, stacked empty ones first. */
  clauses: ts.CaseOrDefaultClause[];
}

/**
 * `switch` on strings or numbers becomes an if/elif/else ladder. Stacked empty cases share a branch; a non-empty case
 * must end in break, return, throw or continue, since Python has no fall-through.
 */
export function visitSwitch(node: ts.SwitchStatement, context: Context): py.Stmt[] {
  const subjectType = typeOf(context.checker, node.expression);
  if (!isStringish(subjectType) && !isNumberish(subjectType)) {
    context.report(
      node.expression,
      Code.UnsupportedSyntax,
      "switch is supported on strings and numbers only.",
    );
  }
  const subject = context.once(context.visitExpression(node.expression), "subject");
  const branches = groupBranches(node, context);
  let fallback: py.Stmt[] = [];
  const tests: Array<{ test: py.Expr; body: py.Stmt[] }> = [];
  for (const branch of branches) {
    const comments = branch.clauses.flatMap((clause) => clauseComments(clause, context.comments));
    const body = [...commentStatements(comments), ...context.visitStatements(trimBreak(branch.statements))];
    if (branch.isDefault) {
      fallback = body;
      continue;
    }
    const matches = branch.labels.map((label) => py.compare("==", subject, context.visitExpression(label)));
    const test = matches.reduce((left, right) => ({ kind: "boolop", op: "or", left, right }));
    tests.push({ test, body });
  }
  if (tests.length === 0) return fallback;
  let ladder: py.Stmt[] = fallback;
  for (const { test, body } of [...tests].reverse()) ladder = [{ kind: "if", test, body, orelse: ladder }];
  return ladder;
}

function groupBranches(node: ts.SwitchStatement, context: Context): Branch[] {
  const branches: Branch[] = [];
  let pending: ts.CaseOrDefaultClause[] = [];
  for (const clause of node.caseBlock.clauses) {
    pending.push(clause);
    if (clause.statements.length === 0) continue;
    const statements = [...clause.statements];
    checkEnding(clause, statements, context);
    branches.push({
      labels: pending.flatMap((c) => (ts.isCaseClause(c) ? [c.expression] : [])),
      isDefault: pending.some((c) => ts.isDefaultClause(c)),
      statements,
      clause,
      clauses: pending,
    });
    pending = [];
  }
  if (pending.length > 0) {
    branches.push({
      labels: pending.flatMap((c) => (ts.isCaseClause(c) ? [c.expression] : [])),
      isDefault: pending.some((c) => ts.isDefaultClause(c)),
      statements: [],
      clause: pending[0] as ts.CaseOrDefaultClause,
      clauses: pending,
    });
  }
  return branches;
}

function checkEnding(clause: ts.CaseOrDefaultClause, statements: ts.Statement[], context: Context): void {
  const last = unwrapBlock(statements[statements.length - 1]);
  const isLastClause = clause.parent.clauses[clause.parent.clauses.length - 1] === clause;
  const ends =
    last !== undefined &&
    (ts.isBreakStatement(last) ||
      ts.isReturnStatement(last) ||
      ts.isThrowStatement(last) ||
      ts.isContinueStatement(last));
  if (!ends && !isLastClause) {
    context.report(
      clause,
      Code.SwitchFallThrough,
      "A case must end with break, return, throw or continue: fall-through is not supported.",
    );
  }
  // A `break` anywhere but at the end would leave the switch in JavaScript but the enclosing loop in Python.
  for (const statement of statements) {
    visitBreaks(statement, (inner) => {
      if (inner !== last) {
        context.report(
          inner,
          Code.SwitchFallThrough,
          "`break` inside a case is only supported as its last statement.",
        );
      }
    });
  }
}

function visitBreaks(node: ts.Node, found: (node: ts.BreakStatement) => void): void {
  if (ts.isBreakStatement(node) && node.label === undefined) found(node);
  if (ts.isIterationStatement(node, false) || ts.isSwitchStatement(node) || ts.isFunctionLike(node)) return;
  ts.forEachChild(node, (child) => visitBreaks(child, found));
}

function unwrapBlock(statement: ts.Statement | undefined): ts.Statement | undefined {
  if (statement !== undefined && ts.isBlock(statement))
    return unwrapBlock(statement.statements[statement.statements.length - 1]);
  return statement;
}

function trimBreak(statements: ts.Statement[]): ts.Statement[] {
  const last = statements[statements.length - 1];
  if (last !== undefined && ts.isBreakStatement(last)) return statements.slice(0, -1);
  if (last !== undefined && ts.isBlock(last))
    return [...statements.slice(0, -1), ...trimBreak([...last.statements])];
  return statements;
}
