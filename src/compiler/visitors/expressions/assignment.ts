import * as ts from "typescript";
import { Code } from "../../diagnostics";
import type { Context } from "../../context";
import * as py from "../../python/ast";
import { type Effects, effectsOf, isStable } from "../../python/effects";
import { integerRange, isFractionLiteral } from "../../ranges";
import { isArrayLike, isStringType, isNumberType, typeOf } from "../../types";
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
  if (node.operatorToken.kind === ts.SyntaxKind.EqualsToken && isArrayElement(node.left, context)) {
    return arrayWrite(node.left as ts.ElementAccessExpression, node.right, context); // _js_set_item returns the value
  }
  const statements = assignmentStatements(node, context);
  context.addPreceding(...statements);
  return assignmentTarget(node.left, context);
}

/** An assignment in statement position: `x = v`, `x = _js_double(x + v)`, `if x is None: x = v`... */
export function assignmentStatements(node: ts.BinaryExpression, context: Context): py.Stmt[] {
  const operator = node.operatorToken.kind;
  if (operator === ts.SyntaxKind.EqualsToken) {
    if (isArrayElement(node.left, context))
      return [py.exprStmt(arrayWrite(node.left as ts.ElementAccessExpression, node.right, context))];
    const target = context.withPreceding(() => assignmentTarget(node.left, context));
    const value = context.withPreceding(() => context.visitExpression(node.right));
    context.addPreceding(...target.preceding);
    // JavaScript evaluates the target's object and index before the value; Python evaluates the value first.
    const ordered = value.preceding.length > 0 || !isPlain(value.value);
    const kept = ordered ? keepParts(target.value, effectsOf(value.preceding), context) : target.value;
    context.addPreceding(...value.preceding);
    return [py.assign(kept, value.value)];
  }
  if (operator === ts.SyntaxKind.QuestionQuestionEqualsToken) return coalescingAssignment(node, context);
  if (BITWISE_ASSIGNMENTS.has(operator)) {
    context.report(
      node.operatorToken,
      Code.Bitwise,
      "Bitwise operators are not supported: use arithmetic or Math methods.",
    );
    return [];
  }
  const compound = COMPOUND[operator];
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
    return updateStatements(node.left, context, (old) =>
      py.binop("+", old, toStringValue(node.right, context)),
    );
  }
  if (!isNumberType(targetType) || !isNumberType(typeOf(context.checker, node.right))) {
    context.report(
      node,
      Code.UnsupportedOperator,
      `'${node.operatorToken.getText()}' needs number operands.`,
    );
  }
  return updateStatements(node.left, context, (old) =>
    numberOperation(
      compound,
      old,
      context.visitExpression(node.right),
      isFractionLiteral(node.right) || integerRange(node, context.checker) !== undefined,
      context,
    ),
  );
}

/**
 * JavaScript's `old <op> value` on numbers; `plain` when Python's arithmetic already is JavaScript's (a fraction
 * literal operand, or a result known to be a small integer).
 */
export function numberOperation(
  operator: "+" | "-" | "*" | "/" | "%",
  old: py.Expr,
  value: py.Expr,
  plain: boolean,
  context: Context,
): py.Expr {
  if (operator === "/" || operator === "%")
    return context.helperCall(operator === "/" ? "_js_div" : "_js_mod", old, value);
  if (plain) return py.binop(operator, old, value);
  if (operator === "*") return context.helperCall("_js_mul", old, value);
  return context.helperCall("_js_double", py.binop(operator, old, value));
}

/** `target = update(target)`, with the target's object and index evaluated once. */
export function updateStatements(
  targetNode: ts.Expression,
  context: Context,
  update: (old: py.Expr) => py.Expr,
): py.Stmt[] {
  if (isArrayElement(targetNode, context)) {
    const [array, index] = arrayParts(targetNode as ts.ElementAccessExpression, context);
    const old = context.helperCall("_js_item", array, index);
    return [py.exprStmt(context.helperCall("_js_set_item", array, index, update(old)))];
  }
  const target = keepParts(assignmentTarget(targetNode, context), undefined, context);
  const value = update(target);
  // `i += 1` reads as written; a variable (unlike a subscript) is evaluated the same either way.
  if (target.kind === "name" && value.kind === "binop" && value.left === target)
    return [{ kind: "augassign", target, op: value.op, value: value.right }];
  return [py.assign(target, value)];
}

/** `x ??= v` assigns only when x is null or undefined; a record element or optional property is read with .get(). */
function coalescingAssignment(node: ts.BinaryExpression, context: Context): py.Stmt[] {
  if (isArrayElement(node.left, context)) {
    const [array, index] = arrayParts(node.left as ts.ElementAccessExpression, context);
    const value = context.withPreceding(() => context.visitExpression(node.right));
    const write = context.helperCall("_js_set_item", array, index, value.value);
    return [
      {
        kind: "if",
        test: py.compare("is", context.helperCall("_js_item", array, index), py.none),
        body: [...value.preceding, py.exprStmt(write)],
        orelse: [],
      },
    ];
  }
  const target = keepParts(assignmentTarget(node.left, context), undefined, context);
  const current = target.kind === "subscript" ? py.method(target.object, "get", target.index) : target;
  const value = context.withPreceding(() => context.visitExpression(node.right));
  return [
    {
      kind: "if",
      test: py.compare("is", current, py.none),
      body: [...value.preceding, py.assign(target, value.value)],
      orelse: [],
    },
  ];
}

/** `a[i] = v` on an array: `_js_set_item(a, i, v)` grows the array like JavaScript and evaluates a, i, v in order. */
function arrayWrite(target: ts.ElementAccessExpression, value: ts.Expression, context: Context): py.Expr {
  const [array, index, item] = context.inOrder([target.expression, target.argumentExpression, value]);
  return context.helperCall("_js_set_item", array as py.Expr, index as py.Expr, item as py.Expr);
}

function arrayParts(target: ts.ElementAccessExpression, context: Context): [py.Expr, py.Expr] {
  const [array, index] = context.inOrder([target.expression, target.argumentExpression]);
  return [context.once(array as py.Expr), context.once(index as py.Expr)];
}

function isArrayElement(node: ts.Expression, context: Context): boolean {
  return (
    ts.isElementAccessExpression(node) &&
    isArrayLike(context.checker, typeOf(context.checker, node.expression))
  );
}

/**
 * A target whose object and index are evaluated now, into temps unless they are constants; a name only when the
 * statements the value needs (`effects`) may reassign it.
 */
function keepParts(target: py.Expr, effects: Effects | undefined, context: Context): py.Expr {
  const part = (value: py.Expr): py.Expr =>
    value.kind === "name"
      ? effects !== undefined && !isStable(value, effects)
        ? context.keep(value)
        : value
      : context.once(value);
  if (target.kind === "subscript") return py.subscript(part(target.object), part(target.index));
  if (target.kind === "attr") return py.attr(part(target.object), target.name);
  return target;
}

function isPlain(value: py.Expr): boolean {
  return ["name", "num", "str", "const"].includes(value.kind);
}

export function assignmentTarget(node: ts.Expression, context: Context): py.Expr {
  if (ts.isParenthesizedExpression(node) || ts.isNonNullExpression(node) || ts.isAsExpression(node)) {
    return assignmentTarget(node.expression, context);
  }
  if (ts.isIdentifier(node)) {
    checkLocalReassignment(node, context);
    return py.name(context.nameOf(node));
  }
  if (ts.isPropertyAccessExpression(node)) {
    const objectType = typeOf(context.checker, node.expression);
    if (isArrayLike(context.checker, objectType) || isStringType(objectType)) {
      context.report(
        node,
        Code.UnsupportedBuiltin,
        `Assigning ${node.name.text} of an array or string is not supported: build a new array with slice().`,
      );
      return py.name("_");
    }
    return propertyTarget(node, context);
  }
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
