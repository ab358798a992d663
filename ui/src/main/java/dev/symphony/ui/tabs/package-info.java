/** Open files as tabs (a plain text view until the rope-backed editor view arrives). */
package dev.symphony.ui.tabs;
