/**
 * Extension indexes: a folder of signed archives published as a signed static JSON index
 * ({@link dev.symphony.kernel.marketplace.IndexBuilder}), read from a folder or an HTTP(S) URL with size
 * limits and timeouts and checked against the user's trusted publisher keys
 * ({@link dev.symphony.kernel.marketplace.IndexSource}); what it lists
 * ({@link dev.symphony.kernel.marketplace.ExtensionIndex}) is hostile until checked.
 */
package dev.symphony.kernel.marketplace;
