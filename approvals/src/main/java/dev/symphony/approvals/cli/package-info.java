/** {@code symphony policy check}: the approval policy from the command line, for tests and scripts. */
package dev.symphony.approvals.cli;
