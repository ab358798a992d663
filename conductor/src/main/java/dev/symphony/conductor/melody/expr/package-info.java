/**
 * The small, safe expression language of Melodies: conditions on connections and condition nodes, loop
 * bounds, quality scores and {@code ${...}} templates in node inputs. No script engine, no reflection, no
 * side effects: literals, references into earlier nodes' JSON outputs ({@code summarize.text},
 * {@code split.matches[0]}), comparison, boolean and arithmetic operators, and a fixed set of pure
 * functions ({@link dev.symphony.conductor.melody.expr.Functions}). Evaluation is over Jackson
 * {@code JsonNode}s; a missing reference is JSON {@code null}, never an exception.
 */
package dev.symphony.conductor.melody.expr;
