import * as ts from "typescript";
import { Code } from "../../diagnostics";
import type { Context } from "../../context";
import * as py from "../../python/ast";
import { isNumberType, typeOf } from "../../types";
import { assignmentTarget } from "./assignment";
import { visitCondition } from "./conditions";
import { numberLiteral } from "./literals";

export function visitPrefixUnary(node: ts.PrefixUnaryExpression, context: Context): py.Expr {
  switch (node.operator) {
    case ts.SyntaxKind.ExclamationToken:
      return py.not(visitCondition(node.operand, context, "operand of '!'"));
    case ts.SyntaxKind.MinusToken: {
      if (ts.isNumericLiteral(node.operand)) {
        const literal = numberLiteral(-Number(node.operand.text));
        if (literal.kind === "num") return literal;
      }
      requireNumber(node.operand, context, "-");
      return py.unaryMinus(context.visitExpression(node.operand));
    }
    case ts.SyntaxKind.PlusPlusToken:
    case ts.SyntaxKind.MinusMinusToken:
      context.addPreceding(incrementStatement(node, context));
      return assignmentTarget(node.operand, context);
    case ts.SyntaxKind.TildeToken:
      context.report(
        node,
        Code.Bitwise,
        "Bitwise operators are not supported: use arithmetic or Math methods.",
      );
      return py.none;
  }
  context.report(node, Code.UnsupportedOperator, "Unary `+` is not supported: convert with Number(x).");
  return py.none;
}

/** `i++` used as a value: the old value is kept in a temp before the variable changes. */
export function visitPostfixUnary(node: ts.PostfixUnaryExpression, context: Context): py.Expr {
  const old = py.name(context.temp("old"));
  context.addPreceding(
    py.assign(old, assignmentTarget(node.operand, context)),
    incrementStatement(node, context),
  );
  return old;
}

/** `i++`, `++i`, `i--`, `--i` as a statement. */
export function incrementStatement(
  node: ts.PrefixUnaryExpression | ts.PostfixUnaryExpression,
  context: Context,
): py.Stmt {
  requireNumber(node.operand, context, node.operator === ts.SyntaxKind.PlusPlusToken ? "++" : "--");
  return {
    kind: "augassign",
    target: assignmentTarget(node.operand, context),
    op: node.operator === ts.SyntaxKind.PlusPlusToken ? "+" : "-",
    value: py.num(1),
  };
}

function requireNumber(node: ts.Expression, context: Context, operator: string): void {
  if (!isNumberType(typeOf(context.checker, node))) {
    context.report(node, Code.UnsupportedOperator, `'${operator}' needs a number operand.`);
  }
}
