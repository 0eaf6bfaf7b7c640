import * as ts from "typescript";
import { Code } from "../../diagnostics";
import type { Context } from "../../context";
import { hoistFunctions } from "../../hoisting";
import * as py from "../../python/ast";

/** A function-like declaration as a Python `def` (methods get `self` first). */
export function compileFunction(
  node: ts.FunctionLikeDeclaration,
  defName: string,
  context: Context,
  method = false,
): py.Stmt & { kind: "def" } {
  context.enterFunction(node);
  try {
    const { params, prologue } = parameters(node, context);
    const body = node.body === undefined ? [] : functionBody(node.body, context);
    return {
      kind: "def",
      name: defName,
      params: method ? [{ name: "self" }, ...params] : params,
      body: [...prologue, ...body],
      loc: context.location(node),
    };
  } finally {
    context.exitFunction();
  }
}

function functionBody(body: ts.ConciseBody, context: Context): py.Stmt[] {
  if (ts.isBlock(body)) return context.visitStatements(hoistFunctions(body.statements, context.checker));
  const value = context.withPreceding(() => context.visitExpression(body));
  return [...value.preceding, { kind: "return", value: value.value }];
}

/**
 * Parameters. A default that is a simple literal stays a Python default; any other default is computed on each call,
 * as in JavaScript (a Python default expression would be evaluated once and shared between calls).
 */
export function parameters(
  node: ts.SignatureDeclaration,
  context: Context,
): { params: py.Parameter[]; prologue: py.Stmt[] } {
  const params: py.Parameter[] = [];
  const prologue: py.Stmt[] = [];
  for (const parameter of node.parameters) {
    if (!ts.isIdentifier(parameter.name) || parameter.dotDotDotToken !== undefined) continue;
    if (parameter.name.text === "this") continue;
    const parameterName = context.declare(parameter.name);
    if (parameter.initializer === undefined) {
      params.push(
        parameter.questionToken === undefined
          ? { name: parameterName }
          : { name: parameterName, default: py.none },
      );
    } else if (isSimpleLiteral(parameter.initializer)) {
      params.push({ name: parameterName, default: context.visitExpression(parameter.initializer) });
    } else {
      params.push({ name: parameterName, default: py.none });
      const value = context.withPreceding(() =>
        context.visitExpression(parameter.initializer as ts.Expression),
      );
      prologue.push({
        kind: "if",
        test: py.compare("is", py.name(parameterName), py.none),
        body: [...value.preceding, py.assign(py.name(parameterName), value.value)],
        orelse: [],
      });
    }
  }
  return { params, prologue };
}

function isSimpleLiteral(node: ts.Expression): boolean {
  if (ts.isPrefixUnaryExpression(node) && node.operator === ts.SyntaxKind.MinusToken)
    return ts.isNumericLiteral(node.operand);
  return (
    ts.isNumericLiteral(node) ||
    ts.isStringLiteral(node) ||
    node.kind === ts.SyntaxKind.TrueKeyword ||
    node.kind === ts.SyntaxKind.FalseKeyword ||
    node.kind === ts.SyntaxKind.NullKeyword
  );
}

/**
 * An arrow function whose body is a single expression needing no statements: its parameter names and body, for a
 * lambda or a comprehension. `avoidOuter` renames parameters that would clobber an outer name (comprehension variables
 * are not scoped in Python 2).
 */
export function inlineArrow(
  node: ts.ArrowFunction,
  context: Context,
  avoidOuter: boolean,
): { params: string[]; body: py.Expr } | undefined {
  if (ts.isBlock(node.body)) return undefined;
  const simple = node.parameters.every(
    (p) =>
      ts.isIdentifier(p.name) &&
      p.initializer === undefined &&
      p.questionToken === undefined &&
      p.dotDotDotToken === undefined,
  );
  if (!simple) return undefined;
  const body = node.body;
  // A function made inside a comprehension would share the loop variable with its siblings (Python closures bind
  // variables, not values); such callbacks are called through a def instead.
  if (avoidOuter && containsFunction(body)) return undefined;
  context.enterFunction(node);
  try {
    const params = node.parameters.map((p) => context.declare(p.name as ts.Identifier, avoidOuter));
    const compiled = context.withPreceding(() => context.visitExpression(body));
    return compiled.preceding.length === 0 ? { params, body: compiled.value } : undefined;
  } finally {
    context.exitFunction();
  }
}

function containsFunction(node: ts.Node): boolean {
  return ts.isFunctionLike(node) || ts.forEachChild(node, containsFunction) === true;
}

const ITERATION_METHODS = new Set(["map", "filter", "some", "every", "find"]);

/**
 * A function created in a loop that outlives its iteration must not capture a variable of the loop: JavaScript gives
 * each iteration fresh bindings, Python shares one variable between them.
 */
function checkLoopCapture(node: ts.ArrowFunction, context: Context): void {
  const loop = ts.findAncestor(node.parent, (n) =>
    ts.isFunctionLike(n) ? "quit" : ts.isIterationStatement(n, false),
  );
  if (loop === undefined) return;
  const call = node.parent;
  if (
    ts.isCallExpression(call) &&
    ts.isPropertyAccessExpression(call.expression) &&
    ITERATION_METHODS.has(call.expression.name.text)
  ) {
    return; // called at once, within the iteration
  }
  const visit = (child: ts.Node): void => {
    if (ts.isIdentifier(child)) {
      const declaration = context.checker.getSymbolAtLocation(child)?.valueDeclaration;
      const inLoop = declaration !== undefined && declaration.pos >= loop.pos && declaration.end <= loop.end;
      const inFunction =
        declaration !== undefined && declaration.pos >= node.pos && declaration.end <= node.end;
      if (inLoop && !inFunction) {
        context.report(
          child,
          Code.LoopCapture,
          `This function captures '${child.text}', a variable of the enclosing loop: Python would share it between iterations. Build the function in a separate function that takes '${child.text}' as a parameter.`,
        );
      }
    }
    ts.forEachChild(child, visit);
  };
  visit(node.body);
}

/** An arrow function as a value: a lambda when it is one expression, otherwise a local `def` placed just before. */
export function visitArrowFunction(node: ts.ArrowFunction, context: Context): py.Expr {
  checkLoopCapture(node, context);
  const inlined = inlineArrow(node, context, false);
  if (inlined !== undefined) return { kind: "lambda", params: inlined.params, body: inlined.body };
  const defName = context.temp("fn");
  context.addPreceding(compileFunction(node, defName, context));
  return py.name(defName);
}

export function visitFunctionExpression(node: ts.FunctionExpression, context: Context): py.Expr {
  context.report(
    node,
    Code.UnsupportedSyntax,
    "Function expressions are not supported: use an arrow function.",
  );
  return py.none;
}

export function visitFunctionDeclaration(node: ts.FunctionDeclaration, context: Context): py.Stmt[] {
  if (node.body === undefined || node.name === undefined) return [];
  return [compileFunction(node, context.declare(node.name), context)];
}
