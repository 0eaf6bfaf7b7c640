package gamatech.testkit;

import io.jans.as.common.model.common.User;
import io.jans.model.GluuStatus;
import io.jans.orm.model.base.CustomObjectAttribute;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

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

    // Written between requests, read by many request threads at once.
    private static final List<Entry> entries = new CopyOnWriteArrayList<>();
    // LDAP and MySQL match values ignoring case, PostgreSQL does not; the tests choose which database they mimic.
    private static volatile boolean valuesIgnoreCase = true;
    private static volatile String userModel = "current";

    private Directory() {}

    public static void clear() {
        entries.clear();
        valuesIgnoreCase = true;
        userModel = "current";
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

    /**
     * A User as Janssen's ORM builds it (BaseEntryManager.createEntities; shared/vendor/janssen/README.md): on the current
     * model (SimpleUser with a GluuStatus field, Janssen 1.1.x and later) uid goes to userId and jansStatus to status, and
     * only the other attributes land in customAttributes, sorted by name; on the legacy model jansStatus stays a custom
     * attribute (status null), as older Janssen kept it. uid never appears as a custom attribute.
     */
    private static User toUser(Entry entry) {
        User user = new User();
        user.setDn(entry.dn);
        user.setUserId(entry.attributes.get("uid").get(0));
        boolean legacy = userModel.equals("legacy");
        List<CustomObjectAttribute> custom = new ArrayList<>();
        for (Map.Entry<String, List<String>> attribute : new TreeMap<>(entry.attributes).entrySet()) {
            String name = attribute.getKey();
            List<String> values = attribute.getValue();
            if (name.equalsIgnoreCase("uid")) {
                continue;
            }
            if (name.equalsIgnoreCase("jansStatus") && !legacy) {
                // GluuStatus.getByValue answers null for a value it does not know, as the ORM's enum mapping does.
                user.setStatus(values.isEmpty() ? null : GluuStatus.getByValue(values.get(0)));
                continue;
            }
            CustomObjectAttribute customAttribute = values.size() == 1
                    ? new CustomObjectAttribute(name, (Object) values.get(0))
                    : new CustomObjectAttribute(name, new ArrayList<Object>(values));
            customAttribute.setMultiValued(values.size() > 1);
            custom.add(customAttribute);
        }
        user.setCustomAttributes(custom);
        return user;
    }

    /** "current" (jansStatus mapped to SimpleUser.status) or "legacy" (jansStatus a custom attribute). */
    public static void setUserModel(String model) {
        if (!model.equals("current") && !model.equals("legacy")) {
            throw new IllegalArgumentException("userModel is \"current\" or \"legacy\", not " + model);
        }
        userModel = model;
    }
}
