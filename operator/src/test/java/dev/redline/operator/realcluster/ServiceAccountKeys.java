package dev.redline.operator.realcluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;

/** The RSA key pair the apiserver signs ServiceAccount tokens with (and KCM's token controller uses), as PEM files. */
record ServiceAccountKeys(Path privateKey, Path publicKey) {
    static ServiceAccountKeys create(Path dir) throws IOException {
        try {
            KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
            gen.initialize(2048);
            KeyPair pair = gen.generateKeyPair();
            ServiceAccountKeys keys = new ServiceAccountKeys(dir.resolve("sa.key"), dir.resolve("sa.pub"));
            Files.writeString(keys.privateKey, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));      // PKCS#8
            Files.writeString(keys.publicKey, pem("PUBLIC KEY", pair.getPublic().getEncoded()));        // SubjectPublicKeyInfo
            return keys;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
