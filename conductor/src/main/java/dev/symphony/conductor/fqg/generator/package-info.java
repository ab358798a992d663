/** Seeded puzzle generation for the Function Quest Game: the same preset and seed always give the same puzzle. */
package dev.symphony.conductor.fqg.generator;
