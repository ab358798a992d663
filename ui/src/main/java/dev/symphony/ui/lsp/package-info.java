/**
 * Documents kept in step with extensions that declare {@code contributes.documentSync} (the {@code lsp} extension's
 * language servers): {@link dev.symphony.ui.lsp.DocumentSyncs} sends each open document once and then its edits as
 * ranges ({@link dev.symphony.ui.lsp.ChangeRanges}), and places the diagnostics that come back as anchored squiggles
 * and Problems ({@link dev.symphony.ui.lsp.AnchoredDiagnostics}) that move with the edits until the next publication.
 */
package dev.symphony.ui.lsp;
