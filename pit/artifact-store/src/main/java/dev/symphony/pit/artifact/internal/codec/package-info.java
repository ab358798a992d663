/**
 * Content encoding at rest: SHA-256 addressing, Deflate compression, AES-256-GCM encryption with the key
 * from the store's key file. Order: hash(raw) → deflate → encrypt(AAD = hash); decoding verifies all three.
 */
package dev.symphony.pit.artifact.internal.codec;
