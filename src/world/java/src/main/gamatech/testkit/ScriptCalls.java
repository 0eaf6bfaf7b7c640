package gamatech.testkit;

import io.jans.model.SimpleCustomProperty;
import io.jans.model.custom.script.model.CustomScript;
import io.jans.model.custom.script.type.BaseExternalType;
import io.jans.model.custom.script.type.owner.ResourceOwnerPasswordCredentialsType;
import java.util.Map;

/**
 * Calls a script through its Java interface, as Janssen does, so Jython converts each return value to the Java type the
 * interface declares (a script returning something else fails here as it would on the server).
 */
public final class ScriptCalls {
    private ScriptCalls() {}

    public static int getApiVersion(BaseExternalType script) {
        return script.getApiVersion();
    }

    public static boolean init(
            BaseExternalType script,
            CustomScript customScript,
            Map<String, SimpleCustomProperty> configurationAttributes) {
        return script.init(customScript, configurationAttributes);
    }

    public static boolean destroy(
            BaseExternalType script, Map<String, SimpleCustomProperty> configurationAttributes) {
        return script.destroy(configurationAttributes);
    }

    public static boolean authenticate(ResourceOwnerPasswordCredentialsType script, Object context) {
        return script.authenticate(context);
    }
}
