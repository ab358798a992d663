/**
 * Who made an extension archive: publisher keys (Ed25519 from the JDK's {@code java.security}),
 * signing an archive in place ({@link dev.symphony.kernel.signing.ArchiveSigner}), checking a
 * signature against the archive's entries ({@link dev.symphony.kernel.signing.ArchiveSignature}),
 * the user's trusted publisher keys ({@link dev.symphony.kernel.signing.TrustedPublishers}) and
 * packing a folder into an archive ({@link dev.symphony.kernel.signing.ArchivePacker}).
 */
package dev.symphony.kernel.signing;
