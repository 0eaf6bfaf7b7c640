// Java classes are imported from "java:<package>" modules and keep their names.

import { StringBuilder } from "java:java.lang";

export function main(): unknown {
  const builder = new StringBuilder();
  builder.append("ab");
  builder.append("cd");
  return [builder.toString(), builder.length()];
}
