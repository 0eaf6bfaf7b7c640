// The error codes of wire protocol version 1 (the first eight are the Janssen 2FA sample's, with the same meaning).

export const SERVER_ERROR = 10001;
export const USER_NOT_FOUND = 10002;
export const PHONE_NOT_FOUND = 10003;
export const OTP_NOT_SENT = 10004;
export const INVALID_OTP = 10005;
export const SESSION_EXPIRED = 10006;
export const INVALID_SESSION = 10007;
export const INVALID_CREDENTIALS = 10008;
export const TOO_MANY_ATTEMPTS = 10009;
export const RATE_LIMITED = 10010;
export const INVALID_REQUEST = 10011;
export const OTP_EXPIRED = 10012;

export function errorName(code: number): string {
  switch (code) {
    case USER_NOT_FOUND:
      return "user_not_found";
    case PHONE_NOT_FOUND:
      return "phone_not_found";
    case OTP_NOT_SENT:
      return "otp_not_sent";
    case INVALID_OTP:
      return "invalid_otp";
    case SESSION_EXPIRED:
      return "session_expired";
    case INVALID_SESSION:
      return "invalid_session";
    case INVALID_CREDENTIALS:
      return "invalid_credentials";
    case TOO_MANY_ATTEMPTS:
      return "too_many_attempts";
    case RATE_LIMITED:
      return "rate_limited";
    case INVALID_REQUEST:
      return "invalid_request";
    case OTP_EXPIRED:
      return "otp_expired";
    default:
      return "server_error";
  }
}
