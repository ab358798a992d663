/** Where user-level configuration, data and caches live ({@code SYMPHONY_HOME} or the OS folders). */
package dev.symphony.kernel.paths;
