// The Target of the attack suites for dist/GamatechRopc.py: the built script in Jython against Janssen's model classes and
// service doubles and the real twilio-java SDK (one version per process) talking to the fake Twilio API. One Jython
// process per SDK version serves every target of a test file; each target starts from a fresh world.

import { BUILT_SCRIPT } from "../conformance/jython-side";
import { DEFAULT_TWILIO_VERSION } from "../../src/world/javaDoubles";
import { closeSharedJython, JythonWorldTarget } from "./jython-world";
import type { AttackAnswer, AttackRequest, TargetFactory, TargetSetup } from "./target";

/** Stops the shared Jython processes; call from afterAll. */
export const closeJythonTargets = closeSharedJython;

/** The ROPC wire as it is: the suites' parameters, the script's header. */
class JythonTarget extends JythonWorldTarget {
  constructor(setup: TargetSetup, version: string) {
    super(setup, version, BUILT_SCRIPT);
  }

  request(request: AttackRequest): AttackAnswer {
    const reply = this.call(request, request.params);
    const headerName = Object.keys(reply.headers)[0] ?? null;
    const granted = reply.outcome === "returned" && reply.value === true && reply.user !== null;
    return {
      header: headerName === null ? null : (reply.headers[headerName] ?? null),
      headerName,
      grantedUserId: granted && reply.user !== null ? reply.user.userId : null,
      escaped: reply.outcome === "raised" ? `${reply.exception.type}: ${reply.exception.message}` : null,
    };
  }
}

/** Targets on one twilio-java version (a Verify configuration on an SDK without Verify: see JythonTarget). */
export function jythonTargetOn(version: string): TargetFactory {
  return (setup) => new JythonTarget(setup, version);
}

export const jythonTarget: TargetFactory = jythonTargetOn(DEFAULT_TWILIO_VERSION);
