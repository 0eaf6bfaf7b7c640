// Properties a script type does not read: an administrator who copies another script's properties is told which ones do
// nothing, rather than left to believe they do.

/** One warning for each property given a value that the script does not read. */
export function unusedWarnings(
  raw: Readonly<Record<string, string | null>>,
  unused: Readonly<Record<string, string>>,
): string[] {
  const warnings: string[] = [];
  for (const name of Object.keys(unused)) {
    const given = raw[name] ?? null;
    if (given !== null && given.trim() !== "") {
      warnings.push(`${name}: not read by this script (${unused[name] ?? ""}); it changes nothing`);
    }
  }
  return warnings;
}
