import * as ts from "typescript";
import { Code } from "../../diagnostics";
import type { Context } from "../../context";
import * as py from "../../python/ast";
import { objectFamily } from "../../types";

/**
 * Object literals are data objects: JsObjects, dicts that keep their keys in insertion order as JavaScript does
 * (Object.keys, JSON.stringify), where Jython's dict, backed by a hash map, does not.
 */
export function visitObjectLiteral(node: ts.ObjectLiteralExpression, context: Context): py.Expr {
  const contextual = context.checker.getContextualType(node);
  if (contextual !== undefined && objectFamily(context.checker, contextual) !== "data") {
    context.report(
      node,
      Code.MixedObjectType,
      `An object literal can only be a data object, but '${context.checker.typeToString(contextual)}' has methods: write a class implementing it.`,
    );
  }
  // The values run in source order even when a later one needs statements of its own (see Context.inOrder).
  const keyed = node.properties.flatMap((property) => {
    const key = objectKey(property, context);
    return key === undefined ? [] : [{ key, value: propertyValue(property) }];
  });
  const values = context.inOrder(keyed.map((k) => k.value));
  const entries: py.Expr[] = keyed.map(({ key }, index) => ({
    kind: "tuple",
    items: [key, values[index] as py.Expr],
  }));
  const jsObject = context.useHelper("JsObject");
  return entries.length === 0 ? py.call(jsObject) : py.call(jsObject, { kind: "list", items: entries });
}

function objectKey(property: ts.ObjectLiteralElementLike, context: Context): py.Expr | undefined {
  if (ts.isPropertyAssignment(property)) return propertyKey(property.name, context);
  if (ts.isShorthandPropertyAssignment(property)) return py.str(property.name.text);
  if (ts.isSpreadAssignment(property)) {
    context.report(property, Code.Spread, "Spread is not supported: copy the properties one by one.");
  } else if (ts.isMethodDeclaration(property)) {
    context.report(
      property,
      Code.MixedObjectType,
      "Methods in object literals are not supported: write a class.",
    );
  }
  // Accessors are reported by the pre-check.
  return undefined;
}

function propertyValue(property: ts.ObjectLiteralElementLike): ts.Expression {
  return ts.isPropertyAssignment(property)
    ? property.initializer
    : (property as ts.ShorthandPropertyAssignment).name;
}

function propertyKey(name: ts.PropertyName, context: Context): py.Expr | undefined {
  if (ts.isIdentifier(name) || ts.isStringLiteral(name)) return py.str(name.text);
  if (ts.isNumericLiteral(name)) return py.str(String(Number(name.text)));
  context.report(
    name,
    Code.UnsupportedSyntax,
    "Computed property names are not supported: assign `o[key] = value` after.",
  );
  return undefined;
}

export function visitArrayLiteral(node: ts.ArrayLiteralExpression, context: Context): py.Expr {
  return { kind: "list", items: context.inOrder(node.elements) };
}
