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
