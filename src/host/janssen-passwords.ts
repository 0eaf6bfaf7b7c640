import type { User } from "java:io.jans.as.common.model.common";
import type { AuthenticationService } from "java:io.jans.as.server.service";
import type { PasswordVerifier } from "../flow/ports";

/**
 * Checks the password with Janssen's own AuthenticationService (which also applies its brute-force delay) and keeps the
 * authenticated user for `context.setUser`. One instance serves exactly one request, so the field is not shared state.
 */
export class JanssenPasswordVerifier implements PasswordVerifier {
  private readonly authentication: AuthenticationService;
  private authenticatedUser: User | null;
  private authenticatedUserId: string | null;

  constructor(authentication: AuthenticationService) {
    this.authentication = authentication;
    this.authenticatedUser = null;
    this.authenticatedUserId = null;
  }

  /** The two-argument authenticate looks the user up by uid and checks the password; never the password-less overload. */
  verifyPassword(userId: string, password: string): boolean {
    this.authenticatedUser = null;
    this.authenticatedUserId = null;
    if (password === "") {
      return false;
    }
    if (!this.authentication.authenticate(userId, password)) {
      return false;
    }
    this.authenticatedUser = this.authentication.getAuthenticatedUser();
    this.authenticatedUserId = userId;
    return this.authenticatedUser !== null;
  }

  /** The user whose password was verified in this request, only if it is the one the flow grants. */
  userToGrant(userId: string): User | null {
    if (this.authenticatedUserId !== userId) {
      return null;
    }
    return this.authenticatedUser;
  }
}
