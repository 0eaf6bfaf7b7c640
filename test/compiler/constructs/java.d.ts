// The Java class the java-imports construct uses.
declare module "java:java.lang" {
  export class StringBuilder {
    constructor();
    append(text: string): StringBuilder;
    length(): number;
    toString(): string;
  }
}
