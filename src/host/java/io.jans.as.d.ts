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

declare module "java:io.jans.as.common.model.session" {
  /** The server's own record of an auth_session, whose attributes it fills with request parameters after authorize. */
  export class AuthorizationChallengeSession {
    private constructor();
  }
}

declare module "java:io.jans.as.server.authorize.ws.rs" {
  import type { AuthorizationChallengeSession } from "java:io.jans.as.common.model.session";

  /** The parsed /authorize-challenge request. */
  export class AuthzRequest {
    private constructor();
    /** The server's session named by the auth_session parameter, when its own store has one by that id. */
    getAuthorizationChallengeSessionObject(): AuthorizationChallengeSession | null;
    setAuthorizationChallengeSessionObject(session: AuthorizationChallengeSession | null): void;
  }
}

declare module "java:io.jans.as.server.model.common" {
  import type { User } from "java:io.jans.as.common.model.common";
  import type { Client } from "java:io.jans.as.common.model.registration";
  import type { AuthzRequest } from "java:io.jans.as.server.authorize.ws.rs";

  export class ExecutionContext {
    private constructor();
    /**
     * At the token endpoint: the client Janssen authenticated. At /authorize-challenge: the client named by client_id,
     * looked up but not authenticated (that endpoint has no client authentication filter).
     */
    getClient(): Client | null;
    /** The user an Authorization Challenge script grants (fluent in Java; the result is not used). */
    setUser(user: User): ExecutionContext;
    /** Null outside /authorize-challenge. */
    getAuthzRequest(): AuthzRequest | null;
  }
}

declare module "java:io.jans.as.server.service.external.context" {
  import type { User } from "java:io.jans.as.common.model.common";
  import type { AuthzRequest } from "java:io.jans.as.server.authorize.ws.rs";
  import type { ExecutionContext } from "java:io.jans.as.server.model.common";
  import type { HttpServletRequest, HttpServletResponse } from "java:jakarta.servlet.http";

  /** One per /token request. A token is issued only when authenticate returns true after setUser. */
  export class ExternalResourceOwnerPasswordCredentialsContext extends ExternalScriptContext {
    getHttpResponse(): HttpServletResponse;
    getUser(): User | null;
    setUser(user: User): void;
  }

  /** The context of an Authorization Challenge request (the server's ExternalScriptContext, which the ROPC one extends). */
  export class ExternalScriptContext {
    private constructor();
    getHttpRequest(): HttpServletRequest;
    getExecutionContext(): ExecutionContext;
    /** The execution context's parsed /authorize-challenge request; null elsewhere. */
    getAuthzRequest(): AuthzRequest | null;
    /** request.getRemoteAddr(), or "" without a request; whether it honours X-Forwarded-For is not established. */
    getIpAddress(): string | null;
    /**
     * Stores a JSON answer (Cache-Control: no-store) that the server sends as it is once the script returns; returns the
     * NoLogWebApplicationException it stores, which the script does not throw.
     */
    createWebApplicationException(status: number, entity: string): object;
  }
}

declare module "java:io.jans.as.server.service" {
  import type { User } from "java:io.jans.as.common.model.common";
  import type { Client } from "java:io.jans.as.common.model.registration";

  /** Obtain with CdiUtil.bean(ClientService). */
  export class ClientService {
    private constructor();
    /** Whether the secret is the client's (compared with its decrypted stored secret); false for an unknown client. */
    authenticate(clientId: string, password: string): boolean;
    /** Whether the client is registered with token_endpoint_auth_method none. */
    isPublic(client: Client): boolean;
  }

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
