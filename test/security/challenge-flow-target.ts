// The Target of the attack suites for the TypeScript flow on the challenge wire: flow-target.ts's nodes and doubles, each
// request translated and each JSON answer read back as challenge-target.ts does for the built script in Jython
// (challenge-translation.ts; the same exclusions, counted the same way). The decision is src/host/challenge-request.ts's
// handleChallenge, the code the challenge script compiles; client authentication, which the script's host does before
// the flow, has no part here (test/host/challenge-script.test.ts checks it).

import { handleChallenge } from "../../src/host/challenge-request";
import type { Ports } from "../../src/flow/ports";
import {
  challengeRequest,
  countExclusion,
  NOT_SENT_HEADER,
  readAnswer,
  unsayable,
} from "./challenge-translation";
import { FlowTarget } from "./flow-target";
import type { AttackAnswer, AttackRequest, TargetFactory, TargetSetup } from "./target";

const HEADER_NAME = "challenge-body";
/** What the server answers for a grant: the authorization code the flow's decision lets it issue. */
const GRANT = { status: 200, body: '{"authorization_code":"flow-side-code"}' };

class ChallengeFlowTarget extends FlowTarget {
  constructor(setup: TargetSetup) {
    // The suites speak code_first unless they set login_order (the challenge script's own default is password_first).
    super(setup, { login_order: "code_first" });
  }

  protected override decide(request: AttackRequest, ports: Ports): AttackAnswer {
    const excluded = unsayable(request.params);
    if (excluded !== null) {
      countExclusion(excluded);
      return { header: NOT_SENT_HEADER, headerName: HEADER_NAME, grantedUserId: null, escaped: null };
    }
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
    const { header, reread } = readAnswer(
      {
        outcome: "returned",
        value: grantedUserId !== null,
        user: grantedUserId === null ? null : { userId: grantedUserId },
        http: outcome.response ?? GRANT,
      },
      request.params.__step![0]!,
    );
    if (reread) {
      if (this.messages().length !== sentBefore) throw new Error("a re-read 10011 answer sent a message");
      countExclusion("other-step-input");
    }
    return { header, headerName: header === null ? null : HEADER_NAME, grantedUserId, escaped: null };
  }
}

export const challengeFlowTarget: TargetFactory = (setup) => new ChallengeFlowTarget(setup);
