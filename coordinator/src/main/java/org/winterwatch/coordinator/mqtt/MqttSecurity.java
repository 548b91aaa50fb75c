package org.winterwatch.coordinator.mqtt;

import java.util.Locale;
import javax.net.ssl.SSLSocketFactory;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;

/**
 * How a WinterWatch MQTT client logs in to the broker and secures its connection: a user name and password, and for
 * {@code ssl://} brokers a TLS socket factory built from the operator's PEM files ({@link PemTls}). The server's name
 * is always verified against its certificate. The same value serves the coordinator's connection, its start-up probe
 * and the simulator's publishers, so every client of one process logs in alike.
 */
public final class MqttSecurity {

    /** Anonymous over plain TCP: the embedded broker of the demo and tests on loopback. */
    public static final MqttSecurity NONE = new MqttSecurity(null, null, null);

    private final String user;
    private final byte[] password;
    private final SSLSocketFactory tls;

    private MqttSecurity(String user, byte[] password, SSLSocketFactory tls) {
        this.user = user;
        this.password = password;
        this.tls = tls;
    }

    /**
     * @param user     the broker user name, or null for none
     * @param password its password (UTF-8), or null for none
     * @param tls      the socket factory for {@code ssl://} URLs, or null for plain TCP or the JVM's default trust
     */
    public static MqttSecurity of(String user, byte[] password, SSLSocketFactory tls) {
        if ((user == null) != (password == null)) {
            throw new IllegalArgumentException("a broker user name and its password go together");
        }
        return new MqttSecurity(user, password == null ? null : password.clone(), tls);
    }

    /** The broker URL as Paho takes it: {@code mqtts://} (the IANA name of MQTT over TLS) is Paho's {@code ssl://}. */
    public static String pahoUrl(String url) {
        if (url != null && url.toLowerCase(Locale.ROOT).startsWith("mqtts://")) {
            return "ssl://" + url.substring("mqtts://".length());
        }
        return url;
    }

    /** Whether the URL is one over TLS ({@code ssl://}, {@code mqtts://} or {@code wss://}). */
    public static boolean isTls(String url) {
        String u = url == null ? "" : url.toLowerCase(Locale.ROOT);
        return u.startsWith("ssl://") || u.startsWith("mqtts://") || u.startsWith("wss://");
    }

    /** Puts the credentials and the TLS settings into a client's connect options. */
    public void applyTo(MqttConnectionOptions options) {
        if (user != null) {
            options.setUserName(user);
            options.setPassword(password.clone());
        }
        if (tls != null) {
            options.setSocketFactory(tls);
        }
        options.setHttpsHostnameVerificationEnabled(true);
    }

    /** The user name the clients log in with, or null when anonymous. */
    public String user() {
        return user;
    }

    /** Whether a TLS socket factory of the operator's own is set. */
    public boolean hasOwnTls() {
        return tls != null;
    }

    /** For logs: the user and whether TLS is configured, never the password. */
    @Override
    public String toString() {
        return "user=" + (user == null ? "(anonymous)" : user) + " ownTls=" + hasOwnTls();
    }
}
