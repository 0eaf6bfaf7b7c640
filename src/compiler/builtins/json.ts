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
      // Objects keep their key order, as they do in JavaScript (a plain Jython dict does not).
      return {
        kind: "call",
        func: py.attr(context.useImport("json"), "loads"),
        args: [text ?? py.str("")],
        keywords: [["object_pairs_hook", context.useImport("OrderedDict")]],
      };
    }
  }
  return unsupported(node, what, context);
}
