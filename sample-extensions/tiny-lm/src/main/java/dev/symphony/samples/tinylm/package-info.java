/**
 * {@code dev.symphony.samples.tiny-lm}: a demo Instrument around a small character-level language model
 * (DJL, PyTorch on CPU) trained on the project's own documentation. The model is loaded lazily on the first
 * call (warm-up); {@code generate} streams one token per character with cancellation between tokens and a
 * declared cost per token.
 */
package dev.symphony.samples.tinylm;
