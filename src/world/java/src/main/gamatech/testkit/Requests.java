package gamatech.testkit;

import java.util.concurrent.Callable;

/**
 * The test request a thread is serving, so that what the doubles record (SMS, Verify calls) can be attributed to it when
 * many requests run at once. The driver sets it on each request thread; work a script hands to its own thread pool carries
 * it along (see RequestScopedThreadPoolExecutor). Any double that records something calls current() on the thread that
 * does the work; null means "not inside a test request" (records then go to the unattributed pile).
 */
public final class Requests {
    private static final ThreadLocal<String> current = new ThreadLocal<>();

    private Requests() {}

    public static String current() {
        return current.get();
    }

    /** Sets (or, with null, clears) the request of this thread; returns the previous one. */
    public static String enter(String requestId) {
        String previous = current.get();
        if (requestId == null) {
            current.remove();
        } else {
            current.set(requestId);
        }
        return previous;
    }

    /** The same work, run under the request of the thread that wraps it (the submitting request thread). */
    public static Runnable propagate(Runnable work) {
        String requestId = current();
        if (requestId == null || work == null) {
            return work;
        }
        return () -> {
            String previous = enter(requestId);
            try {
                work.run();
            } finally {
                enter(previous);
            }
        };
    }

    public static <T> Callable<T> propagate(Callable<T> work) {
        String requestId = current();
        if (requestId == null || work == null) {
            return work;
        }
        return () -> {
            String previous = enter(requestId);
            try {
                return work.call();
            } finally {
                enter(previous);
            }
        };
    }
}
