// The Target of the attack suites for the TypeScript flow on the challenge wire: flow-target.ts's nodes and doubles, each
// request translated and each JSON answer read back as challenge-target.ts does for the built script in Jython
// (challenge-translation.ts; the same exclusions, counted the same way). The decision is src/host/challenge-request.ts's
// handleChallenge, the code the challenge script compiles; client authentication, which the script's host does before
// the flow, has no part here (test/host/challenge-script.test.ts checks it).

import { handleChallenge } from "../../src/host/challenge-request";
import type { Ports } from "../../src/flow/ports";
import { CHALLENGE_HEADER_NAME, challengeRequest, leftOut, readCounted } from "./challenge-translation";
import { FlowTarget } from "./flow-target";
import type { AttackAnswer, AttackRequest, TargetFactory, TargetSetup } from "./target";

/** What the server answers for a grant: the authorization code the flow's decision lets it issue. */
const GRANT = { status: 200, body: '{"authorization_code":"flow-side-code"}' };

class ChallengeFlowTarget extends FlowTarget {
  constructor(setup: TargetSetup) {
    // The suites speak code_first unless they set login_order (the challenge script's own default is password_first).
    super(setup, { login_order: "code_first" });
  }

  protected override decide(request: AttackRequest, ports: Ports): AttackAnswer {
    const notSent = leftOut(request.params);
    if (notSent !== null) return notSent;
    const sentBefore = this.messages().length;
    const outcome = handleChallenge(
      {
        params: challengeRequest(request.params, this.config.loginOrder),
        clientId: request.clientId,
        ipAddress: request.ipAddress,
        forwardedFor: [],
      },
      this.config,
      ports,
    );
    const grantedUserId = outcome.grantedUserId;
    const header = readCounted(
      {
        outcome: "returned",
        value: grantedUserId !== null,
        user: grantedUserId === null ? null : { userId: grantedUserId },
        http: outcome.response ?? GRANT,
      },
      request.params.__step![0]!,
      this.messages().length !== sentBefore,
    );
    return {
      header,
      headerName: header === null ? null : CHALLENGE_HEADER_NAME,
      grantedUserId,
      escaped: null,
    };
  }
}

export const challengeFlowTarget: TargetFactory = (setup) => new ChallengeFlowTarget(setup);
