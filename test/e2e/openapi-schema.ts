// A validator for the subset of JSON Schema that docs/openapi.json uses, and the header decoding the document describes.
// Any keyword outside the subset is an error rather than ignored, so the document cannot say more than the tests check.

import * as fs from "fs";
import * as path from "path";

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Schema = { [key: string]: Json };

export const OPENAPI_FILE = path.resolve(__dirname, "..", "..", "docs", "openapi.json");

export function loadOpenApi(): Schema {
  return JSON.parse(fs.readFileSync(OPENAPI_FILE, "utf8")) as Schema;
}

const ANNOTATIONS = new Set(["description", "summary", "title"]);
const CHECKED = new Set([
  "$ref",
  "type",
  "const",
  "pattern",
  "minLength",
  "maxLength",
  "properties",
  "required",
  "additionalProperties",
  "oneOf",
  "anyOf",
]);

export class OpenApiChecker {
  constructor(private readonly document: Schema) {}

  /** A schema named by a local reference, e.g. "#/components/schemas/StartRequest". */
  resolve(reference: string): Schema {
    if (!reference.startsWith("#/")) throw new Error(`only local references are supported: ${reference}`);
    let node: Json = this.document;
    for (const part of reference.slice(2).split("/")) {
      if (typeof node !== "object" || node === null || Array.isArray(node) || !(part in node)) {
        throw new Error(`dangling reference ${reference}`);
      }
      node = node[part] as Json;
    }
    return node as Schema;
  }

  schema(name: string): Schema {
    return this.resolve(`#/components/schemas/${name}`);
  }

  /** Every way `value` breaks `schema`, as "where: what"; [] when it conforms. */
  validate(schema: Schema, value: Json, where = "$"): string[] {
    for (const keyword of Object.keys(schema)) {
      if (!ANNOTATIONS.has(keyword) && !CHECKED.has(keyword)) {
        throw new Error(`${where}: the checker does not support the keyword ${keyword}`);
      }
    }
    if (typeof schema.$ref === "string") {
      return this.validate(this.resolve(schema.$ref), value, where);
    }
    const problems: string[] = [];
    if (schema.type !== undefined && !hasType(value, schema.type as string)) {
      return [`${where}: expected ${String(schema.type)}, got ${JSON.stringify(value)}`];
    }
    if ("const" in schema && value !== schema.const) {
      problems.push(`${where}: expected ${JSON.stringify(schema.const)}, got ${JSON.stringify(value)}`);
    }
    if (typeof value === "string") problems.push(...this.stringProblems(schema, value, where));
    if (typeof value === "object" && value !== null && !Array.isArray(value)) {
      problems.push(...this.objectProblems(schema, value, where));
    }
    if (Array.isArray(schema.anyOf)) {
      const fits = (schema.anyOf as Schema[]).filter((s) => this.validate(s, value, where).length === 0);
      if (fits.length === 0) problems.push(`${where}: matches none of anyOf`);
    }
    if (Array.isArray(schema.oneOf)) {
      const fits = (schema.oneOf as Schema[]).filter((s) => this.validate(s, value, where).length === 0);
      if (fits.length !== 1) problems.push(`${where}: matches ${fits.length} of oneOf, not exactly one`);
    }
    return problems;
  }

  /** The one branch of a oneOf schema that `value` matches, by its reference; null when none or several. */
  branch(schema: Schema, value: Json): string | null {
    const matching = (schema.oneOf as Schema[]).filter((s) => this.validate(s, value).length === 0);
    return matching.length === 1 ? ((matching[0] as Schema).$ref as string) : null;
  }

  private stringProblems(schema: Schema, value: string, where: string): string[] {
    const problems: string[] = [];
    if (typeof schema.pattern === "string" && !new RegExp(schema.pattern, "u").test(value)) {
      problems.push(`${where}: ${JSON.stringify(value)} does not match ${schema.pattern}`);
    }
    if (typeof schema.minLength === "number" && [...value].length < schema.minLength) {
      problems.push(`${where}: shorter than ${schema.minLength}`);
    }
    if (typeof schema.maxLength === "number" && [...value].length > schema.maxLength) {
      problems.push(`${where}: longer than ${schema.maxLength}`);
    }
    return problems;
  }

  private objectProblems(schema: Schema, value: { [key: string]: Json }, where: string): string[] {
    const problems: string[] = [];
    const properties = (schema.properties ?? {}) as { [key: string]: Schema };
    for (const name of (schema.required ?? []) as string[]) {
      if (!(name in value)) problems.push(`${where}: missing ${name}`);
    }
    for (const [name, item] of Object.entries(value)) {
      const where2 = `${where}.${name}`;
      if (name in properties) {
        problems.push(...this.validate(properties[name] as Schema, item, where2));
      } else if (schema.additionalProperties === false) {
        problems.push(`${where2}: not allowed`);
      } else if (typeof schema.additionalProperties === "object" && schema.additionalProperties !== null) {
        problems.push(...this.validate(schema.additionalProperties as Schema, item, where2));
      }
    }
    return problems;
  }
}

function hasType(value: Json, type: string): boolean {
  switch (type) {
    case "object":
      return typeof value === "object" && value !== null && !Array.isArray(value);
    case "string":
      return typeof value === "string";
    case "integer":
      return typeof value === "number" && Number.isInteger(value);
    default:
      throw new Error(`the checker does not support type ${type}`);
  }
}

/** The header as the document says to read it: split on ";", then each part on its first "=". */
export function decodeHeader(value: string): { [key: string]: string } {
  const decoded: { [key: string]: string } = {};
  for (const part of value.split(";")) {
    const equals = part.indexOf("=");
    const key = equals === -1 ? part : part.slice(0, equals);
    if (key in decoded) throw new Error(`key ${key} twice in ${value}`);
    decoded[key] = equals === -1 ? "" : part.slice(equals + 1);
  }
  return decoded;
}

/** What the document says the decoded header can hold: every status, every key, every error_code/error pair. */
export function documentedAnswers(checker: OpenApiChecker): {
  statuses: Set<string>;
  keys: Set<string>;
  errors: Map<string, string>;
} {
  const statuses = new Set<string>();
  const keys = new Set<string>();
  const errors = new Map<string, string>();
  const visit = (schema: Schema): void => {
    if (typeof schema.$ref === "string") return visit(checker.resolve(schema.$ref));
    for (const branch of (schema.oneOf ?? []) as Schema[]) visit(branch);
    const properties = schema.properties as { [key: string]: Schema } | undefined;
    if (properties === undefined) return;
    Object.keys(properties).forEach((key) => keys.add(key));
    statuses.add(properties.status?.const as string);
    if (properties.error_code !== undefined) {
      errors.set(properties.error_code.const as string, properties.error?.const as string);
    }
  };
  visit(checker.schema("TwoFaAnswer"));
  return { statuses, keys, errors };
}
