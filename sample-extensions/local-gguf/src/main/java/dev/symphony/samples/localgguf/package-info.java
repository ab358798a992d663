/**
 * {@code dev.symphony.samples.local-gguf}: a language-model Instrument ({@link dev.symphony.sdk.api.LanguageModel})
 * that runs GGUF files in its host process through llama.cpp's Java binding ({@code de.kherud:llama}): the project's
 * demo model (package {@code demo}, made by the build) and the user's own files ({@link dev.symphony.samples.localgguf.ModelFiles},
 * checked by {@link dev.symphony.samples.localgguf.GgufHeader} before llama.cpp reads them).
 */
package dev.symphony.samples.localgguf;
