// The Janssen custom-script contract (jans-core): what the script implements and what its loader hands it.

declare module "java:io.jans.model" {
  /** One custom property: value1 is its name, value2 its value (either may be null or empty). */
  export class SimpleCustomProperty {
    private constructor();
    getValue1(): string | null;
    getValue2(): string | null;
  }

  /** An account status (a Java enum): ACTIVE, INACTIVE, EXPIRED, REGISTER. */
  export class GluuStatus {
    private constructor();
    /** "active", "inactive", "expired", "register". */
    getValue(): string;
  }
}

declare module "java:io.jans.model.custom.script.model" {
  export class CustomScript {
    private constructor();
    getName(): string | null;
  }
}

declare module "java:io.jans.model.custom.script.type.owner" {
  import type { ExternalResourceOwnerPasswordCredentialsContext } from "java:io.jans.as.server.service.external.context";
  import type { SimpleCustomProperty } from "java:io.jans.model";
  import type { CustomScript } from "java:io.jans.model.custom.script.model";
  import type { Map } from "java:java.util";

  /**
   * A Java interface, declared as an abstract class so that `implements` names a value: the class implementing it becomes
   * its Python subclass, which Janssen requires. Janssen's loader constructs it with one argument (currentTimeMillis),
   * calls getApiVersion(), then init(customScript, configurationAttributes) since API version 11. The one-argument
   * init(configurationAttributes) of older API versions is left out: a Python class cannot define both.
   */
  export abstract class ResourceOwnerPasswordCredentialsType {
    abstract init(
      customScript: CustomScript,
      configurationAttributes: Map<string, SimpleCustomProperty>,
    ): boolean;
    abstract destroy(configurationAttributes: Map<string, SimpleCustomProperty>): boolean;
    abstract getApiVersion(): number;
    /** Java declares the parameter as Object; Janssen always passes this context. */
    abstract authenticate(context: ExternalResourceOwnerPasswordCredentialsContext): boolean;
  }
}

declare module "java:io.jans.model.custom.script.type.authzchallenge" {
  import type { ExternalScriptContext } from "java:io.jans.as.server.service.external.context";
  import type { SimpleCustomProperty } from "java:io.jans.model";
  import type { CustomScript } from "java:io.jans.model.custom.script.model";
  import type { Map } from "java:java.util";

  /**
   * The Authorization Challenge script type (AUTHORIZATION_CHALLENGE), an abstract class for the same reason as
   * ResourceOwnerPasswordCredentialsType; the same loader contract. The context parameters are Object in Java: Janssen
   * passes the server's ExternalScriptContext.
   */
  export abstract class AuthorizationChallengeType {
    abstract init(
      customScript: CustomScript,
      configurationAttributes: Map<string, SimpleCustomProperty>,
    ): boolean;
    abstract destroy(configurationAttributes: Map<string, SimpleCustomProperty>): boolean;
    abstract getApiVersion(): number;
    /** True grants: the server issues an authorization code for the user set on the execution context. */
    abstract authorize(context: ExternalScriptContext): boolean;
    /** Extra claims of the id_token issued for the code. */
    abstract getAuthenticationMethodClaims(context: ExternalScriptContext): Map<string, string>;
    /** Called before the server checks the client and the scope. */
    abstract prepareAuthzRequest(context: ExternalScriptContext): void;
  }
}
