/** Starting child JVMs the way Symphony needs them: the shared flags and environment. */
package dev.symphony.kernel.process;
