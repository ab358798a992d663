/**
 * The Function Quest Game's puzzle model: functions with typed signatures, each offered by several
 * Instruments that trade cost, latency and failure rate, composed into a graph that must produce a goal
 * value under a concurrency limit, a budget and a deadline; plus the fixed, named generator presets.
 */
package dev.symphony.conductor.fqg.game;
