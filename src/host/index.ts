// The script's entry module: Janssen looks for a class named ResourceOwnerPasswordCredentials at the module's top level.
export { ResourceOwnerPasswordCredentials } from "./ropc-script";
