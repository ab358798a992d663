/**
 * The stale manager applied to the artifact store, through its public api package only: tracks every
 * artifact, derives references (live artifacts' derived-from edges) and training value (quality utility),
 * and archives or purges artifacts when the manager decides.
 */
package dev.symphony.pit.stale.artifacts;
