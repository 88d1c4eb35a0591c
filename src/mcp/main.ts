/** The MCP server's bundle (dist/mcp.js): run by `healing-notes mcp`, or directly with `node dist/mcp.js`. */
import { runMcpServer } from './server';

export { runMcpServer };

if (require.main === module) void runMcpServer();
