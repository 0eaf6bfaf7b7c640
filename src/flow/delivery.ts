// Sending a code through Twilio (Programmable Messaging or Verify) and checking a Verify code.

import type { Config } from "./config";
import type { OtpChannel } from "./ports";

export interface Delivery {
  delivered: boolean;
  /** False when the host never started the provider call: the send must not count against any limit. */
  attempted: boolean;
  /** For the log: the provider's error code or "exception"; never the provider's message (it may quote the number). */
  detail: string | null;
}

/**
 * The SMS text for a code that stays valid `expiresInSeconds` (the answer's expires_in: after a late resend, less than
 * otp_ttl_seconds). {minutes} rounds down, so the text never promises more time than the code has.
 */
export function renderSms(config: Config, code: string, expiresInSeconds: number): string {
  const minutes = String(Math.floor(expiresInSeconds / 60));
  return config.smsTemplate
    .split("{code}")
    .join(code)
    .split("{minutes}")
    .join(minutes)
    .split("{app}")
    .join(config.appName);
}

function sendOnce(
  config: Config,
  otp: OtpChannel,
  phone: string,
  code: string,
  expiresInSeconds: number,
): Delivery {
  if (config.sender === "verify") {
    const started = otp.startVerification(config.twilioVerifyServiceSid ?? "", {
      to: phone,
      channel: config.twilioVerifyChannel,
    });
    return {
      delivered: started.delivered,
      attempted: started.attempted || started.delivered,
      detail: providerDetail(started.errorCode, started.attempted || started.delivered),
    };
  }
  const body = renderSms(config, code, expiresInSeconds);
  const sent =
    config.sender === "messaging_service"
      ? otp.sendSms({ to: phone, messagingServiceSid: config.twilioMessagingServiceSid ?? "", body: body })
      : otp.sendSms({ to: phone, from: config.twilioFromNumber ?? "", body: body });
  return {
    delivered: sent.delivered,
    attempted: sent.attempted || sent.delivered,
    detail: providerDetail(sent.errorCode, sent.attempted || sent.delivered),
  };
}

function providerDetail(errorCode: number | null, attempted: boolean): string | null {
  if (!attempted) {
    return "provider not called";
  }
  return errorCode === null ? null : "provider error " + String(errorCode);
}

/**
 * Sends `code` (ignored with Verify, which makes its own) to `phone`. A provider exception counts as not delivered but
 * attempted: the flow cannot tell whether Twilio got the request, so the send stays counted.
 */
export function deliverCode(
  config: Config,
  otp: OtpChannel,
  phone: string,
  code: string,
  expiresInSeconds: number,
): Delivery {
  try {
    return sendOnce(config, otp, phone, code, expiresInSeconds);
  } catch (e) {
    return { delivered: false, attempted: true, detail: "provider exception" };
  }
}

/** Whether Twilio Verify approves `code` for `phone`. Provider exceptions propagate: the caller fails closed. */
export function verifyApproves(config: Config, otp: OtpChannel, phone: string, code: string): boolean {
  const result = otp.checkVerification(config.twilioVerifyServiceSid ?? "", { to: phone, code: code });
  return result.approved;
}
