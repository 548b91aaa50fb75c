package org.winterwatch.coordinator.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading the operator's PEM files: what is accepted, and what each refusal tells the operator to do. */
class PemTlsTest {

    @TempDir
    Path dir;

    @Test
    void readsAnUnencryptedPkcs8EcKey() throws Exception {
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(256);
        byte[] der = ec.generateKeyPair().getPrivate().getEncoded(); // PKCS#8, as openssl 3 writes keys
        Path key = Files.writeString(dir.resolve("client.key"), "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(der) + "\n-----END PRIVATE KEY-----\n");

        assertThat(PemTls.privateKey(key).getAlgorithm()).isEqualTo("EC");
    }

    @Test
    void aPkcs1KeyIsRefusedWithTheCommandThatConvertsIt() throws Exception {
        Path key = Files.writeString(dir.resolve("old.key"),
                "-----BEGIN RSA PRIVATE KEY-----\nMIIB\n-----END RSA PRIVATE KEY-----\n");

        assertThatThrownBy(() -> PemTls.privateKey(key)).hasMessageContaining("RSA PRIVATE KEY")
                .hasMessageContaining("openssl pkcs8 -topk8 -nocrypt");
    }

    @Test
    void anEncryptedKeyIsRefused() throws Exception {
        Path key = Files.writeString(dir.resolve("enc.key"),
                "-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIB\n-----END ENCRYPTED PRIVATE KEY-----\n");

        assertThatThrownBy(() -> PemTls.privateKey(key)).hasMessageContaining("ENCRYPTED PRIVATE KEY");
    }

    @Test
    void aFileWithoutACertificateSaysSo() throws Exception {
        Path notPem = Files.writeString(dir.resolve("ca.pem"), "hello\n");

        assertThatThrownBy(() -> PemTls.certificates(notPem)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(notPem.toString());
    }
}
