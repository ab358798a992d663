/** The chaos sample extension: deliberate failures for isolation tests and the IPC benchmark. */
package dev.symphony.samples.chaos;
