// The flow's public surface: what the host and the tools use.

export { handleRequest } from "./handle-request";
export { parseConfig, CONFIG_PROPERTIES } from "./config";
export type { Config, ConfigProperty, ConfigResult, PhoneHintMode, Requirement, SenderKind } from "./config";
export type { FlowEvent, FlowOutcome, FlowRequest, ResponseHeader } from "./flow-types";
export { formatEventLine } from "./outcome";
export type {
  Clock,
  CounterStore,
  DeliveryResult,
  DirectoryUser,
  KeyedHash,
  Log,
  OtpChannel,
  PasswordVerifier,
  Ports,
  SecureRandom,
  SessionStore,
  UserDirectory,
  VerificationResult,
} from "./ports";
