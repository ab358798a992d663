/** Startup and frame-timing probes that drive the real GUI. */
package dev.symphony.ui.probe;
