/**
 * The extension manifest ({@code symphony-extension.json}): its model, its JSON Schema, the reader
 * that validates a manifest before any plugin code is loaded, and the permission rules it grants. It is
 * part of the contract because both sides of the process boundary read it; extension authors see it
 * through the SDK's {@code ExtensionContext}.
 */
package dev.symphony.contract.manifest;
