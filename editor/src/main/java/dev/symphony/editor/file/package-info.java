/**
 * Text files on disk: encoding and BOM detection, line-ending detection, binary refusal, atomic save
 * that keeps permissions, external-change detection, the hot-exit journal and the autosave model.
 * Nothing here touches a UI.
 */
package dev.symphony.editor.file;
