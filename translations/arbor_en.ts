<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>Console</name>
    <message>
        <source>The database to open: sqlite:PATH or postgresql://user@host:port/dbname. Default: $ARBOR_DB, else arbor.db in the user&apos;s data folder.</source>
        <translation type="unfinished"></translation>
    </message>
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
    <message>
        <source>Simulated crash after deletion step %1.</source>
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
        <source>“%1” is not a valid PostgreSQL URL: %2.</source>
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
</context>
<context>
    <name>arbor::EndpointProbe</name>
    <message>
        <source>%1 serves chain id %2, not %3. Check the URL, or use chain id %2.</source>
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
    <name>arbor::JsonRpcClient</name>
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
        <source> (rate limited: lower the request rate or add another endpoint)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (the endpoint requires credentials or an API key)</source>
        <translation type="unfinished"></translation>
    </message>
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
        <source>Another engine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is already running an engine on %2. Stop it first, or use the console read-only.</source>
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
</context>
<context>
    <name>arbor::StoreThread</name>
    <message>
        <source>The database is not open.</source>
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
    <name>arbor::ui::ChainListModel</name>
    <message>
        <source>ok</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>degraded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
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
        <source>Endpoints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checkpoint</source>
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
        <source>This console is read-only: chains can be watched but not changed. %1</source>
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
    <message>
        <source>No chains yet — add one with arborctl chain add</source>
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
        <source>Could not delete “%1”</source>
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
</context>
</TS>
