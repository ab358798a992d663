/**
 * What the model Instruments share (openai-compatible, anthropic, ollama): langchain4j's pluggable HTTP client over
 * the kernel's brokered HTTP ({@link dev.symphony.samples.broker.BrokerHttpClient}), the server an Instrument's
 * settings name ({@link dev.symphony.samples.broker.ProviderEndpoint}), a langchain4j streamed chat as the uniform
 * model contract ({@link dev.symphony.samples.broker.StreamedChat}), the built model kept while its settings stay
 * ({@link dev.symphony.samples.broker.SharedModel}) and the failures the router classifies
 * ({@link dev.symphony.samples.broker.ProviderFailures}). Bundled in each Instrument's {@code lib/}.
 */
package dev.symphony.samples.broker;
