package gamatech.testkit;

import io.jans.as.common.model.common.User;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The user store behind UserService and AuthenticationService. */
public final class Directory {
    private static final class Entry {
        final String dn;
        final String password;
        final Map<String, List<String>> attributes;

        Entry(String dn, String password, Map<String, List<String>> attributes) {
            this.dn = dn;
            this.password = password;
            this.attributes = attributes;
        }
    }

    private static final List<Entry> entries = new ArrayList<>();
    // LDAP and MySQL match values ignoring case, PostgreSQL does not; the tests choose which database they mimic.
    private static boolean valuesIgnoreCase = true;

    private Directory() {}

    public static void clear() {
        entries.clear();
        valuesIgnoreCase = true;
    }

    public static void setValuesIgnoreCase(boolean ignoreCase) {
        valuesIgnoreCase = ignoreCase;
    }

    /** attributes must hold "uid"; the password is kept apart, as a directory never returns it in clear. */
    public static void addUser(String dn, String password, Map<String, List<String>> attributes) {
        if (!attributes.containsKey("uid") || attributes.get("uid").isEmpty()) {
            throw new IllegalArgumentException("a user needs a uid attribute");
        }
        entries.add(new Entry(dn, password, Map.copyOf(attributes)));
    }

    /** Attribute names match ignoring case, as in LDAP and Janssen's SQL mapping; each hit is a fresh copy. */
    public static List<User> find(String attributeName, String value) {
        List<User> found = new ArrayList<>();
        for (Entry entry : entries) {
            for (Map.Entry<String, List<String>> attribute : entry.attributes.entrySet()) {
                if (attribute.getKey().equalsIgnoreCase(attributeName) && holds(attribute.getValue(), value)) {
                    found.add(toUser(entry));
                    break;
                }
            }
        }
        return found;
    }

    public static boolean passwordMatches(User user, String password) {
        for (Entry entry : entries) {
            if (entry.dn.equals(user.getDn())) {
                return entry.password != null && entry.password.equals(password);
            }
        }
        return false;
    }

    private static boolean holds(List<String> values, String value) {
        for (String candidate : values) {
            if (valuesIgnoreCase ? candidate.equalsIgnoreCase(value) : candidate.equals(value)) {
                return true;
            }
        }
        return false;
    }

    private static User toUser(Entry entry) {
        User user = new User();
        user.setDn(entry.dn);
        user.setUserId(entry.attributes.get("uid").get(0));
        for (Map.Entry<String, List<String>> attribute : entry.attributes.entrySet()) {
            user.setAttribute(attribute.getKey(), attribute.getValue());
        }
        return user;
    }
}
