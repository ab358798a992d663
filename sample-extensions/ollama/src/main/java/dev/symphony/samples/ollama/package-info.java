/** The {@code ollama} model Instrument: a local Ollama through langchain4j's Ollama module over the kernel's broker. */
package dev.symphony.samples.ollama;
