/**
 * The in-memory metadata index, rebuilt from the log on open: fixed-size records in paged Agrona buffers
 * addressed through a {@code Long2LongHashMap}, read and written through a flyweight, so lookups and
 * updates do not allocate. Also the content table (hash → where the bytes are), the relation graph and
 * the string interner.
 */
package dev.symphony.pit.artifact.internal.index;
