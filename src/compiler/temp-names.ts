import * as ts from "typescript";
import type * as py from "./python/ast";

// Names for the temps the compiler introduces, saying what they hold.

/**
 * The name of where `node`'s value goes: `verifyTo: c ? a : b` gives `verifyTo`, `x.detail = ...` gives `detail`, a
 * returned value `result`; undefined where nothing names it.
 */
export function resultHint(node: ts.Node): string | undefined {
  let value = node;
  while (ts.isParenthesizedExpression(value.parent) || ts.isAsExpression(value.parent)) value = value.parent;
  const parent = value.parent;
  const named = (nameNode: ts.Node): string | undefined =>
    ts.isIdentifier(nameNode) || ts.isStringLiteral(nameNode) ? nameNode.text : undefined;
  let hint: string | undefined;
  if (ts.isPropertyAssignment(parent) && parent.initializer === value) hint = named(parent.name);
  else if (ts.isVariableDeclaration(parent)) hint = named(parent.name);
  else if (ts.isBinaryExpression(parent) && parent.right === value) {
    const target = parent.left;
    if (ts.isIdentifier(target)) hint = target.text;
    else if (ts.isPropertyAccessExpression(target)) hint = target.name.text;
    else if (ts.isElementAccessExpression(target)) hint = named(target.argumentExpression);
  } else if (ts.isReturnStatement(parent)) hint = "result";
  return hint !== undefined && /^[A-Za-z_]\w*$/.test(hint) ? hint : undefined;
}

/**
 * A temp name that says what it holds: `config["fromNumber"]` is kept in `_fromNumber`, `_js_item(codes, 0)` in
 * `_codes_item`, `reader.value(name)` in `_value`.
 */
export function nameHint(value: py.Expr): string {
  if (value.kind === "subscript" && value.index.kind === "str" && /^[A-Za-z_]\w*$/.test(value.index.value)) {
    return value.index.value;
  }
  if (value.kind === "attr") return value.name;
  // `a.get("b") if a is not None else None`, one link of an optional chain, holds what its present branch reads.
  if (value.kind === "ifexp") return nameHint(value.body);
  if (value.kind === "call" && value.func.kind === "attr" && value.func.name === "get") {
    const key = value.args[0];
    if (key?.kind === "str" && /^[A-Za-z_]\w*$/.test(key.value)) return key.value;
    if (value.func.object.kind === "name") return `${value.func.object.id.replace(/^_+/, "")}_item`;
  }
  // What a call returns is named after what it does: `self.value(name)` is kept in `_value`.
  if (value.kind === "call" && value.func.kind === "attr") return value.func.name;
  if (value.kind === "call" && value.func.kind === "name" && !value.func.id.startsWith("_"))
    return value.func.id;
  if (
    value.kind === "call" &&
    value.func.kind === "name" &&
    value.func.id === "_js_item" &&
    value.args[0]?.kind === "name"
  ) {
    return `${value.args[0].id}_item`;
  }
  return "value";
}
