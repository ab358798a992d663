/**
 * The DJL-backed learned policy. The model is a DJL {@link ai.djl.nn.SequentialBlock} (a small MLP that
 * scores one candidate's features), trained by DJL on the PyTorch engine and saved as a DJL
 * {@code .params} file; {@link dev.symphony.conductor.policy.djl.DjlPolicy} loads it through DJL's
 * {@link ai.djl.Model} API and, for per-decision latency, copies the loaded weights into
 * {@link dev.symphony.conductor.policy.djl.MlpForward}, a plain-Java forward pass over all of a decision's
 * candidates (the same arithmetic; a test checks it against DJL's own forward).
 */
package dev.symphony.conductor.policy.djl;
