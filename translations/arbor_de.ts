<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Console</name>
    <message>
        <source>The database to open: sqlite:PATH or postgresql://user@host:port/dbname. Default: $ARBOR_DB, else arbor.db in the user&apos;s data folder.</source>
        <translation>Die zu öffnende Datenbank: sqlite:PFAD oder postgresql://benutzer@host:port/datenbank. Vorgabe: $ARBOR_DB, sonst arbor.db im Datenordner des Benutzers.</translation>
    </message>
    <message>
        <source>url</source>
        <translation>url</translation>
    </message>
    <message>
        <source>Arbor, the operations console for multi-chain EVM indexing.</source>
        <translation>Arbor, die Betriebskonsole für die Indizierung mehrerer EVM-Chains.</translation>
    </message>
    <message>
        <source>Arbor</source>
        <translation>Arbor</translation>
    </message>
</context>
<context>
    <name>arbor::ui::ChainListModel</name>
    <message>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <source>degraded</source>
        <translation>eingeschränkt</translation>
    </message>
    <message>
        <source>down</source>
        <translation>ausgefallen</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>chain %1</source>
        <translation>Chain %1</translation>
    </message>
    <message>
        <source>No RPC endpoint is registered.</source>
        <translation>Es ist kein RPC-Endpunkt eingetragen.</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>head %1</source>
        <translation>letzter Block %1</translation>
    </message>
    <message>
        <source>Last error: %1</source>
        <translation>Letzter Fehler: %1</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Chain ID</source>
        <translation>Chain-ID</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Endpoints</source>
        <translation>Endpunkte</translation>
    </message>
    <message>
        <source>Checkpoint</source>
        <translation>Checkpoint</translation>
    </message>
    <message>
        <source>RPC URL</source>
        <translation>RPC-URL</translation>
    </message>
    <message>
        <source>active</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>pausiert</translation>
    </message>
    <message>
        <source>deleting</source>
        <translation>wird gelöscht</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>count, endpoint status</comment>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>endpoint count, health summary</comment>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>arbor::ui::DeleteChainDialog</name>
    <message>
        <source>Delete Chain</source>
        <translation>Chain löschen</translation>
    </message>
    <message>
        <source>Delete the chain “%1” (chain ID %2)?</source>
        <translation>Die Chain „%1“ (Chain-ID %2) löschen?</translation>
    </message>
    <message>
        <source>Indexing stops, and the chain&apos;s tables, its rows in the cross-chain tables and its tracking data are removed. This cannot be undone; to index the chain again you would add it anew and sync from its start block.</source>
        <translation>Die Indizierung wird beendet, und die Tabellen der Chain, ihre Zeilen in den kettenübergreifenden Tabellen und ihre Verwaltungsdaten werden entfernt. Das lässt sich nicht rückgängig machen; um die Chain wieder zu indizieren, müsste sie neu hinzugefügt und ab ihrem Startblock synchronisiert werden.</translation>
    </message>
    <message>
        <source>Type the chain&apos;s name, &lt;b&gt;%1&lt;/b&gt;, to confirm:</source>
        <translation>Zur Bestätigung den Namen der Chain, &lt;b&gt;%1&lt;/b&gt;, eingeben:</translation>
    </message>
</context>
<context>
    <name>arbor::ui::MainWindow</name>
    <message>
        <source>Arbor</source>
        <translation>Arbor</translation>
    </message>
    <message>
        <source>Deleting chain %1: step %2, %3…</source>
        <translation>Chain %1 wird gelöscht: Schritt %2, %3 …</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Pausieren</translation>
    </message>
    <message>
        <source>Stop indexing the selected chain; its data stays</source>
        <translation>Die Indizierung der gewählten Chain anhalten; ihre Daten bleiben erhalten</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>&amp;Fortsetzen</translation>
    </message>
    <message>
        <source>Continue indexing the selected chain from its checkpoint</source>
        <translation>Die gewählte Chain ab ihrem Checkpoint weiter indizieren</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Löschen …</translation>
    </message>
    <message>
        <source>Delete the selected chain and all of its indexed data</source>
        <translation>Die gewählte Chain und alle ihre indizierten Daten löschen</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>Read the chain list now instead of at the next update</source>
        <translation>Die Chain-Liste jetzt lesen statt bei der nächsten Aktualisierung</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;About Arbor</source>
        <translation>Über &amp;Arbor</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Chain</source>
        <translation>&amp;Chain</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Chain</source>
        <translation>Chain</translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation>Schreibgeschützt</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>Datenbank: %1</translation>
    </message>
    <message>
        <source>Another engine holds the database.</source>
        <translation>Eine andere Engine hält die Datenbank.</translation>
    </message>
    <message>
        <source>This console is read-only: chains can be watched but not changed. %1</source>
        <translation>Diese Konsole ist schreibgeschützt: Chains lassen sich beobachten, aber nicht ändern. %1</translation>
    </message>
    <message>
        <source>Arbor (read-only)</source>
        <translation>Arbor (schreibgeschützt)</translation>
    </message>
    <message>
        <source>Arbor could not open its database.

%1</source>
        <translation>Arbor konnte seine Datenbank nicht öffnen.

%1</translation>
    </message>
    <message>
        <source>Opening the database…</source>
        <translation>Datenbank wird geöffnet …</translation>
    </message>
    <message>
        <source>No chains yet — add one with arborctl chain add</source>
        <translation>Noch keine Chains – eine mit arborctl chain add hinzufügen</translation>
    </message>
    <message numerus="yes">
        <source>%n chain(s)</source>
        <translation>
            <numerusform>%n Chain</numerusform>
            <numerusform>%n Chains</numerusform>
        </translation>
    </message>
    <message>
        <source>Read-only: %1</source>
        <translation>Schreibgeschützt: %1</translation>
    </message>
    <message>
        <source>Pausing “%1”…</source>
        <translation>„%1“ wird pausiert …</translation>
    </message>
    <message>
        <source>Resuming “%1”…</source>
        <translation>„%1“ wird fortgesetzt …</translation>
    </message>
    <message>
        <source>Could not pause “%1”</source>
        <translation>„%1“ konnte nicht pausiert werden</translation>
    </message>
    <message>
        <source>Could not resume “%1”</source>
        <translation>„%1“ konnte nicht fortgesetzt werden</translation>
    </message>
    <message>
        <source>“%1” is paused.</source>
        <translation>„%1“ ist pausiert.</translation>
    </message>
    <message>
        <source>“%1” is indexing again.</source>
        <translation>„%1“ wird wieder indiziert.</translation>
    </message>
    <message>
        <source>Deleting “%1”…</source>
        <translation>„%1“ wird gelöscht …</translation>
    </message>
    <message>
        <source>Could not delete “%1”</source>
        <translation>„%1“ konnte nicht gelöscht werden</translation>
    </message>
    <message>
        <source>“%1” was deleted.</source>
        <translation>„%1“ wurde gelöscht.</translation>
    </message>
    <message>
        <source>Arbor could not open its database.</source>
        <translation>Arbor konnte seine Datenbank nicht öffnen.</translation>
    </message>
    <message>
        <source>About Arbor</source>
        <translation>Über Arbor</translation>
    </message>
    <message>
        <source>Arbor %1</source>
        <translation>Arbor %1</translation>
    </message>
    <message>
        <source>&lt;p&gt;An operations console for multi-chain EVM indexing.&lt;/p&gt;&lt;p&gt;Built with Qt %1.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Eine Betriebskonsole für die Indizierung mehrerer EVM-Chains.&lt;/p&gt;&lt;p&gt;Erstellt mit Qt %1.&lt;/p&gt;</translation>
    </message>
</context>
</TS>
