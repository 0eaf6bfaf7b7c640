// A switch becomes an if/elif/else ladder.

function describe(code: number): string {
  switch (code) {
    // Success first.
    case 200: // the common case
      return "ok";
    case 301:
    case 302:
      // Both redirects read the same.
      return "redirect";
    case 404: {
      const what = "not found";
      return what;
    }
    default:
      return "other";
  }
}

function weight(size: string): number {
  let result = 0;
  switch (size) {
    case "small":
      result = 1;
      break;
    case "large":
      result = 3;
      break;
    default:
      result = 2;
  }
  return result;
}

export function main(): unknown {
  return [describe(200), describe(302), describe(404), describe(500), weight("small"), weight("medium")];
}
