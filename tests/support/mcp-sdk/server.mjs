#!/usr/bin/env node
// An MCP server built with the official MCP TypeScript SDK (@modelcontextprotocol/sdk): McpServer
// behind the SDK's StreamableHTTPServerTransport on plain node:http. Arbor's tests send trigger
// actions to it so that its MCP client is checked against software nobody here wrote; this file
// only wires the SDK up, as the SDK's own examples do, and keeps a log of the tool calls.
//
//   node server.mjs PORT [--stateless] [--require-token TOKEN] [--log FILE]
//
// PORT 0 picks a free one. The first line on stdout is `listening http://127.0.0.1:PORT/mcp`.
//   --stateless            the SDK's stateless mode (sessionIdGenerator undefined, a new server and
//                          transport per request); without it, sessions as in the SDK's
//                          simpleStreamableHttp example: initialize creates one, other requests
//                          need its Mcp-Session-Id
//   --require-token TOKEN  requests whose Authorization is not `Bearer TOKEN` get HTTP 401, with
//                          the body and WWW-Authenticate the SDK's requireBearerAuth sends
//   --log FILE             appends one JSON line per tool call the SDK dispatched to a tool:
//                          {"tool", "arguments", "authorization", "path", "sessionId",
//                          "protocolVersion", "receivedAt"}; the headers' values, "" when absent
// Tools: agent.receiveFeedback (any object arguments) and echo ({"text": string}); both answer
// text content. Errors go to stderr. SIGTERM and SIGINT close the server and exit 0.

import { randomUUID } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import { createServer } from 'node:http';
import process from 'node:process';

import { InvalidTokenError } from '@modelcontextprotocol/sdk/server/auth/errors.js';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { isInitializeRequest } from '@modelcontextprotocol/sdk/types.js';
import * as z from 'zod';

const MaxBodyBytes = 4 * 1024 * 1024;

function usage(message) {
    if (message)
        console.error(`server.mjs: ${message}`);
    console.error('usage: node server.mjs PORT [--stateless] [--require-token TOKEN] [--log FILE]');
    process.exit(2);
}

function parseArguments(argv) {
    const options = { port: undefined, stateless: false, token: undefined, log: undefined };
    for (let i = 0; i < argv.length; ++i) {
        const argument = argv[i];
        const value = () => {
            if (i + 1 >= argv.length)
                usage(`${argument} needs a value`);
            return argv[++i];
        };
        if (argument === '--stateless')
            options.stateless = true;
        else if (argument === '--require-token')
            options.token = value();
        else if (argument === '--log')
            options.log = value();
        else if (argument.startsWith('-'))
            usage(`unknown option ${argument}`);
        else if (options.port === undefined)
            options.port = Number(argument);
        else
            usage(`unexpected argument ${argument}`);
    }
    if (!Number.isInteger(options.port) || options.port < 0 || options.port > 65535)
        usage('PORT must be a number from 0 to 65535');
    return options;
}

const options = parseArguments(process.argv.slice(2));

function logCall(tool, args, extra) {
    if (!options.log)
        return;
    const info = extra?.requestInfo;
    const line = {
        tool,
        arguments: args ?? {},
        authorization: info?.headers?.authorization ?? '',
        path: info?.url?.pathname ?? '',
        sessionId: info?.headers?.['mcp-session-id'] ?? '',
        protocolVersion: info?.headers?.['mcp-protocol-version'] ?? '',
        receivedAt: new Date().toISOString(),
    };
    // Written before the result goes out, so a client holding the answer finds the line.
    appendFileSync(options.log, JSON.stringify(line) + '\n');
}

function buildServer() {
    const server = new McpServer({ name: 'arbor-test-sdk-server', version: '1.0.0' });
    server.registerTool('agent.receiveFeedback', {
        description: 'Accepts any arguments and answers them as text.',
        inputSchema: z.looseObject({}),
    }, async (args, extra) => {
        logCall('agent.receiveFeedback', args, extra);
        return { content: [{ type: 'text', text: JSON.stringify(args) }] };
    });
    server.registerTool('echo', {
        description: 'Answers the text it is given.',
        inputSchema: { text: z.string() },
    }, async (args, extra) => {
        logCall('echo', args, extra);
        return { content: [{ type: 'text', text: args.text }] };
    });
    return server;
}

// What the SDK's transport refused or failed at (an unsupported MCP-Protocol-Version, a missing
// session, a parse error), for the test's log.
function reportError(error) {
    console.error(`server.mjs: ${error?.message ?? error}`);
}

function sendJson(res, status, body, headers = {}) {
    if (res.headersSent)
        return;
    res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
}

function rpcError(code, message) {
    return { jsonrpc: '2.0', error: { code, message }, id: null };
}

function readBody(req) {
    return new Promise((resolve, reject) => {
        const chunks = [];
        let size = 0;
        req.on('data', chunk => {
            size += chunk.length;
            if (size > MaxBodyBytes) {
                reject(new Error('body too large'));
                req.destroy();
                return;
            }
            chunks.push(chunk);
        });
        req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
        req.on('error', reject);
    });
}

// Stateful mode: one transport (and McpServer) per session, as in the SDK's examples.
const sessions = new Map();

async function handleStateless(req, res, body) {
    if (req.method !== 'POST') {
        sendJson(res, 405, rpcError(-32000, 'Method not allowed.'), { Allow: 'POST' });
        return;
    }
    const server = buildServer();
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
    transport.onerror = reportError;
    res.on('close', () => {
        transport.close().catch(() => {});
        server.close().catch(() => {});
    });
    await server.connect(transport);
    await transport.handleRequest(req, res, body);
}

async function handleStateful(req, res, body) {
    const sessionId = req.headers['mcp-session-id'];
    const session = sessionId ? sessions.get(sessionId) : undefined;
    if (session) {
        await session.handleRequest(req, res, body);
        return;
    }
    if (sessionId) {
        reportError(`Session not found: ${sessionId}`);
        sendJson(res, 404, rpcError(-32001, 'Session not found'));
        return;
    }
    if (req.method !== 'POST' || !isInitializeRequest(body)) {
        reportError('Bad Request: No valid session ID provided');
        sendJson(res, 400, rpcError(-32000, 'Bad Request: No valid session ID provided'));
        return;
    }
    const transport = new StreamableHTTPServerTransport({
        sessionIdGenerator: () => randomUUID(),
        onsessioninitialized: id => sessions.set(id, transport),
    });
    transport.onerror = reportError;
    transport.onclose = () => {
        if (transport.sessionId)
            sessions.delete(transport.sessionId);
    };
    const server = buildServer();
    await server.connect(transport);
    await transport.handleRequest(req, res, body);
}

async function handle(req, res) {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname !== '/mcp') {
        sendJson(res, 404, rpcError(-32000, `Not Found: ${url.pathname}`));
        return;
    }
    if (options.token !== undefined && req.headers.authorization !== `Bearer ${options.token}`) {
        // Answered as the SDK's own requireBearerAuth middleware answers an invalid token (it is
        // Express middleware, so not used as such on node:http): HTTP 401, the OAuth error body.
        const error = new InvalidTokenError(req.headers.authorization ? 'Invalid token' : 'Missing Authorization header');
        reportError(`Unauthorized: ${error.message}`);
        sendJson(res, 401, error.toResponseObject(),
                 { 'WWW-Authenticate': `Bearer error="${error.errorCode}", error_description="${error.message}"` });
        return;
    }
    let body;
    if (req.method === 'POST') {
        const text = await readBody(req);
        try {
            body = JSON.parse(text);
        } catch {
            sendJson(res, 400, rpcError(-32700, 'Parse error: Invalid JSON'));
            return;
        }
    }
    if (options.stateless)
        await handleStateless(req, res, body);
    else
        await handleStateful(req, res, body);
}

const httpServer = createServer((req, res) => {
    handle(req, res).catch(error => {
        console.error('server.mjs: error handling an MCP request:', error);
        sendJson(res, 500, rpcError(-32603, 'Internal server error'));
    });
});
httpServer.on('error', error => {
    console.error('server.mjs:', error.message);
    process.exit(1);
});
httpServer.listen(options.port, '127.0.0.1', () => {
    const { port } = httpServer.address();
    process.stdout.write(`listening http://127.0.0.1:${port}/mcp\n`);
});

let stopping = false;
async function shutdown() {
    if (stopping)
        return;
    stopping = true;
    for (const transport of sessions.values())
        await transport.close().catch(() => {});
    httpServer.closeAllConnections();
    httpServer.close(() => process.exit(0));
}
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
