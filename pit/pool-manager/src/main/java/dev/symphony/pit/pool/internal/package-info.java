/**
 * The pool manager's implementation: primitive, preallocated tables (structure-of-arrays) so that allocation and
 * release touch only a few array slots and allocate nothing. Not for use outside this module.
 */
package dev.symphony.pit.pool.internal;
