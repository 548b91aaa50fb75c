package org.winterwatch.coordinator.mqtt;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A certificate authority of the test's own, made with {@code openssl}, and the certificates it signs: for a broker
 * (named by its subject alternative names) and for a client (an EC key in PKCS#8, as {@code openssl} 3 writes it).
 */
final class TestCertificates {

    private final Path dir;

    private TestCertificates(Path dir) {
        this.dir = dir;
    }

    /** A new CA in {@code dir}: {@code ca.pem} and its key. */
    static TestCertificates authority(Path dir) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        TestCertificates ca = new TestCertificates(dir);
        ca.openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.pem", "-days", "2",
                "-subj", "/CN=WinterWatch test CA");
        return ca;
    }

    Path caFile() {
        return dir.resolve("ca.pem");
    }

    /** A server certificate for these names ({@code subjectAltName} entries, e.g. "IP:127.0.0.1"); {@code NAME.pem}, {@code NAME.key}. */
    Path server(String name, String subjectAltNames) throws IOException, InterruptedException {
        return signed(name, "/CN=" + name, "subjectAltName=" + subjectAltNames + "\nextendedKeyUsage=serverAuth\n", "rsa:2048");
    }

    /** A client certificate whose common name is {@code user}, with an EC key. */
    Path client(String user) throws IOException, InterruptedException {
        return signed(user, "/CN=" + user, "extendedKeyUsage=clientAuth\n", "ec");
    }

    Path keyOf(String name) {
        return dir.resolve(name + ".key");
    }

    private Path signed(String name, String subject, String extensions, String keyKind)
            throws IOException, InterruptedException {
        Files.writeString(dir.resolve(name + ".ext"), extensions);
        List<String> request = new ArrayList<>(List.of("req", "-new", "-newkey", keyKind));
        if (keyKind.equals("ec")) {
            request.addAll(List.of("-pkeyopt", "ec_paramgen_curve:prime256v1"));
        }
        request.addAll(List.of("-nodes", "-keyout", name + ".key", "-out", name + ".csr", "-subj", subject));
        openssl(request.toArray(String[]::new));
        openssl("x509", "-req", "-in", name + ".csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
                "-out", name + ".pem", "-days", "2", "-extfile", name + ".ext");
        return dir.resolve(name + ".pem");
    }

    private void openssl(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("openssl " + args[0] + " failed: " + output);
        }
    }
}
