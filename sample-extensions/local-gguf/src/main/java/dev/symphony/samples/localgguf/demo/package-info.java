/**
 * The demo model and how it is made: a small GGUF writer and the recipe that turns the character bigrams of the
 * project's docs into a one-block llama model. A demo, not an assistant.
 */
package dev.symphony.samples.localgguf.demo;
