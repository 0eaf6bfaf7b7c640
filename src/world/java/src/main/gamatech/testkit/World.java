package gamatech.testkit;

import io.jans.as.server.service.AuthenticationService;
import io.jans.as.server.service.ClientService;
import io.jans.as.server.service.UserService;
import io.jans.service.CacheService;
import gamatech.testkit.twilio.FakeTwilio;
import gamatech.testkit.twilio.TwilioApi;

/** Resets every double at once and wires the Janssen services into the CDI stand-in. */
public final class World {
    private static AuthenticationService authenticationService;

    private World() {}

    public static void reset(long clockMillis, long randomSeed) {
        Clock.set(clockMillis);
        Latency.set(0);
        Directory.clear();
        Cache.clear();
        Faults.clear();
        Outbox.clear();
        TwilioApi.reset(randomSeed);
        FakeTwilio.resetRequestProxies();
        TwilioSids.reset();
        Beans.clear();
        authenticationService = new AuthenticationService();
        Beans.register(UserService.class, new UserService());
        Beans.register(AuthenticationService.class, authenticationService);
        Beans.register(CacheService.class, new CacheService());
        Beans.register(ClientService.class, new ClientService());
        Clients.clear();
        ServerChallengeSessions.clear();
        CacheBackend.reset();
    }

    /** Janssen's authenticated user belongs to one request; a new request starts without one. */
    public static void beginRequest() {
        authenticationService.forgetAuthenticatedUser();
        Outbox.drainSms();
        Outbox.drainVerify();
    }

    /**
     * The same for one of several requests run at once: this thread's authenticated user is forgotten and what the doubles
     * record from now on under requestId (on this thread or work it hands to a script's pool) is that request's. Call
     * endParallelRequest on the same thread afterwards.
     */
    public static void beginParallelRequest(String requestId) {
        authenticationService.forgetAuthenticatedUser();
        Requests.enter(requestId);
    }

    public static void endParallelRequest() {
        authenticationService.forgetAuthenticatedUser();
        Requests.enter(null);
    }
}
