package org.winterwatch.coordinator.mqtt;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS for MQTT clients from the PEM files operators already have for Mosquitto: the CA that signed the broker's
 * certificate, and optionally a client certificate with its PKCS#8 key. Each failure names the file and what is wrong
 * with it, as an {@link IllegalArgumentException} the command line turns into one line and exit code 2.
 */
public final class PemTls {

    private static final Pattern KEY_BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]*PRIVATE KEY)-----(.*?)-----END \\1-----", Pattern.DOTALL);
    private static final List<String> KEY_ALGORITHMS = List.of("RSA", "EC", "Ed25519", "Ed448");

    private PemTls() {
    }

    /**
     * A socket factory that trusts the {@code trusted} certificates (the JVM's default authorities when null) and
     * presents {@code identity} when the broker asks for a client certificate (none when null).
     */
    public static SSLSocketFactory socketFactory(List<Certificate> trusted, Identity identity) {
        try {
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted == null ? null : trustStore(trusted));
            KeyManagerFactory keys = null;
            if (identity != null) {
                char[] storePassword = new char[0];
                KeyStore store = emptyStore();
                store.setKeyEntry("client", identity.key(), storePassword, identity.chain().toArray(Certificate[]::new));
                keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                keys.init(store, storePassword);
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys == null ? null : keys.getKeyManagers(), trust.getTrustManagers(), new SecureRandom());
            return context.getSocketFactory();
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException("cannot set up TLS: " + e.getMessage(), e);
        }
    }

    /** A client certificate (with any intermediates after it) and its private key. */
    public record Identity(List<Certificate> chain, PrivateKey key) {
        public Identity {
            chain = List.copyOf(chain);
        }
    }

    /** The X.509 certificates of a PEM file, in order; at least one. */
    public static List<Certificate> certificates(Path file) {
        byte[] pem = read(file);
        try {
            List<Certificate> certs = new ArrayList<>(CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(pem)));
            if (certs.isEmpty()) {
                throw new IllegalArgumentException(file + ": no PEM certificate (-----BEGIN CERTIFICATE-----) in it");
            }
            return certs;
        } catch (CertificateException e) {
            throw new IllegalArgumentException(file + ": not a PEM certificate: " + e.getMessage(), e);
        }
    }

    /** The unencrypted PKCS#8 private key ({@code -----BEGIN PRIVATE KEY-----}) of a PEM file: RSA, EC or EdDSA. */
    public static PrivateKey privateKey(Path file) {
        String pem = new String(read(file), StandardCharsets.US_ASCII);
        Matcher block = KEY_BLOCK.matcher(pem);
        if (!block.find()) {
            throw new IllegalArgumentException(file + ": no PEM private key (-----BEGIN PRIVATE KEY-----) in it");
        }
        String kind = block.group(1);
        if (!kind.equals("PRIVATE KEY")) {
            throw new IllegalArgumentException(file + ": holds an " + kind + "; give an unencrypted PKCS#8 key "
                    + "(openssl pkcs8 -topk8 -nocrypt -in " + file + " -out client.pk8.pem)");
        }
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(block.group(2));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": the private key is not valid base64", e);
        }
        for (String algorithm : KEY_ALGORITHMS) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (InvalidKeySpecException | java.security.NoSuchAlgorithmException e) {
                // try the next algorithm
            }
        }
        throw new IllegalArgumentException(file + ": the private key is neither RSA, EC nor EdDSA in PKCS#8 form");
    }

    private static KeyStore trustStore(List<Certificate> trusted) throws GeneralSecurityException, IOException {
        KeyStore store = emptyStore();
        for (int i = 0; i < trusted.size(); i++) {
            store.setCertificateEntry("ca-" + i, trusted.get(i));
        }
        return store;
    }

    private static KeyStore emptyStore() throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        return store;
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(file + ": no such file", e);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot be read: " + e.getMessage(), e);
        }
    }
}
