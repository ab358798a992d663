/** JMH benchmarks of the Function Quest Game simulator and the policies' decisions. */
package dev.symphony.conductor.bench;
