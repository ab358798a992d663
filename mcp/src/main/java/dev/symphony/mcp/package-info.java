/**
 * MCP servers the user configures ({@code mcp.json}), as tools for agents ({@link dev.symphony.mcp.McpTools}) under
 * the approval policy; see mcp/README.md.
 */
package dev.symphony.mcp;
