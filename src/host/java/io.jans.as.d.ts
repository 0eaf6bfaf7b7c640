// The Janssen auth server (jans-auth-server) classes the script meets at the token endpoint.

declare module "java:io.jans.as.common.model.registration" {
  export class Client {
    private constructor();
    getClientId(): string;
  }
}

declare module "java:io.jans.as.common.model.common" {
  import type { GluuStatus } from "java:io.jans.model";
  import type { List } from "java:java.util";

  /** Extends io.jans.model.user.SimpleUser (Janssen 1.1 and later; older releases: a SimpleUser in this package). */
  export class User {
    private constructor();
    /** The uid. */
    getUserId(): string | null;
    getDn(): string;
    /** First value only; the name must match exactly (case-sensitive). Null when absent. */
    getAttribute(attributeName: string): string | null;
    /** All values; the name matches ignoring case. Null (not an empty list) when the user has no such attribute. */
    getAttributeValues(attributeName: string): List<string> | null;
    /**
     * The account status, from the jansStatus attribute that the ORM maps to this field (SimpleUser since March 2024,
     * Janssen 1.1): such a user has no jansStatus custom attribute. Older models have no getStatus (Jython raises
     * AttributeError) and keep jansStatus as a custom attribute. Null when the entry has no status.
     */
    getStatus(): GluuStatus | null;
  }
}

declare module "java:io.jans.as.server.model.common" {
  import type { Client } from "java:io.jans.as.common.model.registration";

  export class ExecutionContext {
    private constructor();
    /** The client authenticated at the token endpoint. */
    getClient(): Client | null;
  }
}

declare module "java:io.jans.as.server.service.external.context" {
  import type { User } from "java:io.jans.as.common.model.common";
  import type { ExecutionContext } from "java:io.jans.as.server.model.common";
  import type { HttpServletRequest, HttpServletResponse } from "java:jakarta.servlet.http";

  /** One per /token request. A token is issued only when authenticate returns true after setUser. */
  export class ExternalResourceOwnerPasswordCredentialsContext {
    private constructor();
    getHttpRequest(): HttpServletRequest;
    getHttpResponse(): HttpServletResponse;
    getExecutionContext(): ExecutionContext;
    getUser(): User | null;
    setUser(user: User): void;
    /** Whether it honours X-Forwarded-For behind a proxy is not established. */
    getIpAddress(): string | null;
  }
}

declare module "java:io.jans.as.server.service" {
  import type { User } from "java:io.jans.as.common.model.common";

  /** Obtain with CdiUtil.bean(UserService). */
  export class UserService {
    private constructor();
    /** The first user whose attribute equals the value (case rules depend on the database); null when none. */
    getUserByAttribute(attributeName: string, value: string): User | null;
  }

  /** Obtain with CdiUtil.bean(AuthenticationService). */
  export class AuthenticationService {
    private constructor();
    /**
     * Looks the user up by uid, requires jansStatus active and checks the password. Only this two-argument form: other
     * overloads pick attributes differently or check no password at all.
     */
    authenticate(userName: string, password: string): boolean;
    /** The user of the last successful authenticate in this request. */
    getAuthenticatedUser(): User | null;
  }
}
