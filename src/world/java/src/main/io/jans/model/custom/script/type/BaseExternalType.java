package io.jans.model.custom.script.type;

import io.jans.model.SimpleCustomProperty;
import io.jans.model.custom.script.model.CustomScript;
import java.util.Map;

public interface BaseExternalType {
    boolean init(Map<String, SimpleCustomProperty> configurationAttributes);

    boolean init(CustomScript customScript, Map<String, SimpleCustomProperty> configurationAttributes);

    boolean destroy(Map<String, SimpleCustomProperty> configurationAttributes);

    int getApiVersion();
}
