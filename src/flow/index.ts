// The flow's public surface: what the host and the tools use.

export { decideChallenge, decideRequest } from "./handle-request";
export { CHALLENGE_PARAMETERS } from "./challenge-route";
export type { AnswerDetails, AnswerKind, FlowAnswer } from "./answer";
export { parseConfig, CONFIG_PROPERTIES } from "./config";
export type { Config, ConfigProperty, ConfigResult, PhoneHintMode, Requirement, SenderKind } from "./config";
export type { FlowEvent, FlowOutcome, FlowRequest } from "./flow-types";
export { formatEventLine } from "./outcome";
export { clientAddress, UNTRUSTED_FORWARDED_FOR } from "./client-address";
export type {
  ClaimStore,
  Clock,
  DeliveryResult,
  DirectoryUser,
  KeyedHash,
  Log,
  OtpChannel,
  PasswordVerifier,
  Ports,
  SecureRandom,
  Serializer,
  SessionStore,
  UserDirectory,
  VerificationResult,
} from "./ports";
