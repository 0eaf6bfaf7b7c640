// Who a start sends to: a real user with a usable phone, or a decoy (S7). An inactive user never gets a code.

import { PHONE_NOT_FOUND, USER_NOT_FOUND } from "./error-codes";
import type { FlowContext, LoginValue } from "./flow-types";
import { choosePhone } from "./phone";

export interface Recipient {
  /** null for a decoy. */
  userId: string | null;
  phone: string | null;
  /** Why this is a decoy ("" for a real recipient). */
  decoyReason: string;
  /** The error to answer with instead of a decoy when enumeration protection is off; 0 otherwise. */
  errorCode: number;
}

function decoy(context: FlowContext, reason: string, errorCode: number): Recipient {
  return {
    userId: null,
    phone: null,
    decoyReason: reason,
    errorCode: context.config.enumerationProtection ? 0 : errorCode,
  };
}

export function findRecipient(context: FlowContext, login: LoginValue): Recipient {
  const config = context.config;
  const user = context.ports.directory.findUser(
    login.typed,
    config.loginAttributes.slice(),
    config.phoneAttributes.slice(),
  );
  if (user === null) {
    return decoy(context, "unknown user", USER_NOT_FOUND);
  }
  if (!user.active) {
    return decoy(context, "inactive user", USER_NOT_FOUND);
  }
  const phone = choosePhone(user.phones, config.allowedCountryCodes);
  if (phone === null) {
    return decoy(context, "no usable phone", PHONE_NOT_FOUND);
  }
  return { userId: user.id, phone: phone, decoyReason: "", errorCode: 0 };
}
