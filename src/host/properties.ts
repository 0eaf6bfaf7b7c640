import type { SimpleCustomProperty } from "java:io.jans.model";
import type { Map } from "java:java.util";

/** The script's custom properties as name to value; Janssen may hand a property with a null value. */
export function readProperties(
  configurationAttributes: Map<string, SimpleCustomProperty>,
): Record<string, string | null> {
  const properties: Record<string, string | null> = {};
  for (const name of configurationAttributes.keySet().toArray()) {
    const property = configurationAttributes.get(name);
    properties[name] = property === null ? null : property.getValue2();
  }
  return properties;
}
