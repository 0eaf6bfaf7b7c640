import * as ts from "typescript";
import { Code } from "../../diagnostics";
import type { Context } from "../../context";
import * as py from "../../python/ast";
import { objectFamily } from "../../types";

/**
 * Object literals are data objects: OrderedDicts, because JavaScript keeps keys in insertion order (Object.keys,
 * JSON.stringify) and Jython's dict, backed by a hash map, does not.
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
  const entries: py.Expr[] = [];
  for (const property of node.properties) {
    const entry = objectEntry(property, context);
    if (entry !== undefined) entries.push({ kind: "tuple", items: entry });
  }
  const orderedDict = context.useImport("OrderedDict");
  return entries.length === 0 ? py.call(orderedDict) : py.call(orderedDict, { kind: "list", items: entries });
}

function objectEntry(
  property: ts.ObjectLiteralElementLike,
  context: Context,
): [py.Expr, py.Expr] | undefined {
  if (ts.isPropertyAssignment(property)) {
    const key = propertyKey(property.name, context);
    return key === undefined ? undefined : [key, context.visitExpression(property.initializer)];
  }
  if (ts.isShorthandPropertyAssignment(property)) {
    return [py.str(property.name.text), context.visitExpression(property.name)];
  }
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
  return { kind: "list", items: node.elements.map((e) => context.visitExpression(e)) };
}
