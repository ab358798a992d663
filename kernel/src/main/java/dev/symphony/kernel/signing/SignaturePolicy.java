package dev.symphony.kernel.signing;

import java.util.Optional;

/**
 * Whether an archive whose signature was checked may be installed, and what the prompt and the audit say.
 * A signed archive needs its key among the user's trusted publishers (or the user's yes at a first-use
 * prompt showing the fingerprint), and the manifest's publisher must be the one the key belongs to; an
 * unsigned archive needs the user's explicit {@code --allow-unsigned}.
 */
public final class SignaturePolicy {
    private SignaturePolicy() {
    }

    /** What to do; {@code message} is for the user, {@code audit} for the audit entry. */
    public record Decision(Kind kind, String message, String audit, ArchiveSignature.Verified signer) {
        public boolean refused() {
            return kind == Kind.REFUSED;
        }
    }

    public enum Kind {
        /** Signed by a trusted key of the manifest's publisher. */
        TRUSTED,
        /** Signed, the key is not trusted yet: ask the user, showing the fingerprint. */
        ASK_TRUST,
        /** Unsigned and the user allowed it. */
        UNSIGNED_ALLOWED,
        REFUSED
    }

    /** As {@link #decide(Optional, String, TrustedPublishers, String, String)}, an unsigned archive allowed by {@code --allow-unsigned}. */
    public static Decision decide(Optional<ArchiveSignature.Verified> signature, String manifestPublisher,
                                  TrustedPublishers trust, boolean allowUnsigned, String archive) {
        return decide(signature, manifestPublisher, trust, allowUnsigned ? "--allow-unsigned" : null, archive);
    }

    /**
     * {@code unsignedAllowedBy}: what allows an unsigned archive, as the prompt and the audit name it ({@code
     * --allow-unsigned} at the command line, the review in the Extensions view); null: an unsigned archive is refused.
     */
    public static Decision decide(Optional<ArchiveSignature.Verified> signature, String manifestPublisher,
                                  TrustedPublishers trust, String unsignedAllowedBy, String archive) {
        if (signature.isEmpty()) {
            if (unsignedAllowedBy == null) {
                return new Decision(Kind.REFUSED, archive + " is not signed (it has no " + ArchiveSignature.ENTRY
                        + "; a signature stripped from a signed archive looks the same). Install it only if you trust where it came from, "
                        + "with --allow-unsigned", "refused: UNSIGNED", null);
            }
            return new Decision(Kind.UNSIGNED_ALLOWED, "WARNING: " + archive + " is UNSIGNED: nobody vouches for its contents "
                    + "(installing because of " + unsignedAllowedBy + ")", "UNSIGNED, allowed by " + unsignedAllowedBy, null);
        }
        ArchiveSignature.Verified v = signature.get();
        String fp = PublisherKey.display(v.fingerprint());
        Optional<TrustedPublishers.Trusted> trusted = trust.find(v.key());
        String keyOwner = trusted.map(TrustedPublishers.Trusted::publisher).orElse(v.publisher());
        if (!keyOwner.equals(manifestPublisher)) {
            return new Decision(Kind.REFUSED, archive + " says its publisher is '" + manifestPublisher + "' but it is signed with a key of '"
                    + keyOwner + "' (" + fp + ")", "refused: publisher '" + manifestPublisher + "' signed by key of '" + keyOwner + "' " + v.fingerprint(), v);
        }
        if (trusted.isPresent()) {
            return new Decision(Kind.TRUSTED, "Signed by " + keyOwner + ", a trusted publisher key (" + fp + ")",
                    "signed by " + keyOwner + " key " + v.fingerprint(), v);
        }
        return new Decision(Kind.ASK_TRUST, "Signed by a key that says it belongs to '" + v.publisher() + "' and that you do not trust yet:\n  "
                + fp + "\nCompare this fingerprint with one the publisher gave you before trusting it.",
                "signed by " + v.publisher() + " key " + v.fingerprint() + ", trusted at first use", v);
    }
}
