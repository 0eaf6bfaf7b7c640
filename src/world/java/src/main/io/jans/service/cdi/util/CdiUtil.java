package io.jans.service.cdi.util;

import gamatech.testkit.Beans;

public final class CdiUtil {
    private CdiUtil() {}

    /** Throws when no bean of that class exists, like CDI's unsatisfied resolution (it never returns null). */
    public static <T> T bean(Class<T> clazz) {
        return Beans.get(clazz);
    }
}
