import * as ts from "typescript";
import { libraryGlobal } from "../../builtins/globals";
import { Code } from "../../diagnostics";
import { asLines, commentStatements, leadingComments, withDocstring } from "../../comments";
import type { Context } from "../../context";
import * as py from "../../python/ast";
import { javaModuleOf } from "../../types";
import { memberName } from "../expressions/access";
import { compileFunction, parameters } from "../expressions/functions";

/**
 * A class: fields are initialised in `__init__` (after the `super(...)` call, as in JavaScript), methods take `self`.
 * `extends Error` derives from the JsError helper; `implements` of a declared Java interface adds it as a base class.
 */
export function visitClass(node: ts.ClassDeclaration, context: Context): py.Stmt[] {
  if (node.name === undefined) {
    context.report(node, Code.UnsupportedSyntax, "Classes must have a name.");
    return [];
  }
  const className = context.declare(node.name);
  const bases = baseClasses(node, context);
  const extendsClass = bases.length > 0 && hasExtends(node);
  context.classes.push(className);
  try {
    const fields: ts.PropertyDeclaration[] = [];
    const methods: py.Stmt[][] = [];
    let constructor: ts.ConstructorDeclaration | undefined;
    for (const member of node.members) {
      if (isStatic(member)) {
        context.report(
          member,
          Code.StaticMember,
          "Static members are not supported: use a module-level function or const.",
        );
        continue;
      }
      if (ts.isPropertyDeclaration(member)) fields.push(member);
      else if (ts.isConstructorDeclaration(member) && member.body !== undefined) constructor = member;
      else if (ts.isMethodDeclaration(member) && member.body !== undefined) {
        const method = compileFunction(member, memberName(member.name, context), context, true);
        methods.push(documented(member, method, context));
      } else if (ts.isClassStaticBlockDeclaration(member)) {
        context.report(member, Code.StaticMember, "Static blocks are not supported.");
      }
    }
    // A field without initializer is a class attribute None: it reads as undefined until assigned, and redeclaring
    // it in a subclass (`override v?: number`) leaves the value the base constructor assigned.
    const declared = fields
      .filter((field) => field.initializer === undefined)
      .flatMap((field) => [
        ...fieldComments(field, context),
        py.assign(py.name(memberName(field.name, context)), py.none),
      ]);
    const initialized = fields.filter((field) => field.initializer !== undefined);
    const init = initializer(node, constructor, initialized, extendsClass, context);
    const members = init === undefined ? methods : [init, ...methods];
    const body =
      declared.length > 0 && members.length > 0
        ? [...declared, { kind: "blank" } as py.Stmt, ...spaced(members)]
        : [...declared, ...spaced(members)];
    return [{ kind: "class", name: className, bases, body, loc: context.location(node) }];
  } finally {
    context.classes.pop();
  }
}

function isStatic(member: ts.ClassElement): boolean {
  return (
    ts.canHaveModifiers(member) &&
    (ts.getModifiers(member) ?? []).some((m) => m.kind === ts.SyntaxKind.StaticKeyword)
  );
}

function hasExtends(node: ts.ClassDeclaration): boolean {
  return (node.heritageClauses ?? []).some((c) => c.token === ts.SyntaxKind.ExtendsKeyword);
}

function baseClasses(node: ts.ClassDeclaration, context: Context): py.Expr[] {
  const bases: py.Expr[] = [];
  for (const clause of node.heritageClauses ?? []) {
    for (const heritage of clause.types) {
      if (clause.token === ts.SyntaxKind.ExtendsKeyword) {
        bases.push(
          libraryGlobal(heritage.expression, context) === "Error"
            ? context.useHelper("JsError")
            : context.visitExpression(heritage.expression),
        );
        continue;
      }
      const symbol = context.resolvedSymbol(heritage.expression);
      const declaration = symbol?.declarations?.[0];
      // Guest interfaces are erased; a Java interface is a real base class Janssen calls through.
      if (declaration !== undefined && javaModuleOf(declaration) !== undefined) {
        bases.push(context.visitExpression(heritage.expression));
      }
    }
  }
  return bases;
}

function initializer(
  node: ts.ClassDeclaration,
  constructor: ts.ConstructorDeclaration | undefined,
  fields: ts.PropertyDeclaration[],
  extendsClass: boolean,
  context: Context,
): py.Stmt[] | undefined {
  if (constructor === undefined && fields.length === 0) return undefined;
  const fieldStatements = (): py.Stmt[] =>
    fields.flatMap((field) => [
      ...fieldComments(field, context),
      py.assign(
        py.attr(py.name("self"), memberName(field.name, context)),
        context.visitExpression(field.initializer as ts.Expression),
      ),
    ]);
  if (constructor === undefined) {
    context.enterFunction(node);
    try {
      const fieldsInit = fieldStatements();
      if (!extendsClass)
        return [{ kind: "def", name: "__init__", params: [{ name: "self" }], body: fieldsInit }];
      const className = context.classes[context.classes.length - 1] ?? "";
      const superInit = py.method(
        py.call("super", py.name(className), py.name("self")),
        "__init__",
        py.name("*args"),
      );
      return [
        {
          kind: "def",
          name: "__init__",
          params: [{ name: "self" }, { name: "*args" }],
          body: [py.exprStmt(superInit), ...fieldsInit],
        },
      ];
    } finally {
      context.exitFunction();
    }
  }
  context.enterFunction(constructor);
  try {
    const { params, prologue } = parameters(constructor, context);
    const propertyParameters = constructor.parameters
      .filter((p) => ts.isParameterPropertyDeclaration(p, constructor) && ts.isIdentifier(p.name))
      .map((p) =>
        py.assign(
          py.attr(py.name("self"), (p.name as ts.Identifier).text),
          py.name(context.nameOf(p.name as ts.Identifier)),
        ),
      );
    const statements = (constructor.body as ts.Block).statements;
    const superIndex = statements.findIndex((s) => isSuperCall(s));
    const before = context.visitStatements(statements.slice(0, superIndex + 1));
    const after = context.visitStatements(statements.slice(superIndex + 1));
    const init: py.Stmt & { kind: "def" } = {
      kind: "def",
      name: "__init__",
      params: [{ name: "self" }, ...params],
      body: [...prologue, ...before, ...propertyParameters, ...fieldStatements(), ...after],
      loc: context.location(constructor),
    };
    return documented(constructor, init, context);
  } finally {
    context.exitFunction();
  }
}

function isSuperCall(statement: ts.Statement): boolean {
  return (
    ts.isExpressionStatement(statement) &&
    ts.isCallExpression(statement.expression) &&
    statement.expression.expression.kind === ts.SyntaxKind.SuperKeyword
  );
}

/** One blank line between methods, as PEP 8 asks. */
function spaced(members: py.Stmt[][]): py.Stmt[] {
  return members.flatMap((member, index) =>
    index === 0 ? member : [{ kind: "blank" } as py.Stmt, ...member],
  );
}

/** A method with the comments before it, its JSDoc as its docstring. */
function documented(member: ts.ClassElement, method: py.Stmt & { kind: "def" }, context: Context): py.Stmt[] {
  const comments = leadingComments(member, context.comments);
  const def = comments.doc === undefined ? method : withDocstring(method, comments.doc);
  return [...commentStatements(comments.lines), def];
}

/** A field's comments (JSDoc included) as `#` lines before the statement that gives it its first value. */
function fieldComments(field: ts.PropertyDeclaration, context: Context): py.Stmt[] {
  return commentStatements(asLines(leadingComments(field, context.comments)));
}
