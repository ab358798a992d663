/** {@code .symphony/agentignore}: files agents may not read or take into context, in gitignore syntax. */
package dev.symphony.approvals.ignore;
