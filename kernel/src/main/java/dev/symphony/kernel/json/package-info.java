/** JSON with comments, as people write settings files: parsing with positions, and minimal textual edits. */
package dev.symphony.kernel.json;
