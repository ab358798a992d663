/** The text-tools sample extension: deterministic text Operators. */
package dev.symphony.samples.texttools;
