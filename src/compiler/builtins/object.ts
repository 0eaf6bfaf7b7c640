import type * as ts from "typescript";
import { Code } from "../diagnostics";
import type { Context } from "../context";
import * as py from "../python/ast";
import { isArrayLike, typeOf } from "../types";
import { argumentsOf, unsupported } from "./globals";

export function objectCall(methodName: string, node: ts.CallExpression, context: Context): py.Expr {
  const what = `Object.${methodName}`;
  switch (methodName) {
    case "keys": {
      const [value] = argumentsOf(node, context, what, 1, 1);
      const argument = node.arguments[0];
      const type = argument === undefined ? undefined : typeOf(context.checker, argument);
      if (type !== undefined && isArrayLike(context.checker, type)) {
        context.report(
          node,
          Code.UnsupportedBuiltin,
          "Object.keys of an array is not supported: loop over the indices, or use the array itself.",
        );
      }
      // Objects are JsObjects, whose keys() is a new list in insertion order. JavaScript lists integer-like keys ("7")
      // first: a record may hold them, so its keys go through _js_keys; a type with fixed property names keeps o.keys().
      if (type !== undefined && !mayHaveIntegerKeys(type, context)) {
        return py.method(value ?? py.none, "keys");
      }
      return context.helperCall("_js_keys", value ?? py.none);
    }
    case "freeze": {
      // The object itself becomes read-only (a write raises TypeError, as in strict JavaScript); Readonly types
      // already reject writes at compile time. A frozen array is not enforced at run time (see docs/guest-subset.md).
      const [value] = argumentsOf(node, context, what, 1, 1);
      return context.helperCall("_js_freeze", value ?? py.none);
    }
  }
  return unsupported(node, what, context);
}

function mayHaveIntegerKeys(type: ts.Type, context: Context): boolean {
  const parts = type.isUnion() ? type.types : [type];
  return parts.some(
    (part) =>
      context.checker.getIndexInfosOfType(part).length > 0 ||
      part.getProperties().some((p) => /^(0|[1-9][0-9]*)$/.test(p.name)),
  );
}
