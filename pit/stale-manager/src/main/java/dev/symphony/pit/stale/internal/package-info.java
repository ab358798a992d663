/** The stale manager's implementation: a struct-of-arrays item catalog and the clock-hand reclaimer. Not API. */
package dev.symphony.pit.stale.internal;
