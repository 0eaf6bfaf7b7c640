// Turns the `declare module "java:java..."` / `"java:javax..."` blocks of .d.ts files into a Java source file that
// references every declared class, constructor, method and static field, so that `javac --release 11` fails when the host
// declares (and so uses) a Java API that Java 11 does not have.
import * as ts from "typescript";

interface Scope {
  packageName: string;
  /** Type names visible in the module (its own classes and its imports) → Java's qualified name. */
  types: Map<string, string>;
  /** Type parameters of the enclosing class and method: passed as null. */
  typeParameters: Set<string>;
}

/** Declarations whose doc says "no Java class has this name" (e.g. ByteArray, which stands for byte[]) are types only. */
const TYPE_ONLY_MARK = "no Java class has this name";

const IS_JDK = /^java:(java|javax)\./;

export interface ProbeResult {
  source: string;
  /** How many classes and members the probe references. */
  references: number;
}

export function javaProbe(
  files: ReadonlyArray<{ name: string; text: string }>,
  className = "Java11Probe",
): ProbeResult {
  const modules: Array<{ packageName: string; body: ts.ModuleBlock }> = [];
  for (const file of files) {
    const source = ts.createSourceFile(file.name, file.text, ts.ScriptTarget.ES2019, true);
    for (const statement of source.statements) {
      if (
        ts.isModuleDeclaration(statement) &&
        ts.isStringLiteral(statement.name) &&
        IS_JDK.test(statement.name.text) &&
        statement.body !== undefined &&
        ts.isModuleBlock(statement.body)
      ) {
        modules.push({ packageName: statement.name.text.slice("java:".length), body: statement.body });
      }
    }
  }
  // Every JDK class declared anywhere, by "package:Name" path, to resolve imports between modules.
  const declared = new Map<string, string>();
  for (const m of modules) {
    for (const [name, qualified] of classesOf(m.body, m.packageName))
      declared.set(`${m.packageName}:${name}`, qualified);
  }
  const lines: string[] = [];
  let references = 0;
  let counter = 0;
  for (const m of modules) {
    const types = new Map<string, string>();
    for (const [name, qualified] of classesOf(m.body, m.packageName)) types.set(name, qualified);
    for (const statement of m.body.statements) {
      if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
      const from = statement.moduleSpecifier.text.slice("java:".length);
      const bindings = statement.importClause?.namedBindings;
      if (bindings === undefined || !ts.isNamedImports(bindings)) continue;
      for (const element of bindings.elements) {
        const original = (element.propertyName ?? element.name).text;
        const qualified = declared.get(`${from}:${original}`);
        if (qualified !== undefined) types.set(element.name.text, qualified);
      }
    }
    const scope: Scope = { packageName: m.packageName, types, typeParameters: new Set() };
    for (const { node, qualified } of declarationsOf(m.body, m.packageName)) {
      if (isTypeOnly(node)) continue;
      lines.push(`    // ${qualified}`);
      lines.push(`    Class<?> c${counter++} = ${qualified}.class;`);
      references++;
      const classScope: Scope = {
        ...scope,
        typeParameters: new Set((node.typeParameters ?? []).map((p) => p.name.text)),
      };
      const isAbstract =
        ts.isInterfaceDeclaration(node) ||
        (ts.getModifiers(node) ?? []).some((mod) => mod.kind === ts.SyntaxKind.AbstractKeyword);
      for (const member of node.members as ts.NodeArray<ts.ClassElement | ts.TypeElement>) {
        const statement = memberReference(member, qualified, classScope, isAbstract, () => counter++);
        if (statement !== undefined) {
          lines.push(`    ${statement}`);
          references++;
        }
      }
    }
  }
  const source = [
    "// Generated from src/host/java/*.d.ts: every java.*/javax.* class and member the host declares. Never run.",
    `class ${className} {`,
    '  @SuppressWarnings({"unchecked", "rawtypes"})',
    "  static void probe() throws Throwable {",
    ...lines.map((l) => `  ${l}`),
    "  }",
    "}",
    "",
  ].join("\n");
  return { source, references };
}

type JavaDeclaration = ts.ClassDeclaration | ts.InterfaceDeclaration;

function declarationsOf(
  body: ts.ModuleBlock,
  packageName: string,
  outer = "",
): Array<{ node: JavaDeclaration; qualified: string }> {
  const found: Array<{ node: JavaDeclaration; qualified: string }> = [];
  for (const statement of body.statements) {
    if (
      (ts.isClassDeclaration(statement) || ts.isInterfaceDeclaration(statement)) &&
      statement.name !== undefined
    ) {
      found.push({ node: statement, qualified: `${packageName}.${outer}${statement.name.text}` });
    }
    if (
      ts.isModuleDeclaration(statement) &&
      ts.isIdentifier(statement.name) &&
      statement.body !== undefined &&
      ts.isModuleBlock(statement.body)
    ) {
      found.push(...declarationsOf(statement.body, packageName, `${outer}${statement.name.text}.`));
    }
  }
  return found;
}

function classesOf(body: ts.ModuleBlock, packageName: string): Array<[string, string]> {
  return declarationsOf(body, packageName).map(({ node, qualified }) => [
    qualified.slice(packageName.length + 1),
    isTypeOnly(node) ? typeOnlyJavaType(node) : qualified,
  ]);
}

function isTypeOnly(node: ts.Node): boolean {
  return ts.getJSDocCommentsAndTags(node).some((doc) => doc.getText().includes(TYPE_ONLY_MARK));
}

/** ByteArray stands for byte[]; any other type-only declaration for Object. */
function typeOnlyJavaType(node: JavaDeclaration): string {
  return node.name?.text === "ByteArray" ? "byte[]" : "Object";
}

function memberReference(
  member: ts.ClassElement | ts.TypeElement,
  qualified: string,
  scope: Scope,
  isAbstract: boolean,
  next: () => number,
): string | undefined {
  const modifiers = ts.canHaveModifiers(member) ? (ts.getModifiers(member) ?? []) : [];
  const has = (kind: ts.SyntaxKind): boolean => modifiers.some((m) => m.kind === kind);
  if (ts.isConstructorDeclaration(member)) {
    if (isAbstract || has(ts.SyntaxKind.PrivateKeyword) || has(ts.SyntaxKind.ProtectedKeyword))
      return undefined;
    return `Object o${next()} = new ${qualified}(${argumentsOf(member, scope)});`;
  }
  if ((ts.isMethodDeclaration(member) || ts.isMethodSignature(member)) && ts.isIdentifier(member.name)) {
    const methodScope: Scope = {
      ...scope,
      typeParameters: new Set([
        ...scope.typeParameters,
        ...(member.typeParameters ?? []).map((p) => p.name.text),
      ]),
    };
    const receiver = has(ts.SyntaxKind.StaticKeyword) ? qualified : `((${qualified}) null)`;
    return `${receiver}.${member.name.text}(${argumentsOf(member, methodScope)});`;
  }
  if (ts.isPropertyDeclaration(member) && has(ts.SyntaxKind.StaticKeyword) && ts.isIdentifier(member.name)) {
    return `Object f${next()} = ${qualified}.${member.name.text};`;
  }
  return undefined;
}

function argumentsOf(member: ts.SignatureDeclarationBase, scope: Scope): string {
  return member.parameters.map((p) => argumentFor(p.type, scope)).join(", ");
}

/** A Java expression of the parameter's type: a literal for primitives and strings, a cast null otherwise. */
function argumentFor(type: ts.TypeNode | undefined, scope: Scope): string {
  if (type === undefined) return "null";
  if (ts.isUnionTypeNode(type)) {
    const nonNull = type.types.filter(
      (t) =>
        !(ts.isLiteralTypeNode(t) && t.literal.kind === ts.SyntaxKind.NullKeyword) &&
        t.kind !== ts.SyntaxKind.UndefinedKeyword,
    );
    return argumentFor(nonNull[0], scope);
  }
  switch (type.kind) {
    case ts.SyntaxKind.NumberKeyword:
      return "0"; // an int widens to long, float and double
    case ts.SyntaxKind.StringKeyword:
      return '""';
    case ts.SyntaxKind.BooleanKeyword:
      return "false";
    default:
      break;
  }
  const javaType = javaTypeOf(type, scope);
  return javaType === undefined ? "null" : `(${javaType}) null`;
}

function javaTypeOf(type: ts.TypeNode, scope: Scope): string | undefined {
  if (type.kind === ts.SyntaxKind.StringKeyword) return "String";
  if (ts.isArrayTypeNode(type)) {
    const element = javaTypeOf(type.elementType, scope);
    return element === undefined ? "Object[]" : `${element}[]`;
  }
  if (ts.isTypeReferenceNode(type)) {
    const name = type.typeName.getText();
    if (scope.typeParameters.has(name)) return undefined;
    return scope.types.get(name);
  }
  return undefined;
}
