import type * as ts from "typescript";
import type { Context } from "../context";
import * as py from "../python/ast";
import { argumentsOf, unsupported } from "./globals";

export function mathCall(methodName: string, node: ts.CallExpression, context: Context): py.Expr {
  const what = `Math.${methodName}`;
  switch (methodName) {
    case "floor":
    case "ceil": {
      const [value] = argumentsOf(node, context, what, 1, 1);
      // Python 2's math.floor returns a float; the int keeps the result usable as an index or a count.
      return context.helperCall(
        "_js_normalize",
        py.method(context.useImport("math"), methodName, value ?? py.none),
      );
    }
    case "round": {
      const [value] = argumentsOf(node, context, what, 1, 1);
      return context.helperCall("_js_round", value ?? py.none);
    }
    case "abs": {
      const [value] = argumentsOf(node, context, what, 1, 1);
      return py.call("abs", value ?? py.none);
    }
    case "min":
    case "max":
      return context.helperCall(`_js_${methodName}`, ...argumentsOf(node, context, what, 0, Infinity));
  }
  return unsupported(node, what, context);
}

export function mathProperty(node: ts.PropertyAccessExpression, context: Context): py.Expr {
  switch (node.name.text) {
    case "PI":
      return py.attr(context.useImport("math"), "pi");
  }
  return unsupported(node, `Math.${node.name.text}`, context);
}
