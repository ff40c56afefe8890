<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>Console</name>
    <message>
        <source>url</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arbor, the operations console for multi-chain EVM indexing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arbor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database to open: sqlite:PATH or postgresql://user@host:port/dbname. Default: $ARBOR_DB, else the one chosen in Settings, else arbor.db in the user&apos;s data folder.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arbor::ActionSender</name>
    <message>
        <source>%1 sent an answer larger than %2 MiB; Arbor stopped reading it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 did not answer within %2 s. If the receiver is slow, raise the action&apos;s timeout.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 refused the connection. Check that the receiver is running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The host of %1 was not found. Check the URL and DNS.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The TLS handshake with %1 failed: %2. Check the certificate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arbor cannot send to %1: %2. Check the URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending to %1 failed: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is rate limiting (HTTP %2) and asks for a pause of %3 s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is rate limiting (HTTP %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 answered HTTP %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 redirects to %2 (HTTP %3). Deliveries do not follow redirects; point the action at the final URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 refused the credentials (HTTP %2). Check the secret the action refers to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 answered HTTP %2. Check the URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 refused the delivery (HTTP %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTP %1, JSON-RPC error %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 answered HTTP %2 without a JSON-RPC response to the tool call.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 refused the call of %2: JSON-RPC error %3: %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The tool %1 at %2 reported an error.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The tool %1 at %2 reported an error: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The MCP endpoint &quot;%1&quot; is not an http:// or https:// URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The MCP action names no tool.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The MCP tool arguments are not a JSON object.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 refused initialize: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 answered initialize without a protocol version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 speaks MCP %2; Arbor speaks %3 and %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not accept the call of %2: the stateless request got %3; the 2025 handshake: %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The signing secret does not start with &quot;whsec_&quot;. Standard Webhooks secrets are &quot;whsec_&quot; followed by base64; store one in that form.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The signing secret is not &quot;whsec_&quot; followed by base64. Store it exactly as the receiver shows it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The webhook URL &quot;%1&quot; is not an http:// or https:// URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the Telegram Bot API at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Telegram is rate limiting this bot and asks for a pause of %1 s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Telegram is rate limiting this bot.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 answered HTTP %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Telegram refused the bot token (401 Unauthorized). Check the secret botToken refers to; it is the token @BotFather gave.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 answered 404 Not Found. Check the API base URL and the bot token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The group became a supergroup; set the action&apos;s chat id to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Telegram refused the message: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 answered HTTP %2 without ok: true.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Telegram action has no bot token; set botToken to a secret reference.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Telegram action has no chat id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Telegram API base URL &quot;%1&quot; is not an http:// or https:// URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 answered HTTP %2: the receiver asks not to be sent anything more. The action is disabled and its deliveries are held until you enable it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 did not list its tools: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 did not list its tools: the stateless request got %2; the 2025 handshake: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 failed initialize: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arbor::ActionStore</name>
    <message>
        <source>There is no alert rule action %1; `arborctl alert show RULE` lists a rule&apos;s actions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no trigger action %1; `arborctl trigger actions` lists them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action %1 is not a webhook: only REST actions sign their requests.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action %1 signs nothing yet: set its signingSecret instead of rotating.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The action already signs with %1; store the new secret under another name.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arbor::Address</name>
    <message>
        <source>“%1” is not an address: it must start with 0x followed by 40 hex digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not an address: expected 40 hex digits after 0x, found %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not an address: it contains a character that is not a hex digit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” has mixed case but an invalid EIP-55 checksum: check for a typo, or paste it in all lowercase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An address has 20 bytes, not %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arbor::AgentCallPreparer</name>
    <message>
        <source>Not sent: the event names no agent (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the agent&apos;s registration: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not sent yet: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not sent yet: the agent&apos;s MCP endpoint host “%1” does not resolve (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not sent: the event names no feedback file, so its hash cannot be checked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not sent: the feedback carries no file hash to check “%1” against.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not sent: the feedback file could not be fetched: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not sent: the feedback file&apos;s keccak-256 is 0x%1, the event&apos;s feedbackHash is %2: the file at “%3” is not the one the feedback was given with.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not sent yet: the agent&apos;s token %1 cannot be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arbor::AgentRegistration</name>
    <message>
        <source>Use a list ([…]) %1, not %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use true or false, not %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>true or false</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>null</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use a text (in double quotes), not %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>of services, each {&quot;name&quot;: …, &quot;endpoint&quot;: …}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use an object {&quot;name&quot;: …, &quot;endpoint&quot;: …}, not %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>of texts, such as [&quot;reputation&quot;]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The registration file is not valid JSON: %1 at byte %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The registration file is not a JSON object ({…}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>of registrations, each {&quot;agentId&quot;: …, &quot;agentRegistry&quot;: …}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arbor::AgentService</name>
    <message>
        <source>The registration file is not valid: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not an http(s) URL. Give the gateway&apos;s base, e.g. https://ipfs.io/ipfs/ (the CID and path are appended).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chain “%1” has no agent %2 in its identity registry. See “arborctl agents list --chain %1”.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arbor::AgentStore</name>
    <message>
        <source>Chain %1 has no agent %2 in its identity registry. See “arborctl agents list”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chain %1&apos;s identity registry has no agent %2, so it has no registration naming an MCP endpoint.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent %1&apos;s registration file (%2) has not been fetched yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent %1&apos;s registration file could not be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent %1&apos;s registration file names no MCP service.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arbor::AlertStore</name>
    <message>
        <source>Give the rule a name of 1 to %1 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alert rule %1 is already named “%2”; choose another name or edit that rule.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no chain %1; `arborctl chain list` shows the chains, or write &quot;all&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A silence ends at a time after 1970.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alert rule %1 holds an action Arbor cannot read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no alert rule %1; `arborctl alert rules` lists them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no alert rule “%1”; `arborctl alert rules` lists them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no alert %1; `arborctl alert list` shows them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alert rule “%1” has no action to test; add one in its editor first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No chain is registered to make a test alert for; add a chain first.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arbor::AlertText</name>
    <message>
        <source>chain %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the node answers with errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No node of %1 answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has stalled</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Reorg of %n block(s) on %1</source>
        <translation>
            <numerusform>Reorg of %n block on %1</numerusform>
            <numerusform>Reorg of %n blocks on %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Balance queue of %1 has errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Balance queue of %1 is behind</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 is %n block(s) behind</source>
        <translation>
            <numerusform>%1 is %n block behind</numerusform>
            <numerusform>%1 is %n blocks behind</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is %2 behind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nodes of %1 fail calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indexing waits and resumes by itself when a node answers again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No node of %1 answered for %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The indexer of %1 stopped on an error and retries by itself</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 is %n block(s) behind the head and indexed no new block for %2.</source>
        <translation>
            <numerusform>%1 is %n block behind the head and indexed no new block for %2.</numerusform>
            <numerusform>%1 is %n blocks behind the head and indexed no new block for %2.</numerusform>
        </translation>
    </message>
    <message>
        <source>Rolled back to block %1 (the common ancestor) and indexing again from there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n failed attempt(s) in the last hour; failed items can be retried on the Balance Queue page.</source>
        <translation>
            <numerusform>%n failed attempt in the last hour; failed items can be retried on the Balance Queue page.</numerusform>
            <numerusform>%n failed attempts in the last hour; failed items can be retried on the Balance Queue page.</numerusform>
        </translation>
    </message>
    <message>
        <source>The oldest pending item has waited %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indexed to block %1 of %2; the rule allows %3 blocks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The newest indexed block is %1 old; the rule allows %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The node %1 fails %2 % of its recent calls; the rule allows %3 %.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the agent&apos;s MCP endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deliveries of “%1” to %2 fail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deliveries of “%1” to %2 are held</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has accepted no delivery for %2. Arbor keeps retrying on the action&apos;s schedule; nothing is lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 asked not to be sent anything more (HTTP 410 Gone), so the action is disabled and its deliveries are held (%n now), not dropped. Enable the action on the Triggers page once the receiver takes deliveries again.</source>
        <translation>
            <numerusform>%1 asked not to be sent anything more (HTTP 410 Gone), so the action is disabled and its deliveries are held (%n now), not dropped. Enable the action on the Triggers page once the receiver takes deliveries again.</numerusform>
            <numerusform>%1 asked not to be sent anything more (HTTP 410 Gone), so the action is disabled and its deliveries are held (%n now), not dropped. Enable the action on the Triggers page once the receiver takes deliveries again.</numerusform>
        </translation>
    </message>
    <message>
        <source>Last error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Other actions of %1 in the same state: %n.</source>
        <translation>
            <numerusform>Other actions of %1 in the same state: %n.</numerusform>
            <numerusform>Other actions of %1 in the same state: %n.</numerusform>
        </translation>
    </message>
    <message>
        <source>connection refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no answer in time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS handshake failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>host not found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connection closed by the host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>network error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTP status %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>answer too large</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>URL not supported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The agent&apos;s MCP endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has indexed no new block for %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last problem: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Telegram is rate limiting the bot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Telegram is rate limiting the bot and asks for a pause of %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Telegram refused the bot token (401 Unauthorized)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the group became a supergroup; set the action&apos;s chat id to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Telegram refused the message: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the chain reorganised deeper than %1 blocks, with no common ancestor since block %2: reindex it from an earlier block, or delete and re-add it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>block %1 was not fetched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>block %1 does not build on block %2 as fetched: the chain changed while it was read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the logs of block %1 come from another fork than its header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the node does not serve block %1 yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>database error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the database is locked by another process: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lost the connection to PostgreSQL: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arbor::BalanceService</name>
    <message>
        <source>Chain %1 has no RPC endpoint to read the token&apos;s supply from.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token %1 does not answer totalSupply() with a number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No endpoint answered.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arbor::ChainConfig</name>
    <message>
        <source>An RPC URL is required, for example http://127.0.0.1:8545.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” has no scheme: write http://%1 or https://%1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The URL is not valid and seems to contain a user name or password; Arbor does not store credentials in URLs. Remove them from the URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a valid URL: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” must start with http:// or https:// (WebSocket endpoints are not supported).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” has no host name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” contains a user name or password; Arbor does not store credentials in URLs. Remove them from the URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” has a #fragment, which an RPC URL does not use; remove it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A chain needs a name, for example “mainnet” or “base-sepolia”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name must not start or end with spaces.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name is %1 characters long; use at most %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name contains a control character; use letters, digits, spaces, “-” or “_”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name “%1” is all digits and would be mistaken for a chain id; add a letter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The chain id must be between 1 and %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At least one RPC URL is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The RPC URL %1 is given twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The start block cannot be negative.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirmations must be between 0 and %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The poll interval must be between 100 ms and one hour.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The zero address is not a token contract.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token %1 is given twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The zero address is not a registry contract.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 registry is given twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give registries as identity=ADDRESS,reputation=ADDRESS,validation=ADDRESS (any subset).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not KIND=ADDRESS with KIND one of identity, reputation, validation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a balance mode; use “transfers” (sum of indexed transfers) or “balance_of” (balanceOf by eth_call).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A placeholder belongs in the URL&apos;s path or query, such as https://eth-mainnet.g.alchemy.com/v2/${keychain:alchemy}; not in its scheme, host or port.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a choice of block statistics; use “events” (headers of the blocks with events only: fewest calls) or “every” (one header per block: daily blocks, transactions and gas exact).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arbor::ChainDataFetcher</name>
    <message>
        <source>“%1” is not a valid URL: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not an http, https, ipfs or data URI; Arbor fetches nothing else named by chain data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a data: URI: there is no comma before its data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” says its data is base64, and it is not.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” holds a document larger than %2; Arbor reads at most %2 of a document named by chain data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is an IPFS URI, and no IPFS gateway is set. Set one with “arborctl outbound gateway https://ipfs.io/ipfs/” or in Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The IPFS gateway “%1” is not an http or https URL. Set one such as “https://ipfs.io/ipfs/” with “arborctl outbound gateway” or in Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not an IPFS URI: write ipfs://CID or ipfs://CID/path.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” does not name a valid IPFS CID.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” has “..” in its path; an IPFS path names a file inside its CID.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” cannot be fetched through the gateway “%2”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The host of “%1” was not resolved within %2 s. Try again later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot resolve the host of “%1”: %2. Check the name, or try again later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” sent a document larger than %2; Arbor reads at most %2 of a document named by chain data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” did not answer within %2 s. Try again later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot reach “%1”: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” answered HTTP %2 %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” redirected more than %2 times from “%3”; Arbor follows at most %2 redirects.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” redirects from https to http (“%2”); Arbor does not follow a redirect to a less safe scheme.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arbor::ChainDeletion</name>
    <message>
        <source>stop indexing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mark deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>remove global rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>clear caches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>delete admin tracking rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>drop chain tables</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleting chain %1 stopped at step %2 (%3): %4. Run the delete again to finish it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arbor::ChainEdit</name>
    <message>
        <source>Chain “%1” is being deleted and cannot be edited.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to change: give a new name, RPC URLs to add or remove, a poll interval, confirmations, an RPC rate or a registry to add.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The RPC rate must be between 1 and %1 requests per second, or 0 for no limit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The RPC URL %1 is given twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not an RPC URL of chain “%2”; its URLs are: %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is both added and removed; give it once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is already an RPC URL of chain “%2”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chain “%1” would have no RPC URL left; add another URL before removing the last one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chain “%1” already indexes the %2 registry at %3; a registry cannot be replaced.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arbor::ChainIndexer</name>
    <message>
        <source>The endpoints report head %1, below the indexed block %2; waiting for them to catch up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reorganisation detected at block %1; looking for the common ancestor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chain %1 reorganised deeper than %2 blocks (no common ancestor since block %3). Reindex the chain from an earlier block, or delete and re-add it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indexing has stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Block %1 was not fetched.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Block %1 does not build on block %2 as fetched: the chain changed while it was being read; fetching again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The logs of block %1 come from another fork than its header; fetching again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every RPC endpoint is failing; retrying by itself. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>No block indexed for %1 s while %n block(s) behind the head.</source>
        <translation>
            <numerusform>No block indexed for %1 s while %n block behind the head.</numerusform>
            <numerusform>No block indexed for %1 s while %n blocks behind the head.</numerusform>
        </translation>
    </message>
    <message>
        <source>Last problem: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arbor::ChainLeaseKeeper</name>
    <message numerus="yes">
        <source>no heartbeat reached the database for %n s; indexing stopped before the lease could expire</source>
        <translation>
            <numerusform>no heartbeat reached the database for %n s; indexing stopped before the lease could expire</numerusform>
            <numerusform>no heartbeat reached the database for %n s; indexing stopped before the lease could expire</numerusform>
        </translation>
    </message>
    <message>
        <source>another engine holds the chain now</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arbor::ChainService</name>
    <message>
        <source>A price is a whole number of units per call from 0 to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chain %1 has no RPC endpoint %2; its endpoints are: %3.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arbor::CrashReporter</name>
    <message>
        <source>Cannot create the folder for crash reports, %1: check that it is writable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The crash report path %1 is too long.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Arbor stopped unexpectedly (%n time(s) since a report was last shown). The newest crash report is %1: it holds the backtrace and the last log lines; please send it with a word on what was happening.</source>
        <translation>
            <numerusform>Arbor stopped unexpectedly (%n time since a report was last shown). The newest crash report is %1: it holds the backtrace and the last log lines; please send it with a word on what was happening.</numerusform>
            <numerusform>Arbor stopped unexpectedly (%n times since a report was last shown). The newest crash report is %1: it holds the backtrace and the last log lines; please send it with a word on what was happening.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>arbor::DatabaseBackup</name>
    <message>
        <source>Canceled: nothing was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the file to write the backup to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a folder: give the backup file&apos;s name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 exists already. Choose another name or remove it first; nothing was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write in %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot move %1 to %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup %1 holds a database this Arbor cannot use: migration %2 (%3) is %4. Restore it with the Arbor release that made it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SQLite error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SQLite cannot start the copy: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SQLite could not copy the database: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot finish writing %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no database at %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is the database itself: choose another file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not an Arbor database: it has no arbor_schema_migrations table.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a folder: give the database file to restore into.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 exists and is not an empty SQLite database (%2). Restore into a new file; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 is not empty: it holds %n table(s). Restore into a new file or an empty database; nothing was changed.</source>
        <translation>
            <numerusform>%1 is not empty: it holds %n table. Restore into a new file or an empty database; nothing was changed.</numerusform>
            <numerusform>%1 is not empty: it holds %n tables. Restore into a new file or an empty database; nothing was changed.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is an SQLite database but not an Arbor backup: it has no arbor_schema_migrations table.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is the backup itself: restore into another file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no file %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not an Arbor backup: it is neither an SQLite database nor a PostgreSQL dump (pg_dump --format=custom).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is an SQLite backup: restore it into an SQLite database (sqlite:PATH).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a PostgreSQL backup: restore it into an empty PostgreSQL database (postgresql://…).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not installed. Install the package postgresql-client (a version at least as new as the server&apos;s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot run %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it printed no message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 failed (exit code %2): %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not empty: it holds %2. Restore into an empty database (createdb NAME); nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not an Arbor database: it has no arbor.schema_migrations table.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a readable PostgreSQL backup: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a PostgreSQL backup but not an Arbor one: it holds no arbor.schema_migrations table.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder %1 does not exist. Create it first (mkdir -p %1) or choose another; nothing was written.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arbor::DatabaseMaintenance</name>
    <message>
        <source>statistics refreshed where SQLite found them stale</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n dead row(s) before</source>
        <translation>
            <numerusform>%n dead row before</numerusform>
            <numerusform>%n dead rows before</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) changed since the last analysis</source>
        <translation>
            <numerusform>%n row changed since the last analysis</numerusform>
            <numerusform>%n rows changed since the last analysis</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not possible: this database file was created without incremental auto-vacuum, so its %1 free pages (%2) stay in the file; a full VACUUM (arborctl db maintain --full) returns them and converts the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not needed: the file returns free pages at every commit (auto_vacuum=FULL)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no free pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>returned %1 free pages (%2): %3 → %4 pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 → %2 pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>converted to incremental auto-vacuum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SQLite returned nothing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not in WAL mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 WAL pages written back; readers still use the rest, so the WAL was not truncated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 WAL pages written back; WAL truncated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2% of %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n index(es) checked with pgstattuple</source>
        <translation>
            <numerusform>%n index checked with pgstattuple</numerusform>
            <numerusform>%n indexes checked with pgstattuple</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n index(es) checked by estimate (pgstattuple is not installed)</source>
        <translation>
            <numerusform>%n index checked by estimate (pgstattuple is not installed)</numerusform>
            <numerusform>%n indexes checked by estimate (pgstattuple is not installed)</numerusform>
        </translation>
    </message>
    <message>
        <source>most bloated: %1 at about %2%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none worth rebuilding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rebuilding %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>another checkpoint was running for %1 s; the WAL was not truncated</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arbor::DatabaseService</name>
    <message>
        <source>%1 is the database Arbor runs on now: restore into a new SQLite file or an empty PostgreSQL database.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arbor::DatabaseStatsStore</name>
    <message>
        <source>SQLite cannot report page sizes (dbstat): %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pg_stat_statements is not installed on the server: showing Arbor&apos;s own timings. To use it, add pg_stat_statements to shared_preload_libraries in postgresql.conf, restart PostgreSQL and run CREATE EXTENSION pg_stat_statements in this database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pg_stat_statements is installed in a schema Arbor does not read (%1): showing Arbor&apos;s own timings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pg_stat_statements is installed in this database but the server does not load it: showing Arbor&apos;s own timings. Add pg_stat_statements to shared_preload_libraries in postgresql.conf and restart PostgreSQL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pg_stat_statements is installed but cannot be read (%1): showing Arbor&apos;s own timings. It needs pg_stat_statements in shared_preload_libraries in postgresql.conf and a restart of PostgreSQL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From the server&apos;s pg_stat_statements: every client of this database, not only Arbor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The number of statements must be at least 1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arbor&apos;s own timings of its statements, written every minute by the engine that indexes.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arbor::DatabaseUrl</name>
    <message>
        <source>%1 is a directory; give the path of the database file, e.g. sqlite:%1/arbor.db.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The URL is not valid and may contain a password. Remove any password and store it in the keychain (arborctl db set-password) or set PGPASSWORD.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The URL contains a password. Remove it and store the password in the keychain (arborctl db set-password) or set PGPASSWORD.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PostgreSQL URL has no host: use postgresql://user@host:port/dbname.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PostgreSQL URL has no user: use postgresql://user@host:port/dbname.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PostgreSQL URL must name one database: postgresql://user@host:port/dbname.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection options in the URL query are not supported; remove “?%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a database URL. Use sqlite:PATH or postgresql://user@host:port/dbname.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SQLite %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PostgreSQL %1@%2:%3/%4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a valid PostgreSQL URL: use postgresql://user@host:port/dbname.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arbor::Decimal</name>
    <message>
        <source>A number is required, such as 42 or -1.5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a decimal number: write digits with an optional sign and decimal point, such as 42, -1.5 or 0.001 (no spaces, exponents or thousands separators).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The number of decimals must be 0 or more, not %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a whole number: write digits with an optional sign, such as -1234.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arbor::DeliveryOutbox</name>
    <message>
        <source>An outbox row needs a delivery id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivery %1 names no %2: give the id of the %2 it is for.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>alert rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>trigger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivery %1 names no action: give the id of the action that sends it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A result of delivery %1 is success, failed, retrying or cancelled, never pending.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arbor::DeliveryWorker</name>
    <message numerus="yes">
        <source>%1 — not delivered after %n attempt(s): the retry schedule (%2) is spent. Resend it when the receiver is back.</source>
        <translation>
            <numerusform>%1 — not delivered after %n attempt: the retry schedule (%2) is spent. Resend it when the receiver is back.</numerusform>
            <numerusform>%1 — not delivered after %n attempts: the retry schedule (%2) is spent. Resend it when the receiver is back.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>arbor::EndpointPool</name>
    <message>
        <source>This chain has no RPC endpoint. Add one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No RPC endpoint reported its head: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a batch of %1 calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: not tried</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No RPC endpoint answered after %1 attempts: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A batch of %1 calls is larger than any endpoint of this chain accepts (batch size too large).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An eth_getLogs over %1 blocks exceeds the maximum block range any endpoint of this chain serves.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sending at most %1 calls/s to it; waiting as it asks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waiting as it asks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTP 429</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 answered %2 requests in a row with “too many requests” (last: %3); it is reachable but allows fewer requests than Arbor needs. Add another endpoint or raise the plan&apos;s limit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: unreachable, circuit open (last: %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No RPC endpoint can be reached: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arbor::EndpointProbe</name>
    <message>
        <source>%1 serves chain id %2, not %3. Check the URL, or use chain id %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arbor::EndpointStatus</name>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ok</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rate limited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>answering with errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unreachable</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arbor::Engine</name>
    <message>
        <source>The engine has not started.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The console is read-only: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was added. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start block %1 is beyond the chain&apos;s head (%2). Nothing was added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The chain was registered but cannot be read back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No chain named or numbered “%1”. See “arborctl chain list”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was changed. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The chain was edited but cannot be read back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup or restore stopped on an unexpected error (%1) before it finished; it can be run again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An SQLite database serves one engine; for several engines use one PostgreSQL database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The engine is stopping; nothing was sent.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arbor::EngineStore</name>
    <message>
        <source>An engine named “%1” is already running on %2 (pid %3). Give this one another name with --engine-name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Engine “%1” is no longer registered on %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This engine no longer holds chain %1 (lease epoch %2): another engine indexes it now; nothing was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This engine&apos;s lease on chain %1 expired %2 s ago (no heartbeat reached the database); nothing was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No engine is named “%1”. See “arborctl engines”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No running engine is named “%1”. See “arborctl engines”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Engine “%1” is draining; resume it first (arborctl engines resume %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chain %1 is not active: only an active chain is indexed by an engine.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arbor::EntityDef</name>
    <message>
        <source>entity %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The entity name must be a lowercase SQL identifier.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entity names starting with “stg_” are reserved for staging tables.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An entity needs at least one column.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Column “%1” is not a lowercase SQL identifier.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Column “%1” is declared twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Column “%1” is both skipped and renamed in the global table; choose one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The global name “%1” of column “%2” is not a lowercase SQL identifier.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Column “chain_id” is added to the global table by Arbor; do not declare it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Column “%1” would be named “%2” in the global table, which Arbor reserves.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Columns “%1” and “%2” would both be named “%3” in the global table; rename one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key names no column.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key names column “%1”, which the entity does not have.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key column “%1” must not be nullable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key column “%1” cannot be skipped in the global table.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The version column “%1” does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The version column “%1” must be an integer height.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The version column “%1” cannot be skipped in the global table.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A cross-chain entity needs a version column (a height) to decide which row wins.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An index names no column.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An index names column “%1”, which the entity does not have.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a cross-chain entity has a global table to index.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A global index names column “%1”, which the global table does not have.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arbor::Erc8004Deployment</name>
    <message>
        <source>Chain id %1 has no official ERC-8004 deployment in Arbor&apos;s list (%2). The chains that have one: %3.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arbor::EventDensityProbe</name>
    <message>
        <source>Could not read the events of blocks %1–%2: %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arbor::GuardedThread</name>
    <message>
        <source>an exception of unknown type</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arbor::Hash</name>
    <message>
        <source>“%1” is not a 32-byte hash (0x followed by 64 hex digits).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A hash has 32 bytes, not %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arbor::IndexerSupervisor</name>
    <message numerus="yes">
        <source>Indexing stopped on an internal error (%1). It starts again from the checkpoint in %n s.</source>
        <translation>
            <numerusform>Indexing stopped on an internal error (%1). It starts again from the checkpoint in %n s.</numerusform>
            <numerusform>Indexing stopped on an internal error (%1). It starts again from the checkpoint in %n s.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>arbor::IndexingService</name>
    <message>
        <source>Chain %1 is %2; resume it before reindexing.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arbor::JsonRpcClient</name>
    <message>
        <source>%1 sent an empty response. Is this a JSON-RPC endpoint?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 did not answer with JSON (%2 at offset %3): “%4”. Is this a JSON-RPC endpoint?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 sent JSON that is not a JSON-RPC response object: “%2”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 sent a response without &quot;jsonrpc&quot;: &quot;2.0&quot;: “%2”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 returned JSON-RPC error %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 answered a different request (id %2, expected %3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 sent a response with neither a result nor an error.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected a hex quantity string, got %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The quantity %1 is out of range.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a batch of %1 calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waiting as it asks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 answered %2 requests in a row with “too many requests” (last: %3); it allows fewer requests than Arbor needs. Add another endpoint or raise the plan&apos;s limit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 refused a batch of %2 calls (batch size too large): %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arbor::LocalDevnet</name>
    <message>
        <source>anvil was not found on PATH; install Foundry&apos;s anvil (e.g. npm install -g @foundry-rs/anvil-linux-amd64) to try a local devnet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no free loopback port for the local devnet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot start %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting anvil on %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>killed by signal %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exit code %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>anvil exited while starting (%1): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>anvil exited while the devnet was running (%1): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no output)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>anvil did not answer on %1 within %2 s: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the node on %1 answered chain id %2, expected %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>anvil offers %1 unlocked accounts; the demo needs at least 2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deploying the demo tokens…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo Dollar (DUSD)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo Token (DEMO)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deploying the ERC-8004 registries…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the identity registry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the reputation registry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the validation registry</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Minting demo tokens to %n holder(s)…</source>
        <translation>
            <numerusform>Minting demo tokens to %n holder…</numerusform>
            <numerusform>Minting demo tokens to %n holders…</numerusform>
        </translation>
    </message>
    <message>
        <source>minting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registering demo agents…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>registering agents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the embedded demo contracts lack %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deploying %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the receipt of %1 names no contract</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: no receipt for transaction %2 after %3 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 reverted (transaction %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switching to a block a second…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local devnet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local devnet is running on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>another program took %1, the address of the local devnet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the local devnet on %1 kept no state to start again from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the demo from the saved chain…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local devnet is running again on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its saved chain ends at block %1, before block %2 that was indexed: the node stopped without saving its last blocks (the console did not close normally)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arbor::MaintenanceRunner</name>
    <message>
        <source>Retention stopped at %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n batch(es)</source>
        <translation>
            <numerusform>%n batch</numerusform>
            <numerusform>%n batches</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 failed: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kept for ever</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arbor::MessageTemplate</name>
    <message>
        <source>The placeholder starting at “%1” is not closed: end it with }}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” opens a placeholder inside another: close each {{ with }} before the next one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The placeholder “%1” names no field: write one such as {{event.agentId}} or {{trigger.name}}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The placeholder “%1” names an unknown field “%2”. Known fields: %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The placeholder “%1” uses an unknown filter “%2”. Known filters: %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The filter “decimals” in “%1” applies to event.value only, as its first filter (it scales the value by event.valueDecimals): write {{event.value | decimals}}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arbor::MetricsHttpServer</name>
    <message>
        <source>Cannot serve metrics on %1: the host name does not resolve (%2). Give an IP address, e.g. 127.0.0.1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot serve metrics on %1: the port is in use by another program. Choose another port.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot serve metrics on %1: %2. Choose another address or port (ports below 1024 need privileges).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arbor::MetricsPublisher</name>
    <message>
        <source>The engine is stopping.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arbor::NamedSecrets</name>
    <message>
        <source>“%1” is not a secret name: use letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos; (such as ops-hook), at most 100 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The secret is empty.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arbor::OutboundPolicy</name>
    <message>
        <source>a public address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a loopback address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a private network address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a link-local address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a cloud metadata service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an address of the shared (carrier-grade NAT) space</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an unspecified address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a multicast address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a reserved address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>public</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>loopback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>private network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>link-local</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cloud metadata</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>shared address space (carrier-grade NAT)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unspecified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>multicast</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reserved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name a host: a name such as “example.org” or an IP address such as “192.168.1.20”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” contains a space. Name one host at a time, such as “example.org”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a URL with a host. Name the host alone, such as “example.org”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is a URL with a path; the allow-list names hosts only. Write “%2”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a host name. The allow-list names hosts only, such as “example.org” or “192.168.1.20”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” opens a bracket it does not close. Write an IPv6 address as “::1” or “[::1]”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” names a port; the allow-list names hosts, each with all its ports. Write “%2”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a valid IPv6 address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a host name: use letters, digits, “-” and dots, without wildcards, such as “example.org”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a valid URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not an http or https URL; Arbor sends requests named by chain data only over http and https.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” names no host.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” carries a user name or password; Arbor does not send credentials taken from chain data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” points at %2; Arbor does not send requests from chain data there. Allow the host with “arborctl outbound allow %3” (or in Settings) if it is yours.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” has no address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” resolves to %2 (%3); Arbor does not send requests from chain data there. Allow the host with “arborctl outbound allow %1” (or in Settings) if it is yours.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arbor::PostgresStore</name>
    <message>
        <source>Lost the connection to PostgreSQL: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PostgreSQL connection error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PostgreSQL error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store the password with “arborctl db set-password” or set PGPASSWORD.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot connect to %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A row for %1 has %2 values for %3 columns.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PostgreSQL did not say what time it is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lost the connection to %1 and cannot connect again: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>COPY did not start (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Column %1 of %2 cannot hold the value “%3”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A row for %1 has more values than its %2 columns.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arbor::PrometheusExporter</name>
    <message>
        <source>The engine is stopping.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” %2 Give HOST:PORT, e.g. 127.0.0.1:9464.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>has no port.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>has no IPv6 address in its brackets.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is ambiguous: put an IPv6 address in brackets, as in [::1]:9464.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>has no host; use 0.0.0.0 for every interface.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>has a host that is neither an IP address nor a host name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>has no port between 1 and 65535.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arbor::QueueConfig</name>
    <message>
        <source>%1 is out of range; use a value from %2 to %3.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arbor::QueueProcessor</name>
    <message>
        <source>Balance queue worker %1 stopped on an internal error (%2). Its items are taken back after %3 s; a new worker starts in %4 s.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arbor::QueueWorker</name>
    <message>
        <source>The chain has no RPC endpoint.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>balanceOf(%1) on %2 at block %3 gave no uint256: %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chain %1 is gone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check that %1 is an ERC-20 token with balanceOf(address) on chain %2; if it is not, remove it, or switch it to transfers mode when the chain is indexed from its deployment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No RPC endpoint of the chain answered balanceOf at or above the indexed block; retried later.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arbor::RetentionStore</name>
    <message>
        <source>Action results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>trigger and alert action results, and finished deliveries (sent, failed or cancelled) of the same age</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed queue items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>balance-queue items completed that long ago (pending, processing and failed items are never removed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chart history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the chain charts&apos; recorded samples (lag, blocks per second, RPC latency)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queue health samples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the balance queue&apos;s recorded health samples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alert history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>alerts cleared that long ago (active alerts are never removed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Maintenance log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>finished maintenance, retention, backup and restore runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database size history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the database size samples behind the growth chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Raw chain events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>each chain&apos;s ERC-8004 events and the transfers of balanceOf tokens, by block time; transfers of transfers-mode tokens are kept, since their balances are sums of them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no retention policy “%1”; the policies are %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2) cannot be kept for ever: give a number of days, at least %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>give a whole number of days from %1 to %2, or never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>give a whole number of days from %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2) cannot be kept %3 days: %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>chain %1 keeps its raw events until its daily statistics have been counted from them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>chain %1 keeps its ERC-8004 events until its agents&apos; summaries have been counted from them</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arbor::RetrySchedule</name>
    <message>
        <source>“%1” is not a retry schedule. Use standard (about three days), quick (about four minutes), none, or a list of waits such as [&quot;30s&quot;, &quot;5m&quot;, &quot;1h&quot;].</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use a schedule&apos;s name (standard, quick, none) or a list of waits such as [&quot;30s&quot;, &quot;5m&quot;, &quot;1h&quot;].</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At most %1 retries; a longer list is more likely a mistake.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use a wait from 1s to 7d, such as &quot;30s&quot;, &quot;5m&quot;, &quot;2h&quot; or &quot;1d&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no retries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arbor::RpcPrices</name>
    <message>
        <source>The prices per call are not a JSON object of method names and units: “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The price of %1 is not a whole number of units from 0 to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a JSON-RPC method name such as eth_getLogs.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arbor::SecretRef</name>
    <message>
        <source>“%1” is not a keychain entry name: use letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos; (such as keychain:ops-hook).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not an environment variable name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use an absolute path after file: (file:/etc/arbor/hook.key).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Literal secrets are refused: they would be stored in the database. Store the secret with “arborctl secret set NAME” (or in the trigger editor) and write &quot;keychain:NAME&quot; here; env:VAR and file:PATH work for headless servers.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arbor::SecretResolver</name>
    <message>
        <source>The environment variable %1 (%2) is not set in Arbor&apos;s environment. Set it before starting Arbor, or store the secret with `arborctl secret set NAME` and refer to keychain:NAME.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The environment variable %1 (%2) is empty. Put the secret in it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The secret file %1 (%2) does not exist or is not a file. Check the path; Arbor reads it as the user it runs as.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the secret file %1 (%2): %3. Check that the user Arbor runs as may read it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The secret file %1 (%2) is larger than 64 KiB; it should hold only the secret.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The secret file %1 (%2) is empty. Write the secret into it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keychain entry %1 (%2) is empty. Store the secret with `arborctl secret set %1`.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keychain holds no secret named %1 (%2). Store it with `arborctl secret set %1`, or refer to env:VAR or file:PATH instead.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arbor::SecretStore</name>
    <message>
        <source>The keychain holds no secret for %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No usable OS keychain (%1). Arbor does not store secrets in plain text; use the environment variable instead (PGPASSWORD for databases).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arbor::SqliteStore</name>
    <message>
        <source>The database is locked by another process: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SQLite error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qt&apos;s SQLite driver is not installed (Debian package libqt6sql6-sqlite).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create the folder %1 for the database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a usable SQLite database: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A row for %1 has %2 values for %3 columns.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qt&apos;s SQLite driver gave no native handle for %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SQLite error: expected one statement in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SQLite error: %1 values for %2 parameters in %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot register u256_sum on %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A bulk insert into %1 names no columns.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arbor::Store</name>
    <message>
        <source>edited after it was applied (checksum differs)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown to this binary: the database was migrated by a newer Arbor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database %1 cannot be used by this version of Arbor: migration %2 (%3) is %4. Nothing was changed. Use the Arbor release that migrated it, or restore a backup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Migration %1 (%2) failed: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> It is being deleted; wait for the deletion to finish.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chain id %1 is already registered as “%2”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name “%1” is already used by chain %2; choose another name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No chain with id %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chain %1 is being deleted and cannot be paused or resumed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (pid %2 on %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is already running an engine on %2 (last heartbeat %3 s ago). Stop it first, or use the console read-only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The engine lease on %1 was taken over by another process.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The range %1–%2 is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A batch for blocks %1–%2 carries %3 headers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chain %1 is not active; the range %2–%3 was not written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chain %1 is indexed through block %2; a range starting at %3 does not follow it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Block %1 of chain %2 does not build on the stored block %3: the chain reorganised.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a cross-chain table; choose one of: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The range must satisfy 0 ≤ --from ≤ --to (got %1–%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A reindex needs a reason for the audit log (--reason TEXT).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chain %1 is indexed through block %2; a reindex must end at or below it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(nothing yet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The zero address is not a token contract.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chain %1 already indexes the token %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blocks %1–%2 of chain %3 were fetched before the token %4 was added; fetching them again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blocks %1–%2 of chain %3 lie above its checkpoint; not written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no chain %1; `arborctl chain list` shows the chains.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chain %1 does not index the token %2; `arborctl chain list` shows its tokens.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 holders cannot be listed; use a limit from 1 to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A claim needs a batch size of at least 1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The indexed transfers of token %1 give holder %2 a negative balance (in %3, out %4): the token&apos;s history is incomplete. Index the chain from the token&apos;s deployment block, or switch the token to balance_of mode.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its worker (%1) stopped while processing it; taken back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chain %1 does not index the token %2; add it with `arborctl chain add-token`.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A staged balance key of chain %1 was not among the range&apos;s holders.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The chain is indexed from its first block.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indexed from block %1, at or before its deployment at block %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indexed from block %1; whether the token has Transfers before it is not known, and balanceOf is exact either way.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set by the operator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The RPC URL %1 was not probed; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blocks %1–%2 of chain %3 were fetched before the registry %4 was added; fetching them again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A transfer of block %1 lies outside the range %2–%3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backfill of blocks %1–%2 carries every header; a backfill brings none or those of its logs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The headers of blocks %1–%2 are not all there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A batch for blocks %1–%2 carries the header of block %3 out of order or range.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A batch for blocks %1–%2 lacks the header of block %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a backfill comes without headers (blocks %1–%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A batch for blocks %1–%2 lacks the header of block %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The agent id “%1” is not a whole number from 0 to 2^256 − 1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The stored sum “%1” of tag “%2” is not an integer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A %1 event in block %2 has no feedback index.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The feedback value “%1” in block %2 is not an integer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The feedback value “%1” is not an integer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events per block must be a number of at least 0, not %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No chain %1 is registered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row %1 for %2 has %3 values for %4 columns.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arbor::StoreThread</name>
    <message>
        <source>The database is not open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an exception of unknown type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A database operation failed unexpectedly (%1); a transaction it had open was rolled back. It can be tried again; if it keeps failing, report it with the log.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arbor::TokenAddition</name>
    <message>
        <source>The zero address is not a token contract.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chain %1 already indexes the token %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No endpoint answered.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arbor::TokenProbe</name>
    <message>
        <source>The node cannot serve contract code at block %1 (%2); it is probably not an archive node.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no contract at %1 on this chain (block %2). Check the address and the chain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No Transfer of the token before the start block %1 (eth_getLogs over blocks %2–%3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whether the token has Transfers before the start block %1 could not be read (%2); balanceOf is exact either way.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>eth_getLogs did not answer with a list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token has Transfers before the start block %1 (%2 in blocks %3–%4, the latest at block %5): sums of the indexed Transfers would miss them, so balances are read with balanceOf.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The chain is indexed from its first block.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deployed at block %1, at or after the start block %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token has Transfers before the start block %1 (more in blocks %2–%3 than the node returns at once): sums of the indexed Transfers would miss them, so balances are read with balanceOf.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No Transfer of the token in blocks %1–%2; blocks %3–%4 were not searched (the node answers %5 blocks per eth_getLogs at most). balanceOf is exact either way.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The node gave no contract code at block %1; it is probably not an archive node.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arbor::Trigger</name>
    <message>
        <source>This field is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use a non-empty text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use a text (in double quotes).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use a whole number; past 9007199254740991 write it as text (&quot;123…&quot;) so no digit is lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use a whole number of decimal digits, such as &quot;3&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use a decimal number, as text for exactness (&quot;-1.5&quot;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use a whole number from %1 to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use true or false.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use a list ([…]).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use an object ({…}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown field. Known here: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a webhook signing secret (whsec_…)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a Telegram bot token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a bearer token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This holds %1. Secrets are never stored with a trigger: store it with “arborctl secret set NAME” and refer to it as &quot;keychain:NAME&quot; in the field meant for it (or env:VAR, file:PATH).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not an http(s) URL. Write it in full, such as https://hooks.example.com/arbor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The URL holds a user name or password, which would be stored with the trigger. Put credentials in a secret header instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This field is required: a secret reference such as &quot;keychain:NAME&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not an action type. Use rest, telegram or mcp.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use one of: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not an HTTP header name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use a text value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Header values are sent as written; put templates in the body.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the chat&apos;s numeric id (such as &quot;-100123&quot;) or a channel&apos;s @name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use &quot;MarkdownV2&quot;, &quot;HTML&quot; or leave it out for plain text (Telegram&apos;s legacy &quot;Markdown&quot; cannot be escaped reliably).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a condition type. Use one of: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not an operator. Use one of: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An ema_threshold needs either “alpha” (a smoothing factor between 0 and 1) or “window” (a number of samples), not both.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a smoothing factor: use a number above 0 and at most 1, such as 0.2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List at least one validator address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say how long the window is, such as &quot;1h&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use a duration from 1s to 30d, such as &quot;30s&quot;, &quot;15m&quot;, &quot;1h&quot; or &quot;1d&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 registry has no event “%2”. Its events are: %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 compares feedback values, which only the reputation registry has (this trigger watches the %2 registry).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identity events carry no tags: tag_equals fits the reputation and validation registries.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>validator_whitelist fits the validation registry only (this trigger watches the %1 registry).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use at most %1 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use a chain id (a positive whole number) or a chain&apos;s name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say which chain the trigger watches: its id (31337) or its name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a registry. Use identity, reputation or validation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each condition is an object with a “type”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add at least one action: rest, telegram or mcp.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each action is an object with a “type”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The threshold must be a number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A stall is measured in minutes without a new block: give 1 to 10080 (one week).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lag in blocks is a whole number of at least 1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lag in seconds is a whole number from 1 to 31536000 (one year).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The error rate is a percentage above 0 and at most 100.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A reorg depth is a whole number of blocks, at least 1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the rule a name of 1 to %1 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“chain” is a chain id (a whole number from 1) or “all” for every chain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not an alert kind. Use one of: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A %1 rule needs a threshold in %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A %1 rule takes no threshold; remove it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An alert has no %1: use {{alert.title}}, {{alert.text}}, {{alert.state}}, {{rule.name}} or {{chain.name}} in its templates.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An alert has no agent endpoint to call; give the MCP server&apos;s “url” instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the MCP server&apos;s URL, or call “the agent&apos;s own endpoint” (&quot;resolveEndpoint&quot;: true) named in its registration file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An action calling each agent&apos;s own endpoint sends that agent&apos;s token (“arborctl agents token set”), never one token to every agent&apos;s server: remove “token” here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give either “retry” or the older “maxRetries”, not both.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use a duration from 1m to 7d, such as &quot;30m&quot;, &quot;1h&quot; or &quot;1d&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A previous signing secret overlaps a current one: set “signingSecret” too.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use a date and time such as 2026-12-01T12:00:00Z.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Without “previousSigningSecret” there is no overlap to end.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hold for 0 to %1 seconds; write seconds or a duration such as &quot;90s&quot;, &quot;5m&quot; or &quot;2h&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arbor::TriggerService</name>
    <message>
        <source>The chain has no %1 event indexed yet to send a test with.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>disabled by an operator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An overlap cannot be negative.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arbor::TriggerStore</name>
    <message>
        <source>Trigger %1 as stored cannot be read (%2). Edit it again from its file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no trigger %1; `arborctl trigger list` shows the triggers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no chain %1; `arborctl chain list` shows the chains.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A trigger needs a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A trigger&apos;s name has at most %1 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chain %1 already has a trigger named “%2” (trigger %3); choose another name or edit that one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A trigger stays on its chain (%1); add a new trigger for chain %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chain %1 already has a trigger named “%2” (trigger %3); choose another name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An indexed event of chain %1 cannot be read (%2); reindex its block.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A dry run needs 0 ≤ --from-block ≤ --to-block (got %1–%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A replay needs 0 ≤ --from-block ≤ --to-block (got %1–%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chain %1 is indexed through block %2; a replay must end at or below it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A claim needs a batch size of at least 1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A claim needs the name of its holder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no result %1; `arborctl trigger results` shows them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The action of result %1 no longer exists: there is nothing to send it with.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trigger %1 has no action %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trigger %1 has no action %2; `arborctl trigger actions` lists them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chain %1 has no indexed block stamped between %2 and %3.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arbor::U256</name>
    <message>
        <source>A 256-bit value has 32 bytes, not %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A number is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” does not fit in 256 bits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a whole non-negative decimal number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a hex quantity (expected 0x followed by hex digits).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The hex quantity “%1” does not fit in 256 bits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a hex quantity: it contains a non-hex character.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arbor::abi</name>
    <message>
        <source>An ABI word has 32 bytes, not %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The word 0x%1 is not an address: its first 12 bytes must be zero.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The value does not fit in a uint64.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The value does not fit in a uint8.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The value does not fit in an int128 (the upper 16 bytes must repeat its sign).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The value is not a bool (0 or 1).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arbor::abi::Reader</name>
    <message>
        <source>The data has %1 bytes, too short for the %2 words its parameters need.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The offset of the value points outside the data (%1 bytes).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The offset of the value (%1) is not a whole number of words.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The length of the value runs past the end of the data (%1 bytes).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The value is not padded to a whole number of words.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The padding after the value is not zero.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The string is not valid UTF-8.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The data has %1 bytes, but its encoding ends after %2: the log does not match the event&apos;s parameters.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arbor::evmevents</name>
    <message>
        <source> (log %1 of block %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The feedback index %1 is 2^63 or more, which Arbor cannot store.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The log is not an ERC-20 Transfer (its topic0 differs).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The log is an ERC-721 Transfer (the token id is indexed), not an ERC-20 one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The log is not an event of the %1 registry (unknown topic0).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arbor::evmevents::LogParams</name>
    <message>
        <source>The log has %1 topics, but this event has %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arbor::evmjson</name>
    <message>
        <source>Expected %1, got “%2”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The node&apos;s answer lacks this field.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a quantity (0x and up to 16 hex digits, below 2^63)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a 32-byte hash (0x and 64 hex digits)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a 20-byte address (0x and 40 hex digits)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hex data (0x and an even number of hex digits)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Out of memory parsing a node&apos;s answer of %1 bytes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The node sent an empty answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The node&apos;s answer is not valid JSON (%1): “%2”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON-RPC error %1 from the node: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error from the node: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a JSON-RPC response object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;2.0&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a numeric id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The node answered request %1, not %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a block object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The node sent block %1 in answer to a request for block %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an array</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a log object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an array of topics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A log has at most 4 topics.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The node sent a log of block %1, outside the range %2–%3 asked for.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>true or false</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The block range %1–%2 with first id %3 is not a valid batch.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an array of answers to the batch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The node answered %1 of the %2 calls of the batch.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The node answered call %1 twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The node answered call %1, which the batch did not contain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an array of logs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The node does not serve block %1 yet: it is behind the chain&apos;s head or still importing the block. Asked again shortly.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The blocks from %1 with first id %2 are not a valid batch.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The node answered the logs of block %1 (%2) with a log of block %3.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arbor::hex</name>
    <message>
        <source>must start with 0x</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must start with 0x followed by %1 hex digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected %1 hex digits after 0x, found %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>odd number of hex digits (%1) after 0x</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” at position %2 is not a hex digit</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arbor::postgresmodule</name>
    <message>
        <source>PostgreSQL support (%1) cannot be loaded: %2. Reinstall Arbor, or install libpqxx-6.4 if it is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is PostgreSQL support from another build of Arbor (%2; this program is %3). Reinstall Arbor, or rebuild it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PostgreSQL support is not installed: no %1 in %2. Reinstall Arbor, or use an SQLite database.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arbor::rpchttp</name>
    <message>
        <source>%1 did not answer within %2 s. Check that the node is up and not overloaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The TLS handshake with %1 failed: %2. Check the certificate, or use http:// for a local node.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot reach %1: %2. Check the host and port, and that the node is running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request to %1 failed: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 sent a response larger than %2 to %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 answered HTTP %2 %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rate limited: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (the endpoint requires credentials or an API key)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arbor::ui::ActionHealthModel</name>
    <message>
        <source>ok</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>disabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 → the agent&apos;s endpoint</source>
        <comment>action type → where it sends</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <comment>action type → where it sends</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (alert rule)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tried again for %1 after a failure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last delivered %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing delivered since %1; Arbor keeps retrying on the schedule.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disabled since %1: its deliveries are held until you enable it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 attempts in the last 24 hours were delivered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept while the action is disabled; sent, in order, once it is enabled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Given up: the retry schedule ran out, or the receiver refused them. Resend Dead sends them again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivered (24 h)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Held</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next Attempt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trigger or Rule</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arbor::ui::ActionMetricsPanel</name>
    <message>
        <source>%1–%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How far back the chart reaches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The attempts of every action type, or of one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actions per hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration (ms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Average (ms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>p95 (ms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>p95 of the slowest type (ms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the action figures: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No action attempts in the last 7 days.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No action attempts in the last 24 hours.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1: %n attempt(s), %2 failed (%3 %); %4 ms on average, the slowest %5 ms.</source>
        <translation>
            <numerusform>%1: %n attempt, %2 failed (%3 %); %4 ms on average, the slowest %5 ms.</numerusform>
            <numerusform>%1: %n attempts, %2 failed (%3 %); %4 ms on average, the slowest %5 ms.</numerusform>
        </translation>
    </message>
    <message>
        <source>Succeeded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Average: %1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>p95: %1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>p95 of the slowest type: %1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slowest: %1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arbor::ui::ActionsPanel</name>
    <message>
        <source>&amp;Enable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send to this action again: the deliveries held while it was disabled go out at once, in the order of their events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>D&amp;isable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hold this action&apos;s deliveries (kept, not sent) until it is enabled again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resend &amp;Dead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send this action&apos;s given-up deliveries again, each under its own webhook-id, with a fresh retry schedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the actions: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read-only: another engine holds this database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not change the action of “%1”: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The action of “%1” is enabled; %n held delivery(s) go out now.</source>
        <translation>
            <numerusform>The action of “%1” is enabled; %n held delivery goes out now.</numerusform>
            <numerusform>The action of “%1” is enabled; %n held deliveries go out now.</numerusform>
        </translation>
    </message>
    <message>
        <source>The action of “%1” is disabled: its deliveries are held until you enable it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not resend the dead deliveries of “%1”: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n dead delivery(s) of “%1” are pending again.</source>
        <translation>
            <numerusform>%n dead delivery of “%1” is pending again.</numerusform>
            <numerusform>%n dead deliveries of “%1” are pending again.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>arbor::ui::AddChainWizard</name>
    <message>
        <source>Add Chain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Create Chain</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arbor::ui::AgentDetailPane</name>
    <message>
        <source>Service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Services</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reputation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Validator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No validation was requested for this agent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Validations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image&apos;s address as the registration file gives it. Arbor does not fetch images named in chain data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>agentURI:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registration file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trust models:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MCP token:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feedback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Average value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent %1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not known: the registration file has not been read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not said</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none named</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none: MCP actions send no token to this agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MCP actions that call the agent&apos;s own endpoint call this one: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Services (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no tag)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latest: %1 from %2 at block %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latest: %1 from %2 at block %3, tagged %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It was revoked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feedback file: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transaction %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>responded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requested at block %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Responded at block %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Validations (%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arbor::ui::AgentListModel</name>
    <message>
        <source>no agentURI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not fetched yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ok</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The agent has no agentURI, so there is no registration file to fetch.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The registration file of the agent&apos;s agentURI has not been fetched yet; the engine that indexes the chain fetches it within minutes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last fetch failed at %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file fetched before that is still shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Next attempt at %1 (%n failure(s) in a row).</source>
        <translation>
            <numerusform>Next attempt at %1 (%n failure in a row).</numerusform>
            <numerusform>Next attempt at %1 (%n failures in a row).</numerusform>
        </translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2 revoked)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The registration file has not been read, so the agent&apos;s name is not known.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 (version %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The owner is not known: the agent&apos;s Registered event was not indexed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MCP actions calling this agent&apos;s own endpoint send the secret %1 refers to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MCP actions calling this agent&apos;s own endpoint send no token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name the agent&apos;s registration file gives</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The services the registration file names (MCP, A2A, …)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whether the registration file says the agent is active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feedback the agent received in the chain&apos;s reputation registry, and how much of it was revoked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How the last fetch of the registration file at the agent&apos;s agentURI went</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The secret MCP actions send when they call this agent&apos;s own endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Services</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feedback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MCP Token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fetched at %1; next fetch at %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fetched at %1; fetched again as soon as the engine gets to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file itself, inline (a data: URI of %1 characters)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No feedback yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feedback received: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feedback received: %1, of which %2 revoked.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arbor::ui::AgentsPage</name>
    <message>
        <source>Set MCP &amp;Token…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fetch A&amp;gain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fetch A&amp;ll Again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show &amp;Raw Registration…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No chains</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;hain:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the agents: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the agent: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select an agent to see its registration file, reputation and validations.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No chains yet: add one with an ERC-8004 identity registry to see its agents.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” indexes no ERC-8004 identity registry: add one with Edit Chain… to see its agents.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the agents…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No agent is registered in the identity registry of “%1” yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n agent(s).</source>
        <translation>
            <numerusform>%n agent.</numerusform>
            <numerusform>%n agents.</numerusform>
        </translation>
    </message>
    <message>
        <source>Registration files: %1 read, %2 failed, %3 not fetched yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read-only: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the token MCP actions send when they call this agent&apos;s own endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The agent has no agentURI: there is no registration file to fetch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fetch this agent&apos;s registration file again now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fetch the registration file of every agent of this chain again now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The registration file exactly as it was fetched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No registration file of this agent has been fetched yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MCP calls to agent %1 now send %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MCP calls to agent %1 now send no token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not ask for the registration files again: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n registration file(s) will be fetched again by the engine that indexes the chain, within seconds; files not fetched yet are fetched as soon as it gets to them.</source>
        <translation>
            <numerusform>%n registration file will be fetched again by the engine that indexes the chain, within seconds; files not fetched yet are fetched as soon as it gets to them.</numerusform>
            <numerusform>%n registration files will be fetched again by the engine that indexes the chain, within seconds; files not fetched yet are fetched as soon as it gets to them.</numerusform>
        </translation>
    </message>
    <message>
        <source>Agent %1&apos;s registration file will be fetched again by the engine that indexes the chain, within seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent %1&apos;s registration file has not been fetched yet; the engine that indexes the chain fetches it as soon as it gets to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registration File of Agent %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fetched from %1 at %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fetched from %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arbor::ui::AlertCounts</name>
    <message>
        <source>No alerts</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n alert(s)</source>
        <translation>
            <numerusform>%n alert</numerusform>
            <numerusform>%n alerts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n alert(s) (%1 acknowledged)</source>
        <comment>every active alert, then how many of them are acknowledged</comment>
        <translation>
            <numerusform>%n alert (%1 acknowledged)</numerusform>
            <numerusform>%n alerts (%1 acknowledged)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>arbor::ui::AlertRuleEditorDialog</name>
    <message>
        <source>Edit Alert Rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New Alert Rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lag on Base</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All chains</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All chains: one alert per chain the condition holds for, chains added later included</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How long the condition must hold before the alert is raised: a blip is no alert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Deliver the end of the alert too</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The actions run again, marked “resolved”, when the condition is over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Enabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Chain:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Threshold:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;For:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actions, in order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivered through the trigger outbox, with the same retries and delivery log. Without actions, the rule only raises alerts in the console.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add &amp;action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deliver the end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>field label, what is wrong</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arbor::ui::AlertRuleModel</name>
    <message>
        <source>A reorg is an event: raised when it is handled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Raised once the condition has held this long</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evaluated on every update</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Off: raises nothing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its alerts are shown in the console, but nothing is delivered or notified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shown in the console only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>silenced until %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How long the condition must hold before the alert is raised</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A silenced rule still raises alerts in the console, but delivers nothing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Webhooks, Telegram messages and MCP calls that deliver the alert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Condition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Silence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All chains</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stalled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All RPC endpoints down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deep reorg</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Balance queue delayed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Balance queue errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lag in blocks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lag in seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RPC error rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Behind the head, and no new block indexed for this many minutes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every RPC endpoint of the chain fails.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A reorg at least this many blocks deep was handled (an event, not a state).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The chain&apos;s balance queue is behind (DELAYED or ERRORS).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The chain&apos;s balance queue has failed attempts (ERRORS).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last indexed block is at least this many blocks behind the head.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last indexed block is at least this many seconds old.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An endpoint of the chain fails at least this share of its recent calls.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>blocks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No new block for %1 minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lag ≥ %1 blocks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lag ≥ %1 seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RPC errors ≥ %1 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reorg ≥ %1 blocks deep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deliveries failing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deliveries held</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A trigger action of the chain has delivered nothing for as long as its “failing after” allows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A trigger action of the chain is disabled (its receiver answered 410 Gone): its deliveries are held.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arbor::ui::AlertRulesDialog</name>
    <message>
        <source>Alert Rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disa&amp;ble</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Lift Silence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Silence for 1 hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Silence for 8 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Silence for 24 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Silence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A rule raises an alert in the console when its condition holds for a chain, and delivers it through its actions (webhook, Telegram, MCP) like a trigger. The built-in alerts are set in Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the alert rules: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ena&amp;ble</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read-only: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write a rule: a condition on one chain or all, and what delivers it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit the selected rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop evaluating the rule; its alerts clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evaluate the rule again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deliver and notify nothing for a while; its alerts are still shown here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deliver the rule&apos;s alerts again from now on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the selected rule; its delivery log and alert history stay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alert rule “%1” added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alert rule “%1” saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not change the alert rule: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is enabled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is disabled: it raises nothing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is silenced until %2: its alerts are shown here, but nothing is delivered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” delivers its alerts again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete Alert Rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the alert rule “%1”?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its alerts clear and its deliveries not yet sent are cancelled. The delivery log and the alert history stay.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not delete “%1”: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alert rule “%1” deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send &amp;Test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rule has no action to test; add one in its editor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send each action of the selected rule what it would send when the rule is raised, marked as a test; the results show in Triggers › Delivery Log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending a test of “%1”…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No test sent for “%1”: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Sent a test of “%1” to its %n action(s) (“%2”); the results show in Triggers › Delivery Log.</source>
        <translation>
            <numerusform>Sent a test of “%1” to its %n action (“%2”); the results show in Triggers › Delivery Log.</numerusform>
            <numerusform>Sent a test of “%1” to its %n actions (“%2”); the results show in Triggers › Delivery Log.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>arbor::ui::AppSettings</name>
    <message>
        <source>The settings file %1 cannot be written; check its permissions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The settings file %1 is damaged; move it away to start with defaults.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a language Arbor offers; choose system, en or de.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The refresh interval must be between %1 and %2 ms (got %3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The poll interval must be between %1 and %2 ms (got %3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reorg depth must be between %1 and %2 blocks (got %3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>address</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arbor::ui::BackupDialog</name>
    <message>
        <source>%1 in %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back Up Database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write a backup of %1 with pg_dump (custom format) while Arbor goes on indexing. Restore it with File › Restore Database… or “arborctl db restore”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy %1 into a backup file while Arbor goes on indexing. Restore it with File › Restore Database… or “arborctl db restore”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup &amp;file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Back Up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the file to write the backup to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 exists already. Replace it with the new backup?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Replace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backing up to %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Canceled: no backup was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backed up %1 to %2: %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup failed; nothing was written.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arbor::ui::BalancesPage</name>
    <message>
        <source>%1 (%2)</source>
        <comment>token symbol, token name</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Portfolio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Top Holders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>0x… address of the holder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Look Up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter an address to see its balances on every chain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No chains</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;hain:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>T&amp;oken:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a chain and one of its tokens to see its largest holders.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter an address: 0x followed by 40 hex digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looking up the balances of %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not look up the balances: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n balance(s) of %1.</source>
        <translation>
            <numerusform>%n balance of %1.</numerusform>
            <numerusform>%n balances of %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 holds no indexed tokens on any chain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looking up the largest holders of %1 on “%2”…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not look up the holders: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The %n largest holder(s) of %1 on “%2”.</source>
        <translation>
            <numerusform>The largest holder of %1 on “%2”.</numerusform>
            <numerusform>The %n largest holders of %1 on “%2”.</numerusform>
        </translation>
    </message>
    <message>
        <source>No balances of %1 on “%2” yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>chain name, chain id</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No tokens indexed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only balances of at least this amount of each token, in token units (1.5 is one and a half tokens, whatever their decimals); tokens of unknown decimals are compared in raw units</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Minimum:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No grouping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By chain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Group:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 holds no balance of at least %2 on any chain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the total supply…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The share of supply is unknown: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total supply: %1 %2, as the token&apos;s totalSupply() reports it now.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arbor::ui::ChainCard</name>
    <message>
        <source>Click to open the chain&apos;s details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seconds behind the head over the last 15 minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RPC endpoints: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arbor::ui::ChainChartPanel</name>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save a chart as an image or its data as CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image (PNG)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data (CSV)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blocks/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write the image %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export image (PNG)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export data (CSV)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export chart image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export chart data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n h</source>
        <translation>
            <numerusform>%n h</numerusform>
            <numerusform>%n h</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
    <message>
        <source>How far back the charts reach</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Range:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blocks behind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seconds behind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Above the scale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (peak %2 above the scale)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>blocks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>blocks/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Blocks promoted per second, averaged over the %n second(s) before each point.</source>
        <translation>
            <numerusform>Blocks promoted per second, averaged over the %n second before each point.</numerusform>
            <numerusform>Blocks promoted per second, averaged over the %n seconds before each point.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Blocks per second (%n s average)</source>
        <translation>
            <numerusform>Blocks per second (%n s average)</numerusform>
            <numerusform>Blocks per second (%n s average)</numerusform>
        </translation>
    </message>
    <message>
        <source>RPC latency (ms)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arbor::ui::ChainDetailPage</name>
    <message>
        <source>–</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RPC endpoints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Index progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reindex requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reorgs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chain id:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Head:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indexed:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lag:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rate:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Catching up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RPC down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stalled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No chain selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chain %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown chain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not indexed by this console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none (at the head)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n block(s)</source>
        <translation>
            <numerusform>%n block</numerusform>
            <numerusform>%n blocks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n second(s)</source>
        <translation>
            <numerusform>, %n second</numerusform>
            <numerusform>, %n seconds</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 blocks/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading index progress…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the chain&apos;s history: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit Chain…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change this chain: its name, RPC URLs, poll interval, confirmations, RPC rate and tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the chart history: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show another chain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;hain:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Daily activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at least %1 (no endpoint reports the head)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown (no endpoint reports the head)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Block statistics:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every block — fetching the headers of blocks %1–%2: %3%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every block</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>blocks with events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Below the reorg window only the headers of blocks with the chain&apos;s events are fetched: daily transfers and holders are exact, daily blocks, transactions and gas are not counted (Edit Chain › Block statistics)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One header per block: every daily figure is exact</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arbor::ui::ChainListModel</name>
    <message>
        <source>chain %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No RPC endpoint is registered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>head %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chain ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RPC URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deleting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>count, endpoint status</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>endpoint count, health summary</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The highest block an RPC endpoint reports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every block up to this one is indexed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blocks between the indexed height and the head</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How old the last indexed block is, while the chain is behind its head</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blocks indexed per second, over the last ten seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Head</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indexed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lag (time)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blocks/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RPC health</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stalled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>starting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>indexing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rpc down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>head unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>head unknown since %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indexed by the engine “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The engine holding the chain&apos;s lease: each chain is indexed by one engine at a time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Engine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown since %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arbor::ui::ChainPage</name>
    <message>
        <source>The Chain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name the chain as it should appear in Arbor, and choose where indexing starts and how closely it follows the chain&apos;s head.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>for example mainnet or base-sepolia</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As reported by the endpoints.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At the &amp;latest block</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At the earliest &amp;deployment of the chain&apos;s tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indexing from a token&apos;s deployment makes its balances exact sums of its transfers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>block number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> blocks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Index only blocks this deep below the head; 0 follows the head, reorgs are rolled back when they happen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How often Arbor asks the endpoints for a new head.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chain ID:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start indexing:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Confirmations:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Poll interval:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(the head is at %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A chain named “%1” exists already (chain %2); choose another name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the block to start at as a whole number, 0 or more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Block %1 is beyond the chain&apos;s head (%2); enter %2 or less.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At bloc&amp;k</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Na&amp;me:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blocks with &amp;events (fewest calls)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Below the last blocks that may still be reorganised, only the headers of blocks that hold the chain&apos;s events are fetched: daily transfers and active holders are exact, daily blocks, transactions and gas are not counted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;very block (one call per block)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One header per block: daily blocks, transactions and gas are exact too. Hosted providers bill and rate-limit per call.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Block statistics:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The calls to reach the head are shown once the tokens are chosen (Review).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To reach the head (%1 blocks): about %2 calls plus one per block with events, or %3 calls for every block.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arbor::ui::ChainSizeModel</name>
    <message>
        <source>(not registered)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chain ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tables</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tables size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indexes size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dead rows</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arbor::ui::ChainsPage</name>
    <message>
        <source>Filter by name, chain ID, status or RPC URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter Chains</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show only the chains whose name, chain ID, status or RPC URL contains this text (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Right-click to choose the columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n chain(s)</source>
        <translation>
            <numerusform>%1 of %n chain</numerusform>
            <numerusform>%1 of %n chains</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>arbor::ui::ConsoleSession</name>
    <message>
        <source>Prometheus metrics are not served: %1 Change the address in Settings… › Monitoring.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arbor stopped unexpectedly</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arbor::ui::ContractsPage</name>
    <message>
        <source>Contracts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the ERC-20 tokens whose transfers and balances Arbor should index, and the ERC-8004 agent registries, if the chain has any. Both are optional and can be added later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>token contract address, 0x…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add Token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Symbol</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decimals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deployed at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ERC-20 tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ERC-8004 registries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Identity:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;putation:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Validation:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The zero address is not a token contract.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is in the list already.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press Add Token to read this token from the chain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The node returned nothing for this address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This contract is not an ERC-20 token: it has no name(), symbol() or decimals(). Remove it, or check the address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading from the chain…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deployment block unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ERC-20</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The zero address is not a registry contract.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indexing starts at the earliest token deployment, known once the tokens are read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indexing is to start at a token&apos;s deployment, but no token with a known deployment block is listed. Add one, or go back and choose another start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indexing starts at block %1, the earliest deployment of these tokens.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the &amp;official ERC-8004 registries for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ERC-8004 team lists registries for chain %1 (%2); Arbor carries their list (%3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It names no validation registry: give one below if the chain has one.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arbor::ui::DatabaseGrowthChart</name>
    <message>
        <source>Database size over time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No size samples yet. The engine that indexes records the sizes shortly after it starts and then every hour.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Admin tables</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Global tables</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Free space</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other chains</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chain %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size (%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arbor::ui::DatabasePage</name>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sizes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Growth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slowest Statements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Maintenance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the database&apos;s sizes: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the slowest statements: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the size history: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, file %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total %1 · %2 dead rows, about %3 that VACUUM makes reusable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total %1 · free %2 (%3 free pages of %4) · WAL %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Admin tables %1 (%2 rows) · global tables %3 (%4 rows) · %n chain(s) %5 (%6 rows)</source>
        <translation>
            <numerusform>Admin tables %1 (%2 rows) · global tables %3 (%4 rows) · %n chain %5 (%6 rows)</numerusform>
            <numerusform>Admin tables %1 (%2 rows) · global tables %3 (%4 rows) · %n chains %5 (%6 rows)</numerusform>
        </translation>
    </message>
    <message>
        <source>Read at %1 in %2 ms.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the sizes, the slowest statements and the engines again (on SQLite this reads every page of the file)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Engines</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arbor::ui::DeleteChainDialog</name>
    <message>
        <source>Delete Chain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the chain “%1” (chain ID %2)?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indexing stops, and the chain&apos;s tables, its rows in the cross-chain tables and its tracking data are removed. This cannot be undone; to index the chain again you would add it anew and sync from its start block.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the chain&apos;s name, &lt;b&gt;%1&lt;/b&gt;, to confirm:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arbor::ui::DeleteProgressDialog</name>
    <message>
        <source>Deleting Chain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleting “%1” (chain ID %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopping the chain&apos;s indexer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step %1 of %2: %3…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chain “%1” deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The chain was not fully deleted: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arbor::ui::DeliveryChartPanel</name>
    <message>
        <source>Deliveries per minute by status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attempts/min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>p95 action latency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration (ms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>p95</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No delivery attempts in the last hour.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Last hour: %n attempt(s); %1 failed for good, %2 failed and retried.</source>
        <translation>
            <numerusform>Last hour: %n attempt; %1 failed for good, %2 failed and retried.</numerusform>
            <numerusform>Last hour: %n attempts; %1 failed for good, %2 failed and retried.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>arbor::ui::DeliveryLogModel</name>
    <message>
        <source>Trigger %1, delivery %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Block %1, transaction %2, log %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(deleted trigger %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (test)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 for the first attempt; every retry is a row of its own</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How long the attempt took, in milliseconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The event&apos;s transaction and log index</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trigger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attempt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retrying</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Success</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>REST webhook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Telegram</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MCP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alert rule %1, delivery %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(deleted alert rule %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⚑ %1 (alert rule)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>block %1 · %2 #%3</source>
        <comment>block number, transaction hash, log index</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>chat %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the agent&apos;s own endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1. %2 — %3</source>
        <comment>priority, action type, where it sends</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arbor::ui::DesktopNotifier</name>
    <message>
        <source>Arbor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show Arbor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arbor::ui::DevnetRecovery</name>
    <message>
        <source>Local Devnet Not Running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start a new local devnet in its place (the old chain&apos;s indexed data is deleted), or forget the chain?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Start a New Devnet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Forget the Chain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Not Now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Do the same on every start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local devnet “%1” is not running and cannot be started again: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replacing the stopped local devnet “%1” with a new one…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forgetting the stopped local devnet “%1”…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The stopped local devnet “%1” could not be deleted: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forgot the stopped local devnet “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local devnet could not start: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local devnet could not be added: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new local devnet “%1” is being indexed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting the local devnet “%1” again from where it stopped…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local devnet “%1” could not be started again: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local devnet “%1” stopped when Arbor last closed: its node ran inside Arbor and kept no saved state. Its chain can no longer be indexed, and a new node would be a different chain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local devnet “%1” stopped when Arbor last closed, and starting it again from its saved state failed: %2 Its chain cannot be indexed until its node runs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local devnet “%1” runs again; its chain is indexed on from where it stopped.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arbor::ui::DryRunDialog</name>
    <message>
        <source>Dry Run of “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing is sent: a dry run evaluates the stored events of the range from a fresh state and shows what each action would send.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>first stored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>checkpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blocks from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Block</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transaction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a match to see what its actions would send.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The range ends before it starts: %1 is after %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evaluating the stored events…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The dry run failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No stored events in this range. Nothing was sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Blocks %1 to %2: %n event(s) evaluated, %3 matched. Nothing was sent.</source>
        <translation>
            <numerusform>Blocks %1 to %2: %n event evaluated, %3 matched. Nothing was sent.</numerusform>
            <numerusform>Blocks %1 to %2: %n events evaluated, %3 matched. Nothing was sent.</numerusform>
        </translation>
    </message>
    <message>
        <source>The run stopped at block %1 after the most events one dry run reads: narrow the range to see the rest.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>chat %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Would not be sent: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arbor::ui::EditChainDialog</name>
    <message>
        <source>Edit Chain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1”, chain %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How often the chain&apos;s head is asked for once indexing has caught up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Index only blocks this deep below the head: reorganisations above them never reach the tables</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> requests/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlimited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests per second allowed on each RPC URL of the chain; Unlimited learns the provider&apos;s limit from its refusals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Poll interval:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Confirmations:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RPC &amp;rate:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>https://… another endpoint of this chain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Probe and &amp;Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask the URL for its chain id, head and client before it is added; it must serve chain %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RPC endpoints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Balances from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>0x… an ERC-20 token contract</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add &amp;Token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1  %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>0x… the registry contract</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add Re&amp;gistry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Index this registry when the edit is saved; its events from block %1 on are backfilled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ERC-8004 registries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1  %2 (new: indexed from block %3 when you save)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no symbol)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected URL when the edit is saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A chain needs at least one RPC URL: add another before removing this one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is already in the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Probing %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The probe returned nothing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not added: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>chain %1, head %2, %3 ms, %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>client not named</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (new: %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 answers: %2. It is added when you save.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is removed when you save.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading %1 from the chain…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Probing the new URLs and saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blocks with events (fewest calls)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every block (one call per block)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which blocks the daily statistics count. Every block fetches the header of each of the %1 blocks indexed so far (about one call per block) and of each new block; blocks with events only those that hold the chain&apos;s events.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which blocks the daily statistics count: every block (one call per block) or the blocks that hold the chain&apos;s events only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Block statistics:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the name, RPC URLs and their order, poll interval, confirmations, RPC rate, block statistics and registries as one change, then add the new tokens and set the balance modes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move &amp;Up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try the selected URL before the one above it; the first URL is the one the indexer prefers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move Do&amp;wn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try the selected URL after the one below it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the token from the chain; it is added when you save, and its past transfers are then backfilled without a full reindex</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (new: added when you save)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is tried first once you save.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new order is saved with the edit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the chain did not answer for the token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2 decimals) is added when you save; its past transfers are then backfilled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 takes its balances from %2 when you save; they are then computed again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the chain&apos;s settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adding %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was not added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Setting the balance mode of %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The balance mode of %1 was not set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the balance mode of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved before it: %1. Save again to try the rest.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved. Open Edit Chain again to change it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arbor::ui::EndpointModel</name>
    <message>
        <source>Unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
(at %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>–</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last head</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archive (full history)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recent state only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not known yet whether this node serves state at old blocks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The node serves state at old blocks: balanceOf is read at the indexed height.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The node serves recent state only: balanceOf is read at its newest block, and that block is recorded as the balance&apos;s height.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1/s set</source>
        <comment>calls per second, the operator&apos;s limit</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1/s learned</source>
        <comment>calls per second, learned from the provider</comment>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln call(s)</source>
        <comment>JSON-RPC calls per batch</comment>
        <translation>
            <numerusform>%Ln call</numerusform>
            <numerusform>%Ln calls</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln block(s)</source>
        <comment>blocks per eth_getLogs query</comment>
        <translation>
            <numerusform>%Ln block</numerusform>
            <numerusform>%Ln blocks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln log(s)</source>
        <comment>logs per eth_getLogs answer</comment>
        <translation>
            <numerusform>%Ln log</numerusform>
            <numerusform>%Ln logs</numerusform>
        </translation>
    </message>
    <message>
        <source>The provider answered &quot;too many requests&quot; lately; Arbor sends more slowly and retries, nothing is lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rate you set for this endpoint; Arbor sends no faster.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learned from the provider&apos;s &quot;too many requests&quot; answers; Arbor sends no faster.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No rate set or learned: Arbor sends as fast as the endpoint answers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The largest JSON-RPC batch the provider accepts, learned from its refusals; Arbor splits larger ones.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No batch refused so far: Arbor sends batches of its usual size.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The eth_getLogs limits the provider stated when it refused a query; Arbor asks for smaller block ranges.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No eth_getLogs limit seen: Arbor asks for its usual block ranges.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calls per second Arbor sends at most: the rate you set, or the one learned from the provider&apos;s refusals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The largest JSON-RPC batch the provider accepts, when it refused a larger one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The most blocks per eth_getLogs query and logs per answer the provider accepts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The node answers, but with errors (see the last error); Arbor retries and prefers other endpoints.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No answer from the node (refused, reset, timed out or a gateway error); Arbor probes it every few seconds and uses it again as soon as it answers. Probe now asks at once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No JSON-RPC call recorded yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON-RPC calls by method, as providers bill them (every call of a batch, every retry):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2, %3 failed</source>
        <comment>method: calls, failed calls</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>method: calls</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No price per call set. Set one with “arborctl chain set-rpc-price --chain ID --endpoint URL --method NAME --units N”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calls × the price per call you set, by method; methods without a price are not counted:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 × %3 = %4</source>
        <comment>method: calls × price = compute units</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON-RPC calls sent to the endpoint, as providers bill them: every call of a batch and every retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calls × the price per call you set for each method (compute units, credits)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compute units</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arbor::ui::EndpointsPanel</name>
    <message>
        <source>&amp;Probe Now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask every endpoint for its head now; an unreachable one that answers is used again at once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Probing every endpoint…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Probe failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Probed at %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arbor::ui::EngineListModel</name>
    <message>
        <source>running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>draining</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not responding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>just now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ago</source>
        <comment>a duration: 3 s ago</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>chain %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>chain name (chain id)</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (this console)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The engine of this console: it indexes the chains it holds in this process.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No heartbeat for %1, longer than its leases last (%2): the other engines take its chains.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draining: it gives its chains to the other engines and takes none until it is resumed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Takes at most %n chain(s).</source>
        <translation>
            <numerusform>Takes at most %n chain.</numerusform>
            <numerusform>Takes at most %n chains.</numerusform>
        </translation>
    </message>
    <message>
        <source>Takes its fair share of the chains.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indexes no chain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The coordinator, one engine at a time, runs triggers, alerts, balance refreshes and maintenance for all engines.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running; not responding (no heartbeat within its lease: the other engines take its chains); draining (gives its chains to the others and takes none until resumed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The chains the engine indexes now: each chain is indexed by one engine at a time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The coordinator runs triggers, alerts, balance refreshes and maintenance for all engines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The program the engine runs in: arbor (a console) or arborctl (serve, index)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chains</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coordinator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Program</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last heartbeat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arbor::ui::EnginesPanel</name>
    <message>
        <source>&amp;Drain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The selected engine gives its chains to the other engines and takes none until it is resumed: before maintaining or stopping its machine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Res&amp;ume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The selected engine takes its share of the chains again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Move a Chain Here…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a chain for the selected engine to index from its next heartbeat on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Engines index this database&apos;s chains: this console and each arborctl serve started on it. Each chain is indexed by one engine at a time; when an engine stops responding, the others take its chains.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This database serves one engine: this console. Several engines need PostgreSQL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database is not open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the engines: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drain Engine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drain the engine “%1”?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It gives its chains to the other engines at its next heartbeat and takes none until it is resumed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is draining: its chains go to the other engines.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not drain “%1”: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is resumed: it takes its share of the chains again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not resume “%1”: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No other active chain to move to “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>chain name (chain id)</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move a Chain Here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Move</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” moves to “%2” at the engines&apos; next heartbeats.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not move “%1” to “%2”: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which chain should “%1” index from now on? The engine indexing it now gives it up at its next heartbeat, and the chain stays with “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arbor::ui::EventCountsPanel</name>
    <message>
        <source>How far back the chart reaches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A line per registry, or per event type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By registry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By event type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The events of every chain, or of one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All chains</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the event counts: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No registry events in the last 7 days.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No registry events in the last 24 hours.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1: %n event(s) (%2).</source>
        <translation>
            <numerusform>%1: %n event (%2).</numerusform>
            <numerusform>%1: %n events (%2).</numerusform>
        </translation>
    </message>
    <message>
        <source>, </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1–%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registry events per hour (block time)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arbor::ui::IndexProgressBar</name>
    <message>
        <source>Blocks %1 to %2: %3 % indexed</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n gap(s) below the checkpoint</source>
        <translation>
            <numerusform>%n gap below the checkpoint</numerusform>
            <numerusform>%n gaps below the checkpoint</numerusform>
        </translation>
    </message>
    <message>
        <source>No index progress yet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arbor::ui::IndexProgressPanel</name>
    <message>
        <source>Gaps below the checkpoint (filled by the gap scan):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing indexed yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Blocks %1 to %2: %3 % indexed, %n gap(s).</source>
        <translation>
            <numerusform>Blocks %1 to %2: %3 % indexed, %n gap.</numerusform>
            <numerusform>Blocks %1 to %2: %3 % indexed, %n gaps.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Blocks %1 – %2 (%n block(s))</source>
        <translation>
            <numerusform>Blocks %1 – %2 (%n block)</numerusform>
            <numerusform>Blocks %1 – %2 (%n blocks)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>arbor::ui::LogModel</name>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Debug</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Info</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arbor::ui::LogPanel</name>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everything</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Info and above</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warnings and errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Errors only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cleared %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>(%n time(s) since the last notification)</source>
        <translation>
            <numerusform>(%n time since the last notification)</numerusform>
            <numerusform>(%n times since the last notification)</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Acknowledge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seen and taken care of: the alert stays listed until it clears, but is no longer counted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alert Rules…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rules that raise alerts beside the built-in ones, and deliver them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Raised by the alert rule “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rule is silenced: nothing was delivered or notified.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>silenced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>acknowledged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alerts — %1</source>
        <comment>the alert count as the status bar words it</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arbor::ui::MainWindow</name>
    <message>
        <source>Arbor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleting chain %1: step %2, %3…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop indexing the selected chain; its data stays</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue indexing the selected chain from its checkpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the selected chain and all of its indexed data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the chain list now instead of at the next update</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Arbor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Chain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another engine holds the database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arbor (read-only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arbor could not open its database.

%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening the database…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n chain(s)</source>
        <translation>
            <numerusform>%n chain</numerusform>
            <numerusform>%n chains</numerusform>
        </translation>
    </message>
    <message>
        <source>Read-only: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pausing “%1”…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resuming “%1”…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not pause “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not resume “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is paused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is indexing again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleting “%1”…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” was deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arbor could not open its database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Arbor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arbor %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;An operations console for multi-chain EVM indexing.&lt;/p&gt;&lt;p&gt;Built with Qt %1.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Chains</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Balance &amp;Queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Balances</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chains</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Balance Queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Balances</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add Chain…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add an EVM chain: its RPC URLs, tokens and ERC-8004 registries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>De&amp;tails</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Charts, endpoints, index progress, reindexes and reorgs of the selected chain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chain &amp;Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log and Alerts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Log and Alerts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chain Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the alerts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 live, %2 catching up</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Arbor — %n chain(s)</source>
        <translation>
            <numerusform>Arbor — %n chain</numerusform>
            <numerusform>Arbor — %n chains</numerusform>
        </translation>
    </message>
    <message>
        <source>No chains yet. This console is read-only: add chains where the engine runs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” was added and is being indexed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;sync…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rebuild the selected chain&apos;s cross-chain rows from its own tables</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rei&amp;ndex…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fetch a block range of the selected chain again and replace its rows (audited)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new language applies when Arbor starts again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closing the old database…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Triggers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Triggers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the selected chain: its name, RPC URLs, poll interval, confirmations, RPC rate and tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overview</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n down</source>
        <comment>chains whose endpoints are all down</comment>
        <translation>
            <numerusform>%n down</numerusform>
            <numerusform>%n down</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n stalled</source>
        <comment>chains</comment>
        <translation>
            <numerusform>%n stalled</numerusform>
            <numerusform>%n stalled</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n paused</source>
        <comment>chains</comment>
        <translation>
            <numerusform>%n paused</numerusform>
            <numerusform>%n paused</numerusform>
        </translation>
    </message>
    <message>
        <source>Chains whose RPC endpoints are all down, that make no progress, or that are paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Pausing %n chain(s)…</source>
        <translation>
            <numerusform>Pausing %n chain…</numerusform>
            <numerusform>Pausing %n chains…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Resuming %n chain(s)…</source>
        <translation>
            <numerusform>Resuming %n chain…</numerusform>
            <numerusform>Resuming %n chains…</numerusform>
        </translation>
    </message>
    <message>
        <source>“%1”: %2</source>
        <comment>chain name, error</comment>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Could not pause %1 of %n chain(s)</source>
        <translation>
            <numerusform>Could not pause %1 of %n chain</numerusform>
            <numerusform>Could not pause %1 of %n chains</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Could not resume %1 of %n chain(s)</source>
        <translation>
            <numerusform>Could not resume %1 of %n chain</numerusform>
            <numerusform>Could not resume %1 of %n chains</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n chain(s) paused.</source>
        <translation>
            <numerusform>%n chain paused.</numerusform>
            <numerusform>%n chains paused.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n chain(s) indexing again.</source>
        <translation>
            <numerusform>%n chain indexing again.</numerusform>
            <numerusform>%n chains indexing again.</numerusform>
        </translation>
    </message>
    <message>
        <source>“%1” was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alert &amp;Rules…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rules that raise alerts (lag, stalls, RPC errors, queue health) and deliver them by webhook, Telegram or MCP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That alert is no longer active.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Back Up Database…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the database into a backup file while Arbor goes on indexing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Res&amp;tore Database…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore a backup into a new database, to open afterwards in Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sizes per chain and table, growth over time, the slowest statements, maintenance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Agents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Overview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Databa&amp;se</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore Database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot switch to %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>what the page shows (its shortcut)</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every chain at a glance: its status, lag and endpoints, and requests per provider</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arbor::ui::MaintenancePanel</name>
    <message>
        <source>Run &amp;maintenance now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PostgreSQL: VACUUM and ANALYZE of the busy tables, index bloat check and rebuilds where they pay.
SQLite: incremental vacuum, PRAGMA optimize and a WAL checkpoint.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply &amp;retention now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete what the retention policies (Settings › Retention) say is past its age, in small batches.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Table or index</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database is not open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read-only: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the maintenance log: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running maintenance…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Maintenance did not run: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Maintenance finished with errors: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Maintenance finished in %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applying the retention policies…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retention did not run: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retention stopped: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Retention deleted %n row(s) in %1.</source>
        <translation>
            <numerusform>Retention deleted %n row in %1.</numerusform>
            <numerusform>Retention deleted %n rows in %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) deleted</source>
        <translation>
            <numerusform>%n row deleted</numerusform>
            <numerusform>%n rows deleted</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) deleted, %1</source>
        <translation>
            <numerusform>%n row deleted, %1</numerusform>
            <numerusform>%n rows deleted, %1</numerusform>
        </translation>
    </message>
    <message>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arbor::ui::MaintenanceRunModel</name>
    <message>
        <source>Maintenance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>schedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>operator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>running or interrupted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) deleted</source>
        <translation>
            <numerusform>%n row deleted</numerusform>
            <numerusform>%n rows deleted</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n step(s)</source>
        <translation>
            <numerusform>%n step</numerusform>
            <numerusform>%n steps</numerusform>
        </translation>
    </message>
    <message>
        <source>Started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requested by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arbor::ui::McpTokenDialog</name>
    <message>
        <source>MCP Token of Agent %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MCP actions that call agent %1&apos;s own endpoint, the one its registration file names, send this token as a bearer token. Arbor keeps only the reference; the secret stays in the keychain, an environment variable or a file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>keychain:NAME, env:VAR or file:PATH; the list holds the secrets stored in the keychain through Arbor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reference:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;tore Secret…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the token once; it goes to the system keychain and the reference is filled in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;lear Token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send no token to this agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The agent&apos;s MCP token goes to the system keychain under the name below; Arbor keeps only the reference “keychain:NAME”.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arbor::ui::NetworkStatsPanel</name>
    <message>
        <source>How many UTC days the chart shows, today included</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Last %n day(s)</source>
        <translation>
            <numerusform>Last %n day</numerusform>
            <numerusform>Last %n days</numerusform>
        </translation>
    </message>
    <message>
        <source>Ra&amp;nge:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Gas used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also draw the gas the chain&apos;s blocks used per day, on an axis of its own</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No chain selected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transactions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token transfers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active holders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gas used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the daily figures…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the daily figures: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>No blocks of this chain from the last %n day(s) are indexed yet. The daily figures appear here as indexing promotes them.</source>
        <translation>
            <numerusform>No blocks of this chain from the last %n day are indexed yet. The daily figures appear here as indexing promotes them.</numerusform>
            <numerusform>No blocks of this chain from the last %n days are indexed yet. The daily figures appear here as indexing promotes them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Last %n day(s): %1 blocks, %2 transactions, %3 token transfers; at most %4 active holders a day.</source>
        <translation>
            <numerusform>Last %n day: %1 blocks, %2 transactions, %3 token transfers; at most %4 active holders a day.</numerusform>
            <numerusform>Last %n days: %1 blocks, %2 transactions, %3 token transfers; at most %4 active holders a day.</numerusform>
        </translation>
    </message>
    <message>
        <source>Ggas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mgas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kgas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gas used per day (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2 (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, so far</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blocks: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transactions: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token transfers: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active holders: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gas used: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active holders: addresses that sent or received one of the chain&apos;s tokens that day.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Last %n day(s): %1 token transfers; at most %2 active holders a day. Blocks, transactions and gas are not counted: the chain fetches the headers of its blocks with events only (Chain › Edit › Block statistics).</source>
        <translation>
            <numerusform>Last %n day: %1 token transfers; at most %2 active holders a day. Blocks, transactions and gas are not counted: the chain fetches the headers of its blocks with events only (Chain › Edit › Block statistics).</numerusform>
            <numerusform>Last %n days: %1 token transfers; at most %2 active holders a day. Blocks, transactions and gas are not counted: the chain fetches the headers of its blocks with events only (Chain › Edit › Block statistics).</numerusform>
        </translation>
    </message>
    <message>
        <source>not counted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Daily activity (counts per day)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arbor::ui::OutboundRequestsEditor</name>
    <message>
        <source>Registration files, feedback files and agents&apos; MCP endpoints are named in chain data, which anyone can write; so Arbor refuses to send requests to loopback, private, link-local and cloud metadata addresses unless the host is allowed here, lest a chain event reach a service inside your network.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected to a database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allowed hosts:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 127.0.0.1 or agents.internal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A host name or an IP address, without scheme or port: each host is allowed with all its ports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remo&amp;ve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refuse requests to the selected host again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IPFS &amp;gateway:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;pply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cl&amp;ear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use no gateway: ipfs:// URIs are then not fetched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every engine on this database applies the list. Changes here apply at once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ipfs:// agentURIs and feedback files are fetched through this gateway; without one they are not fetched.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read-only: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the allowed hosts: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the IPFS gateway: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Let requests from chain data reach this host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests from chain data may now reach %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was already allowed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is no longer allowed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No IPFS gateway: ipfs:// URIs are not fetched.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ipfs:// URIs are fetched through %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests from chain data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None: requests from chain data reach public addresses only.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arbor::ui::OverviewPage</name>
    <message>
        <source>Chains indexed here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RPC down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stalled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Worst lag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RPC requests per provider since the indexers started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provider (host)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>–</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chain %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1: %n block(s)</source>
        <translation>
            <numerusform>%1: %n block</numerusform>
            <numerusform>%1: %n blocks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n second(s)</source>
        <translation>
            <numerusform>, %n second</numerusform>
            <numerusform>, %n seconds</numerusform>
        </translation>
    </message>
    <message>
        <source>Not indexed by this console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lag not known yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At the head</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n block(s) behind, %1</source>
        <translation>
            <numerusform>%n block behind, %1</numerusform>
            <numerusform>%n blocks behind, %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n block(s) behind</source>
        <translation>
            <numerusform>%n block behind</numerusform>
            <numerusform>%n blocks behind</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>arbor::ui::PortfolioModel</name>
    <message>
        <source>Chain %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token&apos;s decimals are unknown: the raw balance is shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Balance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Raw balance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Block</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2 (%3 in the smallest unit)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n token(s)</source>
        <translation>
            <numerusform>%n token</numerusform>
            <numerusform>%n tokens</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n chain(s)</source>
        <translation>
            <numerusform>%n chain</numerusform>
            <numerusform>%n chains</numerusform>
        </translation>
    </message>
    <message>
        <source>The sum of the balances of %1 on every chain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not summed: the tokens named %1 have different decimals</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arbor::ui::ProbePage</name>
    <message>
        <source>Check the Endpoints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chain ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Head</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Probing endpoints…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Probe Again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Probing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>URL %1 did not answer: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not reported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>URL %1 reports chain %2, URL %3 reports chain %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No endpoint answered, so the chain cannot be added. Check that the node is running and the URL is right, then probe again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All endpoints of a chain must serve the same chain: go back and remove or fix the wrong URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The chain will be added without the URLs that did not answer. Go back to fix them, or continue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every endpoint answered and serves chain %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arbor asks every URL for its chain id, latest block and client version, and whether it serves historical state. All endpoints that answer must serve the same chain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chain %1 is already added, as “%2”. Each chain is added once; to use more endpoints, cancel and choose Chain → Edit… on “%2”.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arbor::ui::QueueChartPanel</name>
    <message>
        <source>Select a chain to see its queue over the last %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pending items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Throughput (items/s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Oldest pending (min)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1”, last %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queue over time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed attempts in the last hour</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arbor::ui::QueueConfigDialog</name>
    <message>
        <source>Balance Queue Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Balance queue of “%1” (chain %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Process this chain&apos;s queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When off, holders are still queued but no balances are computed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Items a worker claims at once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause between batches when the queue ran dry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failures before an item is marked failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wait before the first retry; it doubles with each retry, up to 5 minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Items pending longer than this get their priority raised, once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> per hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Processing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Batch size:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Idle pause:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Maximum retries:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;First retry after:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>B&amp;oost priority after:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Boost b&amp;y:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Health thresholds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;High load above:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delayed after:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Errors above:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How much the priority is raised</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>field label, what is wrong</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The queue shows “High load” with more items than this pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The queue shows “Delayed” when its oldest pending item is older than this</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The queue shows “Errors” with more failed attempts than this in the last hour</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arbor::ui::QueueHealthModel</name>
    <message>
        <source>Chain %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Items given up on after their last retry; “Retry failed” queues them again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Items completed in the last hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed attempts in the last hour, retries included</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Items completed per second, over the last minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Average processing time per item, over the last hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How long the oldest pending item has been waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Processing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed/h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Errors/h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Items/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Avg ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Oldest pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Balances are being kept up to date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) pending: more than this chain&apos;s high-load threshold.</source>
        <translation>
            <numerusform>%n item pending: more than this chain&apos;s high-load threshold.</numerusform>
            <numerusform>%n items pending: more than this chain&apos;s high-load threshold.</numerusform>
        </translation>
    </message>
    <message>
        <source>The oldest pending item has been waiting for %1: longer than this chain allows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n failed attempt(s) in the last hour: more than this chain allows.</source>
        <translation>
            <numerusform>%n failed attempt in the last hour: more than this chain allows.</numerusform>
            <numerusform>%n failed attempts in the last hour: more than this chain allows.</numerusform>
        </translation>
    </message>
    <message>
        <source>Queue processing is turned off for this chain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt; 1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 d</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n token(s) fail the same way on every item: see the problems under the table.</source>
        <translation>
            <numerusform>%n token fails the same way on every item: see the problems under the table.</numerusform>
            <numerusform>%n tokens fail the same way on every item: see the problems under the table.</numerusform>
        </translation>
    </message>
    <message>
        <source>Healthy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>High load</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delayed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This chain tracks no tokens, so there are no balances to keep. Add tokens under Chain › Edit….</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arbor::ui::QueuePage</name>
    <message>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch size, retries and health thresholds of the selected chain&apos;s queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry &amp;Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queue the selected chain&apos;s failed items again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the queue&apos;s health: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the queue&apos;s history: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read-only: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” has no failed items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the settings of “%1”: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings of “%1” saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queuing the failed items of “%1” again…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not retry the failed items of “%1”: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>“%1”: %n item(s) queued again.</source>
        <translation>
            <numerusform>“%1”: %n item queued again.</numerusform>
            <numerusform>“%1”: %n items queued again.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n token(s) fail the same way on every item. Their items wait, using up no retries, until a batch of the token succeeds again.</source>
        <translation>
            <numerusform>%n token fails the same way on every item. Their items wait, using up no retries, until a batch of the token succeeds again.</numerusform>
            <numerusform>%n tokens fail the same way on every item. Their items wait, using up no retries, until a batch of the token succeeds again.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>arbor::ui::ReadOnlyBanner</name>
    <message>
        <source>This console is read-only: chains can be watched but not changed. %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arbor::ui::ReindexDialog</name>
    <message>
        <source>Reindex Block Range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fetch a block range of “%1” (chain ID %2) again from its RPC endpoints and replace its rows. The request is recorded with your reason in the audit log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading what is indexed…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why, for the audit log (e.g. “RPC returned truncated logs”)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;From block:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;To block:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requested by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requested at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reindex requests of this chain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Start Reindex</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This console is read-only (%1); request the reindex from the console that holds the database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What is indexed could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing of this chain is indexed yet, so there is nothing to reindex.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indexed: blocks %1 to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>There are gaps (%n indexed range(s)); reindexing a range over a gap fills it.</source>
        <translation>
            <numerusform>There are gaps (%n indexed range); reindexing a range over a gap fills it.</numerusform>
            <numerusform>There are gaps (%n indexed ranges); reindexing a range over a gap fills it.</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose a block from %1 to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Block %1 is not indexed. %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Block %1 is past the checkpoint. %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The range ends before it starts: make “To” at least %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give a reason: it is kept in the audit log with your name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recording the reindex request…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reindex was not requested: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request&apos;s progress could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>blocks %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reindex #%1 of %2 is done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reindex #%1 of %2 failed: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reindex #%1 of %2 is %3. The chain&apos;s indexer takes it up between head scans; you can close this dialog, the request stays recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arbor::ui::ReindexRequestModel</name>
    <message>
        <source>%1 – %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blocks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requested by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requested at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finished at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arbor::ui::ReorgModel</name>
    <message numerus="yes">
        <source>%n block(s)</source>
        <translation>
            <numerusform>%n block</numerusform>
            <numerusform>%n blocks</numerusform>
        </translation>
    </message>
    <message>
        <source>Detected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Depth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Common ancestor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Old head</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Old hash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New hash</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arbor::ui::RestoreDialog</name>
    <message>
        <source>Restore Database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore a backup into a new database. The database Arbor runs on now (%1) is not touched; open the restored one afterwards in Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A file from Back Up Database… or “arborctl db backup”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new &amp;SQLite file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An empty &amp;PostgreSQL database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create it first (createdb NAME). The password comes from the OS keychain or PGPASSWORD.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Backup file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore into:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arbor backups (*.db *.dump *.backup);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New Database File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SQLite databases (*.db *.sqlite)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the empty database&apos;s URL: postgresql://user@host:port/dbname.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the backup file to restore.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restoring %1 into %2…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restoring %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Canceled: nothing was restored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restored %1 into %2: %3, schema version %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n migration(s) will be applied when Arbor opens it.</source>
        <translation>
            <numerusform>%n migration will be applied when Arbor opens it.</numerusform>
            <numerusform>%n migrations will be applied when Arbor opens it.</numerusform>
        </translation>
    </message>
    <message>
        <source>The backup was restored into %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The restore failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The restore was refused; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The restore failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the new database file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arbor goes on with its current database until you switch: now, or later under File › Settings… › Storage (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Switch to It Now</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arbor::ui::ResyncDialog</name>
    <message>
        <source>Resync Global Tables</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rebuild the rows of “%1” (chain ID %2) in the cross-chain tables from its own tables. Other chains&apos; rows are not touched.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All tables</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tables:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chain rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Global rows before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Global rows after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Start Resync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This console is read-only (%1); resync from the console that holds the database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rebuilding the global rows of every cross-chain table…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rebuilding the global rows of %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resync failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resync finished: the global rows of every cross-chain table were rebuilt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resync finished: the global rows of %1 were rebuilt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>–</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token balances</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Daily block statistics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent identities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent reputation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The table %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arbor::ui::RetentionEditor</name>
    <message numerus="yes">
        <source>default %n day(s)</source>
        <translation>
            <numerusform>default %n day</numerusform>
            <numerusform>default %n days</numerusform>
        </translation>
    </message>
    <message>
        <source>default: kept for ever</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected to a database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the retention policies…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the retention policies: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep for ever</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read-only: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows older than this are deleted every hour, a small batch at a time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <comment>spin box: a number of days</comment>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>arbor::ui::ReviewPage</name>
    <message>
        <source>Review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the chain&apos;s settings. Create probes the endpoints once more, creates the chain&apos;s tables and starts indexing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Probing endpoints and creating tables…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chain ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RPC endpoints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Left out (did not answer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the latest block when the chain is created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>block %1 (the earliest token deployment)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>block %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start indexing at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirmations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none: follow the head</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>index blocks %1 deep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Poll interval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>decimals: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deployed at block %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ERC-8004 registries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go back to fix it, or try Create again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asking the node how each token&apos;s balances will be computed…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token balances</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>decided at Create</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not check how the balances will be computed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create decides the modes itself when it adds the chain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every block (one header per block)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>blocks with events (headers of those blocks only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to reach the head (%1 blocks): about %2 calls, plus one per block with events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to reach the head (%1 blocks): about %2 calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Block statistics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(sampling how many blocks hold events…)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(events in %1 of the %2 blocks sampled)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many blocks hold events could not be sampled: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arbor::ui::RpcPage</name>
    <message>
        <source>RPC Endpoints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the JSON-RPC URLs of the chain&apos;s nodes, one per line. Arbor prefers the first and fails over to the others, so put your most reliable endpoint first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;RPC URLs:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>https://rpc.example.org
http://127.0.0.1:8545</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1: %2 is already on an earlier line; remove one of them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter at least one RPC URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only http:// and https:// endpoints are supported. Do not put user names or passwords in a URL: Arbor stores URLs in its database. Write an API key as ${keychain:NAME} (a secret in the system keychain) or ${env:VAR} (an environment variable).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name the key gets in the keychain: letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keychain name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Move Key to Keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1 holds what looks like an API key (%2). Arbor stores URLs in its database and shows them in tables and logs; the key can go to the system keychain instead, and the URL refer to it as ${keychain:NAME}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keychain name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Storing the key in the keychain…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key was not moved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Without a keychain, put the key in an environment variable and write ${env:VAR} in the URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key is in the keychain as %1; write ${keychain:%1} in its place in the URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key is in the keychain as %1; line %2 now refers to it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arbor::ui::SecretField</name>
    <message>
        <source>A reference to the secret: keychain:NAME, env:VAR or file:PATH. Never the secret itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store secret…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the secret once; it goes to the system keychain and this field gets its reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No secret named “%1” is stored on this computer: the engine cannot send with it. Store secret… stores it (or store it where the engine that delivers runs).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arbor::ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Storage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Indexing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Notifications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Embedded SQLite file (one machine, no set-up)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the database file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;PostgreSQL server (shared, larger deployments)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the keychain…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stored in the OS keychain, never in the settings file. Leave empty to keep the stored password, or to let PostgreSQL use PGPASSWORD or ~/.pgpass.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changing the database restarts the engine on it; nothing is copied between databases.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Poll interval for new chains:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How often a new chain asks its RPC endpoints for the head (%1–%2 ms). Each chain keeps its own setting once added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh interval of the console:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How often tables and charts update (%1–%2 ms).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show &amp;desktop notifications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> blocks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notify of reorgs at least this &amp;deep:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shallower reorgs are still handled and logged, without a notification.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Takes effect after Arbor restarts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A password is stored in the keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not stored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No keychain available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PostgreSQL password cannot be stored: no OS keychain is available,
and Arbor never writes passwords to its settings file.
Instead, set the PGPASSWORD environment variable for Arbor,
or put the password in ~/.pgpass.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SQLite databases (*.db *.sqlite);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the database file, e.g. %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a file, not a folder; choose a path inside a folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the server&apos;s URL: postgresql://user@host:port/dbname.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The URL must start with postgresql://, as in postgresql://user@host:port/dbname.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Storing the password in the keychain…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Monitoring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Serve &amp;Prometheus metrics on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HOST:PORT, e.g. 127.0.0.1:9464 (this machine only) or 0.0.0.0:9464 (every interface)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prometheus scrapes http://HOST:PORT/metrics: head, indexed block and lag per chain, RPC requests and errors per endpoint, balance-queue and trigger delivery figures, all labelled by chain id. The endpoint has no authentication: keep 127.0.0.1 unless Prometheus runs on another machine. Applies at OK, without a restart.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not serving metrics now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Serving metrics now at http://%1/metrics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopping the metrics endpoint…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting the metrics endpoint on %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings not saved: the metrics endpoint could not start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Retention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving the retention policies…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;quests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests from chain data: the hosts they may reach, the IPFS gateway</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arbor::ui::SlowStatementModel</name>
    <message>
        <source>Mean (ms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Max (ms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total (ms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Statement</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arbor::ui::StoreSecretDialog</name>
    <message>
        <source>Store Secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 goes to the system keychain under the name below; the trigger keeps only the reference “keychain:NAME”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Storing in the keychain…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not stored: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Without a keychain, refer to an environment variable (env:VAR) or a file (file:PATH) instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Generate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new signing secret (whsec_ and 32 random bytes): give it to the receiver, then store it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy this secret to the receiver now: once stored, Arbor never shows it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Value:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arbor::ui::TableActions</name>
    <message>
        <source>&amp;Copy Rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the selected rows as tab-separated text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy &amp;Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the full value of the cell: addresses and URLs are never shortened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export as CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the table as it is shown (filtered and sorted) as a CSV file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy “%1”</source>
        <comment>copy the value of this column</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write “%1”: %2. Choose a folder you can write to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write “%1”: %2. Check the free space and the permissions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export as CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The table could not be saved.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arbor::ui::TableSizeModel</name>
    <message>
        <source>admin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>global</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>chain %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PostgreSQL&apos;s estimate (n_live_tup): the table is too large to count its rows on every refresh.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Table size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indexes size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dead rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last vacuum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last analyze</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arbor::ui::TokenModel</name>
    <message>
        <source>–</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transfers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>balanceOf</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Balances are the sum of the token&apos;s indexed Transfer events, kept current as blocks are indexed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Balances are read with balanceOf from the node: at the indexed height on a node that serves historical state, at its newest block otherwise.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Symbol</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decimals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Balance mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arbor::ui::TokenProblemModel</name>
    <message>
        <source>Chain %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First seen %1, last seen %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token&apos;s items held back until a batch of it succeeds again; they use up no retries.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the node said</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What to do</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Since</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Items waiting</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arbor::ui::TopHoldersModel</name>
    <message>
        <source>The token&apos;s decimals are unknown: the raw balance is shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Holder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Balance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Raw balance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Block</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2 in the smallest unit)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Of a total supply of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The holder&apos;s share of the token&apos;s total supply, as the token&apos;s totalSupply() reports it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>% of supply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt; %1 %</source>
        <comment>share of supply</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %</source>
        <comment>share of supply</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arbor::ui::TrayIcon</name>
    <message>
        <source>&amp;Show Arbor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keep Running in the Tray When Closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no chains indexed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 catching up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 RPC down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 stalled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 starting or stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arbor: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arbor keeps indexing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arbor runs on in the system tray. Quit it from the tray icon&apos;s menu or with File → Quit.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arbor::ui::TriggerEditorActionRow</name>
    <message>
        <source>Actions run in this order: the first one first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run this action earlier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run this action later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove this action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How long one attempt may take</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeout:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One header per line, Name: value. Authenticating headers take a reference: Authorization: keychain:NAME</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Headers:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Empty: the default JSON body. JSON with {{event.agentId}}-style templates, or a text template.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Body:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>webhook signing secret (whsec_…)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signs each delivery in the Standard Webhooks form; empty: unsigned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing secret:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Telegram bot token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bot token:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>-100123 or @channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chat:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Empty: a one-line summary of the event. Templates such as {{event.agentId}} and {{event.value | decimals}}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plain text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Values from the event are escaped for the mode chosen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tool:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A JSON object; its texts may hold templates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arguments:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MCP access token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent as a bearer token; empty: none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write each header on a line of its own as “Name: value” (line %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The body starts like JSON but is not valid JSON (%1, at character %2). Fix it, or write a text body.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the arguments as a JSON object, such as {&quot;agentId&quot;: &quot;{{event.agentId}}&quot;}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Empty: the default JSON body (the alert, its rule and chain). JSON with {{alert.title}}-style templates, or a text template.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Empty: “ALERT:” with the alert&apos;s title and text. Templates such as {{alert.title}}, {{alert.state}} and {{chain.name}}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The agent&apos;s own endpoint, from its registration file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call the MCP service named in the registration file of the event&apos;s agent (its agentURI), never a URL taken from the event. The agent&apos;s own token is sent, set on the Agents page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verify the feedback file&apos;s hash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send only when the file at the feedback&apos;s feedbackURI hashes (keccak-256) to its feedbackHash; otherwise the delivery is not sent and the log says why.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each agent&apos;s own token is sent, the one set for it on the Agents page (Set MCP Token…)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About 3 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About 4 minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No retries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When a delivery that failed on a connection error, a timeout, 429 or 5xx is tried again. After the last retry it is listed as undelivered, and can be resent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry for:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Own: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server: give the MCP server&apos;s URL, or tick “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>field label, what is wrong</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2): %3</source>
        <comment>field label, part of it, what is wrong</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;List Tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each agent&apos;s server is known only when its event arrives: give a server&apos;s URL to list its tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the server&apos;s URL first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect to the server with the token and list the tools it offers; nothing is called</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asking %1 for its tools…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No connection: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Connected (MCP %1): %n tool(s): %2.</source>
        <translation>
            <numerusform>Connected (MCP %1): %n tool: %2.</numerusform>
            <numerusform>Connected (MCP %1): %n tools: %2.</numerusform>
        </translation>
    </message>
    <message>
        <source>It offers no tool named “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arbor::ui::TriggerEditorConditionRow</name>
    <message>
        <source>Event is</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent is</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feedback value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tag is</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Validator is one of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Carries a URI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Average value (EMA)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rate limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove this condition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent id, such as 3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compared exactly with the feedback&apos;s value scaled by its decimals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matches when tag1 or tag2 is this tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One validator address (0x…) per line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The event carries a feedback, response, request or agent URI.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>alpha</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Smoothing: a factor in (0, 1], or a window of N samples (alpha = 2/(N+1))</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No match before this many values were averaged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at most </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A duration: 30s, 15m, 1h, 1d</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mute until quiet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After the limit, stay silent until a whole window passes without firing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>per</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arbor::ui::TriggerEditorDialog</name>
    <message>
        <source>Edit Trigger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New Trigger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trigger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Negative feedback for agent 3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What it is for, who acts on it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Enabled: fires for events promoted from now on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History is never sent by accident: only a replay sends for past events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How deep an event must be before the trigger fires for it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registry:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Chain:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;onfirmations:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conditions: all must hold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Without conditions, every event of the registry fires the trigger.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add &amp;condition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actions, in order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add &amp;action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A trigger stays on its chain; make a new trigger for another chain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The chain&apos;s (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The chain&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no chain is registered yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirmations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conditions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>field label, what is wrong</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arbor::ui::TriggerEditorPreview</name>
    <message>
        <source>Preview of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No event of the %1 registry is indexed on “%2” yet, so there is nothing to render the templates with. They are still checked when you save.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read a stored event for the preview: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This action cannot be rendered yet: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Would not be sent: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sendMessage to chat %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tools/call %1 at %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the newest stored event that meets the conditions…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rendered from the newest event on “%1” that meets the conditions: %2 of agent %3 in block %4. Nothing is sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>None of the newest %n event(s) of the %1 registry on “%2” meets the conditions, so this is rendered from the newest one: %3 of agent %4 in block %5. Nothing is sent.</source>
        <translation>
            <numerusform>The newest event of the %1 registry on “%2” does not meet the conditions, so this is rendered from it anyway: %3 of agent %4 in block %5. Nothing is sent.</numerusform>
            <numerusform>None of the newest %n events of the %1 registry on “%2” meets the conditions, so this is rendered from the newest one: %3 of agent %4 in block %5. Nothing is sent.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>arbor::ui::TriggerListModel</name>
    <message>
        <source>Chain %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fires for events promoted from now on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Off: fires for nothing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When evaluation or a replay last created a delivery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deliveries created in the last 24 hours (test deliveries not counted)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deliveries of the last 24 hours that failed for good</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last fired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deliveries/24 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failures/24 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reputation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Validation</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arbor::ui::TriggersPage</name>
    <message>
        <source>&amp;New Trigger…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Define what to watch on a chain&apos;s ERC-8004 registry and what to call when it happens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit the selected trigger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disa&amp;ble</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the selected trigger; its delivery log stays</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dry &amp;Run…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evaluate the selected trigger on stored events and see what it would send, sending nothing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send &amp;Test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send one real delivery, marked as a test, from the newest stored event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Triggers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivery Log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Charts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All triggers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the triggers: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the delivery log: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the delivery figures: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test delivery of “%1”: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ena&amp;ble</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read-only: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a chain first: a trigger watches one chain&apos;s registry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop firing; deliveries already created still go out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fire again, for events promoted from now on (never for what was missed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send the selected delivery again, under the same delivery id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trigger “%1” added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trigger “%1” saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not change the trigger: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is enabled: it fires for events promoted from now on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is disabled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete Trigger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the trigger “%1”?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its deliveries not yet sent are cancelled. Its delivery log stays.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not delete “%1”: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trigger “%1” deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send Test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which action of “%1” sends the test delivery?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending a test delivery for “%1”…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No test delivery for “%1”: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not resend: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivery %1 is queued again under the same id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Per Hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of agent %2 in block %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test delivery %1 of “%2” (%3) is in the outbox; its result shows here once it is sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test delivery %1 of “%2” is in the outbox. No stored event meets its conditions, so it sends the newest one (%3); its result shows here once it is sent.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arbor::ui::WelcomePage</name>
    <message>
        <source>Welcome to Arbor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arbor indexes EVM chains into a local database and shows sync lag, balances, RPC health and agent events live.
Add a chain by its RPC endpoint, or try a local devnet with demo tokens, ERC-8004 registries and live traffic.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add chain…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Index a chain through its JSON-RPC endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try a local devnet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start a local EVM node (anvil) with demo tokens, ERC-8004 registries and live traffic, and index it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ %1</source>
        <extracomment>A step of starting the local devnet: done (✓), failed (✗) or in progress (…)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✗ %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>… %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adding the local devnet as a chain…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indexing the local devnet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local devnet could not start: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arbor::ui::amounts</name>
    <message>
        <source>Enter an amount of the token such as %1 (no sign, no exponent).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The amount is too large for a token balance.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>arbor::urlsecrets</name>
    <message>
        <source>A placeholder is not closed: write ${keychain:NAME} or ${env:VAR}, with the closing brace.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“${%1}” is not a placeholder Arbor knows. Write ${keychain:NAME} for a secret stored with “arborctl secret set NAME”, or ${env:VAR} for an environment variable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No value for %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a valid URL once its placeholders are filled in.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
