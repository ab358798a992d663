/**
 * The Function Quest Game's discrete-event simulator: simulated time jumps from one attempt's end to the
 * next, so an episode costs microseconds. Outcomes (latency jitter, failures) come from a counter-based
 * stream keyed by (outcome seed, function, attempt number), so every policy facing the same puzzle and
 * outcome seed meets the same luck (common random numbers).
 */
package dev.symphony.conductor.fqg.simulator;
