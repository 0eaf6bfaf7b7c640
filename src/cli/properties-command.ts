// properties: every custom property the script reads, from the table the parser itself uses.

import { CONFIG_PROPERTIES } from "../flow/config";
import type { ConfigProperty } from "../flow/config";
import type { ParsedArguments } from "./args";
import { EXIT_OK } from "./command";
import type { Command, Output } from "./command";

function describe(item: ConfigProperty): string {
  return [
    `${item.name}  (${item.requirement}${item.secret ? ", secret" : ""})`,
    `    default:   ${item.defaultValue === "" ? "none" : item.defaultValue}`,
    `    accepted:  ${item.accepted}`,
    `    meaning:   ${item.meaning}`,
  ].join("\n");
}

export function propertiesText(): string {
  const header =
    'Custom properties of the script. "one sender": set exactly one of twilio_from_number,\n' +
    "twilio_messaging_service_sid and twilio_verify_service_sid.\n\n";
  return header + CONFIG_PROPERTIES.map(describe).join("\n\n") + "\n";
}

export const propertiesCommand: Command = {
  name: "properties",
  summary: "list every custom property: requirement, default, accepted values, meaning",
  synopsis: "[--json]",
  optionHelp: [
    "--json  print the definitions as a JSON array (name, requirement, defaultValue, accepted, ...)",
  ],
  spec: { options: { json: { takesValue: false } }, positionals: [] },
  run(args: ParsedArguments, output: Output): number {
    output.out(
      args.options.has("json") ? JSON.stringify(CONFIG_PROPERTIES, null, 2) + "\n" : propertiesText(),
    );
    return EXIT_OK;
  },
};
