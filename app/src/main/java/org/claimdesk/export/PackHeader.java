package org.claimdesk.export;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * What the top of a rebuttal pack's page says: who publishes it, their logo, when it was made.
 *
 * @param organisation   the publishing organisation's name
 * @param logo           the logo's bytes (PNG or JPEG), or null for none
 * @param logoMediaType  "image/png" or "image/jpeg" when there is a logo, else null
 * @param generatedAt    when the pack was made
 */
public record PackHeader(String organisation, byte[] logo, String logoMediaType, Instant generatedAt) {
    public PackHeader {
        Objects.requireNonNull(organisation, "organisation");
        Objects.requireNonNull(generatedAt, "generatedAt");
        if (logo != null) {
            logo = logo.clone();
            if (!"image/png".equals(logoMediaType) && !"image/jpeg".equals(logoMediaType)) {
                throw new IllegalArgumentException("the logo must be a PNG or JPEG image, not " + logoMediaType);
            }
            if (!hasSignature(logo, logoMediaType)) {
                throw new IllegalArgumentException("the logo's bytes are not a " + (logoMediaType.equals("image/png") ? "PNG" : "JPEG")
                        + " image");
            }
        } else {
            logoMediaType = null;
        }
    }

    /** A header without a logo. */
    public PackHeader(String organisation, Instant generatedAt) {
        this(organisation, null, null, generatedAt);
    }

    @Override
    public byte[] logo() {
        return logo == null ? null : logo.clone();
    }

    private static boolean hasSignature(byte[] bytes, String mediaType) {
        byte[] signature = mediaType.equals("image/png")
                ? new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}
                : new byte[]{(byte) 0xff, (byte) 0xd8, (byte) 0xff};
        return bytes.length >= signature.length && Arrays.equals(bytes, 0, signature.length, signature, 0, signature.length);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PackHeader that && organisation.equals(that.organisation)
                && Arrays.equals(logo, that.logo) && Objects.equals(logoMediaType, that.logoMediaType)
                && generatedAt.equals(that.generatedAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(organisation, Arrays.hashCode(logo), logoMediaType, generatedAt);
    }

    @Override
    public String toString() {
        return "PackHeader[" + organisation + (logo == null ? "" : ", logo " + logo.length + " bytes") + ", " + generatedAt + "]";
    }
}
