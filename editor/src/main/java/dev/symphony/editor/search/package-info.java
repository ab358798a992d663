/**
 * Find and replace over a rope without copying the document into a String: literal and
 * {@link java.util.regex} search through a chunk-caching CharSequence view, case and whole-word
 * options, next/previous/all, and a sed-compatible line-by-line replace-all with a literal prefilter.
 */
package dev.symphony.editor.search;
