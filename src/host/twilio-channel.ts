import { Message } from "java:com.twilio.rest.api.v2010.account";
import type { VerificationCheckCreator } from "java:com.twilio.rest.verify.v2.service";
import { Verification, VerificationCheck } from "java:com.twilio.rest.verify.v2.service";
import { PhoneNumber } from "java:com.twilio.type";
import type { MessageListInstanceCreateOptions } from "twilio/lib/rest/api/v2010/account/message";
import type { VerificationListInstanceCreateOptions } from "twilio/lib/rest/verify/v2/service/verification";
import type { VerificationCheckListInstanceCreateOptions } from "twilio/lib/rest/verify/v2/service/verificationCheck";
import type { DeliveryResult, OtpChannel, VerificationResult } from "../flow/ports";
import type { TwilioAnswer, TwilioGateway } from "./twilio-gateway";

/** The first twilio-java version with Twilio Verify (com.twilio.rest.verify.v2); Janssen installs 7.17.0, without it. */
export const FIRST_VERIFY_VERSION = "7.37.0";

/** Whether the loaded twilio-java has Verify: the import binds None where it does not. init refuses a Verify sender then. */
export function verifyAvailable(): boolean {
  return Verification !== null && VerificationCheck !== null;
}

function delivery<T>(answer: TwilioAnswer<T>): DeliveryResult {
  return { delivered: !answer.failed, attempted: answer.attempted, errorCode: answer.errorCode };
}

/**
 * twilio-java 8.33 and later build a check as creator(serviceSid).setTo(to).setCode(code); 7.x up to 8.32 (what Janssen
 * installs) only have creator(serviceSid, code). Jython rejects the call shape the loaded SDK lacks before any request is
 * made, so trying the newer shape first is safe.
 */
function checkCreator(serviceSid: string, to: string, code: string): VerificationCheckCreator {
  try {
    return VerificationCheck.creator(serviceSid).setTo(to).setCode(code);
  } catch (error) {
    return VerificationCheck.creator(serviceSid, code).setTo(to);
  }
}

export class TwilioOtpChannel implements OtpChannel {
  private readonly gateway: TwilioGateway;

  constructor(gateway: TwilioGateway) {
    this.gateway = gateway;
  }

  sendSms(options: MessageListInstanceCreateOptions): DeliveryResult {
    const client = this.gateway.restClient();
    const to = new PhoneNumber(options.to);
    const body = options.body ?? "";
    const serviceSid = options.messagingServiceSid;
    const from = options.from;
    // Each overload is chosen with a non-null argument: a None here would silently pick the messaging-service overload.
    const answer = this.gateway.call(() => {
      if (serviceSid !== undefined && serviceSid !== null) {
        return Message.creator(to, serviceSid, body).create(client).getSid();
      }
      return Message.creator(to, new PhoneNumber(from ?? ""), body)
        .create(client)
        .getSid();
    });
    return delivery(answer);
  }

  startVerification(serviceSid: string, options: VerificationListInstanceCreateOptions): DeliveryResult {
    if (!verifyAvailable()) {
      // Nothing is sent: init refuses a Verify sender on such an SDK, so this is a second line of defence.
      return { delivered: false, attempted: false, errorCode: null };
    }
    const client = this.gateway.restClient();
    const answer = this.gateway.call(() =>
      Verification.creator(serviceSid, options.to, options.channel).create(client).getStatus(),
    );
    return delivery(answer);
  }

  checkVerification(
    serviceSid: string,
    options: VerificationCheckListInstanceCreateOptions,
  ): VerificationResult {
    if (!verifyAvailable()) {
      return { approved: false, errorCode: null };
    }
    const client = this.gateway.restClient();
    const to = options.to ?? "";
    const code = options.code ?? "";
    const answer = this.gateway.call(() => checkCreator(serviceSid, to, code).create(client).getStatus());
    return { approved: answer.value === "approved", errorCode: answer.errorCode };
  }
}
