// Runs once, before Jest starts its workers: fetches and builds what the Jython worlds need (the twilio-java jars of the
// two lines npm test runs, the backend clients and their doubles, the fake Twilio API's certificates). On a fresh clone
// each of the three workers would otherwise do it at once for its first files (about 15 CPU-seconds each; the first
// rename wins and the rest is thrown away). A failure here is left to the tests that need the artifact: each fails with
// its own install hint, and the tests that need none still run.

import { backendJars } from "../../src/world/backends";
import { NEWEST_TWILIO_VERSION, worldClasspath } from "../../src/world/javaDoubles";
import { twilioTls } from "../../src/world/tls";

export default function warmWorldCaches(): void {
  try {
    worldClasspath();
    worldClasspath({ twilioVersion: NEWEST_TWILIO_VERSION });
    backendJars();
    twilioTls();
  } catch {
    // reported by the tests that need it
  }
}
