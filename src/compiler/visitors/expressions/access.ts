import * as ts from "typescript";
import { libraryProperty } from "../../builtins/globals";
import { Code } from "../../diagnostics";
import type { Context } from "../../context";
import * as py from "../../python/ast";
import { isArrayLike, isOptionalRead, isStringish, isStringType, objectFamily, typeOf } from "../../types";

type ChainNode =
  ts.PropertyAccessExpression | ts.ElementAccessExpression | ts.CallExpression | ts.NonNullExpression;

/**
 * `a?.b.c()`: the whole chain after `?.` is skipped when `a` is null or undefined. The tested value is bound once, the
 * chain is compiled with that value in its place, and the result is `<chain> if <value> is not None else None`.
 */
export function withOptionalChain(node: ChainNode, context: Context, visitPlain: () => py.Expr): py.Expr {
  if (!ts.isOptionalChain(node) || context.chainMembers.has(node)) return visitPlain();
  const members: ts.Node[] = [];
  let current: ts.Node = node;
  while (ts.isOptionalChain(current)) {
    members.push(current);
    if ("questionDotToken" in current && current.questionDotToken !== undefined) break;
    current = (current as ChainNode).expression;
  }
  const tested = (current as ChainNode).expression;
  const value = context.once(context.visitExpression(tested));
  members.forEach((m) => context.chainMembers.add(m));
  context.chainSubstitutes.set(tested, value);
  try {
    const chain = context.withPreceding(visitPlain);
    const present = py.compare("is not", value, py.none);
    if (chain.preceding.length === 0) return py.ifexp(present, chain.value, py.none);
    const result = py.name(context.resultTemp(node, "member"));
    context.addPreceding(py.assign(result, py.none), {
      kind: "if",
      test: present,
      body: [...chain.preceding, py.assign(result, chain.value)],
      orelse: [],
    });
    return result;
  } finally {
    members.forEach((m) => context.chainMembers.delete(m));
    context.chainSubstitutes.delete(tested);
  }
}

export function visitPropertyAccess(node: ts.PropertyAccessExpression, context: Context): py.Expr {
  return withOptionalChain(node, context, () => readProperty(node, context));
}

function readProperty(node: ts.PropertyAccessExpression, context: Context): py.Expr {
  const propertyName = node.name.text;
  const library = libraryProperty(node, context);
  if (library !== undefined) return library;
  const objectType = typeOf(context.checker, node.expression);
  if (isStringish(objectType) || isArrayLike(context.checker, objectType)) {
    if (propertyName === "length") return py.call("len", context.visitExpression(node.expression));
    const owner = isStringish(objectType) ? "String" : "Array";
    context.report(node.name, Code.UnsupportedBuiltin, `${owner}.${propertyName} is not supported.`);
    return py.none;
  }
  const object = context.visitExpression(node.expression);
  switch (familyOf(node, context)) {
    case "data":
      return isOptionalRead(context.checker, objectType, propertyName)
        ? py.method(object, "get", py.str(propertyName))
        : py.subscript(object, py.str(propertyName));
    default:
      checkMethodValue(node, context);
      return py.attr(object, memberName(node.name, context));
  }
}

/** `o.m` not called at once: Python would bind `self`, JavaScript calls it with `this` undefined. */
function checkMethodValue(node: ts.PropertyAccessExpression, context: Context): void {
  const call = node.parent;
  if (ts.isCallExpression(call) && call.expression === node) return;
  const declaration = context.checker.getSymbolAtLocation(node.name)?.valueDeclaration;
  if (
    declaration !== undefined &&
    (ts.isMethodDeclaration(declaration) || ts.isMethodSignature(declaration))
  ) {
    context.report(
      node,
      Code.MethodAsValue,
      `The method '${node.name.text}' is used as a value: JavaScript would call it without its object. Pass an arrow function instead: \`(x) => ${node.getText()}(x)\`.`,
    );
  }
}

export function propertyTarget(node: ts.PropertyAccessExpression, context: Context): py.Expr {
  const object = context.visitExpression(node.expression);
  if (familyOf(node, context) === "data") return py.subscript(object, py.str(node.name.text));
  return py.attr(object, memberName(node.name, context));
}

function familyOf(node: ts.PropertyAccessExpression, context: Context): "data" | "service" {
  if (
    node.expression.kind === ts.SyntaxKind.ThisKeyword ||
    node.expression.kind === ts.SyntaxKind.SuperKeyword
  ) {
    return "service";
  }
  const family = objectFamily(context.checker, typeOf(context.checker, node.expression));
  if (family === "mixed") {
    context.report(
      node,
      Code.MixedObjectType,
      `'${node.expression.getText()}' has a type mixing data properties and methods: split it into a data interface and a service interface (or a class).`,
    );
    return "service";
  }
  return family;
}

/** Attribute names: Python keywords cannot follow a dot. */
export function memberName(name: ts.PropertyName, context: Context): string {
  if (!ts.isIdentifier(name) && !ts.isPrivateIdentifier(name)) {
    context.report(
      name,
      Code.UnsupportedSyntax,
      "Members must have plain names: computed and quoted names are not supported.",
    );
    return "_";
  }
  if (ts.isPrivateIdentifier(name)) {
    context.report(
      name,
      Code.UnsupportedSyntax,
      "#private members are not supported: use the `private` modifier.",
    );
    return name.text.slice(1);
  }
  // `print` is not among them: the module imports print_function.
  if (
    /^(and|as|assert|break|class|continue|def|del|elif|else|except|exec|finally|for|from|global|if|import|in|is|lambda|not|or|pass|raise|return|try|while|with|yield|None|True|False)$/.test(
      name.text,
    )
  ) {
    context.report(
      name,
      Code.NameCollision,
      `The member name '${name.text}' is a Python keyword: rename it.`,
    );
  }
  return name.text;
}

export function visitElementAccess(node: ts.ElementAccessExpression, context: Context): py.Expr {
  return withOptionalChain(node, context, () => readElement(node, context));
}

function readElement(node: ts.ElementAccessExpression, context: Context): py.Expr {
  const objectType = typeOf(context.checker, node.expression);
  const object = context.visitExpression(node.expression);
  const index = context.visitExpression(node.argumentExpression);
  if (isStringish(objectType) || isArrayLike(context.checker, objectType)) {
    return context.helperCall("_js_item", object, index);
  }
  const family = objectFamily(context.checker, objectType);
  if (family !== "data") {
    context.report(
      node,
      Code.UnsupportedSyntax,
      "Indexing is only supported on arrays, strings and records (dicts).",
    );
    return py.none;
  }
  const key = node.argumentExpression;
  if (ts.isStringLiteral(key) && !isOptionalRead(context.checker, objectType, key.text))
    return py.subscript(object, index);
  return py.method(object, "get", propertyKey(key, index, context));
}

export function elementTarget(node: ts.ElementAccessExpression, context: Context): py.Expr {
  const object = context.visitExpression(node.expression);
  const index = context.visitExpression(node.argumentExpression);
  if (isArrayLike(context.checker, typeOf(context.checker, node.expression)))
    return py.subscript(object, index);
  return py.subscript(object, propertyKey(node.argumentExpression, index, context));
}

/** Object keys are strings in JavaScript: `o[2]` is `o["2"]`. */
function propertyKey(key: ts.Expression, compiled: py.Expr, context: Context): py.Expr {
  if (ts.isNumericLiteral(key)) return py.str(String(Number(key.text)));
  if (isStringType(typeOf(context.checker, key))) return compiled;
  return context.helperCall("_js_str", compiled);
}
