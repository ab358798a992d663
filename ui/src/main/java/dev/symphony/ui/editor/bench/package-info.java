/** Benchmarks that drive the real editor view headlessly ({@code ./symphony bench editor-view}). */
package dev.symphony.ui.editor.bench;
