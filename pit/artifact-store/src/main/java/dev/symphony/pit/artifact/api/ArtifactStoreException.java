package dev.symphony.pit.artifact.api;

/** An operation on the artifact store failed; the message names the artifact, file and cause. */
public class ArtifactStoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ArtifactStoreException(String message) {
        super(message);
    }

    public ArtifactStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
