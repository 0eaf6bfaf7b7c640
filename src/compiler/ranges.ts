import * as ts from "typescript";
import { variableRange } from "./counters";
import { isArrayLike, isStringish, isNumberType, typeOf } from "./types";

// Python ints are exact and unbounded, JavaScript numbers are doubles: an integer result beyond 2^53 must become the
// double JavaScript holds, and a zero product with a negative factor is -0, which only a float holds. Where the
// compiler can bound an integer expression (literals, lengths, indexOf, loop counters and consts (counters.ts), and
// + - * of those) it emits plain Python arithmetic; elsewhere `_js_double` and `_js_mul` give JavaScript's result.

export type IntegerRange = readonly [number, number];

// Ranges are computed in doubles, which round a sum past 2^53 down to 2^53 itself: only a result at most
// MAX_SAFE_INTEGER is known to be the exact one (rounding is monotonic, so a larger true value never lands below it).
const LIMIT = Number.MAX_SAFE_INTEGER;
const LENGTH: IntegerRange = [0, 2 ** 31 - 1];

/** The integers a number expression is known to hold as a Python int, or undefined when it may be anything. */
export function integerRange(node: ts.Expression, checker: ts.TypeChecker): IntegerRange | undefined {
  if (ts.isParenthesizedExpression(node)) return integerRange(node.expression, checker);
  const type = typeOf(checker, node);
  if (type.isNumberLiteral()) return exact(type.value);
  if (ts.isNumericLiteral(node)) return exact(Number(node.text));
  if (ts.isIdentifier(node) && isNumberType(type)) return variableRange(node, checker);
  if (
    ts.isPropertyAccessExpression(node) &&
    node.name.text === "length" &&
    isSequence(node.expression, checker)
  )
    return LENGTH;
  if (
    ts.isCallExpression(node) &&
    ts.isPropertyAccessExpression(node.expression) &&
    node.expression.name.text === "indexOf" &&
    isSequence(node.expression.expression, checker)
  )
    return [-1, LENGTH[1]];
  if (ts.isBinaryExpression(node) && isNumberType(type)) return binaryRange(node, checker);
  return undefined;
}

function binaryRange(node: ts.BinaryExpression, checker: ts.TypeChecker): IntegerRange | undefined {
  const left = integerRange(node.left, checker);
  const right = integerRange(node.right, checker);
  if (left === undefined || right === undefined) return undefined;
  switch (node.operatorToken.kind) {
    case ts.SyntaxKind.PlusToken:
    case ts.SyntaxKind.PlusEqualsToken:
      return bounded([left[0] + right[0], left[1] + right[1]]);
    case ts.SyntaxKind.MinusToken:
    case ts.SyntaxKind.MinusEqualsToken:
      return bounded([left[0] - right[1], left[1] - right[0]]);
    case ts.SyntaxKind.AsteriskToken:
    case ts.SyntaxKind.AsteriskEqualsToken: {
      if ((contains(left, 0) && right[0] < 0) || (contains(right, 0) && left[0] < 0)) return undefined; // -0
      const corners = [left[0] * right[0], left[0] * right[1], left[1] * right[0], left[1] * right[1]];
      return bounded([Math.min(...corners), Math.max(...corners)]);
    }
  }
  return undefined;
}

/** Whether `i++` / `i--` (as `step` 1 or -1) of a bounded integer stays within the exact integers. */
export function isExactStep(operand: ts.Expression, step: 1 | -1, checker: ts.TypeChecker): boolean {
  const range = integerRange(operand, checker);
  return range !== undefined && bounded([range[0] + step, range[1] + step]) !== undefined;
}

/** Whether `node` is a number literal that is not an integer: Python's float arithmetic is then JavaScript's. */
export function isFractionLiteral(node: ts.Expression): boolean {
  if (ts.isParenthesizedExpression(node)) return isFractionLiteral(node.expression);
  if (ts.isPrefixUnaryExpression(node) && node.operator === ts.SyntaxKind.MinusToken)
    return isFractionLiteral(node.operand);
  return ts.isNumericLiteral(node) && !Number.isInteger(Number(node.text));
}

function isSequence(node: ts.Expression, checker: ts.TypeChecker): boolean {
  const type = typeOf(checker, node);
  return isStringish(type) || isArrayLike(checker, type);
}

function exact(value: number): IntegerRange | undefined {
  return Number.isInteger(value) && !Object.is(value, -0) ? bounded([value, value]) : undefined;
}

function bounded(range: IntegerRange): IntegerRange | undefined {
  return Math.abs(range[0]) <= LIMIT && Math.abs(range[1]) <= LIMIT ? range : undefined;
}

function contains(range: IntegerRange, value: number): boolean {
  return range[0] <= value && value <= range[1];
}
