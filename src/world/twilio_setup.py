# The fake Twilio API a world's JVM serves its scripts, and what the driver asks of the real SDK on the classpath.
from gamatech.testkit import World
from gamatech.testkit.twilio import FakeTwilio
from java.lang import System as JavaSystem


def twilio_version():
    """The twilio-java version on the classpath, from its jar's manifest or its pom properties."""
    from com.twilio import Twilio

    version = Twilio.getPackage().getImplementationVersion()
    if version is None:
        stream = Twilio.getClassLoader().getResourceAsStream("META-INF/maven/com.twilio.sdk/twilio/pom.properties")
        if stream is not None:
            from java.util import Properties

            properties = Properties()
            properties.load(stream)
            version = properties.getProperty("version")
    return version


def start_fake_twilio():
    """The fake Twilio API and its proxy, from the system properties the Node side gives the JVM (see JythonScriptHost)."""
    keystore = JavaSystem.getProperty("gamatech.twilio.keystore")
    if keystore is None:
        raise ValueError("gamatech.twilio.keystore is not set: start the driver through JythonScriptHost")
    return FakeTwilio.start(
        keystore,
        JavaSystem.getProperty("gamatech.twilio.keystorePassword"),
        JavaSystem.getProperty("gamatech.twilio.directAddress"),
    )


def warm_up_twilio():
    """One SMS through the SDK before the first command: loading its classes, Jackson and TLS takes seconds in a cold JVM,
    which would otherwise count against the first test's Twilio timeout. The fake's records are cleared afterwards."""
    from com.twilio.http import TwilioRestClient
    from com.twilio.rest.api.v2010.account import Message
    from com.twilio.type import PhoneNumber

    account = "AC" + "0" * 32
    client = TwilioRestClient.Builder(account, "warm-up").accountSid(account).build()
    Message.creator(PhoneNumber("+15005550006"), PhoneNumber("+15005550006"), "warm-up").create(client)
    World.reset(0, 0)
