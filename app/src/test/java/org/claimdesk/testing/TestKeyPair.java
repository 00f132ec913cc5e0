package org.claimdesk.testing;

import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyAlgorithmTags;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.bcpg.sig.KeyFlags;
import org.bouncycastle.crypto.generators.RSAKeyPairGenerator;
import org.bouncycastle.crypto.params.RSAKeyGenerationParameters;
import org.bouncycastle.openpgp.PGPKeyPair;
import org.bouncycastle.openpgp.PGPKeyRingGenerator;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureSubpacketGenerator;
import org.bouncycastle.openpgp.operator.PGPDigestCalculator;
import org.bouncycastle.openpgp.operator.bc.BcPBESecretKeyEncryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentSignerBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPDigestCalculatorProvider;
import org.bouncycastle.openpgp.operator.bc.BcPGPKeyPair;

import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Date;

/**
 * A throwaway OpenPGP key pair made by a test with Bouncy Castle (a TEST key, never for real use):
 * an RSA primary key that certifies and signs and an RSA subkey that encrypts, the secret key
 * protected by a passphrase, written as an armored public key file and a binary secret key file,
 * as {@code gpg --export --armor} and {@code gpg --export-secret-keys} write them.
 */
public record TestKeyPair(Path publicKey, Path secretKey, char[] passphrase) {
    public static TestKeyPair create(Path dir, String name, String passphrase) throws Exception {
        SecureRandom random = new SecureRandom();
        Date now = new Date(System.currentTimeMillis() - 60_000);
        PGPKeyPair primary = new BcPGPKeyPair(PublicKeyAlgorithmTags.RSA_GENERAL, rsa(random), now);
        PGPKeyPair encryption = new BcPGPKeyPair(PublicKeyAlgorithmTags.RSA_GENERAL, rsa(random), now);
        PGPSignatureSubpacketGenerator primaryFlags = new PGPSignatureSubpacketGenerator();
        primaryFlags.setKeyFlags(false, KeyFlags.CERTIFY_OTHER | KeyFlags.SIGN_DATA);
        PGPSignatureSubpacketGenerator encryptionFlags = new PGPSignatureSubpacketGenerator();
        encryptionFlags.setKeyFlags(false, KeyFlags.ENCRYPT_COMMS | KeyFlags.ENCRYPT_STORAGE);
        PGPDigestCalculator sha1 = new BcPGPDigestCalculatorProvider().get(HashAlgorithmTags.SHA1);
        PGPKeyRingGenerator rings = new PGPKeyRingGenerator(PGPSignature.POSITIVE_CERTIFICATION, primary,
                name + " (ClaimDesk test key) <test@example.invalid>", sha1, primaryFlags.generate(), null,
                new BcPGPContentSignerBuilder(PublicKeyAlgorithmTags.RSA_GENERAL, HashAlgorithmTags.SHA256),
                new BcPBESecretKeyEncryptorBuilder(SymmetricKeyAlgorithmTags.AES_256,
                        new BcPGPDigestCalculatorProvider().get(HashAlgorithmTags.SHA256), 0x60).build(passphrase.toCharArray()));
        rings.addSubKey(encryption, encryptionFlags.generate(), null);
        Path publicKey = dir.resolve(name + ".asc");
        try (OutputStream out = ArmoredOutputStream.builder().clearHeaders().build(Files.newOutputStream(publicKey))) {
            rings.generatePublicKeyRing().encode(out);
        }
        Path secretKey = dir.resolve(name + "-secret.gpg");
        try (OutputStream out = Files.newOutputStream(secretKey)) {
            rings.generateSecretKeyRing().encode(out);
        }
        return new TestKeyPair(publicKey, secretKey, passphrase.toCharArray());
    }

    private static org.bouncycastle.crypto.AsymmetricCipherKeyPair rsa(SecureRandom random) {
        RSAKeyPairGenerator generator = new RSAKeyPairGenerator();
        generator.init(new RSAKeyGenerationParameters(BigInteger.valueOf(0x10001), random, 2048, 80));
        return generator.generateKeyPair();
    }
}
