// try/catch/finally: the handler catches Python exceptions and Java throwables alike.

function parsePositive(text: string): number {
  const value = Number(text);
  if (!(value > 0)) {
    throw new Error("not positive: " + text);
  }
  return value;
}

export function main(): unknown {
  const log: string[] = [];
  for (const text of ["12", "-1"]) {
    try {
      log.push("parsed " + String(parsePositive(text)));
    } catch (error) {
      // The message of any error, guest or host.
      log.push(error instanceof Error ? error.message : "unknown");
    } finally {
      log.push("done " + text);
    }
  }
  return log;
}
