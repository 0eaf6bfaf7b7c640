import * as ts from "typescript";
import { type ExpressionVisitor, type Registry, type StatementVisitor, type Visitor } from "../context";
import { Code } from "../diagnostics";
import { visitClass } from "./declarations/classes";
import { visitTypeDeclaration } from "./declarations/types";
import { visitElementAccess, visitPropertyAccess } from "./expressions/access";
import { visitBinary } from "./expressions/binary";
import { visitCall, visitNew } from "./expressions/calls";
import {
  visitArrowFunction,
  visitFunctionDeclaration,
  visitFunctionExpression,
} from "./expressions/functions";
import {
  visitIdentifier,
  visitKeyword,
  visitNumericLiteral,
  visitStringLiteral,
  visitTemplate,
  visitTransparent,
} from "./expressions/literals";
import { visitConditional } from "./expressions/conditions";
import { visitArrayLiteral, visitObjectLiteral } from "./expressions/objects";
import { visitPostfixUnary, visitPrefixUnary } from "./expressions/unary";
import { visitForOf, visitIf, visitTry, visitUnsupportedLoop, visitWhile } from "./statements/control";
import {
  visitBlock,
  visitBreakOrContinue,
  visitExpressionStatement,
  visitNothing,
  visitReturn,
  visitThrow,
  visitVariableStatement,
} from "./statements/simple";
import { visitFor } from "./statements/for";
import { visitSwitch } from "./statements/switch";

// Each visitor is typed for its own node kind; the registry, keyed by that kind, stores them under the general type.
const expression = <T extends ts.Node>(visit: ExpressionVisitor<T>): Visitor => ({
  kind: "expression",
  visit: visit as ExpressionVisitor,
});
const statement = <T extends ts.Node>(visit: StatementVisitor<T>): Visitor => ({
  kind: "statement",
  visit: visit as StatementVisitor,
});
const rejected = (code: string, message: string): Visitor => ({ kind: "rejected", code, message });

/**
 * Every syntax kind the compiler accepts, in one flat table. A kind missing here is rejected with GR1001: the guest
 * subset is a whitelist. Kinds listed as rejected get their own code and a message saying what to write instead.
 */
export const registry: Registry = {
  // Literals and names
  [ts.SyntaxKind.NumericLiteral]: expression(visitNumericLiteral),
  [ts.SyntaxKind.StringLiteral]: expression(visitStringLiteral),
  [ts.SyntaxKind.NoSubstitutionTemplateLiteral]: expression(visitStringLiteral),
  [ts.SyntaxKind.TemplateExpression]: expression(visitTemplate),
  [ts.SyntaxKind.TrueKeyword]: expression(visitKeyword),
  [ts.SyntaxKind.FalseKeyword]: expression(visitKeyword),
  [ts.SyntaxKind.NullKeyword]: expression(visitKeyword),
  [ts.SyntaxKind.ThisKeyword]: expression(visitKeyword),
  [ts.SyntaxKind.Identifier]: expression(visitIdentifier),
  [ts.SyntaxKind.ArrayLiteralExpression]: expression(visitArrayLiteral),
  [ts.SyntaxKind.ObjectLiteralExpression]: expression(visitObjectLiteral),

  // Operators and access
  [ts.SyntaxKind.BinaryExpression]: expression(visitBinary),
  [ts.SyntaxKind.PrefixUnaryExpression]: expression(visitPrefixUnary),
  [ts.SyntaxKind.PostfixUnaryExpression]: expression(visitPostfixUnary),
  [ts.SyntaxKind.ConditionalExpression]: expression(visitConditional),
  [ts.SyntaxKind.PropertyAccessExpression]: expression(visitPropertyAccess),
  [ts.SyntaxKind.ElementAccessExpression]: expression(visitElementAccess),
  [ts.SyntaxKind.CallExpression]: expression(visitCall),
  [ts.SyntaxKind.NewExpression]: expression(visitNew),
  [ts.SyntaxKind.ParenthesizedExpression]: expression(visitTransparent),
  [ts.SyntaxKind.AsExpression]: expression(visitTransparent),
  [ts.SyntaxKind.TypeAssertionExpression]: expression(visitTransparent),
  [ts.SyntaxKind.NonNullExpression]: expression(visitTransparent),
  [ts.SyntaxKind.SatisfiesExpression]: expression(visitTransparent),
  [ts.SyntaxKind.ArrowFunction]: expression(visitArrowFunction),
  [ts.SyntaxKind.FunctionExpression]: expression(visitFunctionExpression),

  // Statements
  [ts.SyntaxKind.Block]: statement(visitBlock),
  [ts.SyntaxKind.EmptyStatement]: statement(visitNothing),
  [ts.SyntaxKind.ExpressionStatement]: statement(visitExpressionStatement),
  [ts.SyntaxKind.VariableStatement]: statement(visitVariableStatement),
  [ts.SyntaxKind.IfStatement]: statement(visitIf),
  [ts.SyntaxKind.WhileStatement]: statement(visitWhile),
  [ts.SyntaxKind.ForOfStatement]: statement(visitForOf),
  [ts.SyntaxKind.ForStatement]: statement(visitFor),
  [ts.SyntaxKind.DoStatement]: statement(visitUnsupportedLoop),
  [ts.SyntaxKind.BreakStatement]: statement(visitBreakOrContinue),
  [ts.SyntaxKind.ContinueStatement]: statement(visitBreakOrContinue),
  [ts.SyntaxKind.ReturnStatement]: statement(visitReturn),
  [ts.SyntaxKind.ThrowStatement]: statement(visitThrow),
  [ts.SyntaxKind.TryStatement]: statement(visitTry),
  [ts.SyntaxKind.SwitchStatement]: statement(visitSwitch),

  // Declarations (imports and exports are resolved by the bundler; types are erased)
  [ts.SyntaxKind.FunctionDeclaration]: statement(visitFunctionDeclaration),
  [ts.SyntaxKind.ClassDeclaration]: statement(visitClass),
  [ts.SyntaxKind.InterfaceDeclaration]: statement(visitTypeDeclaration),
  [ts.SyntaxKind.TypeAliasDeclaration]: statement(visitTypeDeclaration),
  [ts.SyntaxKind.ImportDeclaration]: statement(visitNothing),
  [ts.SyntaxKind.ExportDeclaration]: statement(visitNothing),

  // Rejected with their own codes
  [ts.SyntaxKind.ForInStatement]: rejected(
    Code.ForIn,
    "for...in is not supported: use `for (const key of Object.keys(o))`.",
  ),
  [ts.SyntaxKind.DeleteExpression]: rejected(
    Code.Delete,
    "`delete` is not supported: build a new object without the key.",
  ),
  [ts.SyntaxKind.LabeledStatement]: rejected(
    Code.Label,
    "Labels are not supported: move the inner loop into a function and return from it.",
  ),
  [ts.SyntaxKind.SpreadElement]: rejected(
    Code.Spread,
    "Spread is not supported: pass or copy the elements explicitly.",
  ),
  [ts.SyntaxKind.RegularExpressionLiteral]: rejected(
    Code.Regex,
    "Regular expressions are not supported: use the string methods (split, includes, startsWith...).",
  ),
  [ts.SyntaxKind.TypeOfExpression]: rejected(
    Code.TypeOf,
    "`typeof` is not supported: rely on the static types, or compare with null.",
  ),
  [ts.SyntaxKind.AwaitExpression]: rejected(
    Code.Async,
    "`await` is not supported: guest code is synchronous.",
  ),
  [ts.SyntaxKind.YieldExpression]: rejected(
    Code.Generator,
    "Generators are not supported: build and return an array.",
  ),
  [ts.SyntaxKind.VoidExpression]: rejected(
    Code.UnsupportedOperator,
    "`void` is not supported: use `undefined`.",
  ),
  [ts.SyntaxKind.EnumDeclaration]: rejected(
    Code.UnsupportedSyntax,
    "Enums are not supported: use a union of string literals.",
  ),
};
