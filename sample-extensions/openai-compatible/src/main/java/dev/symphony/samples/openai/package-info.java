/** The openai-compatible model Instrument: langchain4j's OpenAI module over the kernel's brokered HTTP. */
package dev.symphony.samples.openai;
