/**
 * Real runs as policy training data: the executor records, per scheduling decision, the candidates' feature
 * vectors the policy saw, its choice and the realised outcome ({@link dev.symphony.conductor.learning.DecisionRecord});
 * {@link dev.symphony.conductor.learning.TrainingData} keeps them as one JSON-lines file per run under the
 * user's data folder, with retention decided by the Pit's stale manager (its training-value rules), and
 * loads them for {@code fqg train --continue}.
 */
package dev.symphony.conductor.learning;
