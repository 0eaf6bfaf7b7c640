import * as ts from "typescript";
import { Code } from "../../diagnostics";
import type { Context } from "../../context";
import { hoistFunctions } from "../../hoisting";
import * as py from "../../python/ast";
import { isArrayLike } from "../../types";

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
  if (ts.isBlock(body)) return context.visitBlock(body, hoistFunctions(body.statements, context.checker));
  const value = context.withPreceding(() => context.visitExpression(body));
  return [...value.preceding, { kind: "return", value: value.value }];
}

/**
 * Parameters. A default is applied in the body when the argument is None, as JavaScript applies it to undefined (a
 * Python default would ignore an explicit undefined, and a default expression would be evaluated once and shared).
 * null is also None, so a parameter with a default must not accept null.
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
    const optional = parameter.questionToken !== undefined || parameter.initializer !== undefined;
    params.push(optional ? { name: parameterName, default: py.none } : { name: parameterName });
    if (parameter.initializer === undefined) continue;
    // A null default gives null for both null and undefined, as JavaScript does; any other default would replace null.
    const nullDefault = parameter.initializer.kind === ts.SyntaxKind.NullKeyword;
    if (!nullDefault && acceptsNull(parameter, context)) {
      context.report(
        parameter,
        Code.NullableDefault,
        `'${parameter.name.text}' has a default and accepts null: null and undefined are both None in Python, so the default would replace null too. Drop null from its type, or drop the default.`,
      );
    }
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
  return { params, prologue };
}

function acceptsNull(parameter: ts.ParameterDeclaration, context: Context): boolean {
  const type = context.checker.getTypeAtLocation(parameter);
  const parts = type.isUnion() ? type.types : [type];
  return parts.some((p) => (p.flags & (ts.TypeFlags.Null | ts.TypeFlags.Unknown | ts.TypeFlags.Any)) !== 0);
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

/** An arrow passed to an array's map/filter/some/every/find: it runs at once, within the current iteration. */
function isIterationCallback(node: ts.Node, context: Context): boolean {
  const call = node.parent;
  return (
    ts.isArrowFunction(node) &&
    call !== undefined &&
    ts.isCallExpression(call) &&
    call.arguments[0] === node &&
    ts.isPropertyAccessExpression(call.expression) &&
    ITERATION_METHODS.has(call.expression.name.text) &&
    isArrayLike(context.checker, context.checker.getTypeAtLocation(call.expression.expression))
  );
}

/**
 * A function created in a loop that outlives its iteration must not capture a variable of the loop: JavaScript gives
 * each iteration fresh bindings, Python shares one variable between them. Iteration callbacks run at once, so the
 * search for the loop goes on through them (an arrow made inside such a callback may outlive the iteration).
 */
function checkLoopCapture(node: ts.ArrowFunction | ts.FunctionDeclaration, context: Context): void {
  if (isIterationCallback(node, context)) return;
  const loop = ts.findAncestor(node.parent, (n) =>
    ts.isIterationStatement(n, false)
      ? true
      : ts.isFunctionLike(n) && !isIterationCallback(n, context)
        ? "quit"
        : false,
  );
  if (loop === undefined || node.body === undefined) return;
  const visit = (child: ts.Node): void => {
    if (ts.isIdentifier(child)) {
      const declaration = context.checker.getSymbolAtLocation(child)?.valueDeclaration;
      const inLoop = declaration !== undefined && declaration.pos >= loop.pos && declaration.end <= loop.end;
      const inFunction =
        declaration !== undefined && declaration.pos >= node.pos && declaration.end <= node.end;
      const isFunction = declaration !== undefined && ts.isFunctionDeclaration(declaration);
      if (inLoop && !inFunction && !isFunction) {
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
  checkLoopCapture(node, context);
  return [compileFunction(node, context.declare(node.name), context)];
}
