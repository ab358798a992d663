/**
 * Language-model Instruments as the kernel sees them: the extensions that declare the contract's {@code models}
 * and {@code chat} capabilities ({@code contract.llm.LanguageModelProtocol}), their model catalogues, and the
 * choice of the model that answers when none is named. Reached only through the kernel's call and stream entry
 * points, never by loading an extension's classes.
 */
package dev.symphony.kernel.models;
