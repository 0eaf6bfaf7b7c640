import * as ts from "typescript";
import { Code } from "../../diagnostics";
import type { Context } from "../../context";
import * as py from "../../python/ast";
import { isNumberType, typeOf } from "../../types";
import { integerRange, isExactStep } from "../../ranges";
import { numberOperation, updateStatements } from "./assignment";
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
      // -0 exists only as a float: `-x` of an int that may be 0 goes through _js_neg.
      const range = integerRange(node.operand, context.checker);
      const operand = context.visitExpression(node.operand);
      if (range !== undefined && (range[0] > 0 || range[1] < 0)) return py.unaryMinus(operand);
      return context.helperCall("_js_neg", operand);
    }
    case ts.SyntaxKind.PlusPlusToken:
    case ts.SyntaxKind.MinusMinusToken:
      context.addPreceding(...incrementStatement(node, context));
      return context.visitExpression(node.operand);
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
  context.addPreceding(py.assign(old, context.visitExpression(node.operand)));
  context.addPreceding(...incrementStatement(node, context));
  return old;
}

/** `i++`, `++i`, `i--`, `--i` as a statement: `i = _js_double(i + 1)` (an int past 2^53 becomes a double), or
 * `i = i + 1` where the counter is bounded. */
export function incrementStatement(
  node: ts.PrefixUnaryExpression | ts.PostfixUnaryExpression,
  context: Context,
): py.Stmt[] {
  const plus = node.operator === ts.SyntaxKind.PlusPlusToken;
  requireNumber(node.operand, context, plus ? "++" : "--");
  return updateStatements(node.operand, context, (old) =>
    numberOperation(
      plus ? "+" : "-",
      old,
      py.num(1),
      isExactStep(node.operand, plus ? 1 : -1, context.checker),
      context,
    ),
  );
}

function requireNumber(node: ts.Expression, context: Context, operator: string): void {
  if (!isNumberType(typeOf(context.checker, node))) {
    context.report(node, Code.UnsupportedOperator, `'${operator}' needs a number operand.`);
  }
}
