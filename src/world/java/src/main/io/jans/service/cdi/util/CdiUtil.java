package io.jans.service.cdi.util;

import gamatech.testkit.Beans;

/**
 * Double of io.jans.service.cdi.util.CdiUtil (reference-src/.../CdiUtil.java): bean(Class) looks the bean up in the test
 * world's container (Beans). Real: it throws when no bean exists. Guessed: the exception type (any unchecked exception
 * has the same effect on a script).
 */
public final class CdiUtil {
    private CdiUtil() {}

    /** Throws when no bean of that class exists, like CDI's unsatisfied resolution (it never returns null). */
    public static <T> T bean(Class<T> clazz) {
        return Beans.get(clazz);
    }
}
