import * as ts from "typescript";
import { comparison, isIncrement, writesOf } from "./counters";
import { integerRange, type IntegerRange } from "./ranges";
import { isArrayLike, isStringish, typeOf } from "./types";

// A C-style `for` compiles only as `for i in range(start, stop)`, and only where that is exactly JavaScript's loop:
// an integer counter the body never assigns, `i < bound` or `i <= bound` with a bound that cannot change while the
// loop runs, and a `+ 1` update. `continue` then still moves to the next value, and each closure the body makes runs
// within its iteration (GR1031 rejects those that outlive it), so Python's one variable is JavaScript's fresh binding.

export interface CountingLoop {
  counter: ts.Identifier;
  start: ts.Expression;
  bound: ts.Expression;
  inclusive: boolean;
  /** The bound is a length: `range` then builds a list no longer than one that exists; otherwise `xrange`. */
  lengthBound: boolean;
}

/** Python's `xrange` (and any sane `range`) takes Java ints. */
const INT: IntegerRange = [-(2 ** 31), 2 ** 31 - 1];

/** The counting loop `node` is, or why it is not one. */
export function countingLoop(node: ts.ForStatement, checker: ts.TypeChecker): CountingLoop | string {
  const list = node.initializer;
  const declaration =
    list !== undefined && ts.isVariableDeclarationList(list) ? list.declarations[0] : undefined;
  if (
    declaration === undefined ||
    (list as ts.VariableDeclarationList).declarations.length !== 1 ||
    ((list as ts.VariableDeclarationList).flags & ts.NodeFlags.Let) === 0 ||
    !ts.isIdentifier(declaration.name) ||
    declaration.initializer === undefined
  )
    return "it must declare one counter with `let`";
  const counter = declaration.name;
  const symbol = checker.getSymbolAtLocation(counter);
  const check =
    node.condition === undefined || symbol === undefined
      ? undefined
      : comparison(node.condition, symbol, checker);
  if (symbol === undefined || check === undefined)
    return `its condition must be \`${counter.text} < bound\` or \`<=\``;
  if (node.incrementor === undefined || !isIncrement(node.incrementor, symbol, checker))
    return `its update must be \`${counter.text}++\` or \`${counter.text} += 1\``;
  if (
    writesOf(symbol, node.statement, checker).length > 0 ||
    writesOf(symbol, node.condition!, checker).length > 0
  )
    return `the loop assigns '${counter.text}' besides its update`;
  const start = integerRange(declaration.initializer, checker);
  if (start === undefined || start[0] < INT[0] || start[1] > INT[1])
    return "its start is not a known integer below 2^31";
  const bound = integerRange(check.bound, checker);
  const lengthBound = isLength(check.bound);
  // A length's `<=` stops at 2^31 at most, which `range` takes; the list it builds is no longer than the sequence.
  const highest = INT[1] + (lengthBound ? 1 : 0);
  if (bound === undefined || bound[0] < INT[0] || bound[1] + (check.inclusive ? 1 : 0) > highest)
    return "its bound is not a known integer below 2^31";
  if (!isInvariant(check.bound, node, checker)) return "its bound may change while the loop runs";
  return {
    counter,
    start: declaration.initializer,
    bound: check.bound,
    inclusive: check.inclusive,
    lengthBound,
  };
}

/** Literals, variables the loop does not assign, `.length` of a string or of an array the loop cannot grow, + - *. */
function isInvariant(node: ts.Expression, loop: ts.ForStatement, checker: ts.TypeChecker): boolean {
  if (ts.isParenthesizedExpression(node)) return isInvariant(node.expression, loop, checker);
  if (ts.isNumericLiteral(node)) return true;
  if (ts.isPrefixUnaryExpression(node) && node.operator === ts.SyntaxKind.MinusToken)
    return isInvariant(node.operand, loop, checker);
  if (ts.isIdentifier(node)) {
    const symbol = checker.getSymbolAtLocation(node);
    return symbol !== undefined && writesOf(symbol, loop, checker).length === 0;
  }
  if (ts.isBinaryExpression(node))
    return (
      [ts.SyntaxKind.PlusToken, ts.SyntaxKind.MinusToken, ts.SyntaxKind.AsteriskToken].includes(
        node.operatorToken.kind,
      ) &&
      isInvariant(node.left, loop, checker) &&
      isInvariant(node.right, loop, checker)
    );
  if (
    ts.isPropertyAccessExpression(node) &&
    node.name.text === "length" &&
    ts.isIdentifier(node.expression)
  ) {
    const type = typeOf(checker, node.expression);
    if (!isInvariant(node.expression, loop, checker)) return false;
    return (
      isStringish(type) || (isArrayLike(checker, type) && !mayChangeArrays(loop, node.expression, checker))
    );
  }
  return false;
}

const READING_CALLEES = new Set(["Math", "Number", "parseInt"]);

/**
 * Whether anything in the loop may add to or remove from the `bounding` array: `push` or an element write (which may
 * grow it) on anything but a fresh local array, or code the compiler does not see through (a guest or Java call, a
 * string conversion that may call `toString()`).
 */
function mayChangeArrays(loop: ts.ForStatement, bounding: ts.Identifier, checker: ts.TypeChecker): boolean {
  const boundingSymbol = checker.getSymbolAtLocation(bounding);
  const isOther = (array: ts.Expression): boolean => {
    const symbol = ts.isIdentifier(array) ? checker.getSymbolAtLocation(array) : undefined;
    return symbol !== undefined && symbol !== boundingSymbol && isFreshArray(symbol, checker);
  };
  const visit = (node: ts.Node): boolean => {
    if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
      if (!isReadingCall(node, checker) && !(ts.isCallExpression(node) && isPushTo(node, isOther)))
        return true;
    } else if (ts.isBinaryExpression(node)) {
      const left = node.left;
      if (
        node.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
        ts.isElementAccessExpression(left) &&
        !isOther(left.expression)
      )
        return true;
      if (node.operatorToken.kind === ts.SyntaxKind.PlusToken && !isPrimitive(node.left, checker))
        return true;
      if (node.operatorToken.kind === ts.SyntaxKind.PlusToken && !isPrimitive(node.right, checker))
        return true;
    } else if (ts.isTemplateSpan(node) && !isPrimitive(node.expression, checker)) return true;
    return ts.forEachChild(node, visit) === true;
  };
  return visit(loop);
}

function isPushTo(node: ts.CallExpression, isOther: (array: ts.Expression) => boolean): boolean {
  const callee = node.expression;
  return ts.isPropertyAccessExpression(callee) && callee.name.text === "push" && isOther(callee.expression);
}

/**
 * A `const` made from an array literal whose every use reads or writes through it (`a.push(x)`, `a[i]`, `a.length`)
 * or returns it: no other name can hold the same array, so writing it changes no other array.
 */
function isFreshArray(symbol: ts.Symbol, checker: ts.TypeChecker): boolean {
  const declaration = symbol.valueDeclaration;
  if (
    declaration === undefined ||
    !ts.isVariableDeclaration(declaration) ||
    declaration.initializer === undefined ||
    !ts.isArrayLiteralExpression(declaration.initializer) ||
    (declaration.parent.flags & ts.NodeFlags.Const) === 0
  )
    return false;
  const scope = declaration.parent.parent.parent;
  const escapes = (node: ts.Node): boolean => {
    if (ts.isIdentifier(node) && node !== declaration.name && checker.getSymbolAtLocation(node) === symbol) {
      const parent = node.parent;
      const through =
        (ts.isPropertyAccessExpression(parent) && parent.expression === node) ||
        (ts.isElementAccessExpression(parent) && parent.expression === node);
      if (!through && !ts.isReturnStatement(parent)) return true;
    }
    return ts.forEachChild(node, escapes) === true;
  };
  return scope !== undefined && !escapes(scope);
}

/** A string or array method other than push and join, or Math / Number / parseInt. */
function isReadingCall(node: ts.CallExpression | ts.NewExpression, checker: ts.TypeChecker): boolean {
  const callee = node.expression;
  if (ts.isNewExpression(node)) return false;
  if (ts.isIdentifier(callee)) return READING_CALLEES.has(callee.text) && isLibrary(callee, checker);
  if (!ts.isPropertyAccessExpression(callee)) return false;
  const receiver = callee.expression;
  if (ts.isIdentifier(receiver) && READING_CALLEES.has(receiver.text)) return isLibrary(receiver, checker);
  const type = typeOf(checker, receiver);
  const method = callee.name.text;
  if (isStringish(type)) return true;
  return isArrayLike(checker, type) && method !== "push" && method !== "join";
}

function isLibrary(node: ts.Identifier, checker: ts.TypeChecker): boolean {
  const declarations = checker.getSymbolAtLocation(node)?.declarations ?? [];
  return declarations.length > 0 && declarations.every((d) => d.getSourceFile().hasNoDefaultLib);
}

const PRIMITIVE =
  ts.TypeFlags.StringLike |
  ts.TypeFlags.NumberLike |
  ts.TypeFlags.BooleanLike |
  ts.TypeFlags.Null |
  ts.TypeFlags.Undefined;

function isPrimitive(node: ts.Expression, checker: ts.TypeChecker): boolean {
  const type = typeOf(checker, node);
  return (type.isUnion() ? type.types : [type]).every((part) => (part.flags & PRIMITIVE) !== 0);
}

function isLength(node: ts.Expression): boolean {
  if (ts.isParenthesizedExpression(node)) return isLength(node.expression);
  return ts.isPropertyAccessExpression(node) && node.name.text === "length";
}
