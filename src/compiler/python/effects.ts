import type * as py from "./ast";

// What statements placed before an expression may change: used to decide whether a value computed to their left must
// be kept in a temp first (see Context.inOrder).

/** Calls that read but never write: `.get()`, `len()`, and the helpers other than `_js_set_item`. */
function isReadOnlyCall(call: py.Expr & { kind: "call" }): boolean {
  const func = call.func;
  if (func.kind === "attr") return func.name === "get";
  if (func.kind !== "name") return false;
  if (func.id === "_js_set_item" || func.id === "_js_freeze") return false;
  return func.id.startsWith("_js_") || ["len", "isinstance", "float", "int", "unicode"].includes(func.id);
}

export interface Effects {
  /** Whether the statements evaluate anything at all (a `def` only binds its fresh name). */
  evaluates: boolean;
  names: Set<string>;
  /** An object may change: an element or attribute is assigned, or something is called that may write. */
  objects: boolean;
}

export function effectsOf(statements: readonly py.Stmt[]): Effects {
  const effects: Effects = { evaluates: false, names: new Set(), objects: false };
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(visit);
      return;
    }
    if (node === null || typeof node !== "object") return;
    const record = node as { kind?: string; target?: py.Expr; name?: unknown };
    if (record.kind === "assign" || record.kind === "augassign" || record.kind === "for") {
      if (record.target?.kind === "name") effects.names.add(record.target.id);
      else effects.objects = true;
    }
    if (record.kind === "def" || record.kind === "class") {
      effects.names.add(String(record.name));
      return; // its body runs later, when it is called (and then it shows as a call)
    }
    if (record.kind === "call" && !isReadOnlyCall(node as py.Expr & { kind: "call" })) effects.objects = true;
    Object.values(node).forEach(visit);
  };
  statements.forEach((statement) => {
    if (statement.kind !== "def" && statement.kind !== "class") effects.evaluates = true;
  });
  visit(statements);
  return effects;
}

/** Whether `value` reads the same after statements with these effects: names not reassigned, reads of unchanged objects. */
export function isStable(value: py.Expr, effects: Effects): boolean {
  if (!effects.evaluates && value.kind !== "name") return true;
  switch (value.kind) {
    case "num":
    case "str":
    case "const":
      return true;
    case "name":
      return !effects.names.has(value.id);
    case "attr":
      return !effects.objects && isStable(value.object, effects);
    case "subscript":
      return !effects.objects && isStable(value.object, effects) && isStable(value.index, effects);
    // A read-only call or an operator over stable operands gives the same value after statements that change nothing
    // it reads, and computing it writes nothing those statements read.
    case "call":
      return (
        !effects.objects &&
        isReadOnlyCall(value) &&
        value.keywords === undefined &&
        (value.func.kind !== "attr" || isStable(value.func.object, effects)) &&
        value.args.every((arg) => isStable(arg, effects))
      );
    case "compare":
    case "boolop":
      return isStable(value.left, effects) && isStable(value.right, effects);
    default:
      return false;
  }
}
