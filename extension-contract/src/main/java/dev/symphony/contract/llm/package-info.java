/**
 * The uniform contract of language-model Instruments: the capability names every model Instrument declares
 * ({@link dev.symphony.contract.llm.LanguageModelProtocol}), the records its inputs, stream chunks and answers are
 * made of, and the price table shipped as data ({@link dev.symphony.contract.llm.PriceTable}). The kernel, the
 * conductor, the UI and Melodies treat every model Instrument alike through these; the SDK's
 * {@code api.LanguageModel} is the extension author's side.
 */
package dev.symphony.contract.llm;
