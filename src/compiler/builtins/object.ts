import type * as ts from "typescript";
import type { Context } from "../context";
import * as py from "../python/ast";
import { argumentsOf, unsupported } from "./globals";

export function objectCall(methodName: string, node: ts.CallExpression, context: Context): py.Expr {
  const what = `Object.${methodName}`;
  switch (methodName) {
    case "keys": {
      const [value] = argumentsOf(node, context, what, 1, 1);
      // Object literals are OrderedDicts, so keys() is in insertion order; list() gives a fresh array like JavaScript.
      return py.call("list", py.method(value ?? py.none, "keys"));
    }
    case "freeze": {
      // Immutability is enforced at compile time by Readonly types; at run time the object is used as it is.
      const [value] = argumentsOf(node, context, what, 1, 1);
      return value ?? py.none;
    }
  }
  return unsupported(node, what, context);
}
