// The flow's public surface: what the host and the tools use.

export { handleRequest } from "./handle-request";
export { parseConfig, CONFIG_PROPERTIES } from "./config";
export type { Config, ConfigProperty, ConfigResult, PhoneHintMode, Requirement, SenderKind } from "./config";
export type { FlowEvent, FlowOutcome, FlowRequest, ResponseHeader } from "./flow-types";
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
