/**
 * The extension registry and lifecycle: installing archives, resolving dependencies, permission
 * review, sandbox setup, configuration, registration and lazy activation of Players; the process
 * supervisor that runs one extension-host JVM per extension and restarts it by policy; and the
 * broker that serves extensions' requests for files, network, processes, settings and other
 * extensions, checking permissions and writing the audit log. {@link dev.symphony.kernel.extensions.Kernel}
 * is the entry point.
 */
package dev.symphony.kernel.extensions;
