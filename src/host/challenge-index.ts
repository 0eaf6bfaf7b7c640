// The challenge script's entry module: Janssen looks for a class named AuthorizationChallenge at the module's top level.
export { AuthorizationChallenge } from "./challenge-script";
