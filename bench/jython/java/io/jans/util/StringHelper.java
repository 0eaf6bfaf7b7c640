package io.jans.util;

/** Bench double of jans-core-util's StringHelper: the one method the 2FA sample calls (two nulls are equal). */
public final class StringHelper {
    private StringHelper() {}

    public static boolean equalsIgnoreCase(String first, String second) {
        return first == null ? second == null : first.equalsIgnoreCase(second);
    }
}
