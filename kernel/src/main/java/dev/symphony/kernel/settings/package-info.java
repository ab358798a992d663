/**
 * Settings as a UI-free service: a JSON Schema declares every setting; user and workspace
 * {@code settings.json} files (JSON with comments) are loaded, validated, watched and layered
 * (default → user → workspace). A file that is invalid is reported precisely and never rewritten.
 */
package dev.symphony.kernel.settings;
