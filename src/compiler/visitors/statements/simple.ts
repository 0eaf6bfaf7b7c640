import * as ts from "typescript";
import { Code } from "../../diagnostics";
import { type Context, isDeclared } from "../../context";
import * as py from "../../python/ast";
import { isStringType, typeOf } from "../../types";
import { assignmentStatements, isAssignmentOperator } from "../expressions/assignment";
import { compileFunction } from "../expressions/functions";
import { incrementStatement } from "../expressions/unary";

export function visitBlock(node: ts.Block, context: Context): py.Stmt[] {
  return context.visitBlock(node);
}

export function visitNothing(): py.Stmt[] {
  return [];
}

/** Assignments and increments are statements in Python; everything else is an expression statement. */
export function visitExpressionStatement(node: ts.ExpressionStatement, context: Context): py.Stmt[] {
  let expression = node.expression;
  while (ts.isParenthesizedExpression(expression)) expression = expression.expression;
  if (ts.isBinaryExpression(expression) && isAssignmentOperator(expression.operatorToken.kind)) {
    return assignmentStatements(expression, context);
  }
  if (
    (ts.isPrefixUnaryExpression(expression) || ts.isPostfixUnaryExpression(expression)) &&
    (expression.operator === ts.SyntaxKind.PlusPlusToken ||
      expression.operator === ts.SyntaxKind.MinusMinusToken)
  ) {
    return incrementStatement(expression, context);
  }
  return [py.exprStmt(context.visitExpression(expression))];
}

export function visitVariableStatement(node: ts.VariableStatement, context: Context): py.Stmt[] {
  // `declare const x: T` names a Python global; there is nothing to emit.
  if (isDeclared(node)) return [];
  const list = node.declarationList;
  if ((list.flags & (ts.NodeFlags.Let | ts.NodeFlags.Const)) === 0) return []; // `var` is reported by the pre-check
  const statements: py.Stmt[] = [];
  for (const declaration of list.declarations) {
    if (!ts.isIdentifier(declaration.name)) continue; // destructuring is reported by the pre-check
    const initializer = declaration.initializer;
    const variableName = context.declare(declaration.name);
    // `const f = (x) => { ... }` reads best as `def f(x):`.
    if (initializer !== undefined && ts.isArrowFunction(initializer) && ts.isBlock(initializer.body)) {
      statements.push(compileFunction(initializer, variableName, context));
      continue;
    }
    const value = initializer === undefined ? py.none : context.visitExpression(initializer);
    // The initializer may already have assigned the variable in statements of its own (see visitConditional).
    if (value.kind !== "name" || value.id !== variableName)
      statements.push(py.assign(py.name(variableName), value));
  }
  return statements;
}

export function visitReturn(node: ts.ReturnStatement, context: Context): py.Stmt[] {
  return [
    node.expression === undefined
      ? { kind: "return" }
      : { kind: "return", value: context.visitExpression(node.expression) },
  ];
}

export function visitThrow(node: ts.ThrowStatement, context: Context): py.Stmt[] {
  const type = typeOf(context.checker, node.expression);
  const primitive =
    ts.TypeFlags.StringLike |
    ts.TypeFlags.NumberLike |
    ts.TypeFlags.BooleanLike |
    ts.TypeFlags.Null |
    ts.TypeFlags.Undefined;
  if (isStringType(type) || (type.flags & primitive) !== 0) {
    context.report(
      node.expression,
      Code.ThrowNonError,
      "Only errors can be thrown: `throw new Error(message)` or an error class.",
    );
  }
  return [{ kind: "raise", value: context.visitExpression(node.expression) }];
}

export function visitBreakOrContinue(
  node: ts.BreakStatement | ts.ContinueStatement,
  context: Context,
): py.Stmt[] {
  if (node.label !== undefined) {
    context.report(
      node,
      Code.Label,
      "Labels are not supported: move the inner loop into a function and return from it.",
    );
  }
  return [{ kind: ts.isBreakStatement(node) ? "break" : "continue" }];
}
