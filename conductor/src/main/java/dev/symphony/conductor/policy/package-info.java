/**
 * What runs next: the scheduling-policy interface the executor asks at every decision point. A
 * {@link dev.symphony.conductor.policy.Decision} lists the allowed (node, Instrument) candidates with their
 * features ({@link dev.symphony.conductor.policy.CandidateFeatures}); a policy scores them and the best one
 * runs. Permissions, approvals and budgets are enforced before a candidate is offered: a policy only orders
 * and picks among allowed choices. {@link dev.symphony.conductor.policy.HeuristicPolicy} needs nothing to
 * load; {@link dev.symphony.conductor.policy.LazyPolicy} answers with it until the learned policy is ready.
 */
package dev.symphony.conductor.policy;
