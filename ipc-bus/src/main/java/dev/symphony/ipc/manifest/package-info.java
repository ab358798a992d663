/**
 * The extension manifest ({@code symphony-extension.json}): its model, its JSON Schema and the reader
 * that validates a manifest before any plugin code is loaded. It lives in the bus module because both
 * sides of the process boundary read it (the kernel may not depend on the SDK); extension authors get
 * it through the SDK.
 */
package dev.symphony.ipc.manifest;
