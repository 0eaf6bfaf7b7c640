import type * as ts from "typescript";
import type { Context } from "../context";
import * as py from "../python/ast";
import { argumentsOf, unsupported } from "./globals";

export function jsonCall(methodName: string, node: ts.CallExpression, context: Context): py.Expr {
  const what = `JSON.${methodName}`;
  switch (methodName) {
    case "stringify": {
      const [value] = argumentsOf(node, context, what, 1, 1);
      return context.helperCall("_js_json_stringify", value ?? py.none);
    }
    case "parse": {
      const [text] = argumentsOf(node, context, what, 1, 1);
      // Objects keep their key order; NaN and Infinity are rejected and big integers rounded, as in JavaScript.
      return context.helperCall("_js_json_parse", text ?? py.str(""));
    }
  }
  return unsupported(node, what, context);
}
