/**
 * The kernel's side of the IPC bus: the pump agent that reads every host's channel, the folder the
 * channels live in, and where the extension-host program's classpath comes from.
 */
package dev.symphony.kernel.bus;
