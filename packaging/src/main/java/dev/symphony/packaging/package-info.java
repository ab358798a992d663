/** The {@code symphony} launcher: CLI dispatch to each module's commands, and benchmark running. */
package dev.symphony.packaging;
