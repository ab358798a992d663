package dev.symphony.kernel.signing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.security.PublicKey;
import java.util.Base64;

/**
 * A signature kept beside the document it signs ({@code index.json.sig} beside {@code index.json}): the signer's
 * name and public key and an Ed25519 signature over the document's exact bytes.
 */
public final class DetachedSignature {
    static final String FORMAT = "symphony-detached-signature/1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private DetachedSignature() {
    }

    public static byte[] sign(PublisherKey key, byte[] document) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(PublisherKey.publicJson(key.publisher(), key.publicKey())
                    .put("format", FORMAT).put("signature", Base64.getEncoder().encodeToString(key.sign(document))));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Checks {@code signature} over {@code document}; {@code where} names the document in messages. */
    public static ArchiveSignature.Verified verify(byte[] document, byte[] signature, String where) throws SignatureException {
        JsonNode n;
        try {
            n = JSON.readTree(signature);
        } catch (IOException e) {
            throw new SignatureException(where + ": its signature file is not JSON");
        }
        if (n == null || !FORMAT.equals(n.path("format").asText())) {
            throw new SignatureException(where + ": its signature file is not a " + FORMAT);
        }
        PublicKey key = PublisherKey.decode(n.path("publicKey").asText(), where + ": the signature's publicKey");
        byte[] sig;
        try {
            sig = Base64.getDecoder().decode(n.path("signature").asText());
        } catch (IllegalArgumentException e) {
            throw new SignatureException(where + ": the signature is not base64");
        }
        if (!PublisherKey.verify(key, document, sig)) {
            throw new SignatureException(where + " does not match its signature (it was changed after signing)");
        }
        return new ArchiveSignature.Verified(n.path("publisher").asText(), key);
    }
}
