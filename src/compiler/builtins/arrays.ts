import * as ts from "typescript";
import { Code } from "../diagnostics";
import type { Context } from "../context";
import * as py from "../python/ast";
import { integerRange } from "../ranges";
import { arrayElementType, isBooleanType, isStringType, typeOf } from "../types";
import { compileFunction, inlineArrow } from "../visitors/expressions/functions";
import { argumentsOf, unsupported } from "./globals";

/**
 * `text.split("x").join(y)` is `text.replace("x", y)` when "x" is a non-empty literal and y a string: both replace
 * every occurrence, left to right, without overlaps; Python's replace also takes `y` literally, as join does.
 */
function splitJoin(
  receiverNode: ts.Expression,
  receiver: py.Expr,
  separator: py.Expr | undefined,
  node: ts.CallExpression,
  context: Context,
): py.Expr | undefined {
  const split = ts.isCallExpression(receiverNode) ? receiverNode.expression : undefined;
  const joinArgument = node.arguments[0];
  const isTextSplit =
    split !== undefined &&
    ts.isPropertyAccessExpression(split) &&
    split.name.text === "split" &&
    isStringType(typeOf(context.checker, split.expression));
  const joinsText = joinArgument === undefined || isStringType(typeOf(context.checker, joinArgument));
  if (!isTextSplit || !joinsText || receiver.kind !== "call" || receiver.func.kind !== "attr")
    return undefined;
  const [pattern] = receiver.args;
  if (
    receiver.func.name !== "split" ||
    receiver.args.length !== 1 ||
    pattern?.kind !== "str" ||
    pattern.value === ""
  )
    return undefined;
  return py.method(receiver.func.object, "replace", pattern, separator ?? py.str(","));
}

/** Array methods. Callbacks written inline become comprehensions, which is how a Python author would write them. */
export function arrayCall(
  methodName: string,
  node: ts.CallExpression,
  receiver: py.Expr,
  context: Context,
): py.Expr {
  const what = `Array.${methodName}`;
  switch (methodName) {
    case "push": {
      if (!ts.isExpressionStatement(node.parent)) {
        context.report(
          node,
          Code.ValueOfStatementCall,
          "The value of push() is not supported: call push as a statement.",
        );
      }
      const values = argumentsOf(node, context, what, 1, Infinity);
      if (values.length === 1) return py.method(receiver, "append", values[0] as py.Expr);
      return py.method(receiver, "extend", { kind: "list", items: values });
    }
    case "indexOf":
      return context.helperCall("_js_index_of", receiver, ...argumentsOf(node, context, what, 1, 1));
    case "includes": {
      const [value] = argumentsOf(node, context, what, 1, 1);
      // Python's `in` compares dicts and lists by content, finds 1 for True and NaN only as the same object.
      const argument = node.arguments[0];
      if (argument !== undefined && isPlainMember(argument, context))
        return py.compare("in", value ?? py.none, receiver);
      return context.helperCall("_js_includes", receiver, value ?? py.none);
    }
    case "join": {
      const [separator] = argumentsOf(node, context, what, 0, 1);
      const receiverNode = (node.expression as ts.PropertyAccessExpression).expression;
      const element = arrayElementType(context.checker, typeOf(context.checker, receiverNode));
      const replaced = splitJoin(receiverNode, receiver, separator, node, context);
      if (replaced !== undefined) return replaced;
      if (element !== undefined && isStringType(element))
        return py.method(separator ?? py.str(","), "join", receiver);
      return context.helperCall("_js_join", receiver, separator ?? py.str(","));
    }
    case "slice":
      return sliceCall(node, receiver, argumentsOf(node, context, what, 0, 2), context);
    case "map":
    case "filter":
    case "some":
    case "every":
    case "find":
      return iteration(methodName, node, receiver, context);
  }
  return unsupported(node, what, context);
}

/** `s.slice(a, b)`: a Python slice when the bounds are known integers (negative bounds count from the end in both). */
export function sliceCall(
  node: ts.CallExpression,
  receiver: py.Expr,
  bounds: py.Expr[],
  context: Context,
): py.Expr {
  const [lower, upper] = bounds;
  if (node.arguments.every((a) => integerRange(a, context.checker) !== undefined))
    return { kind: "slice", object: receiver, lower, upper };
  return context.helperCall(
    "_js_slice",
    receiver,
    lower ?? py.num(0),
    ...(upper === undefined ? [] : [upper]),
  );
}

/** Whether `value in items` is ===: a string, or a number literal other than NaN. */
function isPlainMember(argument: ts.Expression, context: Context): boolean {
  const type = typeOf(context.checker, argument);
  return isStringType(type) || integerRange(argument, context.checker) !== undefined;
}

function iteration(
  methodName: string,
  node: ts.CallExpression,
  receiver: py.Expr,
  context: Context,
): py.Expr {
  const callback = node.arguments[0];
  if (callback === undefined || node.arguments.length !== 1) {
    return unsupported(node, `Array.${methodName} without exactly one callback`, context);
  }
  if (methodName !== "map") checkPredicate(callback, context, methodName);
  // JavaScript visits the items present when the method starts; a callback that may grow the array needs _js_each.
  const changes = mayChangeArrays(callback, context);
  const array =
    changes || parameterCount(callback, context) >= 3 ? context.once(receiver, "items") : receiver;
  const items = changes ? context.helperCall("_js_each", array) : array;
  const { element, target, value } = callbackParts(callback, methodName, array, context);
  const over = target.kind === "tuple" ? py.call("enumerate", items) : items;
  const comprehension = (brackets: "list" | "generator", out: py.Expr, condition?: py.Expr): py.Expr => ({
    kind: "comprehension",
    brackets,
    element: out,
    target,
    iter: over,
    condition,
  });
  switch (methodName) {
    case "map":
      return comprehension("list", value);
    case "filter":
      return comprehension("list", element, value);
    case "some":
      return py.call("any", comprehension("generator", value));
    case "every":
      return py.call("all", comprehension("generator", value));
    default:
      return py.call("next", comprehension("generator", element, value), py.none);
  }
}

/** The loop variable(s) and the per-element value of a callback, inlined when it is a simple arrow function. */
function callbackParts(
  callback: ts.Expression,
  methodName: string,
  receiver: py.Expr,
  context: Context,
): { element: py.Expr; target: py.Expr; value: py.Expr } {
  const inlined = ts.isArrowFunction(callback) ? inlineArrow(callback, context, true) : undefined;
  if (inlined !== undefined && inlined.params.length <= 2) {
    const element = py.name(inlined.params[0] ?? context.temp("item"));
    const index = inlined.params[1];
    const target =
      index === undefined ? element : ({ kind: "tuple", items: [py.name(index), element] } as py.Expr);
    return { element, target, value: inlined.body };
  }
  // A callback with statements becomes a local def named for its role: `_matches` for a predicate, `_mapped` for map.
  const fn = ts.isArrowFunction(callback)
    ? defineCallback(callback, methodName === "map" ? "mapped" : "matches", context)
    : context.once(context.visitExpression(callback), "callback");
  const element = py.name(context.temp("item"));
  const count = parameterCount(callback, context);
  if (count >= 2) {
    const index = py.name(context.temp("index"));
    // A third parameter receives the array itself.
    const array = count >= 3 ? [receiver] : [];
    return {
      element,
      target: { kind: "tuple", items: [index, element] },
      value: py.call(fn, element, index, ...array),
    };
  }
  return { element, target: element, value: py.call(fn, element) };
}

function parameterCount(callback: ts.Expression, context: Context): number {
  const type = typeOf(context.checker, callback);
  return context.checker.getSignaturesOfType(type, ts.SignatureKind.Call)[0]?.parameters.length ?? 1;
}

/** Whether a callback may write to an array: it pushes, assigns an element, or calls a guest function or method. */
function mayChangeArrays(callback: ts.Expression, context: Context): boolean {
  if (!ts.isArrowFunction(callback)) return true;
  const visit = (node: ts.Node): boolean => {
    if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
      const symbol = context.resolvedSymbol(
        ts.isPropertyAccessExpression(node.expression) ? node.expression.name : node.expression,
      );
      const declaration = symbol?.valueDeclaration ?? symbol?.declarations?.[0];
      const library = declaration?.getSourceFile().hasNoDefaultLib === true;
      const pushes = ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === "push";
      if (!library || pushes) return true;
    }
    if (
      ts.isBinaryExpression(node) &&
      ts.isElementAccessExpression(node.left) &&
      node.operatorToken.kind >= ts.SyntaxKind.FirstAssignment &&
      node.operatorToken.kind <= ts.SyntaxKind.LastAssignment
    )
      return true;
    return ts.forEachChild(node, visit) === true;
  };
  return visit(callback.body);
}

function checkPredicate(callback: ts.Expression, context: Context, methodName: string): void {
  const signature = context.checker.getSignaturesOfType(
    typeOf(context.checker, callback),
    ts.SignatureKind.Call,
  )[0];
  if (signature === undefined) return;
  const returned = context.checker.getReturnTypeOfSignature(signature);
  if (!isBooleanType(returned)) {
    context.report(
      callback,
      Code.NonBooleanCondition,
      `The callback of ${methodName} must return a boolean, not '${context.checker.typeToString(returned)}'.`,
    );
  }
}

function defineCallback(callback: ts.ArrowFunction, purpose: string, context: Context): py.Expr {
  const defName = context.temp(purpose);
  context.addPreceding(compileFunction(callback, defName, context));
  return py.name(defName);
}
