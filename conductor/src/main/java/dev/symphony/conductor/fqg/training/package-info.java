/**
 * Training the learned policy by reinforcement learning on the Function Quest Game: a policy-gradient
 * (REINFORCE) agent with group-relative advantages, on DJL NDArrays with the PyTorch engine. Rollouts run in
 * the simulator with a plain-Java copy of the current weights (fast, no JNI per decision); the gradient
 * step runs in DJL over minibatches of recorded decisions.
 */
package dev.symphony.conductor.fqg.training;
