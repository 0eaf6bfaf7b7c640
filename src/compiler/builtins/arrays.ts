import * as ts from "typescript";
import { Code } from "../diagnostics";
import type { Context } from "../context";
import * as py from "../python/ast";
import { arrayElementType, isBooleanType, isReferenceType, isStringType, typeOf } from "../types";
import { compileFunction, inlineArrow } from "../visitors/expressions/functions";
import { argumentsOf, unsupported } from "./globals";

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
      // Python's `in` compares dicts and lists by content; JavaScript finds an object only by identity.
      const argument = node.arguments[0];
      if (argument !== undefined && isReferenceType(typeOf(context.checker, argument))) {
        return py.compare(">=", context.helperCall("_js_index_of", receiver, value ?? py.none), py.num(0));
      }
      return py.compare("in", value ?? py.none, receiver);
    }
    case "join": {
      const [separator] = argumentsOf(node, context, what, 0, 1);
      const receiverNode = (node.expression as ts.PropertyAccessExpression).expression;
      const element = arrayElementType(context.checker, typeOf(context.checker, receiverNode));
      if (element !== undefined && isStringType(element))
        return py.method(separator ?? py.str(","), "join", receiver);
      return context.helperCall("_js_join", receiver, separator ?? py.str(","));
    }
    case "slice": {
      const [lower, upper] = argumentsOf(node, context, what, 0, 2);
      return { kind: "slice", object: receiver, lower, upper };
    }
    case "map":
    case "filter":
    case "some":
    case "every":
    case "find":
      return iteration(methodName, node, receiver, context);
  }
  return unsupported(node, what, context);
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
  const { element, target, value } = callbackParts(callback, methodName, context);
  const over = target.kind === "tuple" ? py.call("enumerate", receiver) : receiver;
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
  const signature = context.checker.getSignaturesOfType(
    typeOf(context.checker, callback),
    ts.SignatureKind.Call,
  )[0];
  if ((signature?.parameters.length ?? 1) >= 2) {
    const index = py.name(context.temp("index"));
    return {
      element,
      target: { kind: "tuple", items: [index, element] },
      value: py.call(fn, element, index),
    };
  }
  return { element, target: element, value: py.call(fn, element) };
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
