// npm run docs: rewrites the generated property tables of the documentation from src/flow/config-table.ts.
import * as fs from "fs";
import * as path from "path";
import { GENERATED_DOCUMENTS, withCurrentTable } from "../src/cli/property-table";

const root = path.resolve(__dirname, "..");
for (const document of GENERATED_DOCUMENTS) {
  const file = path.join(root, document);
  const current = fs.readFileSync(file, "utf8");
  const updated = withCurrentTable(current, document);
  if (updated !== current) {
    fs.writeFileSync(file, updated);
    process.stdout.write(`updated ${document}\n`);
  }
}
