package org.claimdesk.export;

import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.bcpg.sig.KeyFlags;
import org.bouncycastle.openpgp.PGPCompressedData;
import org.bouncycastle.openpgp.PGPEncryptedData;
import org.bouncycastle.openpgp.PGPEncryptedDataGenerator;
import org.bouncycastle.openpgp.PGPEncryptedDataList;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPLiteralData;
import org.bouncycastle.openpgp.PGPLiteralDataGenerator;
import org.bouncycastle.openpgp.PGPMarker;
import org.bouncycastle.openpgp.PGPOnePassSignatureList;
import org.bouncycastle.openpgp.PGPPBEEncryptedData;
import org.bouncycastle.openpgp.PGPPrivateKey;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyEncryptedData;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPSecretKey;
import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureList;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.bc.BcPGPObjectFactory;
import org.bouncycastle.openpgp.operator.bc.BcPBEDataDecryptorFactory;
import org.bouncycastle.openpgp.operator.bc.BcPBEKeyEncryptionMethodGenerator;
import org.bouncycastle.openpgp.operator.bc.BcPBESecretKeyDecryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPDataEncryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPDigestCalculatorProvider;
import org.bouncycastle.openpgp.operator.bc.BcPublicKeyDataDecryptorFactory;
import org.bouncycastle.openpgp.operator.bc.BcPublicKeyKeyEncryptionMethodGenerator;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Wraps a finished file (a rebuttal pack, later a workspace bundle) in an OpenPGP message and back
 * (RFC 4880 as GnuPG 2.2 and later open it, decision 0025), with Bouncy Castle: AES-256 in a
 * symmetrically encrypted, integrity-protected packet (SEIPD with MDC), to a passphrase (iterated
 * and salted SHA-256 S2K at its highest count) and/or to recipients' public keys.
 *
 * <p>An encrypted file is hostile input: decryption streams into a temporary file beside the target,
 * within limits on size and expansion, and moves it into place only once the integrity check has
 * passed; a wrong passphrase or key, a cut or changed file leaves nothing behind and is an
 * {@link EncryptionException} that says which.
 */
public final class OpenPgpEnvelope {
    /** Limits a decrypted file must keep; past them it is refused and removed. */
    public record Limits(long maxPlainBytes, long maxExpansion) {
        /** Room for large bundles, and 200× expansion (as for packs' zips) once past 1 MB. */
        public static final Limits DEFAULT = new Limits(16L << 30, 200);
    }

    /**
     * Whom a file is encrypted to: a passphrase (or null) and/or public key files (.asc or binary),
     * written binary ({@code .pgp}) or ASCII-armored ({@code .asc}).
     */
    public record Recipients(char[] passphrase, List<Path> publicKeys, boolean armored) {
        public Recipients {
            publicKeys = List.copyOf(publicKeys);
            if ((passphrase == null || passphrase.length == 0) && publicKeys.isEmpty()) {
                throw new IllegalArgumentException("encrypting needs a passphrase or a recipient's public key");
            }
        }

        public static Recipients passphrase(char[] passphrase) {
            return new Recipients(passphrase, List.of(), false);
        }
    }

    /**
     * What may open a file: a passphrase (or null) and/or secret key files; the passphrase also
     * unlocks a protected secret key, as GnuPG asks for one passphrase.
     */
    public record Keys(char[] passphrase, List<Path> secretKeys) {
        public Keys {
            secretKeys = List.copyOf(secretKeys);
        }

        public static Keys passphrase(char[] passphrase) {
            return new Keys(passphrase, List.of());
        }
    }

    /** A file decrypted and checked: where it is now, and the name it had when encrypted ("" when none). */
    public record Decrypted(Path file, String originalName) {
    }

    /** Highest iterated-and-salted S2K count (65,011,712 bytes hashed): what GnuPG reads, and slow to guess. */
    static final int S2K_COUNT = 0xff;
    private static final long KEY_FILE_LIMIT = 4L << 20;
    private static final int BUFFER = 1 << 16;
    private static final String ARMOR_BEGIN = "-----BEGIN PGP MESSAGE-----";
    private static final Pattern SAFE_NAME = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} ._()+-]{0,199}");

    private final Limits limits;
    private final SecureRandom random;

    public OpenPgpEnvelope() {
        this(Limits.DEFAULT);
    }

    public OpenPgpEnvelope(Limits limits) {
        this.limits = limits;
        this.random = new SecureRandom();
    }

    /**
     * Whether a file is an OpenPGP encrypted message, known by its first packet (a session key for a
     * public key or a passphrase) or its ASCII armor, whatever its name.
     */
    public static boolean isEncrypted(Path file) {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(64);
        } catch (IOException e) {
            return false;
        }
        String text = new String(head, StandardCharsets.ISO_8859_1).stripLeading();
        if (text.startsWith(ARMOR_BEGIN)) {
            return true;
        }
        return startsWithSessionKeyPacket(head);
    }

    /** A public-key (tag 1, v3/v6) or symmetric-key (tag 3, v4–v6) session key packet, or a marker before one. */
    private static boolean startsWithSessionKeyPacket(byte[] head) {
        if (head.length < 3 || (head[0] & 0x80) == 0) {
            return false;
        }
        int first = head[0] & 0xff;
        int tag;
        int bodyAt;
        if ((first & 0x40) != 0) {
            tag = first & 0x3f;
            int length = head[1] & 0xff;
            bodyAt = length < 192 ? 2 : length < 224 ? 3 : length == 255 ? 6 : -1;
        } else {
            tag = (first >> 2) & 0x0f;
            int type = first & 0x03;
            bodyAt = type == 0 ? 2 : type == 1 ? 3 : type == 2 ? 5 : -1;
        }
        if (bodyAt < 0 || bodyAt >= head.length) {
            return false;
        }
        int version = head[bodyAt] & 0xff;
        return switch (tag) {
            case 1 -> version == 3 || version == 6;
            case 3 -> version >= 4 && version <= 6;
            case 10 -> head[bodyAt] == 'P'; // "PGP" marker packet, an encrypted message follows
            default -> false;
        };
    }

    /**
     * Encrypts {@code plain} to {@code to}, replacing {@code target} only once it is complete (written
     * beside it first); the literal data carries the plain file's name, as {@code gpg -d} expects.
     */
    public void encrypt(Path plain, Path target, Recipients to) throws IOException {
        List<PGPPublicKey> keys = new ArrayList<>();
        for (Path keyFile : to.publicKeys()) {
            keys.add(encryptionKey(keyFile));
        }
        PGPEncryptedDataGenerator generator = new PGPEncryptedDataGenerator(
                new BcPGPDataEncryptorBuilder(SymmetricKeyAlgorithmTags.AES_256).setWithIntegrityPacket(true)
                        .setSecureRandom(random));
        if (to.passphrase() != null && to.passphrase().length > 0) {
            try {
                generator.addMethod(new BcPBEKeyEncryptionMethodGenerator(to.passphrase(),
                        new BcPGPDigestCalculatorProvider().get(HashAlgorithmTags.SHA256), S2K_COUNT).setSecureRandom(random));
            } catch (PGPException e) {
                throw new IllegalStateException("SHA-256 is missing from Bouncy Castle", e);
            }
        }
        for (PGPPublicKey key : keys) {
            generator.addMethod(new BcPublicKeyKeyEncryptionMethodGenerator(key).setSecureRandom(random));
        }
        Path temporary = temporaryBeside(target);
        try {
            try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(temporary), BUFFER)) {
                OutputStream sink = file;
                ArmoredOutputStream armor = null;
                if (to.armored()) {
                    armor = ArmoredOutputStream.builder().clearHeaders().build(file);
                    sink = armor;
                }
                try (OutputStream encrypted = generator.open(sink, new byte[BUFFER]);
                     OutputStream literal = new PGPLiteralDataGenerator().open(encrypted, PGPLiteralData.BINARY,
                             plain.getFileName().toString(), Date.from(Files.getLastModifiedTime(plain).toInstant()),
                             new byte[BUFFER])) {
                    Files.copy(plain, literal);
                } catch (PGPException e) {
                    throw new IOException("could not encrypt " + plain.getFileName() + ": " + e.getMessage(), e);
                }
                if (armor != null) {
                    armor.close();
                }
            }
            moveIntoPlace(temporary, target);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /**
     * Decrypts {@code encrypted} into {@code target}: streamed into a temporary file beside it,
     * which becomes {@code target} only when the whole message was read within the limits and its
     * integrity check passed.
     *
     * @throws EncryptionException naming what is wrong: no or a wrong passphrase or key, a file cut
     *                             short or changed, too large, or not an encrypted message we open
     */
    public Decrypted decrypt(Path encrypted, Path target, Keys keys) throws IOException {
        String name = encrypted.getFileName().toString();
        long encryptedBytes = Files.size(encrypted);
        List<PGPSecretKey> secretKeys = new ArrayList<>();
        for (Path keyFile : keys.secretKeys()) {
            secretKeys.addAll(secretKeys(keyFile));
        }
        Path temporary = temporaryBeside(target);
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(encrypted), BUFFER);
             InputStream decoded = PGPUtil.getDecoderStream(raw)) {
            PGPEncryptedDataList list = encryptedDataList(name, decoded);
            if (!list.isIntegrityProtected()) {
                throw new EncryptionException(EncryptionException.Reason.UNSUPPORTED, name + ": refused: it has no integrity "
                        + "protection, so a change to it could not be told (an old OpenPGP format)");
            }
            Opened opened = open(name, list, keys.passphrase(), secretKeys);
            String originalName = copyLiteralData(name, opened.clear(), temporary, encryptedBytes);
            checkIntegrity(name, opened.data());
            moveIntoPlace(temporary, target);
            return new Decrypted(target, originalName);
        } catch (EncryptionException e) {
            throw e;
        } catch (WriteFailed e) {
            throw (IOException) e.getCause();
        } catch (EOFException e) {
            throw damaged(name, "it is cut short");
        } catch (IOException | RuntimeException e) {
            // Bouncy Castle reports a damaged stream in many ways, unchecked ones among them
            if (e instanceof java.nio.file.FileSystemException) {
                throw e;
            }
            throw damaged(name, "it is damaged or not an OpenPGP message (" + firstLine(e) + ")");
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private record Opened(PGPEncryptedData data, InputStream clear) {
    }

    /** Writing the decrypted copy failed (a full disk): our side, not the file's fault. */
    private static final class WriteFailed extends IOException {
        WriteFailed(IOException cause) {
            super(cause.getMessage(), cause);
        }
    }

    private static PGPEncryptedDataList encryptedDataList(String name, InputStream decoded) throws IOException {
        BcPGPObjectFactory factory = new BcPGPObjectFactory(decoded);
        Object first = factory.nextObject();
        while (first instanceof PGPMarker) {
            first = factory.nextObject();
        }
        if (first instanceof PGPEncryptedDataList list && !list.isEmpty()) {
            return list;
        }
        throw new EncryptionException(EncryptionException.Reason.UNSUPPORTED, name + ": refused: it is OpenPGP but not "
                + "an encrypted message (" + (first == null ? "empty" : "a " + describe(first)) + ")");
    }

    /** The first way in that the keys given open: a secret key for one of its recipients, else the passphrase. */
    private static Opened open(String name, PGPEncryptedDataList list, char[] passphrase, List<PGPSecretKey> secretKeys)
            throws IOException {
        List<String> recipients = new ArrayList<>();
        boolean forPassphrase = false;
        boolean secretKeyLocked = false;
        for (PGPEncryptedData data : list) {
            if (data instanceof PGPPublicKeyEncryptedData forKey) {
                recipients.add(keyId(forKey.getKeyID()));
                for (PGPSecretKey secret : secretKeys) {
                    if (forKey.getKeyID() != 0 && secret.getKeyID() != forKey.getKeyID() || secret.isPrivateKeyEmpty()) {
                        continue; // another key, or a stub gpg exports for a key kept elsewhere (a smartcard)
                    }
                    PGPPrivateKey privateKey;
                    try {
                        privateKey = secret.extractPrivateKey(secret.getS2KUsage() == 0 ? null
                                : new BcPBESecretKeyDecryptorBuilder(new BcPGPDigestCalculatorProvider())
                                .build(passphrase == null ? new char[0] : passphrase));
                    } catch (PGPException | RuntimeException e) {
                        secretKeyLocked = true;
                        continue;
                    }
                    try {
                        return new Opened(forKey, forKey.getDataStream(new BcPublicKeyDataDecryptorFactory(privateKey)));
                    } catch (PGPException | RuntimeException e) {
                        if (forKey.getKeyID() == 0) {
                            continue; // a hidden recipient: try the next key
                        }
                        throw damaged(name, "its session key does not open with key " + keyId(secret.getKeyID()));
                    }
                }
            } else if (data instanceof PGPPBEEncryptedData withPassphrase && passphrase != null && passphrase.length > 0) {
                forPassphrase = true;
                try {
                    return new Opened(withPassphrase, withPassphrase.getDataStream(
                            new BcPBEDataDecryptorFactory(passphrase, new BcPGPDigestCalculatorProvider())));
                } catch (PGPException | RuntimeException e) {
                    // the quick check (or the session key's algorithm) says this passphrase is not the one
                }
            } else if (data instanceof PGPPBEEncryptedData) {
                forPassphrase = true;
            }
        }
        if (secretKeyLocked) {
            throw new EncryptionException(EncryptionException.Reason.WRONG_PASSPHRASE, name + ": the passphrase "
                    + (passphrase == null || passphrase.length == 0 ? "of the secret key is missing" : "does not unlock the secret key"));
        }
        if (forPassphrase && passphrase != null && passphrase.length > 0) {
            throw new EncryptionException(EncryptionException.Reason.WRONG_PASSPHRASE, name + ": wrong passphrase"
                    + (recipients.isEmpty() ? "" : ", and no secret key for it was given"));
        }
        if (!recipients.isEmpty() && !secretKeys.isEmpty()) {
            throw new EncryptionException(EncryptionException.Reason.WRONG_KEY, name + ": encrypted to "
                    + (recipients.size() == 1 ? "key " : "keys ") + String.join(", ", recipients)
                    + ", and none of the secret keys given is one of them");
        }
        throw new EncryptionException(EncryptionException.Reason.NEEDS_KEY, name + ": encrypted "
                + (forPassphrase && !recipients.isEmpty() ? "with a passphrase and to keys " + String.join(", ", recipients)
                : forPassphrase ? "with a passphrase" : "to " + (recipients.size() == 1 ? "key " : "keys ") + String.join(", ", recipients))
                + ": give " + (forPassphrase ? "the passphrase" : "the secret key") + " to open it");
    }

    /** Streams the one literal data packet (through at most two layers of compression) into {@code temporary}. */
    private String copyLiteralData(String name, InputStream clear, Path temporary, long encryptedBytes) throws IOException {
        BcPGPObjectFactory factory = new BcPGPObjectFactory(clear);
        Object next;
        try {
            next = factory.nextObject();
            for (int layers = 0; next instanceof PGPCompressedData compressed; layers++) {
                if (layers == 2) {
                    throw damaged(name, "it is compressed more than twice over");
                }
                factory = new BcPGPObjectFactory(compressed.getDataStream());
                next = factory.nextObject();
            }
            if (next instanceof PGPOnePassSignatureList) {
                next = factory.nextObject(); // a signed message: what was signed follows (its signature is not checked)
            }
        } catch (PGPException e) {
            throw damaged(name, firstLine(e));
        }
        if (!(next instanceof PGPLiteralData literal)) {
            throw damaged(name, "it holds no file" + (next == null ? "" : " but a " + describe(next)));
        }
        long written = 0;
        byte[] buffer = new byte[BUFFER];
        try (InputStream in = literal.getInputStream();
             OutputStream out = new BufferedOutputStream(Files.newOutputStream(temporary), BUFFER)) {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                written += read;
                if (written > limits.maxPlainBytes()) {
                    throw new EncryptionException(EncryptionException.Reason.TOO_LARGE, name + ": refused: it decrypts to more than "
                            + (limits.maxPlainBytes() >> 20) + " MB");
                }
                if (written > 1_000_000 && written > encryptedBytes * limits.maxExpansion()) {
                    throw new EncryptionException(EncryptionException.Reason.TOO_LARGE, name + ": refused: it expands more than "
                            + limits.maxExpansion() + " times its size (a decompression bomb?)");
                }
                try {
                    out.write(buffer, 0, read);
                } catch (IOException e) {
                    throw new WriteFailed(e);
                }
            }
        }
        Object after = factory.nextObject();
        if (after != null && !(after instanceof PGPSignatureList)) {
            throw damaged(name, "it holds more than one file");
        }
        return safeName(literal.getFileName());
    }

    private static void checkIntegrity(String name, PGPEncryptedData data) throws IOException {
        boolean intact;
        try {
            intact = data.verify();
        } catch (PGPException e) {
            intact = false;
        }
        if (!intact) {
            throw damaged(name, "its integrity check failed (it was changed or damaged after it was encrypted)");
        }
    }

    /** The key of a public key file to encrypt to: its newest usable encryption key (usually a subkey). */
    static PGPPublicKey encryptionKey(Path keyFile) throws IOException {
        String name = keyFile.getFileName().toString();
        List<PGPPublicKey> candidates = new ArrayList<>();
        for (Object ring : keyRings(keyFile)) {
            Iterator<PGPPublicKey> keys = ring instanceof PGPPublicKeyRing publicRing ? publicRing.getPublicKeys()
                    : ((PGPSecretKeyRing) ring).getPublicKeys();
            PGPPublicKey primary = null;
            while (keys.hasNext()) {
                PGPPublicKey key = keys.next();
                if (primary == null) {
                    primary = key;
                    if (primary.hasRevocation()) {
                        break;
                    }
                }
                if (usableForEncryption(key)) {
                    candidates.add(key);
                }
            }
        }
        return candidates.stream().max(java.util.Comparator.comparing(PGPPublicKey::getCreationTime))
                .orElseThrow(() -> new EncryptionException(EncryptionException.Reason.BAD_KEY_FILE, name
                        + ": holds no public key that may encrypt (revoked, expired, or for signing only)"));
    }

    private static boolean usableForEncryption(PGPPublicKey key) {
        if (!key.isEncryptionKey() || key.hasRevocation()) {
            return false;
        }
        long valid = key.getValidSeconds();
        if (valid > 0 && key.getCreationTime().toInstant().plusSeconds(valid).isBefore(Instant.now())) {
            return false;
        }
        Integer flags = null;
        for (Iterator<PGPSignature> signatures = key.getSignatures(); signatures.hasNext(); ) {
            PGPSignature signature = signatures.next();
            if (signature.getHashedSubPackets() != null && signature.getHashedSubPackets().hasSubpacket(
                    org.bouncycastle.bcpg.SignatureSubpacketTags.KEY_FLAGS)) {
                flags = (flags == null ? 0 : flags) | signature.getHashedSubPackets().getKeyFlags();
            }
        }
        // without key flags, what the algorithm can do decides
        return flags == null || (flags & (KeyFlags.ENCRYPT_COMMS | KeyFlags.ENCRYPT_STORAGE)) != 0;
    }

    private static List<PGPSecretKey> secretKeys(Path keyFile) throws IOException {
        List<PGPSecretKey> keys = new ArrayList<>();
        for (Object ring : keyRings(keyFile)) {
            if (ring instanceof PGPSecretKeyRing secretRing) {
                secretRing.getSecretKeys().forEachRemaining(keys::add);
            }
        }
        if (keys.isEmpty()) {
            throw new EncryptionException(EncryptionException.Reason.BAD_KEY_FILE, keyFile.getFileName()
                    + ": holds no secret key (a public key cannot decrypt)");
        }
        return keys;
    }

    /** The key rings of a key file, armored or binary, read within a size limit. */
    private static List<Object> keyRings(Path keyFile) throws IOException {
        String name = keyFile.getFileName().toString();
        byte[] bytes;
        try (InputStream in = Files.newInputStream(keyFile)) {
            bytes = in.readNBytes((int) KEY_FILE_LIMIT + 1);
        } catch (IOException e) {
            throw new EncryptionException(EncryptionException.Reason.BAD_KEY_FILE, name + ": cannot be read: " + e.getMessage());
        }
        if (bytes.length > KEY_FILE_LIMIT) {
            throw new EncryptionException(EncryptionException.Reason.BAD_KEY_FILE, name + ": too large for a key file");
        }
        List<Object> rings = new ArrayList<>();
        try (InputStream decoded = PGPUtil.getDecoderStream(new ByteArrayInputStream(bytes))) {
            BcPGPObjectFactory factory = new BcPGPObjectFactory(decoded);
            for (Object next = factory.nextObject(); next != null; next = factory.nextObject()) {
                if (next instanceof PGPPublicKeyRing || next instanceof PGPSecretKeyRing) {
                    rings.add(next);
                }
            }
        } catch (IOException | RuntimeException e) {
            if (rings.isEmpty()) {
                throw new EncryptionException(EncryptionException.Reason.BAD_KEY_FILE, name + ": not an OpenPGP key file ("
                        + firstLine(e) + ")");
            }
        }
        if (rings.isEmpty()) {
            throw new EncryptionException(EncryptionException.Reason.BAD_KEY_FILE, name + ": holds no OpenPGP key");
        }
        return rings;
    }

    private static Path temporaryBeside(Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        // createTempFile makes it readable by its owner alone, which a plain copy of a secret wants
        return Files.createTempFile(dir, "." + target.getFileName(), ".partial");
    }

    private static void moveIntoPlace(Path temporary, Path target) throws IOException {
        try {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static String safeName(String name) {
        if (name == null) {
            return "";
        }
        String last = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        return SAFE_NAME.matcher(last).matches() && !last.contains("..") ? last : "";
    }

    private static EncryptionException damaged(String name, String what) {
        return new EncryptionException(EncryptionException.Reason.DAMAGED, name + ": refused: " + what);
    }

    private static String keyId(long id) {
        return id == 0 ? "(hidden)" : HexFormat.of().withUpperCase().toHexDigits(id);
    }

    private static String describe(Object packet) {
        return packet.getClass().getSimpleName().replace("PGP", "").toLowerCase(Locale.ROOT);
    }

    private static String firstLine(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.lines().findFirst().orElse("").strip();
    }
}
