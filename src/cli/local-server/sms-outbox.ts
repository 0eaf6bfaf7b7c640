// What the world's fake Twilio API received from the real twilio-java SDK (one line per HTTP request, so the SDK's retries
// show), shown to the person trying the script. This is the only place a code is ever
// printed, so every line says loudly that it exists in local test mode only.

import * as fs from "fs";
import type { SmsRecord, VerifyRecord } from "../../world/protocol";

export const LOCAL_MODE_MARK = "[LOCAL TEST MODE - never in production]";

/** Keeps the country code and the last two digits, like the script's own masking, so the console stays shareable. */
export function maskPhone(phone: string | null): string {
  if (phone === null) return "(no number)";
  if (phone.length <= 6) return phone;
  return `${phone.slice(0, 3)}...${phone.slice(-2)}`;
}

function failure(record: SmsRecord | VerifyRecord): string {
  if (record.errorCode !== undefined && record.errorCode !== null) return `error ${record.errorCode}`;
  if (record.httpStatus !== undefined && record.httpStatus !== null) return `HTTP ${record.httpStatus}`;
  return "no answer";
}

function smsLine(record: SmsRecord): string {
  const to = maskPhone(record.to);
  if (record.sid === undefined) {
    return `${LOCAL_MODE_MARK} SMS to ${to} refused by the fake Twilio API (${failure(record)})`;
  }
  return `${LOCAL_MODE_MARK} SMS to ${to}: ${record.body ?? ""}`;
}

function verifyLine(record: VerifyRecord): string | null {
  // A check is the script asking Twilio whether a typed code is right: nothing is delivered.
  if (record.kind !== "verification") return null;
  const to = maskPhone(record.to);
  if (record.sid === undefined) {
    return `${LOCAL_MODE_MARK} Verify to ${to} refused by the fake Twilio API (${failure(record)})`;
  }
  return `${LOCAL_MODE_MARK} Verify ${record.channel ?? "sms"} to ${to}: code ${record.code ?? "(none)"}`;
}

export class SmsOutbox {
  constructor(
    readonly file: string,
    private readonly print: (line: string) => void,
  ) {}

  deliver(sms: readonly SmsRecord[], verify: readonly VerifyRecord[]): void {
    const lines = [...sms.map(smsLine), ...verify.map(verifyLine)].filter(
      (line): line is string => line !== null,
    );
    if (lines.length === 0) return;
    const stamp = new Date().toISOString();
    fs.appendFileSync(this.file, lines.map((line) => `${stamp} ${line}\n`).join(""));
    lines.forEach((line) => this.print(line));
  }
}
