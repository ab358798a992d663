/** The {@code anthropic} model Instrument: Claude through langchain4j's Anthropic module over the kernel's broker. */
package dev.symphony.samples.anthropic;
