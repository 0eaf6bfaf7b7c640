package io.jans.model.user;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A user entry: a DN, the uid and multi-valued attributes whose names keep the case they were stored with. */
public class SimpleUser {
    private String dn;
    private String userId;
    private final Map<String, List<String>> attributes = new LinkedHashMap<>();

    public String getDn() {
        return dn;
    }

    public void setDn(String dn) {
        this.dn = dn;
    }

    public String getUserId() {
        return userId;
    }

    public void setUserId(String userId) {
        this.userId = userId;
    }

    public void setAttribute(String name, List<String> values) {
        attributes.put(name, new ArrayList<>(values));
    }

    /** First value only, and the name must match exactly (Janssen compares it case-sensitively here). */
    public String getAttribute(String name) {
        List<String> values = attributes.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** Every value, the name matched ignoring case; null (not an empty list) when the user has no such attribute. */
    public List<String> getAttributeValues(String name) {
        for (Map.Entry<String, List<String>> entry : attributes.entrySet()) {
            if (entry.getKey().equalsIgnoreCase(name)) {
                return new ArrayList<>(entry.getValue());
            }
        }
        return null;
    }
}
