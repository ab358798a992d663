/**
 * {@code dev.symphony.samples.local-gguf}: a language-model Instrument ({@link dev.symphony.sdk.api.LanguageModel})
 * that runs a GGUF file in its host process through llama.cpp's Java binding ({@code de.kherud:llama}), serving the
 * project's demo model (package {@code demo}, made by the build).
 */
package dev.symphony.samples.localgguf;
