import * as ts from "typescript";
import { Code } from "../../diagnostics";
import type { Context } from "../../context";
import * as py from "../../python/ast";
import {
  isArrayLike,
  isNumberType,
  isNullish,
  isReferenceType,
  isStringType,
  objectFamily,
  typeOf,
} from "../../types";
import { integerRange, isFractionLiteral } from "../../ranges";
import { visitAssignment, isAssignmentOperator } from "./assignment";
import { visitCondition } from "./conditions";
import { toStringValue } from "./literals";

const BITWISE = new Set([
  ts.SyntaxKind.AmpersandToken,
  ts.SyntaxKind.BarToken,
  ts.SyntaxKind.CaretToken,
  ts.SyntaxKind.LessThanLessThanToken,
  ts.SyntaxKind.GreaterThanGreaterThanToken,
  ts.SyntaxKind.GreaterThanGreaterThanGreaterThanToken,
]);

const ORDERING: Partial<Record<ts.SyntaxKind, py.CompareOperator>> = {
  [ts.SyntaxKind.LessThanToken]: "<",
  [ts.SyntaxKind.LessThanEqualsToken]: "<=",
  [ts.SyntaxKind.GreaterThanToken]: ">",
  [ts.SyntaxKind.GreaterThanEqualsToken]: ">=",
};

export function visitBinary(node: ts.BinaryExpression, context: Context): py.Expr {
  const operator = node.operatorToken.kind;
  if (BITWISE.has(operator)) {
    context.report(
      node.operatorToken,
      Code.Bitwise,
      "Bitwise operators are not supported: use arithmetic or Math methods.",
    );
    return py.none;
  }
  if (isAssignmentOperator(operator)) return visitAssignment(node, context);
  switch (operator) {
    case ts.SyntaxKind.EqualsEqualsToken:
    case ts.SyntaxKind.ExclamationEqualsToken:
      context.report(
        node.operatorToken,
        Code.LooseEquality,
        "`==` and `!=` are not supported: use `===` or `!==`.",
      );
      return py.none;
    case ts.SyntaxKind.EqualsEqualsEqualsToken:
      return strictEquality(node, context, false);
    case ts.SyntaxKind.ExclamationEqualsEqualsToken:
      return strictEquality(node, context, true);
    case ts.SyntaxKind.PlusToken:
      return plus(node, context);
    case ts.SyntaxKind.MinusToken:
      return arithmetic(node, context, (l, r) => exactSum(node, py.binop("-", l, r), context));
    case ts.SyntaxKind.AsteriskToken:
      return arithmetic(node, context, (l, r) => exactProduct(node, l, r, context));
    case ts.SyntaxKind.SlashToken:
      return arithmetic(node, context, (l, r) => context.helperCall("_js_div", l, r));
    case ts.SyntaxKind.PercentToken:
      return arithmetic(node, context, (l, r) => context.helperCall("_js_mod", l, r));
    case ts.SyntaxKind.AmpersandAmpersandToken:
    case ts.SyntaxKind.BarBarToken:
      return logical(node, context);
    case ts.SyntaxKind.QuestionQuestionToken:
      return coalesce(node, context);
    case ts.SyntaxKind.InKeyword:
      return membership(node, context);
    case ts.SyntaxKind.InstanceOfKeyword:
      return instanceOf(node, context);
  }
  const ordering = ORDERING[operator];
  if (ordering !== undefined) {
    const [left, right] = context.inOrder([node.left, node.right]);
    return py.compare(ordering, left as py.Expr, right as py.Expr);
  }
  context.report(
    node.operatorToken,
    Code.UnsupportedOperator,
    `The operator '${node.operatorToken.getText()}' is not supported. See docs/guest-subset.md for the operators you can use.`,
  );
  return py.none;
}

function strictEquality(node: ts.BinaryExpression, context: Context, negated: boolean): py.Expr {
  const leftType = typeOf(context.checker, node.left);
  const rightType = typeOf(context.checker, node.right);
  const [left, right] = context.inOrder([node.left, node.right]) as [py.Expr, py.Expr];
  // null and undefined are both None; objects are equal only to themselves (Python's == would compare contents).
  const identity =
    isNullish(leftType) || isNullish(rightType) || isReferenceType(leftType) || isReferenceType(rightType);
  if (identity) return py.compare(negated ? "is not" : "is", left, right);
  // Python's == is JavaScript's === only between two strings, two numbers or two booleans (True == 1 in Python).
  const family = primitiveFamily(leftType);
  if (family !== undefined && family === primitiveFamily(rightType))
    return py.compare(negated ? "!=" : "==", left, right);
  const equal = context.helperCall("_js_strict_eq", left, right);
  return negated ? py.not(equal) : equal;
}

function plus(node: ts.BinaryExpression, context: Context): py.Expr {
  const leftType = typeOf(context.checker, node.left);
  const rightType = typeOf(context.checker, node.right);
  if (isStringType(leftType) || isStringType(rightType)) {
    const [left, right] = context.inOrder([node.left, node.right], (operand) =>
      toStringValue(operand, context),
    ) as [py.Expr, py.Expr];
    return py.binop("+", left, right);
  }
  return arithmetic(node, context, (l, r) => exactSum(node, py.binop("+", l, r), context));
}

function arithmetic(
  node: ts.BinaryExpression,
  context: Context,
  build: (l: py.Expr, r: py.Expr) => py.Expr,
): py.Expr {
  for (const operand of [node.left, node.right]) {
    const type = typeOf(context.checker, operand);
    // Code where a number was narrowed to `never` cannot run; it still compiles.
    if (!isNumberType(type) && (type.flags & ts.TypeFlags.Never) === 0) {
      context.report(
        operand,
        Code.UnsupportedOperator,
        `Arithmetic needs number operands (or a string for +), not '${context.checker.typeToString(type)}'. Convert with Number(x) or String(x) first.`,
      );
    }
  }
  const [left, right] = context.inOrder([node.left, node.right]) as [py.Expr, py.Expr];
  return build(left, right);
}

/** `a + b`, `a - b`: plain when the result is a known small integer or a float, else rounded like a double. */
export function exactSum(node: ts.BinaryExpression, sum: py.Expr, context: Context): py.Expr {
  if (integerRange(node, context.checker) !== undefined) return sum;
  if (isFractionLiteral(node.left) || isFractionLiteral(node.right)) return sum;
  return context.helperCall("_js_double", sum);
}

function exactProduct(node: ts.BinaryExpression, left: py.Expr, right: py.Expr, context: Context): py.Expr {
  if (integerRange(node, context.checker) !== undefined) return py.binop("*", left, right);
  if (isFractionLiteral(node.left) || isFractionLiteral(node.right)) return py.binop("*", left, right);
  // A positive whole factor keeps the other's sign, -0 included (Python's ints hold no -0), so only a large product needs
  // rounding: `ms = s * 1000` costs one helper call, not two.
  if (isPositiveWholeLiteral(node.left) || isPositiveWholeLiteral(node.right))
    return context.helperCall("_js_double", py.binop("*", left, right));
  return context.helperCall("_js_mul", left, right);
}

function isPositiveWholeLiteral(node: ts.Expression): boolean {
  if (ts.isParenthesizedExpression(node)) return isPositiveWholeLiteral(node.expression);
  return ts.isNumericLiteral(node) && Number(node.text) > 0;
}

type PrimitiveFamily = "string" | "number" | "boolean";

/** The one primitive family of a type's non-null parts, if it has exactly one. */
function primitiveFamily(type: ts.Type): PrimitiveFamily | undefined {
  const parts = (type.isUnion() ? type.types : [type]).filter(
    (p) => (p.flags & (ts.TypeFlags.Null | ts.TypeFlags.Undefined | ts.TypeFlags.Void)) === 0,
  );
  const families = new Set(
    parts.map((p): PrimitiveFamily | undefined =>
      (p.flags & ts.TypeFlags.StringLike) !== 0
        ? "string"
        : (p.flags & ts.TypeFlags.NumberLike) !== 0
          ? "number"
          : (p.flags & ts.TypeFlags.BooleanLike) !== 0
            ? "boolean"
            : undefined,
    ),
  );
  return families.size === 1 ? [...families][0] : undefined;
}

/** `&&` and `||` on booleans. A right operand that needs statements of its own runs them only when it is evaluated. */
function logical(node: ts.BinaryExpression, context: Context): py.Expr {
  const isAnd = node.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken;
  const where = `operand of '${isAnd ? "&&" : "||"}'`;
  const left = visitCondition(node.left, context, where);
  const right = context.withPreceding(() => visitCondition(node.right, context, where));
  // `x !== null && x !== undefined` tests the same None twice in Python.
  if (
    right.preceding.length === 0 &&
    JSON.stringify(left) === JSON.stringify(right.value) &&
    left.kind === "compare"
  )
    return left;
  if (right.preceding.length === 0)
    return { kind: "boolop", op: isAnd ? "and" : "or", left, right: right.value };
  const result = py.name(context.resultTemp(node, isAnd ? "both" : "either"));
  context.addPreceding(py.assign(result, left), {
    kind: "if",
    test: isAnd ? result : py.not(result),
    body: [...right.preceding, py.assign(result, right.value)],
    orelse: [],
  });
  return result;
}

function coalesce(node: ts.BinaryExpression, context: Context): py.Expr {
  // `x ?? null` only turns undefined into null, and both are None.
  if (isNullish(typeOf(context.checker, node.right))) return context.visitExpression(node.left);
  const compiledLeft = context.visitExpression(node.left);
  const right = context.withPreceding(() => context.visitExpression(node.right));
  // `items[i] ?? 0` reads `_js_item(items, i, 0)`: a literal fallback may be evaluated first, it has no effects.
  if (isItemRead(compiledLeft) && right.preceding.length === 0 && isLiteral(right.value)) {
    return { ...compiledLeft, args: [...compiledLeft.args, right.value] };
  }
  const left = context.once(compiledLeft);
  if (right.preceding.length === 0) return py.ifexp(py.compare("is not", left, py.none), left, right.value);
  const result = py.name(context.resultTemp(node, "value"));
  context.addPreceding(py.assign(result, left), {
    kind: "if",
    test: py.compare("is", result, py.none),
    body: [...right.preceding, py.assign(result, right.value)],
    orelse: [],
  });
  return result;
}

function isItemRead(value: py.Expr): value is py.Expr & { kind: "call" } {
  return (
    value.kind === "call" &&
    value.func.kind === "name" &&
    value.func.id === "_js_item" &&
    value.args.length === 2
  );
}

function isLiteral(value: py.Expr): boolean {
  if (value.kind === "unary" && value.op === "-") return value.operand.kind === "num";
  return value.kind === "num" || value.kind === "str" || value.kind === "const";
}

function instanceOf(node: ts.BinaryExpression, context: Context): py.Expr {
  const value = context.visitExpression(node.left);
  const symbol = context.resolvedSymbol(node.right);
  const declaration = symbol?.valueDeclaration ?? symbol?.declarations?.[0];
  if (
    ts.isIdentifier(node.right) &&
    node.right.text === "Error" &&
    declaration?.getSourceFile().hasNoDefaultLib === true
  ) {
    // Whatever a catch clause receives is an error: a guest error, a Python exception or a Java Throwable.
    return py.call("isinstance", value, {
      kind: "tuple",
      items: [py.name("Exception"), context.useImport("Throwable")],
    });
  }
  if (declaration?.getSourceFile().hasNoDefaultLib === true) {
    context.report(
      node.right,
      Code.UnsupportedBuiltin,
      `instanceof ${node.right.getText()} is not supported: only guest classes, Java classes and Error.`,
    );
  }
  return py.call("isinstance", value, context.visitExpression(node.right));
}

/** `key in object` on data objects (dicts). On an array JavaScript tests indices, which Python's `in` does not. */
function membership(node: ts.BinaryExpression, context: Context): py.Expr {
  const objectType = typeOf(context.checker, node.right);
  if (isArrayLike(context.checker, objectType) || objectFamily(context.checker, objectType) !== "data") {
    context.report(
      node,
      Code.UnsupportedOperator,
      "`in` is supported on data objects and records only: use includes() on arrays.",
    );
  }
  // Keys are strings: `2 in o` asks for the key "2".
  const [key, object] = context.inOrder([node.left, node.right], (operand) =>
    operand === node.left && !isStringType(typeOf(context.checker, operand))
      ? context.helperCall("_js_str", context.visitExpression(operand))
      : context.visitExpression(operand),
  ) as [py.Expr, py.Expr];
  return py.compare("in", key, object);
}
