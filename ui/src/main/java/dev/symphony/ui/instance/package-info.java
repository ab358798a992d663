/**
 * Single-instance handoff: the running workbench listens on a Unix domain socket under
 * {@code SYMPHONY_HOME} ({@link InstanceServer}); {@code symphony FILE…} hands its files to it
 * ({@link InstanceClient}) instead of starting a second window. One request line, one reply line
 * ({@link OpenRequest}); everything read from the socket is treated as hostile.
 */
package dev.symphony.ui.instance;
