/**
 * JMH benchmarks of the editor engine (run by {@code symphony bench editor}) and the deterministic
 * input generator they and the tests share.
 */
package dev.symphony.editor.bench;
