import * as ts from "typescript";
import { integerRange, type IntegerRange } from "./ranges";

// Loop counters: a `let` whose only writes are integers (its initializer, a reset such as `i = 0`) and `+ 1`
// increments, each of which runs after its loop's condition checked `i < B` (or `i <= B`) and before any other write,
// holds integers between those values and B's upper bound (plus one for `<=`). Its `+ 1` then needs no rounding to a
// double. The proof is local: each increment is a statement directly in a `while` body (not inside a nested loop) or
// a `for` update, and the only write of the counter in that loop.

const ranges = new WeakMap<ts.Declaration, IntegerRange | null>();
const pending = new Set<ts.Declaration>();
/** Set when a range was cut short by a cycle: results computed meanwhile depend on where the cycle was entered. */
let cycle = false;

/** The range of a counter (or `const`) variable read at `node`, or undefined when no simple proof bounds it. */
export function variableRange(node: ts.Identifier, checker: ts.TypeChecker): IntegerRange | undefined {
  const declaration = checker.getSymbolAtLocation(node)?.valueDeclaration;
  if (declaration === undefined || !ts.isVariableDeclaration(declaration)) return undefined;
  if (pending.has(declaration)) {
    cycle = true; // a bound that reads its own counter
    return undefined;
  }
  const known = ranges.get(declaration);
  if (known !== undefined) return known ?? undefined;
  pending.add(declaration);
  try {
    const range = computeRange(declaration, checker);
    if (!cycle) ranges.set(declaration, range ?? null);
    return range;
  } finally {
    pending.delete(declaration);
    if (pending.size === 0) cycle = false;
  }
}

function computeRange(
  declaration: ts.VariableDeclaration,
  checker: ts.TypeChecker,
): IntegerRange | undefined {
  const list = declaration.parent;
  if (declaration.initializer === undefined || !ts.isIdentifier(declaration.name)) return undefined;
  if (!ts.isVariableDeclarationList(list)) return undefined;
  const start = integerRange(declaration.initializer, checker);
  if (start === undefined) return undefined;
  if ((list.flags & ts.NodeFlags.Const) !== 0) return start;
  if ((list.flags & ts.NodeFlags.Let) === 0) return undefined;
  const symbol = checker.getSymbolAtLocation(declaration.name);
  const scope = ts.isForStatement(list.parent) ? list.parent : list.parent.parent;
  if (symbol === undefined || scope === undefined) return undefined;
  let [low, high] = start;
  for (const write of writesOf(symbol, scope, checker)) {
    const reset = isPlainAssignment(write) ? integerRange(write.right, checker) : undefined;
    if (reset !== undefined) {
      [low, high] = [Math.min(low, reset[0]), Math.max(high, reset[1])];
      continue;
    }
    const bound = incrementBound(write, symbol, checker);
    if (bound === undefined) return undefined;
    high = Math.max(high, bound);
  }
  return [low, high];
}

/** The most an increment can leave in the counter, or undefined when it is not a checked `+ 1`. */
function incrementBound(
  write: ts.Expression,
  symbol: ts.Symbol,
  checker: ts.TypeChecker,
): number | undefined {
  if (!isIncrement(write, symbol, checker)) return undefined;
  const loop = checkingLoop(write);
  if (loop === undefined || writesOf(symbol, loop, checker).length !== 1) return undefined;
  const check = conjuncts(ts.isWhileStatement(loop) ? loop.expression : loop.condition)
    .map((c) => comparison(c, symbol, checker))
    .find((c) => c !== undefined);
  if (check === undefined) return undefined;
  const bound = integerRange(check.bound, checker);
  if (bound === undefined) return undefined;
  const high = bound[1] + (check.inclusive ? 1 : 0);
  return high <= Number.MAX_SAFE_INTEGER ? high : undefined;
}

/** The `while` whose body holds the increment statement, or the `for` whose update it is; none through a nested loop. */
function checkingLoop(write: ts.Expression): (ts.WhileStatement | ts.ForStatement) | undefined {
  const parent = write.parent;
  if (ts.isForStatement(parent) && parent.incrementor === write) return parent;
  if (!ts.isExpressionStatement(parent)) return undefined;
  const loop = ts.findAncestor(
    parent.parent,
    (n) => ts.isIterationStatement(n, false) || ts.isFunctionLike(n),
  );
  return loop !== undefined && ts.isWhileStatement(loop) ? loop : undefined;
}

function conjuncts(node: ts.Expression | undefined): ts.Expression[] {
  if (node === undefined) return [];
  if (ts.isParenthesizedExpression(node)) return conjuncts(node.expression);
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken)
    return [...conjuncts(node.left), ...conjuncts(node.right)];
  return [node];
}

/** `i < bound` or `i <= bound`, with the counter on the left. */
export function comparison(
  node: ts.Expression,
  symbol: ts.Symbol,
  checker: ts.TypeChecker,
): { bound: ts.Expression; inclusive: boolean } | undefined {
  if (!ts.isBinaryExpression(node) || !isVariable(node.left, symbol, checker)) return undefined;
  const kind = node.operatorToken.kind;
  if (kind !== ts.SyntaxKind.LessThanToken && kind !== ts.SyntaxKind.LessThanEqualsToken) return undefined;
  return { bound: node.right, inclusive: kind === ts.SyntaxKind.LessThanEqualsToken };
}

/** `i++`, `++i`, `i += 1`, `i = i + 1`. */
export function isIncrement(node: ts.Expression, symbol: ts.Symbol, checker: ts.TypeChecker): boolean {
  if (ts.isPostfixUnaryExpression(node) || ts.isPrefixUnaryExpression(node))
    return node.operator === ts.SyntaxKind.PlusPlusToken && isVariable(node.operand, symbol, checker);
  if (!ts.isBinaryExpression(node) || !isVariable(node.left, symbol, checker)) return false;
  const value = node.right;
  if (node.operatorToken.kind === ts.SyntaxKind.PlusEqualsToken) return isOne(value);
  return (
    node.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
    ts.isBinaryExpression(value) &&
    value.operatorToken.kind === ts.SyntaxKind.PlusToken &&
    isVariable(value.left, symbol, checker) &&
    isOne(value.right)
  );
}

const isPlainAssignment = (node: ts.Expression): node is ts.BinaryExpression =>
  ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken;

const isOne = (node: ts.Expression): boolean => ts.isNumericLiteral(node) && node.text === "1";

function isVariable(node: ts.Expression, symbol: ts.Symbol, checker: ts.TypeChecker): boolean {
  return ts.isIdentifier(node) && checker.getSymbolAtLocation(node) === symbol;
}

const ASSIGNMENTS = new Set([
  ts.SyntaxKind.EqualsToken,
  ts.SyntaxKind.PlusEqualsToken,
  ts.SyntaxKind.MinusEqualsToken,
  ts.SyntaxKind.AsteriskEqualsToken,
  ts.SyntaxKind.SlashEqualsToken,
  ts.SyntaxKind.PercentEqualsToken,
  ts.SyntaxKind.QuestionQuestionEqualsToken,
  ts.SyntaxKind.BarBarEqualsToken,
  ts.SyntaxKind.AmpersandAmpersandEqualsToken,
  ts.SyntaxKind.AsteriskAsteriskEqualsToken,
]);

/** Every expression under `scope` that writes the variable (assignments of any kind, `++`, `--`). */
export function writesOf(symbol: ts.Symbol, scope: ts.Node, checker: ts.TypeChecker): ts.Expression[] {
  const writes: ts.Expression[] = [];
  const visit = (node: ts.Node): void => {
    if (
      (ts.isBinaryExpression(node) &&
        ASSIGNMENTS.has(node.operatorToken.kind) &&
        isVariable(node.left, symbol, checker)) ||
      ((ts.isPostfixUnaryExpression(node) || ts.isPrefixUnaryExpression(node)) &&
        (node.operator === ts.SyntaxKind.PlusPlusToken || node.operator === ts.SyntaxKind.MinusMinusToken) &&
        isVariable(node.operand, symbol, checker))
    )
      writes.push(node as ts.Expression);
    ts.forEachChild(node, visit);
  };
  visit(scope);
  return writes;
}
