package dev.symphony.kernel.secrets;

/** The secret store cannot be read or written (locked, wrong passphrase, corrupt, unreachable); the message never holds a value. */
public final class SecretStoreException extends Exception {
    public SecretStoreException(String message) {
        super(message);
    }

    public SecretStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
