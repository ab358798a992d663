package dev.symphony.approvals.policy;

/** A policy file that cannot be used; the message names the file, the line and what to change. */
public final class PolicyException extends Exception {
    public PolicyException(String message) {
        super(message);
    }
}
