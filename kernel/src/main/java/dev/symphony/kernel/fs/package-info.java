/** File-system helpers every service shares (atomic writes). */
package dev.symphony.kernel.fs;
