import * as ts from "typescript";

// Type questions the visitors ask the checker. Guest values fall into a few families that map to different Python:
// primitives, arrays (lists), data objects (dicts) and service objects (attribute access).

/**
 * The checker does not keep what getTypeAtLocation answers for most nodes, and the visitors ask about the same node
 * several times (to pick a built-in, a condition's form, a helper): one answer per node and checker.
 */
const knownTypes = new WeakMap<ts.TypeChecker, WeakMap<ts.Node, ts.Type>>();

export function typeOf(checker: ts.TypeChecker, node: ts.Node): ts.Type {
  let types = knownTypes.get(checker);
  if (types === undefined) {
    types = new WeakMap();
    knownTypes.set(checker, types);
  }
  let type = types.get(node);
  if (type === undefined) {
    type = checker.getTypeAtLocation(node);
    types.set(node, type);
  }
  return type;
}

function everyPart(type: ts.Type, predicate: (part: ts.Type) => boolean): boolean {
  if (type.isUnion()) return type.types.every(predicate);
  return predicate(type);
}

function nonNullableParts(type: ts.Type): ts.Type[] {
  const parts = type.isUnion() ? type.types : [type];
  return parts.filter(
    (p) => (p.flags & (ts.TypeFlags.Null | ts.TypeFlags.Undefined | ts.TypeFlags.Void)) === 0,
  );
}

export function isStringType(type: ts.Type): boolean {
  return everyPart(type, (p) => (p.flags & ts.TypeFlags.StringLike) !== 0);
}

/** A number, possibly null or undefined. */
export function isNumberish(type: ts.Type): boolean {
  const parts = nonNullableParts(type);
  return parts.length > 0 && parts.every((p) => (p.flags & ts.TypeFlags.NumberLike) !== 0);
}

export function isNumberType(type: ts.Type): boolean {
  return everyPart(type, (p) => (p.flags & ts.TypeFlags.NumberLike) !== 0);
}

export function isBooleanType(type: ts.Type): boolean {
  return everyPart(type, (p) => (p.flags & ts.TypeFlags.BooleanLike) !== 0);
}

export function isNullish(type: ts.Type): boolean {
  return everyPart(
    type,
    (p) => (p.flags & (ts.TypeFlags.Null | ts.TypeFlags.Undefined | ts.TypeFlags.Void)) !== 0,
  );
}

/** True when the value is an object or array: JavaScript's === then compares identity, Python's == would compare contents. */
export function isReferenceType(type: ts.Type): boolean {
  const parts = nonNullableParts(type);
  return parts.length > 0 && parts.every((p) => (p.flags & ts.TypeFlags.Object) !== 0);
}

/** A string, possibly null or undefined (for `?.` receivers). */
export function isStringish(type: ts.Type): boolean {
  const parts = nonNullableParts(type);
  return parts.length > 0 && parts.every((p) => (p.flags & ts.TypeFlags.StringLike) !== 0);
}

export function isArrayLike(checker: ts.TypeChecker, type: ts.Type): boolean {
  const parts = nonNullableParts(type);
  return parts.length > 0 && parts.every((p) => checker.isArrayType(p) || checker.isTupleType(p));
}

export function arrayElementType(checker: ts.TypeChecker, type: ts.Type): ts.Type | undefined {
  const part = nonNullableParts(type)[0];
  if (part === undefined) return undefined;
  return checker.getTypeArguments(part as ts.TypeReference)[0];
}

export type ObjectFamily = "data" | "service" | "mixed";

/**
 * Data objects (all properties are values) become dicts; service objects (methods, classes, Java and library types)
 * keep attribute access. A type mixing both has no faithful Python form.
 */
export function objectFamily(checker: ts.TypeChecker, type: ts.Type): ObjectFamily {
  const families = new Set(nonNullableParts(type).map((p) => familyOfPart(checker, p)));
  if (families.size === 1) return [...families][0] as ObjectFamily;
  return families.has("mixed") || (families.has("data") && families.has("service")) ? "mixed" : "data";
}

function familyOfPart(checker: ts.TypeChecker, type: ts.Type): ObjectFamily {
  if (checker.getIndexInfosOfType(type).length > 0 && type.getProperties().length === 0) return "data";
  const symbol = type.getSymbol();
  const declarations = symbol?.getDeclarations() ?? [];
  if (declarations.some((d) => ts.isClassDeclaration(d) || ts.isClassExpression(d))) return "service";
  // Readonly<T>, Partial<T>, Pick<T, K>, Record<K, V> are declared in the lib but are data when their properties are.
  const mapped = ((type as ts.ObjectType).objectFlags & ts.ObjectFlags.Mapped) !== 0;
  if (!mapped && declarations.some((d) => isLibraryOrJava(d))) return "service";
  let methods = 0;
  let values = 0;
  for (const property of type.getProperties()) {
    const declaration = property.valueDeclaration ?? property.declarations?.[0];
    if (
      declaration !== undefined &&
      (ts.isMethodSignature(declaration) || ts.isMethodDeclaration(declaration))
    )
      methods++;
    else values++;
  }
  if (methods > 0 && values > 0) return "mixed";
  return methods > 0 ? "service" : "data";
}

function isLibraryOrJava(declaration: ts.Declaration): boolean {
  const file = declaration.getSourceFile();
  if (file.hasNoDefaultLib) return true;
  return javaModuleOf(declaration) !== undefined;
}

/** The Java package of a declaration inside `declare module "java:<package>"`, if it is one. */
export function javaModuleOf(node: ts.Node): string | undefined {
  for (let current: ts.Node | undefined = node; current !== undefined; current = current.parent) {
    if (
      ts.isModuleDeclaration(current) &&
      ts.isStringLiteral(current.name) &&
      current.name.text.startsWith("java:")
    ) {
      return current.name.text.slice("java:".length);
    }
  }
  return undefined;
}

/** Whether a property read on a data object may miss (optional property or index signature): it is then read with .get(). */
export function isOptionalRead(checker: ts.TypeChecker, objectType: ts.Type, propertyName: string): boolean {
  for (const part of nonNullableParts(objectType)) {
    const property = part.getProperty(propertyName);
    if (property === undefined) return true;
    if ((property.flags & ts.SymbolFlags.Optional) !== 0) return true;
  }
  return false;
}
