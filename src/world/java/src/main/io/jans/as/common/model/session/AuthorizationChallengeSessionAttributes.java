package io.jans.as.common.model.session;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Double of the attributes of an auth_session record: the string map the server copies request parameters into. */
public class AuthorizationChallengeSessionAttributes {
    private final Map<String, String> attributes = new ConcurrentHashMap<>();

    public Map<String, String> getAttributes() {
        return attributes;
    }
}
