/** Smart indentation: detect a file's indent style, keep and extend indentation on Enter, dedent on a closing bracket. */
package dev.symphony.editor.indent;
