/** The artifact store's implementation: wiring of the log, the index, the codec and the archive. Not API. */
package dev.symphony.pit.artifact.internal;
