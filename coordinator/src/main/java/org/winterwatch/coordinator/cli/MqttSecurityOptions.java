package org.winterwatch.coordinator.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.cert.Certificate;
import java.util.List;
import javax.net.ssl.SSLSocketFactory;
import org.winterwatch.coordinator.mqtt.MqttSecurity;
import org.winterwatch.coordinator.mqtt.PemTls;
import picocli.CommandLine.Option;

/**
 * The MQTT login and TLS options shared by {@code serve} and {@code simulate}: flags, {@code WW_} environment and config
 * keys, turned into one {@link MqttSecurity} or a {@link UsageError} naming the flag, the file and what is wrong.
 *
 * <p>The password never comes from a flag (it would show in {@code ps} and the shell's history): it is read from
 * {@code --mqtt-password-file} (or {@code mqtt_password_file}, {@code WW_MQTT_PASSWORD_FILE}) or taken from
 * {@code WW_MQTT_PASSWORD}.
 */
final class MqttSecurityOptions {

    private static final int MAX_PASSWORD_BYTES = 65_535; // the MQTT password field's limit

    @Option(names = "--mqtt-user", description = "User name to log in to the broker with (config mqtt_user, WW_MQTT_USER).")
    String user;
    @Option(names = "--mqtt-password-file", description = "File whose first line is the broker password (config "
            + "mqtt_password_file); or set WW_MQTT_PASSWORD. Never given as a flag.")
    Path passwordFile;
    @Option(names = "--mqtt-ca-file", description = "PEM file of the CA that signed the broker's certificate, for "
            + "ssl:// and mqtts:// URLs (config mqtt_ca_file; absent: the JVM's trusted authorities).")
    Path caFile;
    @Option(names = "--mqtt-cert-file", description = "PEM client certificate, when the broker asks for one (config mqtt_cert_file).")
    Path certFile;
    @Option(names = "--mqtt-key-file", description = "PEM PKCS#8 private key of --mqtt-cert-file, unencrypted (config mqtt_key_file).")
    Path keyFile;
    /** Taken only to refuse it with a reason: a password on the command line is readable by every user of the machine. */
    @Option(names = "--mqtt-password", hidden = true)
    String passwordOnCommandLine;

    /**
     * The login and TLS settings for {@code brokerUrl} (already mapped to Paho's form; null for the embedded broker).
     */
    MqttSecurity resolve(Settings s, String brokerUrl) {
        if (passwordOnCommandLine != null) {
            throw new UsageError("--mqtt-password: a password on the command line shows in ps and the shell's history; "
                    + "put it in a file (--mqtt-password-file FILE, mode 600) or in WW_MQTT_PASSWORD");
        }
        if (s.raw("mqtt_password") != null) {
            throw new UsageError("config mqtt_password: the password does not go in the config; name a file with "
                    + "mqtt_password_file, or set WW_MQTT_PASSWORD");
        }
        String name = s.string("mqtt-user", user, null);
        byte[] password = password(s);
        Path ca = path(s, "mqtt-ca-file", caFile);
        Path cert = path(s, "mqtt-cert-file", certFile);
        Path key = path(s, "mqtt-key-file", keyFile);
        boolean wantsTls = ca != null || cert != null || key != null;
        if (brokerUrl == null && (name != null || password != null || wantsTls)) {
            throw new UsageError("--mqtt-user, the password and the TLS files are for a broker given with --mqtt-url; "
                    + "the embedded broker takes anonymous clients on loopback only");
        }
        if (name != null && password == null) {
            throw new UsageError("--mqtt-user " + name + ": no password; give --mqtt-password-file FILE or set WW_MQTT_PASSWORD");
        }
        if (name == null && password != null) {
            throw new UsageError("a broker password is set (--mqtt-password-file or WW_MQTT_PASSWORD) but no --mqtt-user");
        }
        if (wantsTls && !MqttSecurity.isTls(brokerUrl)) {
            throw new UsageError("--mqtt-ca-file, --mqtt-cert-file and --mqtt-key-file need a TLS broker URL "
                    + "(mqtts://HOST:8883 or ssl://HOST:8883), was " + brokerUrl);
        }
        if ((cert == null) != (key == null)) {
            throw new UsageError(cert == null ? "--mqtt-key-file needs its --mqtt-cert-file"
                    : "--mqtt-cert-file needs its --mqtt-key-file (PEM, PKCS#8)");
        }
        SSLSocketFactory tls = wantsTls ? tls(ca, cert, key) : null;
        return MqttSecurity.of(name, password, tls);
    }

    private byte[] password(Settings s) {
        if (passwordFile != null) {
            return readPassword("--mqtt-password-file", passwordFile);
        }
        String fromEnv = s.fromEnvironment("mqtt-password");
        if (fromEnv != null) {
            return fromEnv.getBytes(StandardCharsets.UTF_8);
        }
        String file = s.string("mqtt-password-file", null, null);
        return file == null ? null : readPassword("mqtt_password_file", Path.of(file));
    }

    /** The first line of the file, without its line end. */
    private static byte[] readPassword(String setting, Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new UsageError(setting + " " + file + ": no such file");
        } catch (IOException e) {
            throw new UsageError(setting + " " + file + ": cannot be read: " + e.getMessage());
        }
        String line = text.lines().findFirst().orElse("");
        if (line.isEmpty()) {
            throw new UsageError(setting + " " + file + ": the first line, the password, is empty");
        }
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MAX_PASSWORD_BYTES) {
            throw new UsageError(setting + " " + file + ": the first line is longer than MQTT allows for a password");
        }
        return bytes;
    }

    private static Path path(Settings s, String name, Path flag) {
        String value = s.string(name, flag == null ? null : flag.toString(), null);
        return value == null ? null : Path.of(value);
    }

    private static SSLSocketFactory tls(Path ca, Path cert, Path key) {
        List<Certificate> trusted = ca == null ? null : pem("--mqtt-ca-file", () -> PemTls.certificates(ca));
        PemTls.Identity identity = cert == null ? null : new PemTls.Identity(
                pem("--mqtt-cert-file", () -> PemTls.certificates(cert)), pem("--mqtt-key-file", () -> PemTls.privateKey(key)));
        return pem("--mqtt-ca-file/--mqtt-cert-file:", () -> PemTls.socketFactory(trusted, identity));
    }

    private static <T> T pem(String flag, java.util.function.Supplier<T> read) {
        try {
            return read.get();
        } catch (IllegalArgumentException e) {
            throw new UsageError(flag + " " + e.getMessage());
        }
    }
}
