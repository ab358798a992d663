package dev.symphony.conductor.fqg.training;

/** What a training run did: episodes played, gradient steps, the best validation reward and when. */
public record TrainingReport(int episodes, int batches, int gradientSteps, double bestValidationReward,
                             int bestAtBatch, double seconds) {
}
