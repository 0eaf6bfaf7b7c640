package gamatech.testkit;

import io.jans.as.server.service.AuthenticationService;
import io.jans.as.server.service.UserService;
import io.jans.service.CacheService;

/** Resets every double at once and wires the Janssen services into the CDI stand-in. */
public final class World {
    private static AuthenticationService authenticationService;

    private World() {}

    public static void reset(long clockMillis, long randomSeed) {
        Clock.set(clockMillis);
        Directory.clear();
        Cache.clear();
        Faults.clear();
        Outbox.clear();
        FakeVerify.reset(randomSeed);
        TwilioSids.reset();
        Beans.clear();
        authenticationService = new AuthenticationService();
        Beans.register(UserService.class, new UserService());
        Beans.register(AuthenticationService.class, authenticationService);
        Beans.register(CacheService.class, new CacheService());
    }

    /** Janssen's authenticated user belongs to one request; a new request starts without one. */
    public static void beginRequest() {
        authenticationService.forgetAuthenticatedUser();
        Outbox.drainSms();
        Outbox.drainVerify();
    }
}
