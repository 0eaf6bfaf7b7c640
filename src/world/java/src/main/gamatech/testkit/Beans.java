package gamatech.testkit;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The CDI container stand-in that CdiUtil.bean reads. */
public final class Beans {
    private static final Map<Class<?>, Object> beans = new ConcurrentHashMap<>();

    private Beans() {}

    public static void clear() {
        beans.clear();
    }

    public static <T> void register(Class<T> type, T bean) {
        beans.put(type, bean);
    }

    public static <T> T get(Class<T> type) {
        Object bean = beans.get(type);
        if (bean == null) {
            // Real CDI raises UnsatisfiedResolutionException; any unchecked exception has the same effect on a script.
            throw new IllegalStateException("no bean of type " + type.getName());
        }
        return type.cast(bean);
    }
}
