import * as ts from "typescript";
import { Code } from "../../diagnostics";
import type { Context } from "../../context";
import * as py from "../../python/ast";
import { isBooleanType, typeOf } from "../../types";

/**
 * Compiles an operand used as a condition. JavaScript and Python disagree about the truthiness of [], {}, "0" and 0.0
 * versus -0, so guest conditions must be boolean-typed; anything else is reported with the explicit test to write.
 */
export function visitCondition(node: ts.Expression, context: Context, where: string): py.Expr {
  const type = typeOf(context.checker, node);
  if (!isBooleanType(type)) {
    const shown = context.checker.typeToString(type);
    context.report(
      node,
      Code.NonBooleanCondition,
      `The ${where} has type '${shown}', not boolean. Compare explicitly, e.g. \`s !== ""\`, \`x !== null\` or \`list.length > 0\`.`,
    );
  }
  return context.visitExpression(node);
}

/** `c ? a : b`. Branches needing statements of their own run them only when chosen. */
export function visitConditional(node: ts.ConditionalExpression, context: Context): py.Expr {
  const test = visitCondition(node.condition, context, "condition of '?:'");
  const whenTrue = context.withPreceding(() => context.visitExpression(node.whenTrue));
  const whenFalse = context.withPreceding(() => context.visitExpression(node.whenFalse));
  if (whenTrue.preceding.length === 0 && whenFalse.preceding.length === 0) {
    return py.ifexp(test, whenTrue.value, whenFalse.value);
  }
  // `const x = c ? ... : ...` assigns x in both branches rather than going through a temp.
  const declaration = node.parent;
  const target =
    ts.isVariableDeclaration(declaration) && ts.isIdentifier(declaration.name)
      ? context.nameOf(declaration.name)
      : context.resultTemp(node, "chosen");
  const result = py.name(target);
  context.addPreceding({
    kind: "if",
    test,
    body: [...whenTrue.preceding, py.assign(result, whenTrue.value)],
    orelse: [...whenFalse.preceding, py.assign(result, whenFalse.value)],
  });
  return result;
}
