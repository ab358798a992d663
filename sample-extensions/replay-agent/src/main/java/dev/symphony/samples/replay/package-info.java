/**
 * {@code dev.symphony.samples.replay-agent}: a REPLAY of recorded tool-calling conversations, served as a
 * language-model Instrument so agent mode can be tested end to end over the real bus without a model that makes
 * reliable tool calls. It does not think: a request that does not continue its recording fails.
 */
package dev.symphony.samples.replay;
