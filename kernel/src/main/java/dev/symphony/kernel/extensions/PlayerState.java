package dev.symphony.kernel.extensions;

/**
 * Where a Player is in its life. PENDING: known, not yet checked. VALIDATING: manifest, engine,
 * dependencies and approval being checked. VALIDATED: registered, host not running (activation is
 * lazy). ACTIVE: host process started and said hello. MONITORING: serving under heartbeat
 * supervision. FAILED: validation failed, or the host crashed and is not (yet) restarted.
 * DISABLED: switched off by the user.
 */
public enum PlayerState {
    PENDING, VALIDATING, VALIDATED, ACTIVE, MONITORING, FAILED, DISABLED
}
