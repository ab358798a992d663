/**
 * {@code symphony serve}: the conductor as a long-running process that fires Melodies' triggers — API
 * (a local HTTP endpoint on 127.0.0.1 with a bearer token from the user's config), scheduled (cron, checked
 * every minute), chained and melody.finished (after a run ends) — one run at a time over one artifact store.
 */
package dev.symphony.conductor.run.serve;
