package dev.symphony.conductor.melody;

import java.util.Locale;

/** What a node does: a capability call or one of the built-ins. */
public enum NodeType {
    /** An Instrument or Operator capability (a fixed extension, or Maestro's choice by capability name). */
    CALL,
    /** A run input: {@code --input NAME=VALUE}, a loop's or parent Melody's inputs, or its default. */
    INPUT,
    /** A run output, rendered from a template and stored as an OUTPUT artifact. */
    OUTPUT,
    /** Exclusive choice: the first case whose expression holds names the branch taken. */
    CONDITION,
    /** A structured loop over an inline body with an explicit bound. */
    LOOP,
    /** A checkpoint a person answers (yes: continue; no: the node fails). */
    APPROVAL,
    /** Another Melody file run as one node. */
    MELODY;

    /** Whether the scheduling policy decides when (and for a call, on which provider) a node of this type runs. */
    public boolean scheduled() {
        return this == CALL || this == LOOP || this == MELODY;
    }

    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static NodeType of(String json) {
        return valueOf(json.toUpperCase(Locale.ROOT));
    }
}
