import * as ts from "typescript";
import { Code } from "../../diagnostics";
import type { Context } from "../../context";
import * as py from "../../python/ast";
import { isStringType, isNumberType, typeOf } from "../../types";
import { elementTarget, propertyTarget } from "./access";
import { toStringValue } from "./literals";

const COMPOUND: Partial<Record<ts.SyntaxKind, "+" | "-" | "*" | "/" | "%">> = {
  [ts.SyntaxKind.PlusEqualsToken]: "+",
  [ts.SyntaxKind.MinusEqualsToken]: "-",
  [ts.SyntaxKind.AsteriskEqualsToken]: "*",
  [ts.SyntaxKind.SlashEqualsToken]: "/",
  [ts.SyntaxKind.PercentEqualsToken]: "%",
};

const BITWISE_ASSIGNMENTS = new Set([
  ts.SyntaxKind.AmpersandEqualsToken,
  ts.SyntaxKind.BarEqualsToken,
  ts.SyntaxKind.CaretEqualsToken,
  ts.SyntaxKind.LessThanLessThanEqualsToken,
  ts.SyntaxKind.GreaterThanGreaterThanEqualsToken,
  ts.SyntaxKind.GreaterThanGreaterThanGreaterThanEqualsToken,
]);

export function isAssignmentOperator(kind: ts.SyntaxKind): boolean {
  return kind >= ts.SyntaxKind.FirstAssignment && kind <= ts.SyntaxKind.LastAssignment;
}

/** An assignment used as a value: the assignment becomes a preceding statement and the target is read back. */
export function visitAssignment(node: ts.BinaryExpression, context: Context): py.Expr {
  const statements = assignmentStatements(node, context);
  context.addPreceding(...statements);
  return assignmentTarget(node.left, context);
}

/** An assignment in statement position: `x = v`, `x += v`, `if x is None: x = v`... */
export function assignmentStatements(node: ts.BinaryExpression, context: Context): py.Stmt[] {
  const operator = node.operatorToken.kind;
  const target = assignmentTarget(node.left, context);
  if (operator === ts.SyntaxKind.EqualsToken) return [py.assign(target, context.visitExpression(node.right))];
  if (operator === ts.SyntaxKind.QuestionQuestionEqualsToken) {
    const value = context.withPreceding(() => context.visitExpression(node.right));
    return [
      {
        kind: "if",
        test: py.compare("is", target, py.none),
        body: [...value.preceding, py.assign(target, value.value)],
        orelse: [],
      },
    ];
  }
  const compound = COMPOUND[operator];
  if (BITWISE_ASSIGNMENTS.has(operator)) {
    context.report(
      node.operatorToken,
      Code.Bitwise,
      "Bitwise operators are not supported: use arithmetic or Math methods.",
    );
    return [];
  }
  if (compound === undefined) {
    context.report(
      node.operatorToken,
      Code.UnsupportedOperator,
      `The operator '${node.operatorToken.getText()}' is not supported: write the assignment out, e.g. \`if (!x) { x = y; }\`.`,
    );
    return [];
  }
  const targetType = typeOf(context.checker, node.left);
  if (compound === "+" && isStringType(targetType)) {
    return [{ kind: "augassign", target, op: "+", value: toStringValue(node.right, context) }];
  }
  if (!isNumberType(targetType) || !isNumberType(typeOf(context.checker, node.right))) {
    context.report(
      node,
      Code.UnsupportedOperator,
      `'${node.operatorToken.getText()}' needs number operands.`,
    );
  }
  const value = context.visitExpression(node.right);
  if (compound === "/" || compound === "%") {
    const helper = compound === "/" ? "_js_div" : "_js_mod";
    return [py.assign(target, context.helperCall(helper, target, value))];
  }
  return [{ kind: "augassign", target, op: compound, value }];
}

export function assignmentTarget(node: ts.Expression, context: Context): py.Expr {
  if (ts.isParenthesizedExpression(node) || ts.isNonNullExpression(node) || ts.isAsExpression(node)) {
    return assignmentTarget(node.expression, context);
  }
  if (ts.isIdentifier(node)) {
    checkLocalReassignment(node, context);
    return py.name(context.nameOf(node));
  }
  if (ts.isPropertyAccessExpression(node)) return propertyTarget(node, context);
  if (ts.isElementAccessExpression(node)) return elementTarget(node, context);
  if (ts.isArrayLiteralExpression(node) || ts.isObjectLiteralExpression(node)) {
    context.report(
      node,
      Code.Destructuring,
      "Destructuring is not supported: assign each value on its own line.",
    );
  } else {
    context.report(node, Code.UnsupportedSyntax, `Cannot assign to ${ts.SyntaxKind[node.kind]}.`);
  }
  return py.name("_");
}

/** Python 2 has no `nonlocal`: a nested function can read an outer variable but rebinding it would create a new local. */
function checkLocalReassignment(node: ts.Identifier, context: Context): void {
  const symbol = context.resolvedSymbol(node);
  const declaration = symbol?.valueDeclaration;
  if (declaration === undefined) return;
  const owner = ts.findAncestor(declaration, ts.isFunctionLike);
  const writer = ts.findAncestor(node, ts.isFunctionLike);
  if (owner !== writer) {
    context.report(
      node,
      Code.OuterReassignment,
      `'${node.text}' belongs to an enclosing function and cannot be reassigned here (Python 2 has no nonlocal). Return the new value, or keep it in an object or array.`,
    );
  }
}
