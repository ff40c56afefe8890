<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Console</name>
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
    <message>
        <source>The database to open: sqlite:PATH or postgresql://user@host:port/dbname. Default: $ARBOR_DB, else the one chosen in Settings, else arbor.db in the user&apos;s data folder.</source>
        <translation>Die zu öffnende Datenbank: sqlite:PFAD oder postgresql://benutzer@host:port/datenbank. Standard: $ARBOR_DB, sonst die in den Einstellungen gewählte, sonst arbor.db im Datenordner des Benutzers.</translation>
    </message>
</context>
<context>
    <name>arbor::ActionSender</name>
    <message>
        <source>%1 sent an answer larger than %2 MiB; Arbor stopped reading it.</source>
        <translation>%1 hat eine Antwort größer als %2 MiB gesendet; Arbor hat das Lesen abgebrochen.</translation>
    </message>
    <message>
        <source>%1 did not answer within %2 s. If the receiver is slow, raise the action&apos;s timeout.</source>
        <translation>%1 hat nicht innerhalb von %2 s geantwortet. Ist der Empfänger langsam, das Zeitlimit der Aktion erhöhen.</translation>
    </message>
    <message>
        <source>%1 refused the connection. Check that the receiver is running.</source>
        <translation>%1 hat die Verbindung abgelehnt. Prüfen, ob der Empfänger läuft.</translation>
    </message>
    <message>
        <source>The host of %1 was not found. Check the URL and DNS.</source>
        <translation>Der Host für %1 wurde nicht gefunden. URL und DNS prüfen.</translation>
    </message>
    <message>
        <source>The TLS handshake with %1 failed: %2. Check the certificate.</source>
        <translation>Der TLS-Handshake für %1 ist fehlgeschlagen: %2. Das Zertifikat prüfen.</translation>
    </message>
    <message>
        <source>Arbor cannot send to %1: %2. Check the URL.</source>
        <translation>Arbor kann nicht an %1 senden: %2. Die URL prüfen.</translation>
    </message>
    <message>
        <source>Sending to %1 failed: %2.</source>
        <translation>Das Senden an %1 ist fehlgeschlagen: %2.</translation>
    </message>
    <message>
        <source>%1 is rate limiting (HTTP %2) and asks for a pause of %3 s.</source>
        <translation>%1 drosselt die Anfragen (HTTP %2) und verlangt eine Pause von %3 s.</translation>
    </message>
    <message>
        <source>%1 is rate limiting (HTTP %2).</source>
        <translation>%1 drosselt die Anfragen (HTTP %2).</translation>
    </message>
    <message>
        <source>%1 answered HTTP %2.</source>
        <translation>%1 hat mit HTTP %2 geantwortet.</translation>
    </message>
    <message>
        <source>%1 redirects to %2 (HTTP %3). Deliveries do not follow redirects; point the action at the final URL.</source>
        <translation>%1 leitet auf %2 weiter (HTTP %3). Zustellungen folgen keinen Weiterleitungen; die Aktion auf die endgültige URL richten.</translation>
    </message>
    <message>
        <source>%1 refused the credentials (HTTP %2). Check the secret the action refers to.</source>
        <translation>%1 hat die Zugangsdaten abgelehnt (HTTP %2). Das Geheimnis prüfen, auf das die Aktion verweist.</translation>
    </message>
    <message>
        <source>%1 answered HTTP %2. Check the URL.</source>
        <translation>%1 hat mit HTTP %2 geantwortet. Die URL prüfen.</translation>
    </message>
    <message>
        <source>%1 refused the delivery (HTTP %2).</source>
        <translation>%1 hat die Zustellung abgelehnt (HTTP %2).</translation>
    </message>
    <message>
        <source>HTTP %1, JSON-RPC error %2: %3</source>
        <translation>HTTP %1, JSON-RPC-Fehler %2: %3</translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
    <message>
        <source>%1 answered HTTP %2 without a JSON-RPC response to the tool call.</source>
        <translation>%1 hat mit HTTP %2 geantwortet, aber ohne JSON-RPC-Antwort auf den Tool-Aufruf.</translation>
    </message>
    <message>
        <source>%1 refused the call of %2: JSON-RPC error %3: %4</source>
        <translation>%1 hat den Aufruf von %2 abgelehnt: JSON-RPC-Fehler %3: %4</translation>
    </message>
    <message>
        <source>The tool %1 at %2 reported an error.</source>
        <translation>Das Tool %1 unter %2 hat einen Fehler gemeldet.</translation>
    </message>
    <message>
        <source>The tool %1 at %2 reported an error: %3</source>
        <translation>Das Tool %1 unter %2 hat einen Fehler gemeldet: %3</translation>
    </message>
    <message>
        <source>The MCP endpoint &quot;%1&quot; is not an http:// or https:// URL.</source>
        <translation>Der MCP-Endpunkt &quot;%1&quot; ist keine URL mit http:// oder https://.</translation>
    </message>
    <message>
        <source>The MCP action names no tool.</source>
        <translation>Die MCP-Aktion nennt kein Tool.</translation>
    </message>
    <message>
        <source>The MCP tool arguments are not a JSON object.</source>
        <translation>Die Argumente des MCP-Tools sind kein JSON-Objekt.</translation>
    </message>
    <message>
        <source>%1 refused initialize: %2</source>
        <translation>%1 hat initialize abgelehnt: %2</translation>
    </message>
    <message>
        <source>%1 answered initialize without a protocol version.</source>
        <translation>%1 hat auf initialize ohne Protokollversion geantwortet.</translation>
    </message>
    <message>
        <source>%1 speaks MCP %2; Arbor speaks %3 and %4.</source>
        <translation>%1 spricht MCP %2; Arbor spricht %3 und %4.</translation>
    </message>
    <message>
        <source>%1 does not accept the call of %2: the stateless request got %3; the 2025 handshake: %4</source>
        <translation>%1 nimmt den Aufruf von %2 nicht an: Die zustandslose Anfrage erhielt %3; der Handshake nach Version 2025: %4</translation>
    </message>
    <message>
        <source>The signing secret does not start with &quot;whsec_&quot;. Standard Webhooks secrets are &quot;whsec_&quot; followed by base64; store one in that form.</source>
        <translation>Der Signaturschlüssel beginnt nicht mit &quot;whsec_&quot;. Schlüssel nach Standard Webhooks bestehen aus &quot;whsec_&quot; und Base64; den Schlüssel in dieser Form speichern.</translation>
    </message>
    <message>
        <source>The signing secret is not &quot;whsec_&quot; followed by base64. Store it exactly as the receiver shows it.</source>
        <translation>Der Signaturschlüssel besteht nicht aus &quot;whsec_&quot; und Base64. Ihn genau so speichern, wie der Empfänger ihn anzeigt.</translation>
    </message>
    <message>
        <source>The webhook URL &quot;%1&quot; is not an http:// or https:// URL.</source>
        <translation>Die Webhook-URL &quot;%1&quot; ist keine URL mit http:// oder https://.</translation>
    </message>
    <message>
        <source>the Telegram Bot API at %1</source>
        <translation>die Telegram-Bot-API unter %1</translation>
    </message>
    <message>
        <source>Telegram is rate limiting this bot and asks for a pause of %1 s.</source>
        <translation>Telegram drosselt diesen Bot und verlangt eine Pause von %1 s.</translation>
    </message>
    <message>
        <source>Telegram is rate limiting this bot.</source>
        <translation>Telegram drosselt diesen Bot.</translation>
    </message>
    <message>
        <source>%1 answered HTTP %2: %3</source>
        <translation>%1 hat mit HTTP %2 geantwortet: %3</translation>
    </message>
    <message>
        <source>Telegram refused the bot token (401 Unauthorized). Check the secret botToken refers to; it is the token @BotFather gave.</source>
        <translation>Telegram hat das Bot-Token abgelehnt (401 Unauthorized). Das Geheimnis prüfen, auf das botToken verweist; es ist das Token, das @BotFather ausgegeben hat.</translation>
    </message>
    <message>
        <source>%1 answered 404 Not Found. Check the API base URL and the bot token.</source>
        <translation>%1 hat mit 404 Not Found geantwortet. Die Basis-URL der API und das Bot-Token prüfen.</translation>
    </message>
    <message>
        <source>The group became a supergroup; set the action&apos;s chat id to %1.</source>
        <translation>Die Gruppe wurde zur Supergruppe; die Chat-ID der Aktion auf %1 setzen.</translation>
    </message>
    <message>
        <source>Telegram refused the message: %1</source>
        <translation>Telegram hat die Nachricht abgelehnt: %1</translation>
    </message>
    <message>
        <source>%1 answered HTTP %2 without ok: true.</source>
        <translation>%1 hat mit HTTP %2 geantwortet, aber ohne ok: true.</translation>
    </message>
    <message>
        <source>The Telegram action has no bot token; set botToken to a secret reference.</source>
        <translation>Die Telegram-Aktion hat kein Bot-Token; botToken auf einen Verweis auf ein Geheimnis setzen.</translation>
    </message>
    <message>
        <source>The Telegram action has no chat id.</source>
        <translation>Die Telegram-Aktion hat keine Chat-ID.</translation>
    </message>
    <message>
        <source>The Telegram API base URL &quot;%1&quot; is not an http:// or https:// URL.</source>
        <translation>Die Basis-URL der Telegram-API &quot;%1&quot; ist keine URL mit http:// oder https://.</translation>
    </message>
    <message>
        <source>%1 answered HTTP %2: the receiver asks not to be sent anything more. The action is disabled and its deliveries are held until you enable it again.</source>
        <translation>%1 hat mit HTTP %2 geantwortet: Der Empfänger bittet, ihm nichts mehr zu senden. Die Aktion ist deaktiviert, ihre Zustellungen werden zurückgehalten, bis Sie sie wieder aktivieren.</translation>
    </message>
    <message>
        <source>%1 did not list its tools: %2</source>
        <translation>%1 hat seine Tools nicht aufgelistet: %2</translation>
    </message>
    <message>
        <source>%1 did not list its tools: the stateless request got %2; the 2025 handshake: %3</source>
        <translation>%1 hat seine Tools nicht aufgelistet: die zustandslose Anfrage erhielt %2; der Handshake von 2025: %3</translation>
    </message>
    <message>
        <source>%1 failed initialize: %2</source>
        <translation>%1: initialize ist fehlgeschlagen: %2</translation>
    </message>
</context>
<context>
    <name>arbor::ActionStore</name>
    <message>
        <source>There is no alert rule action %1; `arborctl alert show RULE` lists a rule&apos;s actions.</source>
        <translation>Es gibt keine Aktion %1 einer Alarmregel; `arborctl alert show REGEL` listet die Aktionen einer Regel auf.</translation>
    </message>
    <message>
        <source>There is no trigger action %1; `arborctl trigger actions` lists them.</source>
        <translation>Es gibt keine Trigger-Aktion %1; `arborctl trigger actions` listet sie auf.</translation>
    </message>
    <message>
        <source>Action %1 is not a webhook: only REST actions sign their requests.</source>
        <translation>Die Aktion %1 ist kein Webhook: Nur REST-Aktionen signieren ihre Anfragen.</translation>
    </message>
    <message>
        <source>Action %1 signs nothing yet: set its signingSecret instead of rotating.</source>
        <translation>Die Aktion %1 signiert noch nichts: ihr signingSecret setzen, statt zu rotieren.</translation>
    </message>
    <message>
        <source>The action already signs with %1; store the new secret under another name.</source>
        <translation>Die Aktion signiert bereits mit %1; den neuen Schlüssel unter einem anderen Namen speichern.</translation>
    </message>
</context>
<context>
    <name>arbor::Address</name>
    <message>
        <source>“%1” is not an address: it must start with 0x followed by 40 hex digits.</source>
        <translation>„%1“ ist keine Adresse: Erwartet wird 0x, gefolgt von 40 Hexadezimalziffern.</translation>
    </message>
    <message>
        <source>“%1” is not an address: expected 40 hex digits after 0x, found %2.</source>
        <translation>„%1“ ist keine Adresse: Nach 0x werden 40 Hexadezimalziffern erwartet, gefunden wurden %2.</translation>
    </message>
    <message>
        <source>“%1” is not an address: it contains a character that is not a hex digit.</source>
        <translation>„%1“ ist keine Adresse: Ein Zeichen ist keine Hexadezimalziffer.</translation>
    </message>
    <message>
        <source>“%1” has mixed case but an invalid EIP-55 checksum: check for a typo, or paste it in all lowercase.</source>
        <translation>„%1“ mischt Groß- und Kleinbuchstaben, hat aber keine gültige EIP-55-Prüfsumme: auf Tippfehler prüfen oder die Adresse ganz in Kleinbuchstaben einfügen.</translation>
    </message>
    <message>
        <source>An address has 20 bytes, not %1.</source>
        <translation>Eine Adresse hat 20 Bytes, nicht %1.</translation>
    </message>
</context>
<context>
    <name>arbor::AgentCallPreparer</name>
    <message>
        <source>Not sent: the event names no agent (%1).</source>
        <translation>Nicht gesendet: Das Ereignis nennt keinen Agenten (%1).</translation>
    </message>
    <message>
        <source>Could not read the agent&apos;s registration: %1</source>
        <translation>Die Registrierung des Agenten konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Not sent yet: %1</source>
        <translation>Noch nicht gesendet: %1</translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>Nicht gesendet: %1</translation>
    </message>
    <message>
        <source>Not sent yet: the agent&apos;s MCP endpoint host “%1” does not resolve (%2).</source>
        <translation>Noch nicht gesendet: Der Host „%1“ des MCP-Endpunkts des Agenten lässt sich nicht auflösen (%2).</translation>
    </message>
    <message>
        <source>Not sent: the event names no feedback file, so its hash cannot be checked.</source>
        <translation>Nicht gesendet: Das Ereignis nennt keine Feedback-Datei, daher kann ihr Hash nicht geprüft werden.</translation>
    </message>
    <message>
        <source>Not sent: the feedback carries no file hash to check “%1” against.</source>
        <translation>Nicht gesendet: Das Feedback enthält keinen Datei-Hash, gegen den „%1“ geprüft werden könnte.</translation>
    </message>
    <message>
        <source>Not sent: the feedback file could not be fetched: %1</source>
        <translation>Nicht gesendet: Die Feedback-Datei konnte nicht abgerufen werden: %1</translation>
    </message>
    <message>
        <source>Not sent: the feedback file&apos;s keccak-256 is 0x%1, the event&apos;s feedbackHash is %2: the file at “%3” is not the one the feedback was given with.</source>
        <translation>Nicht gesendet: Der keccak-256 der Feedback-Datei ist 0x%1, der feedbackHash des Ereignisses ist %2: Die Datei unter „%3“ ist nicht die, mit der das Feedback abgegeben wurde.</translation>
    </message>
    <message>
        <source>Not sent yet: the agent&apos;s token %1 cannot be read: %2</source>
        <translation>Noch nicht gesendet: Das Token %1 des Agenten kann nicht gelesen werden: %2</translation>
    </message>
</context>
<context>
    <name>arbor::AgentRegistration</name>
    <message>
        <source>Use a list ([…]) %1, not %2.</source>
        <translation>Eine Liste ([…]) %1 verwenden, nicht %2.</translation>
    </message>
    <message>
        <source>Use true or false, not %1.</source>
        <translation>true oder false verwenden, nicht %1.</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true oder false</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>eine Zahl</translation>
    </message>
    <message>
        <source>a text</source>
        <translation>ein Text</translation>
    </message>
    <message>
        <source>a list</source>
        <translation>eine Liste</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>ein Objekt</translation>
    </message>
    <message>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <source>Use a text (in double quotes), not %1.</source>
        <translation>Einen Text (in doppelten Anführungszeichen) verwenden, nicht %1.</translation>
    </message>
    <message>
        <source>of services, each {&quot;name&quot;: …, &quot;endpoint&quot;: …}</source>
        <translation>von Diensten, jeweils {&quot;name&quot;: …, &quot;endpoint&quot;: …}</translation>
    </message>
    <message>
        <source>Use an object {&quot;name&quot;: …, &quot;endpoint&quot;: …}, not %1.</source>
        <translation>Ein Objekt {&quot;name&quot;: …, &quot;endpoint&quot;: …} verwenden, nicht %1.</translation>
    </message>
    <message>
        <source>of texts, such as [&quot;reputation&quot;]</source>
        <translation>von Texten, etwa [&quot;reputation&quot;]</translation>
    </message>
    <message>
        <source>The registration file is not valid JSON: %1 at byte %2.</source>
        <translation>Die Registrierungsdatei ist kein gültiges JSON: %1 bei Byte %2.</translation>
    </message>
    <message>
        <source>The registration file is not a JSON object ({…}).</source>
        <translation>Die Registrierungsdatei ist kein JSON-Objekt ({…}).</translation>
    </message>
    <message>
        <source>of registrations, each {&quot;agentId&quot;: …, &quot;agentRegistry&quot;: …}</source>
        <translation>von Registrierungen, jeweils {&quot;agentId&quot;: …, &quot;agentRegistry&quot;: …}</translation>
    </message>
</context>
<context>
    <name>arbor::AgentService</name>
    <message>
        <source>The registration file is not valid: %1</source>
        <translation>Die Registrierungsdatei ist ungültig: %1</translation>
    </message>
    <message>
        <source>“%1” is not an http(s) URL. Give the gateway&apos;s base, e.g. https://ipfs.io/ipfs/ (the CID and path are appended).</source>
        <translation>„%1“ ist keine http(s)-URL. Die Basis-URL des Gateways angeben, etwa https://ipfs.io/ipfs/ (CID und Pfad werden angehängt).</translation>
    </message>
    <message>
        <source>Chain “%1” has no agent %2 in its identity registry. See “arborctl agents list --chain %1”.</source>
        <translation>Die Chain „%1“ hat keinen Agenten %2 in ihrer Identity-Registry. Siehe „arborctl agents list --chain %1“.</translation>
    </message>
</context>
<context>
    <name>arbor::AgentStore</name>
    <message>
        <source>Chain %1 has no agent %2 in its identity registry. See “arborctl agents list”.</source>
        <translation>Die Chain %1 hat keinen Agenten %2 in ihrer Identity-Registry. Siehe „arborctl agents list“.</translation>
    </message>
    <message>
        <source>Chain %1&apos;s identity registry has no agent %2, so it has no registration naming an MCP endpoint.</source>
        <translation>Die Identity-Registry der Chain %1 hat keinen Agenten %2, also auch keine Registrierung, die einen MCP-Endpunkt nennt.</translation>
    </message>
    <message>
        <source>Agent %1&apos;s registration file (%2) has not been fetched yet.</source>
        <translation>Die Registrierungsdatei (%2) des Agenten %1 wurde noch nicht abgerufen.</translation>
    </message>
    <message>
        <source>Agent %1&apos;s registration file could not be read: %2</source>
        <translation>Die Registrierungsdatei des Agenten %1 konnte nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Agent %1&apos;s registration file names no MCP service.</source>
        <translation>Die Registrierungsdatei des Agenten %1 nennt keinen MCP-Dienst.</translation>
    </message>
</context>
<context>
    <name>arbor::AlertStore</name>
    <message>
        <source>Give the rule a name of 1 to %1 characters.</source>
        <translation>Der Regel einen Namen mit 1 bis %1 Zeichen geben.</translation>
    </message>
    <message>
        <source>Alert rule %1 is already named “%2”; choose another name or edit that rule.</source>
        <translation>Die Alarmregel %1 heißt bereits „%2“; einen anderen Namen wählen oder diese Regel bearbeiten.</translation>
    </message>
    <message>
        <source>There is no chain %1; `arborctl chain list` shows the chains, or write &quot;all&quot;.</source>
        <translation>Es gibt keine Chain %1; `arborctl chain list` zeigt die Chains, oder &quot;all&quot; schreiben.</translation>
    </message>
    <message>
        <source>A silence ends at a time after 1970.</source>
        <translation>Eine Stummschaltung endet zu einem Zeitpunkt nach 1970.</translation>
    </message>
    <message>
        <source>Alert rule %1 holds an action Arbor cannot read: %2</source>
        <translation>Die Alarmregel %1 enthält eine Aktion, die Arbor nicht lesen kann: %2</translation>
    </message>
    <message>
        <source>There is no alert rule %1; `arborctl alert rules` lists them.</source>
        <translation>Es gibt keine Alarmregel %1; `arborctl alert rules` listet sie auf.</translation>
    </message>
    <message>
        <source>There is no alert rule “%1”; `arborctl alert rules` lists them.</source>
        <translation>Es gibt keine Alarmregel „%1“; `arborctl alert rules` listet sie auf.</translation>
    </message>
    <message>
        <source>There is no alert %1; `arborctl alert list` shows them.</source>
        <translation>Es gibt keinen Alarm %1; `arborctl alert list` zeigt sie.</translation>
    </message>
    <message>
        <source>Alert rule “%1” has no action to test; add one in its editor first.</source>
        <translation>Die Alarmregel „%1“ hat keine Aktion zum Testen; fügen Sie zuerst im Editor eine hinzu.</translation>
    </message>
    <message>
        <source>No chain is registered to make a test alert for; add a chain first.</source>
        <translation>Keine Chain ist registriert, für die ein Testalarm erstellt werden kann; fügen Sie zuerst eine Chain hinzu.</translation>
    </message>
</context>
<context>
    <name>arbor::AlertText</name>
    <message>
        <source>chain %1</source>
        <translation>Chain %1</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <source>%1: the node answers with errors</source>
        <translation>%1: Der Knoten antwortet mit Fehlern</translation>
    </message>
    <message>
        <source>No node of %1 answers</source>
        <translation>Kein Knoten von %1 antwortet</translation>
    </message>
    <message>
        <source>%1 has stalled</source>
        <translation>%1 stockt</translation>
    </message>
    <message numerus="yes">
        <source>Reorg of %n block(s) on %1</source>
        <translation>
            <numerusform>Reorg über %n Block auf %1</numerusform>
            <numerusform>Reorg über %n Blöcke auf %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Balance queue of %1 has errors</source>
        <translation>Die Salden-Warteschlange von %1 hat Fehler</translation>
    </message>
    <message>
        <source>Balance queue of %1 is behind</source>
        <translation>Die Salden-Warteschlange von %1 hängt hinterher</translation>
    </message>
    <message numerus="yes">
        <source>%1 is %n block(s) behind</source>
        <translation>
            <numerusform>%1 liegt %n Block zurück</numerusform>
            <numerusform>%1 liegt %n Blöcke zurück</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is %2 behind</source>
        <translation>%1 liegt %2 zurück</translation>
    </message>
    <message>
        <source>Nodes of %1 fail calls</source>
        <translation>Aufrufe an Knoten von %1 schlagen fehl</translation>
    </message>
    <message>
        <source>Indexing waits and resumes by itself when a node answers again.</source>
        <translation>Die Indizierung wartet und läuft von selbst weiter, sobald wieder ein Knoten antwortet.</translation>
    </message>
    <message>
        <source>No node of %1 answered for %2</source>
        <translation>Seit %2 hat kein Knoten von %1 geantwortet</translation>
    </message>
    <message>
        <source>The indexer of %1 stopped on an error and retries by itself</source>
        <translation>Der Indexer von %1 wurde durch einen Fehler angehalten und versucht es von selbst erneut</translation>
    </message>
    <message numerus="yes">
        <source>%1 is %n block(s) behind the head and indexed no new block for %2.</source>
        <translation>
            <numerusform>%1 liegt %n Block hinter dem letzten Block der Chain und hat seit %2 keinen neuen Block indiziert.</numerusform>
            <numerusform>%1 liegt %n Blöcke hinter dem letzten Block der Chain und hat seit %2 keinen neuen Block indiziert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Rolled back to block %1 (the common ancestor) and indexing again from there.</source>
        <translation>Auf Block %1 (den gemeinsamen Vorfahren) zurückgesetzt; die Indizierung läuft von dort aus erneut.</translation>
    </message>
    <message numerus="yes">
        <source>%n failed attempt(s) in the last hour; failed items can be retried on the Balance Queue page.</source>
        <translation>
            <numerusform>%n fehlgeschlagener Versuch in der letzten Stunde; fehlgeschlagene Einträge lassen sich auf der Seite „Salden-Warteschlange“ wiederholen.</numerusform>
            <numerusform>%n fehlgeschlagene Versuche in der letzten Stunde; fehlgeschlagene Einträge lassen sich auf der Seite „Salden-Warteschlange“ wiederholen.</numerusform>
        </translation>
    </message>
    <message>
        <source>The oldest pending item has waited %1.</source>
        <translation>Der älteste wartende Eintrag wartet seit %1.</translation>
    </message>
    <message>
        <source>Indexed to block %1 of %2; the rule allows %3 blocks.</source>
        <translation>Indiziert bis Block %1 von %2; die Regel erlaubt %3 Blöcke.</translation>
    </message>
    <message>
        <source>The newest indexed block is %1 old; the rule allows %2.</source>
        <translation>Der neueste indizierte Block ist %1 alt; die Regel erlaubt %2.</translation>
    </message>
    <message>
        <source>The node %1 fails %2 % of its recent calls; the rule allows %3 %.</source>
        <translation>Beim Knoten %1 schlagen %2 % der letzten Aufrufe fehl; die Regel erlaubt %3 %.</translation>
    </message>
    <message>
        <source>the agent&apos;s MCP endpoint</source>
        <translation>den MCP-Endpunkt des Agenten</translation>
    </message>
    <message>
        <source>Deliveries of “%1” to %2 fail</source>
        <translation>Zustellungen von „%1“ an %2 schlagen fehl</translation>
    </message>
    <message>
        <source>Deliveries of “%1” to %2 are held</source>
        <translation>Zustellungen von „%1“ an %2 werden zurückgehalten</translation>
    </message>
    <message>
        <source>%1 has accepted no delivery for %2. Arbor keeps retrying on the action&apos;s schedule; nothing is lost.</source>
        <translation>%1 hat seit %2 keine Zustellung angenommen. Arbor versucht es nach dem Zeitplan der Aktion weiter; nichts geht verloren.</translation>
    </message>
    <message numerus="yes">
        <source>%1 asked not to be sent anything more (HTTP 410 Gone), so the action is disabled and its deliveries are held (%n now), not dropped. Enable the action on the Triggers page once the receiver takes deliveries again.</source>
        <translation>
            <numerusform>%1 bat, ihm nichts mehr zu senden (HTTP 410 Gone), daher ist die Aktion deaktiviert und ihre Zustellungen werden zurückgehalten (derzeit %n), nicht verworfen. Die Aktion auf der Seite „Trigger“ aktivieren, sobald der Empfänger wieder Zustellungen annimmt.</numerusform>
            <numerusform>%1 bat, ihm nichts mehr zu senden (HTTP 410 Gone), daher ist die Aktion deaktiviert und ihre Zustellungen werden zurückgehalten (derzeit %n), nicht verworfen. Die Aktion auf der Seite „Trigger“ aktivieren, sobald der Empfänger wieder Zustellungen annimmt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Last error: %1</source>
        <translation>Letzter Fehler: %1</translation>
    </message>
    <message numerus="yes">
        <source>Other actions of %1 in the same state: %n.</source>
        <translation>
            <numerusform>Weitere Aktionen von %1 im selben Zustand: %n.</numerusform>
            <numerusform>Weitere Aktionen von %1 im selben Zustand: %n.</numerusform>
        </translation>
    </message>
    <message>
        <source>connection refused</source>
        <translation>Verbindung abgelehnt</translation>
    </message>
    <message>
        <source>no answer in time</source>
        <translation>keine Antwort in der Wartezeit</translation>
    </message>
    <message>
        <source>TLS handshake failed</source>
        <translation>TLS-Handshake fehlgeschlagen</translation>
    </message>
    <message>
        <source>host not found</source>
        <translation>Host nicht gefunden</translation>
    </message>
    <message>
        <source>connection closed by the host</source>
        <translation>Verbindung vom Host geschlossen</translation>
    </message>
    <message>
        <source>network error</source>
        <translation>Netzwerkfehler</translation>
    </message>
    <message>
        <source>HTTP status %1</source>
        <translation>HTTP-Status %1</translation>
    </message>
    <message>
        <source>answer too large</source>
        <translation>Antwort zu groß</translation>
    </message>
    <message>
        <source>URL not supported</source>
        <translation>URL nicht unterstützt</translation>
    </message>
    <message>
        <source>The agent&apos;s MCP endpoint</source>
        <translation>Der MCP-Endpunkt des Agenten</translation>
    </message>
    <message>
        <source>%1 has indexed no new block for %2.</source>
        <translation>%1 hat seit %2 keinen neuen Block indiziert.</translation>
    </message>
    <message>
        <source>Last problem: %1</source>
        <translation>Letztes Problem: %1</translation>
    </message>
    <message>
        <source>Telegram is rate limiting the bot</source>
        <translation>Telegram drosselt den Bot</translation>
    </message>
    <message>
        <source>Telegram is rate limiting the bot and asks for a pause of %1 s</source>
        <translation>Telegram drosselt den Bot und verlangt eine Pause von %1 s</translation>
    </message>
    <message>
        <source>Telegram refused the bot token (401 Unauthorized)</source>
        <translation>Telegram hat das Bot-Token abgelehnt (401 Unauthorized)</translation>
    </message>
    <message>
        <source>the group became a supergroup; set the action&apos;s chat id to %1</source>
        <translation>die Gruppe wurde zur Supergruppe; setzen Sie die Chat-ID der Aktion auf %1</translation>
    </message>
    <message>
        <source>Telegram refused the message: %1</source>
        <translation>Telegram hat die Nachricht abgelehnt: %1</translation>
    </message>
    <message>
        <source>the chain reorganised deeper than %1 blocks, with no common ancestor since block %2: reindex it from an earlier block, or delete and re-add it</source>
        <translation>die Chain wurde tiefer als %1 Blöcke reorganisiert, ohne gemeinsamen Vorfahren ab Block %2: die Chain ab einem früheren Block neu indizieren oder sie löschen und neu hinzufügen</translation>
    </message>
    <message>
        <source>block %1 was not fetched</source>
        <translation>Block %1 wurde nicht abgerufen</translation>
    </message>
    <message>
        <source>block %1 does not build on block %2 as fetched: the chain changed while it was read</source>
        <translation>Block %1 baut nicht auf dem abgerufenen Block %2 auf: Die Chain hat sich während des Lesens geändert</translation>
    </message>
    <message>
        <source>the logs of block %1 come from another fork than its header</source>
        <translation>die Logs von Block %1 stammen aus einem anderen Fork als sein Header</translation>
    </message>
    <message>
        <source>the node does not serve block %1 yet</source>
        <translation>der Knoten liefert Block %1 noch nicht</translation>
    </message>
    <message>
        <source>database error: %1</source>
        <translation>Datenbankfehler: %1</translation>
    </message>
    <message>
        <source>the database is locked by another process: %1</source>
        <translation>die Datenbank ist von einem anderen Prozess gesperrt: %1</translation>
    </message>
    <message>
        <source>lost the connection to PostgreSQL: %1</source>
        <translation>die Verbindung zu PostgreSQL ist abgebrochen: %1</translation>
    </message>
</context>
<context>
    <name>arbor::BalanceService</name>
    <message>
        <source>Chain %1 has no RPC endpoint to read the token&apos;s supply from.</source>
        <translation>Chain %1 hat keinen RPC-Endpunkt, über den sich die Gesamtmenge des Tokens lesen ließe.</translation>
    </message>
    <message>
        <source>The token %1 does not answer totalSupply() with a number.</source>
        <translation>Der Token %1 beantwortet totalSupply() nicht mit einer Zahl.</translation>
    </message>
    <message>
        <source>No endpoint answered.</source>
        <translation>Kein Endpunkt hat geantwortet.</translation>
    </message>
</context>
<context>
    <name>arbor::ChainConfig</name>
    <message>
        <source>An RPC URL is required, for example http://127.0.0.1:8545.</source>
        <translation>Eine RPC-URL ist erforderlich, zum Beispiel http://127.0.0.1:8545.</translation>
    </message>
    <message>
        <source>“%1” has no scheme: write http://%1 or https://%1.</source>
        <translation>„%1“ hat kein Schema: http://%1 oder https://%1 schreiben.</translation>
    </message>
    <message>
        <source>The URL is not valid and seems to contain a user name or password; Arbor does not store credentials in URLs. Remove them from the URL.</source>
        <translation>Die URL ist ungültig und scheint einen Benutzernamen oder ein Passwort zu enthalten; Arbor speichert keine Zugangsdaten in URLs. Diese aus der URL entfernen.</translation>
    </message>
    <message>
        <source>“%1” is not a valid URL: %2.</source>
        <translation>„%1“ ist keine gültige URL: %2.</translation>
    </message>
    <message>
        <source>“%1” must start with http:// or https:// (WebSocket endpoints are not supported).</source>
        <translation>„%1“ muss mit http:// oder https:// beginnen (WebSocket-Endpunkte werden nicht unterstützt).</translation>
    </message>
    <message>
        <source>“%1” has no host name.</source>
        <translation>„%1“ hat keinen Hostnamen.</translation>
    </message>
    <message>
        <source>“%1” contains a user name or password; Arbor does not store credentials in URLs. Remove them from the URL.</source>
        <translation>„%1“ enthält einen Benutzernamen oder ein Passwort; Arbor speichert keine Zugangsdaten in URLs. Diese aus der URL entfernen.</translation>
    </message>
    <message>
        <source>“%1” has a #fragment, which an RPC URL does not use; remove it.</source>
        <translation>„%1“ enthält ein #Fragment, das eine RPC-URL nicht verwendet; das Fragment entfernen.</translation>
    </message>
    <message>
        <source>A chain needs a name, for example “mainnet” or “base-sepolia”.</source>
        <translation>Eine Chain braucht einen Namen, zum Beispiel „mainnet“ oder „base-sepolia“.</translation>
    </message>
    <message>
        <source>The name must not start or end with spaces.</source>
        <translation>Der Name darf nicht mit Leerzeichen beginnen oder enden.</translation>
    </message>
    <message>
        <source>The name is %1 characters long; use at most %2.</source>
        <translation>Der Name ist %1 Zeichen lang; höchstens %2 sind erlaubt.</translation>
    </message>
    <message>
        <source>The name contains a control character; use letters, digits, spaces, “-” or “_”.</source>
        <translation>Der Name enthält ein Steuerzeichen; Buchstaben, Ziffern, Leerzeichen, „-“ oder „_“ verwenden.</translation>
    </message>
    <message>
        <source>The name “%1” is all digits and would be mistaken for a chain id; add a letter.</source>
        <translation>Der Name „%1“ besteht nur aus Ziffern und würde mit einer Chain-ID verwechselt; einen Buchstaben hinzufügen.</translation>
    </message>
    <message>
        <source>The chain id must be between 1 and %1.</source>
        <translation>Die Chain-ID muss zwischen 1 und %1 liegen.</translation>
    </message>
    <message>
        <source>At least one RPC URL is required.</source>
        <translation>Mindestens eine RPC-URL ist erforderlich.</translation>
    </message>
    <message>
        <source>The RPC URL %1 is given twice.</source>
        <translation>Die RPC-URL %1 ist doppelt angegeben.</translation>
    </message>
    <message>
        <source>The start block cannot be negative.</source>
        <translation>Der Startblock darf nicht negativ sein.</translation>
    </message>
    <message>
        <source>Confirmations must be between 0 and %1.</source>
        <translation>Die Zahl der Bestätigungen muss zwischen 0 und %1 liegen.</translation>
    </message>
    <message>
        <source>The poll interval must be between 100 ms and one hour.</source>
        <translation>Das Abfrageintervall muss zwischen 100 ms und einer Stunde liegen.</translation>
    </message>
    <message>
        <source>The zero address is not a token contract.</source>
        <translation>Die Nulladresse ist kein Token-Contract.</translation>
    </message>
    <message>
        <source>The token %1 is given twice.</source>
        <translation>Der Token %1 ist doppelt angegeben.</translation>
    </message>
    <message>
        <source>The zero address is not a registry contract.</source>
        <translation>Die Nulladresse ist kein Registry-Contract.</translation>
    </message>
    <message>
        <source>The %1 registry is given twice.</source>
        <translation>Die Registry %1 ist doppelt angegeben.</translation>
    </message>
    <message>
        <source>Give registries as identity=ADDRESS,reputation=ADDRESS,validation=ADDRESS (any subset).</source>
        <translation>Die Registrys als identity=ADRESSE,reputation=ADRESSE,validation=ADRESSE angeben (beliebige Teilmenge).</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not KIND=ADDRESS with KIND one of identity, reputation, validation.</source>
        <translation>&quot;%1&quot; hat nicht die Form ART=ADRESSE mit ART gleich identity, reputation oder validation.</translation>
    </message>
    <message>
        <source>“%1” is not a balance mode; use “transfers” (sum of indexed transfers) or “balance_of” (balanceOf by eth_call).</source>
        <translation>„%1“ ist kein Saldenmodus; verwenden Sie „transfers“ (Summe der indizierten Transfers) oder „balance_of“ (balanceOf per eth_call).</translation>
    </message>
    <message>
        <source>A placeholder belongs in the URL&apos;s path or query, such as https://eth-mainnet.g.alchemy.com/v2/${keychain:alchemy}; not in its scheme, host or port.</source>
        <translation>Ein Platzhalter gehört in den Pfad oder den Query-Teil der URL, etwa https://eth-mainnet.g.alchemy.com/v2/${keychain:alchemy}; nicht in Schema, Host oder Port.</translation>
    </message>
    <message>
        <source>“%1” is not a choice of block statistics; use “events” (headers of the blocks with events only: fewest calls) or “every” (one header per block: daily blocks, transactions and gas exact).</source>
        <translation>„%1“ ist keine Wahl der Blockstatistik; verwenden Sie „events“ (nur die Header der Blöcke mit Ereignissen: die wenigsten Aufrufe) oder „every“ (ein Header je Block: tägliche Blöcke, Transaktionen und Gas genau).</translation>
    </message>
</context>
<context>
    <name>arbor::ChainDataFetcher</name>
    <message>
        <source>“%1” is not a valid URL: %2</source>
        <translation>„%1“ ist keine gültige URL: %2</translation>
    </message>
    <message>
        <source>“%1” is not an http, https, ipfs or data URI; Arbor fetches nothing else named by chain data.</source>
        <translation>„%1“ ist keine http-, https-, ipfs- oder data-URI; anderes, was Chain-Daten nennen, ruft Arbor nicht ab.</translation>
    </message>
    <message>
        <source>“%1” is not a data: URI: there is no comma before its data.</source>
        <translation>„%1“ ist keine data:-URI: Vor den Daten steht kein Komma.</translation>
    </message>
    <message>
        <source>“%1” says its data is base64, and it is not.</source>
        <translation>„%1“ gibt seine Daten als Base64 an, sie sind es aber nicht.</translation>
    </message>
    <message>
        <source>“%1” holds a document larger than %2; Arbor reads at most %2 of a document named by chain data.</source>
        <translation>„%1“ enthält ein Dokument größer als %2; von einem Dokument, das Chain-Daten nennen, liest Arbor höchstens %2.</translation>
    </message>
    <message>
        <source>“%1” is an IPFS URI, and no IPFS gateway is set. Set one with “arborctl outbound gateway https://ipfs.io/ipfs/” or in Settings.</source>
        <translation>„%1“ ist eine IPFS-URI, und es ist kein IPFS-Gateway eingestellt. Eines mit „arborctl outbound gateway https://ipfs.io/ipfs/“ oder in den Einstellungen festlegen.</translation>
    </message>
    <message>
        <source>The IPFS gateway “%1” is not an http or https URL. Set one such as “https://ipfs.io/ipfs/” with “arborctl outbound gateway” or in Settings.</source>
        <translation>Das IPFS-Gateway „%1“ ist keine http- oder https-URL. Eines wie „https://ipfs.io/ipfs/“ mit „arborctl outbound gateway“ oder in den Einstellungen festlegen.</translation>
    </message>
    <message>
        <source>“%1” is not an IPFS URI: write ipfs://CID or ipfs://CID/path.</source>
        <translation>„%1“ ist keine IPFS-URI: ipfs://CID oder ipfs://CID/Pfad schreiben.</translation>
    </message>
    <message>
        <source>“%1” does not name a valid IPFS CID.</source>
        <translation>„%1“ nennt keine gültige IPFS-CID.</translation>
    </message>
    <message>
        <source>“%1” has “..” in its path; an IPFS path names a file inside its CID.</source>
        <translation>„%1“ hat „..“ im Pfad; ein IPFS-Pfad nennt eine Datei innerhalb seiner CID.</translation>
    </message>
    <message>
        <source>“%1” cannot be fetched through the gateway “%2”.</source>
        <translation>„%1“ kann nicht über das Gateway „%2“ abgerufen werden.</translation>
    </message>
    <message>
        <source>The host of “%1” was not resolved within %2 s. Try again later.</source>
        <translation>Der Host von „%1“ wurde nicht innerhalb von %2 s aufgelöst. Später erneut versuchen.</translation>
    </message>
    <message>
        <source>Cannot resolve the host of “%1”: %2. Check the name, or try again later.</source>
        <translation>Der Host von „%1“ lässt sich nicht auflösen: %2. Den Namen prüfen oder später erneut versuchen.</translation>
    </message>
    <message>
        <source>“%1” sent a document larger than %2; Arbor reads at most %2 of a document named by chain data.</source>
        <translation>„%1“ hat ein Dokument größer als %2 gesendet; von einem Dokument, das Chain-Daten nennen, liest Arbor höchstens %2.</translation>
    </message>
    <message>
        <source>“%1” did not answer within %2 s. Try again later.</source>
        <translation>„%1“ hat nicht innerhalb von %2 s geantwortet. Später erneut versuchen.</translation>
    </message>
    <message>
        <source>Cannot reach “%1”: %2.</source>
        <translation>„%1“ ist nicht erreichbar: %2.</translation>
    </message>
    <message>
        <source>“%1” answered HTTP %2 %3.</source>
        <translation>„%1“ hat mit HTTP %2 %3 geantwortet.</translation>
    </message>
    <message>
        <source>“%1” redirected more than %2 times from “%3”; Arbor follows at most %2 redirects.</source>
        <translation>„%1“ wurde von „%3“ aus mehr als %2-mal umgeleitet; Arbor folgt höchstens %2 Umleitungen.</translation>
    </message>
    <message>
        <source>“%1” redirects from https to http (“%2”); Arbor does not follow a redirect to a less safe scheme.</source>
        <translation>„%1“ leitet von https auf http um („%2“); einer Umleitung auf ein weniger sicheres Schema folgt Arbor nicht.</translation>
    </message>
</context>
<context>
    <name>arbor::ChainDeletion</name>
    <message>
        <source>stop indexing</source>
        <translation>Indizierung anhalten</translation>
    </message>
    <message>
        <source>mark deleted</source>
        <translation>als gelöscht markieren</translation>
    </message>
    <message>
        <source>remove global rows</source>
        <translation>globale Zeilen entfernen</translation>
    </message>
    <message>
        <source>clear caches</source>
        <translation>Caches leeren</translation>
    </message>
    <message>
        <source>delete admin tracking rows</source>
        <translation>Verwaltungsdaten löschen</translation>
    </message>
    <message>
        <source>drop chain tables</source>
        <translation>Tabellen der Chain löschen</translation>
    </message>
    <message>
        <source>Deleting chain %1 stopped at step %2 (%3): %4. Run the delete again to finish it.</source>
        <translation>Das Löschen der Chain %1 wurde bei Schritt %2 (%3) abgebrochen: %4. Das Löschen erneut ausführen, um es abzuschließen.</translation>
    </message>
</context>
<context>
    <name>arbor::ChainEdit</name>
    <message>
        <source>Chain “%1” is being deleted and cannot be edited.</source>
        <translation>Chain „%1“ wird gerade gelöscht und kann nicht bearbeitet werden.</translation>
    </message>
    <message>
        <source>Nothing to change: give a new name, RPC URLs to add or remove, a poll interval, confirmations, an RPC rate or a registry to add.</source>
        <translation>Nichts zu ändern: einen neuen Namen, hinzuzufügende oder zu entfernende RPC-URLs, ein Abfrageintervall, Bestätigungen, eine RPC-Rate oder eine hinzuzufügende Registry angeben.</translation>
    </message>
    <message>
        <source>The RPC rate must be between 1 and %1 requests per second, or 0 for no limit.</source>
        <translation>Die RPC-Rate muss zwischen 1 und %1 Anfragen pro Sekunde liegen oder 0 sein (kein Limit).</translation>
    </message>
    <message>
        <source>The RPC URL %1 is given twice.</source>
        <translation>Die RPC-URL %1 ist doppelt angegeben.</translation>
    </message>
    <message>
        <source>%1 is not an RPC URL of chain “%2”; its URLs are: %3.</source>
        <translation>%1 ist keine RPC-URL der Chain „%2“; ihre URLs sind: %3.</translation>
    </message>
    <message>
        <source>%1 is both added and removed; give it once.</source>
        <translation>%1 soll zugleich hinzugefügt und entfernt werden; nur eines davon angeben.</translation>
    </message>
    <message>
        <source>%1 is already an RPC URL of chain “%2”.</source>
        <translation>%1 ist bereits eine RPC-URL der Chain „%2“.</translation>
    </message>
    <message>
        <source>Chain “%1” would have no RPC URL left; add another URL before removing the last one.</source>
        <translation>Chain „%1“ hätte keine RPC-URL mehr; vor dem Entfernen der letzten URL eine weitere hinzufügen.</translation>
    </message>
    <message>
        <source>Chain “%1” already indexes the %2 registry at %3; a registry cannot be replaced.</source>
        <translation>Chain „%1“ indiziert die %2-Registry bereits unter %3; eine Registry lässt sich nicht ersetzen.</translation>
    </message>
</context>
<context>
    <name>arbor::ChainIndexer</name>
    <message>
        <source>The endpoints report head %1, below the indexed block %2; waiting for them to catch up.</source>
        <translation>Die Endpunkte melden als letzten Block %1, also weniger als den indizierten Block %2; es wird gewartet, bis sie aufholen.</translation>
    </message>
    <message>
        <source>Reorganisation detected at block %1; looking for the common ancestor.</source>
        <translation>Reorganisation bei Block %1 erkannt; der gemeinsame Vorfahre wird gesucht.</translation>
    </message>
    <message>
        <source>Chain %1 reorganised deeper than %2 blocks (no common ancestor since block %3). Reindex the chain from an earlier block, or delete and re-add it.</source>
        <translation>Chain %1 wurde tiefer als %2 Blöcke reorganisiert (kein gemeinsamer Vorfahre ab Block %3). Die Chain ab einem früheren Block neu indizieren oder sie löschen und neu hinzufügen.</translation>
    </message>
    <message>
        <source>Indexing has stopped.</source>
        <translation>Die Indizierung wurde beendet.</translation>
    </message>
    <message>
        <source>Block %1 was not fetched.</source>
        <translation>Block %1 wurde nicht abgerufen.</translation>
    </message>
    <message>
        <source>Block %1 does not build on block %2 as fetched: the chain changed while it was being read; fetching again.</source>
        <translation>Block %1 baut nicht auf dem abgerufenen Block %2 auf: Die Chain hat sich während des Lesens geändert; die Blöcke werden erneut abgerufen.</translation>
    </message>
    <message>
        <source>The logs of block %1 come from another fork than its header; fetching again.</source>
        <translation>Die Logs von Block %1 stammen aus einem anderen Fork als sein Header; sie werden erneut abgerufen.</translation>
    </message>
    <message>
        <source>Every RPC endpoint is failing; retrying by itself. %1</source>
        <translation>Alle RPC-Endpunkte schlagen fehl; weitere Versuche erfolgen automatisch. %1</translation>
    </message>
    <message numerus="yes">
        <source>No block indexed for %1 s while %n block(s) behind the head.</source>
        <translation>
            <numerusform>Seit %1 s wurde kein Block indiziert, bei %n Block Rückstand zum letzten Block.</numerusform>
            <numerusform>Seit %1 s wurde kein Block indiziert, bei %n Blöcken Rückstand zum letzten Block.</numerusform>
        </translation>
    </message>
    <message>
        <source>Last problem: %1</source>
        <translation>Letztes Problem: %1</translation>
    </message>
</context>
<context>
    <name>arbor::ChainLeaseKeeper</name>
    <message numerus="yes">
        <source>no heartbeat reached the database for %n s; indexing stopped before the lease could expire</source>
        <translation>
            <numerusform>seit %n s erreichte kein Lebenszeichen die Datenbank; die Indexierung wurde angehalten, bevor die Sperre ablaufen konnte</numerusform>
            <numerusform>seit %n s erreichte kein Lebenszeichen die Datenbank; die Indexierung wurde angehalten, bevor die Sperre ablaufen konnte</numerusform>
        </translation>
    </message>
    <message>
        <source>another engine holds the chain now</source>
        <translation>eine andere Engine hält die Chain jetzt</translation>
    </message>
</context>
<context>
    <name>arbor::ChainService</name>
    <message>
        <source>A price is a whole number of units per call from 0 to %1.</source>
        <translation>Ein Preis ist eine ganze Zahl von Einheiten pro Aufruf von 0 bis %1.</translation>
    </message>
    <message>
        <source>Chain %1 has no RPC endpoint %2; its endpoints are: %3.</source>
        <translation>Die Chain %1 hat keinen RPC-Endpunkt %2; ihre Endpunkte sind: %3.</translation>
    </message>
</context>
<context>
    <name>arbor::CrashReporter</name>
    <message>
        <source>Cannot create the folder for crash reports, %1: check that it is writable.</source>
        <translation>Der Ordner für Absturzberichte, %1, lässt sich nicht anlegen: Prüfen Sie, ob er beschreibbar ist.</translation>
    </message>
    <message>
        <source>The crash report path %1 is too long.</source>
        <translation>Der Pfad des Absturzberichts %1 ist zu lang.</translation>
    </message>
    <message numerus="yes">
        <source>Arbor stopped unexpectedly (%n time(s) since a report was last shown). The newest crash report is %1: it holds the backtrace and the last log lines; please send it with a word on what was happening.</source>
        <translation>
            <numerusform>Arbor wurde unerwartet beendet (%n Mal, seit zuletzt ein Bericht angezeigt wurde). Der neueste Absturzbericht ist %1: Er enthält den Backtrace und die letzten Protokollzeilen. Bitte senden Sie ihn mit einer kurzen Beschreibung dessen, was gerade geschah.</numerusform>
            <numerusform>Arbor wurde unerwartet beendet (%n Mal, seit zuletzt ein Bericht angezeigt wurde). Der neueste Absturzbericht ist %1: Er enthält den Backtrace und die letzten Protokollzeilen. Bitte senden Sie ihn mit einer kurzen Beschreibung dessen, was gerade geschah.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>arbor::DatabaseBackup</name>
    <message>
        <source>Canceled: nothing was written.</source>
        <translation>Abgebrochen: Es wurde nichts geschrieben.</translation>
    </message>
    <message>
        <source>Give the file to write the backup to.</source>
        <translation>Geben Sie die Datei an, in die die Sicherung geschrieben werden soll.</translation>
    </message>
    <message>
        <source>%1 is a folder: give the backup file&apos;s name.</source>
        <translation>%1 ist ein Ordner: Geben Sie den Namen der Sicherungsdatei an.</translation>
    </message>
    <message>
        <source>%1 exists already. Choose another name or remove it first; nothing was written.</source>
        <translation>%1 existiert bereits. Wählen Sie einen anderen Namen oder entfernen Sie die Datei zuerst; es wurde nichts geschrieben.</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>Der Ordner %1 kann nicht angelegt werden.</translation>
    </message>
    <message>
        <source>Cannot write in %1: %2</source>
        <translation>In %1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Cannot move %1 to %2: %3</source>
        <translation>%1 kann nicht nach %2 verschoben werden: %3</translation>
    </message>
    <message>
        <source>The backup %1 holds a database this Arbor cannot use: migration %2 (%3) is %4. Restore it with the Arbor release that made it.</source>
        <translation>Die Sicherung %1 enthält eine Datenbank, die dieses Arbor nicht verwenden kann: Migration %2 (%3) ist %4. Stellen Sie sie mit der Arbor-Version wieder her, die sie erstellt hat.</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>%1 lässt sich nicht öffnen: %2</translation>
    </message>
    <message>
        <source>SQLite error: %1</source>
        <translation>SQLite-Fehler: %1</translation>
    </message>
    <message>
        <source>SQLite cannot start the copy: %1</source>
        <translation>SQLite kann das Kopieren nicht starten: %1</translation>
    </message>
    <message>
        <source>SQLite could not copy the database: %1</source>
        <translation>SQLite konnte die Datenbank nicht kopieren: %1</translation>
    </message>
    <message>
        <source>Cannot finish writing %1.</source>
        <translation>Das Schreiben von %1 kann nicht abgeschlossen werden.</translation>
    </message>
    <message>
        <source>There is no database at %1.</source>
        <translation>Unter %1 gibt es keine Datenbank.</translation>
    </message>
    <message>
        <source>%1 is the database itself: choose another file.</source>
        <translation>%1 ist die Datenbank selbst: Wählen Sie eine andere Datei.</translation>
    </message>
    <message>
        <source>%1 is not an Arbor database: it has no arbor_schema_migrations table.</source>
        <translation>%1 ist keine Arbor-Datenbank: Sie hat keine Tabelle arbor_schema_migrations.</translation>
    </message>
    <message>
        <source>%1 is a folder: give the database file to restore into.</source>
        <translation>%1 ist ein Ordner: Geben Sie die Datenbankdatei an, in die wiederhergestellt werden soll.</translation>
    </message>
    <message>
        <source>%1 exists and is not an empty SQLite database (%2). Restore into a new file; nothing was changed.</source>
        <translation>%1 existiert und ist keine leere SQLite-Datenbank (%2). Stellen Sie in eine neue Datei wieder her; es wurde nichts geändert.</translation>
    </message>
    <message numerus="yes">
        <source>%1 is not empty: it holds %n table(s). Restore into a new file or an empty database; nothing was changed.</source>
        <translation>
            <numerusform>%1 ist nicht leer: Sie enthält %n Tabelle. Stellen Sie in eine neue Datei oder eine leere Datenbank wieder her; es wurde nichts geändert.</numerusform>
            <numerusform>%1 ist nicht leer: Sie enthält %n Tabellen. Stellen Sie in eine neue Datei oder eine leere Datenbank wieder her; es wurde nichts geändert.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is an SQLite database but not an Arbor backup: it has no arbor_schema_migrations table.</source>
        <translation>%1 ist eine SQLite-Datenbank, aber keine Arbor-Sicherung: Sie hat keine Tabelle arbor_schema_migrations.</translation>
    </message>
    <message>
        <source>%1 is the backup itself: restore into another file.</source>
        <translation>%1 ist die Sicherung selbst: Stellen Sie in eine andere Datei wieder her.</translation>
    </message>
    <message>
        <source>There is no file %1.</source>
        <translation>Es gibt keine Datei %1.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 is not an Arbor backup: it is neither an SQLite database nor a PostgreSQL dump (pg_dump --format=custom).</source>
        <translation>%1 ist keine Arbor-Sicherung: Sie ist weder eine SQLite-Datenbank noch ein PostgreSQL-Dump (pg_dump --format=custom).</translation>
    </message>
    <message>
        <source>%1 is an SQLite backup: restore it into an SQLite database (sqlite:PATH).</source>
        <translation>%1 ist eine SQLite-Sicherung: Stellen Sie sie in eine SQLite-Datenbank wieder her (sqlite:PATH).</translation>
    </message>
    <message>
        <source>%1 is a PostgreSQL backup: restore it into an empty PostgreSQL database (postgresql://…).</source>
        <translation>%1 ist eine PostgreSQL-Sicherung: Stellen Sie sie in eine leere PostgreSQL-Datenbank wieder her (postgresql://…).</translation>
    </message>
    <message>
        <source>%1 is not installed. Install the package postgresql-client (a version at least as new as the server&apos;s).</source>
        <translation>%1 ist nicht installiert. Installieren Sie das Paket postgresql-client (eine Version, die mindestens so neu ist wie die des Servers).</translation>
    </message>
    <message>
        <source>Cannot run %1: %2</source>
        <translation>%1 kann nicht ausgeführt werden: %2</translation>
    </message>
    <message>
        <source>it printed no message</source>
        <translation>es wurde keine Meldung ausgegeben</translation>
    </message>
    <message>
        <source>%1 failed (exit code %2): %3</source>
        <translation>%1 ist fehlgeschlagen (Exit-Code %2): %3</translation>
    </message>
    <message>
        <source>%1 is not empty: it holds %2. Restore into an empty database (createdb NAME); nothing was changed.</source>
        <translation>%1 ist nicht leer: Sie enthält %2. Stellen Sie in eine leere Datenbank wieder her (createdb NAME); es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>%1 is not an Arbor database: it has no arbor.schema_migrations table.</source>
        <translation>%1 ist keine Arbor-Datenbank: Sie hat keine Tabelle arbor.schema_migrations.</translation>
    </message>
    <message>
        <source>%1 is not a readable PostgreSQL backup: %2</source>
        <translation>%1 ist keine lesbare PostgreSQL-Sicherung: %2</translation>
    </message>
    <message>
        <source>%1 is a PostgreSQL backup but not an Arbor one: it holds no arbor.schema_migrations table.</source>
        <translation>%1 ist eine PostgreSQL-Sicherung, aber keine von Arbor: Sie enthält keine Tabelle arbor.schema_migrations.</translation>
    </message>
    <message>
        <source>The folder %1 does not exist. Create it first (mkdir -p %1) or choose another; nothing was written.</source>
        <translation>Der Ordner %1 existiert nicht. Legen Sie ihn zuerst an (mkdir -p %1) oder wählen Sie einen anderen; es wurde nichts geschrieben.</translation>
    </message>
</context>
<context>
    <name>arbor::DatabaseMaintenance</name>
    <message>
        <source>statistics refreshed where SQLite found them stale</source>
        <translation>Statistiken aktualisiert, wo SQLite sie für veraltet hielt</translation>
    </message>
    <message numerus="yes">
        <source>%n dead row(s) before</source>
        <translation>
            <numerusform>vorher %n tote Zeile</numerusform>
            <numerusform>vorher %n tote Zeilen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) changed since the last analysis</source>
        <translation>
            <numerusform>%n Zeile seit der letzten Analyse geändert</numerusform>
            <numerusform>%n Zeilen seit der letzten Analyse geändert</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>not possible: this database file was created without incremental auto-vacuum, so its %1 free pages (%2) stay in the file; a full VACUUM (arborctl db maintain --full) returns them and converts the file</source>
        <translation>nicht möglich: Diese Datenbankdatei wurde ohne inkrementelles Auto-Vacuum angelegt, daher bleiben ihre %1 freien Seiten (%2) in der Datei; ein vollständiges VACUUM (arborctl db maintain --full) gibt sie frei und konvertiert die Datei</translation>
    </message>
    <message>
        <source>not needed: the file returns free pages at every commit (auto_vacuum=FULL)</source>
        <translation>nicht nötig: Die Datei gibt freie Seiten bei jedem Commit frei (auto_vacuum=FULL)</translation>
    </message>
    <message>
        <source>no free pages</source>
        <translation>keine freien Seiten</translation>
    </message>
    <message>
        <source>returned %1 free pages (%2): %3 → %4 pages</source>
        <translation>%1 freie Seiten freigegeben (%2): %3 → %4 Seiten</translation>
    </message>
    <message>
        <source>%1 → %2 pages</source>
        <translation>%1 → %2 Seiten</translation>
    </message>
    <message>
        <source>converted to incremental auto-vacuum</source>
        <translation>auf inkrementelles Auto-Vacuum umgestellt</translation>
    </message>
    <message>
        <source>SQLite returned nothing</source>
        <translation>SQLite hat nichts zurückgegeben</translation>
    </message>
    <message>
        <source>not in WAL mode</source>
        <translation>nicht im WAL-Modus</translation>
    </message>
    <message>
        <source>%1 of %2 WAL pages written back; readers still use the rest, so the WAL was not truncated</source>
        <translation>%1 von %2 WAL-Seiten zurückgeschrieben; Leser verwenden noch den Rest, daher wurde das WAL nicht gekürzt</translation>
    </message>
    <message>
        <source>%1 WAL pages written back; WAL truncated</source>
        <translation>%1 WAL-Seiten zurückgeschrieben; WAL gekürzt</translation>
    </message>
    <message>
        <source>%1 (%2% of %3)</source>
        <translation>%1 (%2 % von %3)</translation>
    </message>
    <message numerus="yes">
        <source>%n index(es) checked with pgstattuple</source>
        <translation>
            <numerusform>%n Index mit pgstattuple geprüft</numerusform>
            <numerusform>%n Indizes mit pgstattuple geprüft</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n index(es) checked by estimate (pgstattuple is not installed)</source>
        <translation>
            <numerusform>%n Index per Schätzung geprüft (pgstattuple ist nicht installiert)</numerusform>
            <numerusform>%n Indizes per Schätzung geprüft (pgstattuple ist nicht installiert)</numerusform>
        </translation>
    </message>
    <message>
        <source>most bloated: %1 at about %2%</source>
        <translation>am stärksten aufgebläht: %1 mit etwa %2 %</translation>
    </message>
    <message>
        <source>none worth rebuilding</source>
        <translation>keiner lohnt einen Neuaufbau</translation>
    </message>
    <message>
        <source>rebuilding %1</source>
        <translation>%1 wird neu aufgebaut</translation>
    </message>
    <message>
        <source>another checkpoint was running for %1 s; the WAL was not truncated</source>
        <translation>ein anderer Checkpoint lief seit %1 s; das WAL wurde nicht gekürzt</translation>
    </message>
</context>
<context>
    <name>arbor::DatabaseService</name>
    <message>
        <source>%1 is the database Arbor runs on now: restore into a new SQLite file or an empty PostgreSQL database.</source>
        <translation>%1 ist die Datenbank, mit der Arbor gerade läuft: Stellen Sie in eine neue SQLite-Datei oder eine leere PostgreSQL-Datenbank wieder her.</translation>
    </message>
</context>
<context>
    <name>arbor::DatabaseStatsStore</name>
    <message>
        <source>SQLite cannot report page sizes (dbstat): %1</source>
        <translation>SQLite kann keine Seitengrößen melden (dbstat): %1</translation>
    </message>
    <message>
        <source>pg_stat_statements is not installed on the server: showing Arbor&apos;s own timings. To use it, add pg_stat_statements to shared_preload_libraries in postgresql.conf, restart PostgreSQL and run CREATE EXTENSION pg_stat_statements in this database.</source>
        <translation>pg_stat_statements ist auf dem Server nicht installiert: Es werden Arbors eigene Zeitmessungen angezeigt. Um es zu verwenden, fügen Sie pg_stat_statements zu shared_preload_libraries in postgresql.conf hinzu, starten PostgreSQL neu und führen in dieser Datenbank CREATE EXTENSION pg_stat_statements aus.</translation>
    </message>
    <message>
        <source>pg_stat_statements is installed in a schema Arbor does not read (%1): showing Arbor&apos;s own timings.</source>
        <translation>pg_stat_statements ist in einem Schema installiert, das Arbor nicht liest (%1): Es werden Arbors eigene Zeitmessungen angezeigt.</translation>
    </message>
    <message>
        <source>pg_stat_statements is installed in this database but the server does not load it: showing Arbor&apos;s own timings. Add pg_stat_statements to shared_preload_libraries in postgresql.conf and restart PostgreSQL.</source>
        <translation>pg_stat_statements ist in dieser Datenbank installiert, wird vom Server aber nicht geladen: Es werden Arbors eigene Zeitmessungen angezeigt. Fügen Sie pg_stat_statements zu shared_preload_libraries in postgresql.conf hinzu und starten Sie PostgreSQL neu.</translation>
    </message>
    <message>
        <source>pg_stat_statements is installed but cannot be read (%1): showing Arbor&apos;s own timings. It needs pg_stat_statements in shared_preload_libraries in postgresql.conf and a restart of PostgreSQL.</source>
        <translation>pg_stat_statements ist installiert, kann aber nicht gelesen werden (%1): Es werden Arbors eigene Zeitmessungen angezeigt. Dazu muss pg_stat_statements in shared_preload_libraries in postgresql.conf stehen und PostgreSQL neu gestartet werden.</translation>
    </message>
    <message>
        <source>From the server&apos;s pg_stat_statements: every client of this database, not only Arbor.</source>
        <translation>Aus pg_stat_statements des Servers: alle Clients dieser Datenbank, nicht nur Arbor.</translation>
    </message>
    <message>
        <source>The number of statements must be at least 1.</source>
        <translation>Die Anzahl der Anweisungen muss mindestens 1 sein.</translation>
    </message>
    <message>
        <source>Arbor&apos;s own timings of its statements, written every minute by the engine that indexes.</source>
        <translation>Arbors eigene Zeitmessungen seiner Anweisungen, jede Minute von der indexierenden Engine geschrieben.</translation>
    </message>
</context>
<context>
    <name>arbor::DatabaseUrl</name>
    <message>
        <source>%1 is a directory; give the path of the database file, e.g. sqlite:%1/arbor.db.</source>
        <translation>%1 ist ein Ordner; den Pfad der Datenbankdatei angeben, z. B. sqlite:%1/arbor.db.</translation>
    </message>
    <message>
        <source>The URL is not valid and may contain a password. Remove any password and store it in the keychain (arborctl db set-password) or set PGPASSWORD.</source>
        <translation>Die URL ist ungültig und enthält möglicherweise ein Passwort. Ein Passwort aus der URL entfernen und im Schlüsselbund speichern (arborctl db set-password) oder PGPASSWORD setzen.</translation>
    </message>
    <message>
        <source>The URL contains a password. Remove it and store the password in the keychain (arborctl db set-password) or set PGPASSWORD.</source>
        <translation>Die URL enthält ein Passwort. Das Passwort aus der URL entfernen und im Schlüsselbund speichern (arborctl db set-password) oder PGPASSWORD setzen.</translation>
    </message>
    <message>
        <source>The PostgreSQL URL has no host: use postgresql://user@host:port/dbname.</source>
        <translation>Die PostgreSQL-URL nennt keinen Host: postgresql://benutzer@host:port/datenbank verwenden.</translation>
    </message>
    <message>
        <source>The PostgreSQL URL has no user: use postgresql://user@host:port/dbname.</source>
        <translation>Die PostgreSQL-URL nennt keinen Benutzer: postgresql://benutzer@host:port/datenbank verwenden.</translation>
    </message>
    <message>
        <source>The PostgreSQL URL must name one database: postgresql://user@host:port/dbname.</source>
        <translation>Die PostgreSQL-URL muss genau eine Datenbank nennen: postgresql://benutzer@host:port/datenbank.</translation>
    </message>
    <message>
        <source>Connection options in the URL query are not supported; remove “?%1”.</source>
        <translation>Verbindungsoptionen im Query-Teil der URL werden nicht unterstützt; „?%1“ entfernen.</translation>
    </message>
    <message>
        <source>“%1” is not a database URL. Use sqlite:PATH or postgresql://user@host:port/dbname.</source>
        <translation>„%1“ ist keine Datenbank-URL. sqlite:PFAD oder postgresql://benutzer@host:port/datenbank verwenden.</translation>
    </message>
    <message>
        <source>SQLite %1</source>
        <translation>SQLite %1</translation>
    </message>
    <message>
        <source>PostgreSQL %1@%2:%3/%4</source>
        <translation>PostgreSQL %1@%2:%3/%4</translation>
    </message>
    <message>
        <source>“%1” is not a valid PostgreSQL URL: use postgresql://user@host:port/dbname.</source>
        <translation>„%1“ ist keine gültige PostgreSQL-URL: Verwenden Sie postgresql://benutzer@host:port/datenbank.</translation>
    </message>
</context>
<context>
    <name>arbor::Decimal</name>
    <message>
        <source>A number is required, such as 42 or -1.5.</source>
        <translation>Eine Zahl ist erforderlich, etwa 42 oder -1.5.</translation>
    </message>
    <message>
        <source>“%1” is not a decimal number: write digits with an optional sign and decimal point, such as 42, -1.5 or 0.001 (no spaces, exponents or thousands separators).</source>
        <translation>„%1“ ist keine Dezimalzahl: Ziffern mit optionalem Vorzeichen und Dezimalpunkt schreiben, etwa 42, -1.5 oder 0.001 (ohne Leerzeichen, Exponenten oder Tausendertrennzeichen).</translation>
    </message>
    <message>
        <source>The number of decimals must be 0 or more, not %1.</source>
        <translation>Die Zahl der Dezimalstellen muss 0 oder größer sein, nicht %1.</translation>
    </message>
    <message>
        <source>“%1” is not a whole number: write digits with an optional sign, such as -1234.</source>
        <translation>„%1“ ist keine ganze Zahl: Ziffern mit optionalem Vorzeichen schreiben, etwa -1234.</translation>
    </message>
</context>
<context>
    <name>arbor::DeliveryOutbox</name>
    <message>
        <source>An outbox row needs a delivery id.</source>
        <translation>Eine Zeile des Postausgangs braucht eine Zustellungs-ID.</translation>
    </message>
    <message>
        <source>Delivery %1 names no %2: give the id of the %2 it is for.</source>
        <translation>Zustellung %1 nennt keine %2: Geben Sie die ID der %2 an, für die sie ist.</translation>
    </message>
    <message>
        <source>alert rule</source>
        <translation>Alarmregel</translation>
    </message>
    <message>
        <source>trigger</source>
        <translation>Trigger</translation>
    </message>
    <message>
        <source>Delivery %1 names no action: give the id of the action that sends it.</source>
        <translation>Zustellung %1 nennt keine Aktion: Geben Sie die ID der Aktion an, die sie sendet.</translation>
    </message>
    <message>
        <source>A result of delivery %1 is success, failed, retrying or cancelled, never pending.</source>
        <translation>Ein Ergebnis der Zustellung %1 ist success, failed, retrying oder cancelled, nie pending.</translation>
    </message>
</context>
<context>
    <name>arbor::DeliveryWorker</name>
    <message numerus="yes">
        <source>%1 — not delivered after %n attempt(s): the retry schedule (%2) is spent. Resend it when the receiver is back.</source>
        <translation>
            <numerusform>%1 – nach %n Versuch nicht zugestellt: Der Wiederholungsplan (%2) ist ausgeschöpft. Erneut senden, sobald der Empfänger wieder erreichbar ist.</numerusform>
            <numerusform>%1 – nach %n Versuchen nicht zugestellt: Der Wiederholungsplan (%2) ist ausgeschöpft. Erneut senden, sobald der Empfänger wieder erreichbar ist.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>arbor::EndpointPool</name>
    <message>
        <source>This chain has no RPC endpoint. Add one.</source>
        <translation>Diese Chain hat keinen RPC-Endpunkt. Einen hinzufügen.</translation>
    </message>
    <message>
        <source>No RPC endpoint reported its head: %1</source>
        <translation>Kein RPC-Endpunkt hat seinen letzten Block gemeldet: %1</translation>
    </message>
    <message>
        <source>a call</source>
        <translation>einen Aufruf</translation>
    </message>
    <message>
        <source>a batch of %1 calls</source>
        <translation>einen Batch mit %1 Aufrufen</translation>
    </message>
    <message>
        <source>%1: not tried</source>
        <translation>%1: nicht versucht</translation>
    </message>
    <message>
        <source>No RPC endpoint answered after %1 attempts: %2</source>
        <translation>Kein RPC-Endpunkt hat nach %1 Versuchen geantwortet: %2</translation>
    </message>
    <message>
        <source>A batch of %1 calls is larger than any endpoint of this chain accepts (batch size too large).</source>
        <translation>Ein Batch mit %1 Aufrufen ist größer, als ihn irgendein Endpunkt dieser Chain annimmt (Batch zu groß).</translation>
    </message>
    <message>
        <source>An eth_getLogs over %1 blocks exceeds the maximum block range any endpoint of this chain serves.</source>
        <translation>Ein eth_getLogs über %1 Blöcke überschreitet den größten Blockbereich, den ein Endpunkt dieser Chain bedient.</translation>
    </message>
    <message>
        <source>sending at most %1 calls/s to it; waiting as it asks</source>
        <translation>höchstens %1 Aufrufe/s an diesen Endpunkt; es wird so lange gewartet, wie er verlangt</translation>
    </message>
    <message>
        <source>waiting as it asks</source>
        <translation>es wird so lange gewartet, wie er verlangt</translation>
    </message>
    <message>
        <source>HTTP 429</source>
        <translation>HTTP 429</translation>
    </message>
    <message>
        <source>%1 answered %2 requests in a row with “too many requests” (last: %3); it is reachable but allows fewer requests than Arbor needs. Add another endpoint or raise the plan&apos;s limit.</source>
        <translation>%1 hat %2 Anfragen in Folge mit „too many requests“ beantwortet (zuletzt: %3); der Endpunkt ist erreichbar, erlaubt aber weniger Anfragen, als Arbor braucht. Fügen Sie einen weiteren Endpunkt hinzu oder erhöhen Sie das Limit des Tarifs.</translation>
    </message>
    <message>
        <source>%1: unreachable, circuit open (last: %2)</source>
        <translation>%1: nicht erreichbar, Schutzschalter offen (zuletzt: %2)</translation>
    </message>
    <message>
        <source>No RPC endpoint can be reached: %1</source>
        <translation>Kein RPC-Endpunkt ist erreichbar: %1</translation>
    </message>
</context>
<context>
    <name>arbor::EndpointProbe</name>
    <message>
        <source>%1 serves chain id %2, not %3. Check the URL, or use chain id %2.</source>
        <translation>%1 bedient Chain-ID %2, nicht %3. Die URL prüfen oder Chain-ID %2 verwenden.</translation>
    </message>
</context>
<context>
    <name>arbor::EndpointStatus</name>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <source>rate limited</source>
        <translation>gedrosselt</translation>
    </message>
    <message>
        <source>answering with errors</source>
        <translation>antwortet mit Fehlern</translation>
    </message>
    <message>
        <source>unreachable</source>
        <translation>nicht erreichbar</translation>
    </message>
</context>
<context>
    <name>arbor::Engine</name>
    <message>
        <source>The engine has not started.</source>
        <translation>Die Engine ist nicht gestartet.</translation>
    </message>
    <message>
        <source>The console is read-only: %1</source>
        <translation>Die Konsole ist schreibgeschützt: %1</translation>
    </message>
    <message>
        <source>Nothing was added. %1</source>
        <translation>Es wurde nichts hinzugefügt. %1</translation>
    </message>
    <message>
        <source>Start block %1 is beyond the chain&apos;s head (%2). Nothing was added.</source>
        <translation>Startblock %1 liegt hinter dem letzten Block der Chain (%2). Es wurde nichts hinzugefügt.</translation>
    </message>
    <message>
        <source>The chain was registered but cannot be read back.</source>
        <translation>Die Chain wurde eingetragen, lässt sich aber nicht wieder lesen.</translation>
    </message>
    <message>
        <source>No chain named or numbered “%1”. See “arborctl chain list”.</source>
        <translation>Keine Chain mit dem Namen oder der Nummer „%1“. Siehe „arborctl chain list“.</translation>
    </message>
    <message>
        <source>Nothing was changed. %1</source>
        <translation>Es wurde nichts geändert. %1</translation>
    </message>
    <message>
        <source>The chain was edited but cannot be read back.</source>
        <translation>Die Chain wurde bearbeitet, lässt sich aber nicht wieder lesen.</translation>
    </message>
    <message>
        <source>The backup or restore stopped on an unexpected error (%1) before it finished; it can be run again.</source>
        <translation>Die Sicherung oder Wiederherstellung wurde vor dem Abschluss durch einen unerwarteten Fehler (%1) abgebrochen; sie kann erneut ausgeführt werden.</translation>
    </message>
    <message>
        <source>An SQLite database serves one engine; for several engines use one PostgreSQL database.</source>
        <translation>Eine SQLite-Datenbank bedient eine Engine; für mehrere Engines eine gemeinsame PostgreSQL-Datenbank verwenden.</translation>
    </message>
    <message>
        <source>The engine is stopping; nothing was sent.</source>
        <translation>Die Engine wird beendet; es wurde nichts gesendet.</translation>
    </message>
</context>
<context>
    <name>arbor::EngineStore</name>
    <message>
        <source>An engine named “%1” is already running on %2 (pid %3). Give this one another name with --engine-name.</source>
        <translation>Eine Engine namens „%1“ läuft bereits auf %2 (PID %3). Dieser mit --engine-name einen anderen Namen geben.</translation>
    </message>
    <message>
        <source>Engine “%1” is no longer registered on %2.</source>
        <translation>Die Engine „%1“ ist auf %2 nicht mehr angemeldet.</translation>
    </message>
    <message>
        <source>This engine no longer holds chain %1 (lease epoch %2): another engine indexes it now; nothing was written.</source>
        <translation>Diese Engine hält Chain %1 nicht mehr (Sperr-Epoche %2): Eine andere Engine indexiert sie jetzt; nichts wurde geschrieben.</translation>
    </message>
    <message>
        <source>This engine&apos;s lease on chain %1 expired %2 s ago (no heartbeat reached the database); nothing was written.</source>
        <translation>Die Sperre dieser Engine auf Chain %1 ist vor %2 s abgelaufen (kein Lebenszeichen erreichte die Datenbank); nichts wurde geschrieben.</translation>
    </message>
    <message>
        <source>No engine is named “%1”. See “arborctl engines”.</source>
        <translation>Keine Engine heißt „%1“. Siehe „arborctl engines“.</translation>
    </message>
    <message>
        <source>No running engine is named “%1”. See “arborctl engines”.</source>
        <translation>Keine laufende Engine heißt „%1“. Siehe „arborctl engines“.</translation>
    </message>
    <message>
        <source>Engine “%1” is draining; resume it first (arborctl engines resume %1).</source>
        <translation>Die Engine „%1“ gibt ihre Chains ab; sie zuerst fortsetzen (arborctl engines resume %1).</translation>
    </message>
    <message>
        <source>Chain %1 is not active: only an active chain is indexed by an engine.</source>
        <translation>Chain %1 ist nicht aktiv: Nur aktive Chains werden von einer Engine indexiert.</translation>
    </message>
</context>
<context>
    <name>arbor::EntityDef</name>
    <message>
        <source>entity %1</source>
        <translation>Entität %1</translation>
    </message>
    <message>
        <source>The entity name must be a lowercase SQL identifier.</source>
        <translation>Der Name der Entität muss ein SQL-Bezeichner in Kleinbuchstaben sein.</translation>
    </message>
    <message>
        <source>Entity names starting with “stg_” are reserved for staging tables.</source>
        <translation>Entitätsnamen, die mit „stg_“ beginnen, sind für Staging-Tabellen reserviert.</translation>
    </message>
    <message>
        <source>An entity needs at least one column.</source>
        <translation>Eine Entität braucht mindestens eine Spalte.</translation>
    </message>
    <message>
        <source>Column “%1” is not a lowercase SQL identifier.</source>
        <translation>Die Spalte „%1“ ist kein SQL-Bezeichner in Kleinbuchstaben.</translation>
    </message>
    <message>
        <source>Column “%1” is declared twice.</source>
        <translation>Die Spalte „%1“ ist doppelt deklariert.</translation>
    </message>
    <message>
        <source>Column “%1” is both skipped and renamed in the global table; choose one.</source>
        <translation>Die Spalte „%1“ wird in der globalen Tabelle zugleich ausgelassen und umbenannt; nur eines davon wählen.</translation>
    </message>
    <message>
        <source>The global name “%1” of column “%2” is not a lowercase SQL identifier.</source>
        <translation>Der globale Name „%1“ der Spalte „%2“ ist kein SQL-Bezeichner in Kleinbuchstaben.</translation>
    </message>
    <message>
        <source>Column “chain_id” is added to the global table by Arbor; do not declare it.</source>
        <translation>Die Spalte „chain_id“ fügt Arbor der globalen Tabelle selbst hinzu; sie nicht deklarieren.</translation>
    </message>
    <message>
        <source>Column “%1” would be named “%2” in the global table, which Arbor reserves.</source>
        <translation>Die Spalte „%1“ hieße in der globalen Tabelle „%2“; diesen Namen reserviert Arbor.</translation>
    </message>
    <message>
        <source>Columns “%1” and “%2” would both be named “%3” in the global table; rename one.</source>
        <translation>Die Spalten „%1“ und „%2“ hießen in der globalen Tabelle beide „%3“; eine davon umbenennen.</translation>
    </message>
    <message>
        <source>The key names no column.</source>
        <translation>Der Schlüssel nennt keine Spalte.</translation>
    </message>
    <message>
        <source>The key names column “%1”, which the entity does not have.</source>
        <translation>Der Schlüssel nennt die Spalte „%1“, die die Entität nicht hat.</translation>
    </message>
    <message>
        <source>Key column “%1” must not be nullable.</source>
        <translation>Die Schlüsselspalte „%1“ darf nicht NULL-fähig sein.</translation>
    </message>
    <message>
        <source>Key column “%1” cannot be skipped in the global table.</source>
        <translation>Die Schlüsselspalte „%1“ kann in der globalen Tabelle nicht ausgelassen werden.</translation>
    </message>
    <message>
        <source>The version column “%1” does not exist.</source>
        <translation>Die Versionsspalte „%1“ existiert nicht.</translation>
    </message>
    <message>
        <source>The version column “%1” must be an integer height.</source>
        <translation>Die Versionsspalte „%1“ muss eine ganzzahlige Blockhöhe sein.</translation>
    </message>
    <message>
        <source>The version column “%1” cannot be skipped in the global table.</source>
        <translation>Die Versionsspalte „%1“ kann in der globalen Tabelle nicht ausgelassen werden.</translation>
    </message>
    <message>
        <source>A cross-chain entity needs a version column (a height) to decide which row wins.</source>
        <translation>Eine chainübergreifende Entität braucht eine Versionsspalte (eine Blockhöhe), die entscheidet, welche Zeile gilt.</translation>
    </message>
    <message>
        <source>An index names no column.</source>
        <translation>Ein Index nennt keine Spalte.</translation>
    </message>
    <message>
        <source>An index names column “%1”, which the entity does not have.</source>
        <translation>Ein Index nennt die Spalte „%1“, die die Entität nicht hat.</translation>
    </message>
    <message>
        <source>Only a cross-chain entity has a global table to index.</source>
        <translation>Nur eine chainübergreifende Entität hat eine globale Tabelle, die sich indizieren lässt.</translation>
    </message>
    <message>
        <source>A global index names column “%1”, which the global table does not have.</source>
        <translation>Ein globaler Index nennt die Spalte „%1“, die die globale Tabelle nicht hat.</translation>
    </message>
</context>
<context>
    <name>arbor::Erc8004Deployment</name>
    <message>
        <source>Chain id %1 has no official ERC-8004 deployment in Arbor&apos;s list (%2). The chains that have one: %3.</source>
        <translation>Chain-ID %1 hat in Arbors Liste (%2) kein offizielles ERC-8004-Deployment. Chains mit einem: %3.</translation>
    </message>
</context>
<context>
    <name>arbor::EventDensityProbe</name>
    <message>
        <source>Could not read the events of blocks %1–%2: %3</source>
        <translation>Die Ereignisse der Blöcke %1–%2 konnten nicht gelesen werden: %3</translation>
    </message>
</context>
<context>
    <name>arbor::GuardedThread</name>
    <message>
        <source>an exception of unknown type</source>
        <translation>eine Ausnahme unbekannten Typs</translation>
    </message>
</context>
<context>
    <name>arbor::Hash</name>
    <message>
        <source>“%1” is not a 32-byte hash (0x followed by 64 hex digits).</source>
        <translation>„%1“ ist kein 32-Byte-Hash (0x, gefolgt von 64 Hexadezimalziffern).</translation>
    </message>
    <message>
        <source>A hash has 32 bytes, not %1.</source>
        <translation>Ein Hash hat 32 Bytes, nicht %1.</translation>
    </message>
</context>
<context>
    <name>arbor::IndexerSupervisor</name>
    <message numerus="yes">
        <source>Indexing stopped on an internal error (%1). It starts again from the checkpoint in %n s.</source>
        <translation>
            <numerusform>Die Indizierung wurde durch einen internen Fehler (%1) angehalten. Sie startet in %n s erneut ab dem Checkpoint.</numerusform>
            <numerusform>Die Indizierung wurde durch einen internen Fehler (%1) angehalten. Sie startet in %n s erneut ab dem Checkpoint.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>arbor::IndexingService</name>
    <message>
        <source>Chain %1 is %2; resume it before reindexing.</source>
        <translation>Chain %1 hat den Status %2; sie vor der Neuindizierung fortsetzen.</translation>
    </message>
</context>
<context>
    <name>arbor::JsonRpcClient</name>
    <message>
        <source>%1 sent an empty response. Is this a JSON-RPC endpoint?</source>
        <translation>%1 hat eine leere Antwort gesendet. Ist das ein JSON-RPC-Endpunkt?</translation>
    </message>
    <message>
        <source>%1 did not answer with JSON (%2 at offset %3): “%4”. Is this a JSON-RPC endpoint?</source>
        <translation>%1 hat nicht mit JSON geantwortet (%2 an Position %3): „%4“. Ist das ein JSON-RPC-Endpunkt?</translation>
    </message>
    <message>
        <source>%1 sent JSON that is not a JSON-RPC response object: “%2”.</source>
        <translation>%1 hat JSON gesendet, das kein JSON-RPC-Antwortobjekt ist: „%2“.</translation>
    </message>
    <message>
        <source>%1 sent a response without &quot;jsonrpc&quot;: &quot;2.0&quot;: “%2”.</source>
        <translation>%1 hat eine Antwort ohne &quot;jsonrpc&quot;: &quot;2.0&quot; gesendet: „%2“.</translation>
    </message>
    <message>
        <source>%1 returned JSON-RPC error %2: %3</source>
        <translation>%1 hat den JSON-RPC-Fehler %2 gemeldet: %3</translation>
    </message>
    <message>
        <source>%1 answered a different request (id %2, expected %3).</source>
        <translation>%1 hat auf eine andere Anfrage geantwortet (ID %2, erwartet %3).</translation>
    </message>
    <message>
        <source>%1 sent a response with neither a result nor an error.</source>
        <translation>%1 hat eine Antwort ohne Ergebnis und ohne Fehler gesendet.</translation>
    </message>
    <message>
        <source>Expected a hex quantity string, got %1.</source>
        <translation>Erwartet wurde eine Hex-Zahl als Zeichenkette, erhalten wurde %1.</translation>
    </message>
    <message>
        <source>The quantity %1 is out of range.</source>
        <translation>Der Wert %1 liegt außerhalb des zulässigen Bereichs.</translation>
    </message>
    <message>
        <source>a call</source>
        <translation>einen Aufruf</translation>
    </message>
    <message>
        <source>a batch of %1 calls</source>
        <translation>einen Batch mit %1 Aufrufen</translation>
    </message>
    <message>
        <source>waiting as it asks</source>
        <translation>es wird so lange gewartet, wie er verlangt</translation>
    </message>
    <message>
        <source>%1 answered %2 requests in a row with “too many requests” (last: %3); it allows fewer requests than Arbor needs. Add another endpoint or raise the plan&apos;s limit.</source>
        <translation>%1 hat %2 Anfragen in Folge mit „too many requests“ beantwortet (zuletzt: %3); der Endpunkt erlaubt weniger Anfragen, als Arbor braucht. Fügen Sie einen weiteren Endpunkt hinzu oder erhöhen Sie das Limit des Tarifs.</translation>
    </message>
    <message>
        <source>%1 refused a batch of %2 calls (batch size too large): %3</source>
        <translation>%1 hat einen Batch mit %2 Aufrufen abgelehnt (Batch zu groß): %3</translation>
    </message>
</context>
<context>
    <name>arbor::LocalDevnet</name>
    <message>
        <source>anvil was not found on PATH; install Foundry&apos;s anvil (e.g. npm install -g @foundry-rs/anvil-linux-amd64) to try a local devnet</source>
        <translation>anvil wurde im PATH nicht gefunden; installieren Sie anvil aus Foundry (z. B. npm install -g @foundry-rs/anvil-linux-amd64), um ein lokales Devnet auszuprobieren</translation>
    </message>
    <message>
        <source>no free loopback port for the local devnet</source>
        <translation>kein freier Loopback-Port für das lokale Devnet</translation>
    </message>
    <message>
        <source>cannot start %1: %2</source>
        <translation>%1 lässt sich nicht starten: %2</translation>
    </message>
    <message>
        <source>Starting anvil on %1…</source>
        <translation>anvil wird auf %1 gestartet…</translation>
    </message>
    <message>
        <source>killed by signal %1</source>
        <translation>durch Signal %1 beendet</translation>
    </message>
    <message>
        <source>exit code %1</source>
        <translation>Exit-Code %1</translation>
    </message>
    <message>
        <source>anvil exited while starting (%1): %2</source>
        <translation>anvil wurde beim Start beendet (%1): %2</translation>
    </message>
    <message>
        <source>anvil exited while the devnet was running (%1): %2</source>
        <translation>anvil wurde während des Betriebs des Devnets beendet (%1): %2</translation>
    </message>
    <message>
        <source>(no output)</source>
        <translation>(keine Ausgabe)</translation>
    </message>
    <message>
        <source>anvil did not answer on %1 within %2 s: %3</source>
        <translation>anvil hat auf %1 nicht innerhalb von %2 s geantwortet: %3</translation>
    </message>
    <message>
        <source>the node on %1 answered chain id %2, expected %3</source>
        <translation>der Knoten auf %1 meldet Chain-ID %2, erwartet wurde %3</translation>
    </message>
    <message>
        <source>anvil offers %1 unlocked accounts; the demo needs at least 2</source>
        <translation>anvil bietet %1 entsperrte Konten an; die Demo braucht mindestens 2</translation>
    </message>
    <message>
        <source>Deploying the demo tokens…</source>
        <translation>Die Demo-Tokens werden deployt…</translation>
    </message>
    <message>
        <source>Demo Dollar (DUSD)</source>
        <translation>Demo Dollar (DUSD)</translation>
    </message>
    <message>
        <source>Demo Token (DEMO)</source>
        <translation>Demo Token (DEMO)</translation>
    </message>
    <message>
        <source>Deploying the ERC-8004 registries…</source>
        <translation>Die ERC-8004-Registrys werden deployt…</translation>
    </message>
    <message>
        <source>the identity registry</source>
        <translation>Identity-Registry</translation>
    </message>
    <message>
        <source>the reputation registry</source>
        <translation>Reputation-Registry</translation>
    </message>
    <message>
        <source>the validation registry</source>
        <translation>Validation-Registry</translation>
    </message>
    <message numerus="yes">
        <source>Minting demo tokens to %n holder(s)…</source>
        <translation>
            <numerusform>Demo-Tokens werden an %n Inhaber gemintet…</numerusform>
            <numerusform>Demo-Tokens werden an %n Inhaber gemintet…</numerusform>
        </translation>
    </message>
    <message>
        <source>minting</source>
        <translation>Minten</translation>
    </message>
    <message>
        <source>Registering demo agents…</source>
        <translation>Demo-Agenten werden registriert…</translation>
    </message>
    <message>
        <source>registering agents</source>
        <translation>Registrieren der Agenten</translation>
    </message>
    <message>
        <source>the embedded demo contracts lack %1</source>
        <translation>den eingebetteten Demo-Contracts fehlt %1</translation>
    </message>
    <message>
        <source>deploying %1</source>
        <translation>Deployment von %1</translation>
    </message>
    <message>
        <source>the receipt of %1 names no contract</source>
        <translation>%1: Das Receipt nennt keinen Contract</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>%1: no receipt for transaction %2 after %3 s</source>
        <translation>%1: kein Receipt für Transaktion %2 nach %3 s</translation>
    </message>
    <message>
        <source>%1 reverted (transaction %2)</source>
        <translation>%1 per Revert abgebrochen (Transaktion %2)</translation>
    </message>
    <message>
        <source>Switching to a block a second…</source>
        <translation>Umstellung auf einen Block pro Sekunde…</translation>
    </message>
    <message>
        <source>Local devnet</source>
        <translation>Lokales Devnet</translation>
    </message>
    <message>
        <source>The local devnet is running on %1</source>
        <translation>Das lokale Devnet läuft auf %1</translation>
    </message>
    <message>
        <source>another program took %1, the address of the local devnet</source>
        <translation>ein anderes Programm belegt %1, die Adresse des lokalen Devnets</translation>
    </message>
    <message>
        <source>the local devnet on %1 kept no state to start again from</source>
        <translation>das lokale Devnet auf %1 hat keinen gespeicherten Zustand, aus dem es neu starten könnte</translation>
    </message>
    <message>
        <source>Reading the demo from the saved chain…</source>
        <translation>Demo wird aus der gespeicherten Chain gelesen …</translation>
    </message>
    <message>
        <source>The local devnet is running again on %1</source>
        <translation>Das lokale Devnet läuft wieder auf %1</translation>
    </message>
    <message>
        <source>its saved chain ends at block %1, before block %2 that was indexed: the node stopped without saving its last blocks (the console did not close normally)</source>
        <translation>seine gespeicherte Chain endet bei Block %1, vor dem bereits indizierten Block %2: Der Knoten wurde beendet, ohne seine letzten Blöcke zu speichern (die Konsole wurde nicht normal geschlossen)</translation>
    </message>
</context>
<context>
    <name>arbor::MaintenanceRunner</name>
    <message>
        <source>Retention stopped at %1: %2</source>
        <translation>Aufbewahrung bei %1 angehalten: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n batch(es)</source>
        <translation>
            <numerusform>%n Stapel</numerusform>
            <numerusform>%n Stapel</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 failed: %3</source>
        <translation>%1 von %2 fehlgeschlagen: %3</translation>
    </message>
    <message>
        <source>the database</source>
        <translation>die Datenbank</translation>
    </message>
    <message>
        <source>kept for ever</source>
        <translation>unbegrenzt aufbewahrt</translation>
    </message>
</context>
<context>
    <name>arbor::MessageTemplate</name>
    <message>
        <source>The placeholder starting at “%1” is not closed: end it with }}.</source>
        <translation>Der Platzhalter ab „%1“ ist nicht geschlossen: ihn mit }} beenden.</translation>
    </message>
    <message>
        <source>“%1” opens a placeholder inside another: close each {{ with }} before the next one.</source>
        <translation>„%1“ öffnet einen Platzhalter innerhalb eines anderen: jedes {{ mit }} schließen, bevor das nächste beginnt.</translation>
    </message>
    <message>
        <source>The placeholder “%1” names no field: write one such as {{event.agentId}} or {{trigger.name}}.</source>
        <translation>Der Platzhalter „%1“ nennt kein Feld: eines angeben, etwa {{event.agentId}} oder {{trigger.name}}.</translation>
    </message>
    <message>
        <source>The placeholder “%1” names an unknown field “%2”. Known fields: %3.</source>
        <translation>Der Platzhalter „%1“ nennt das unbekannte Feld „%2“. Bekannte Felder: %3.</translation>
    </message>
    <message>
        <source>The placeholder “%1” uses an unknown filter “%2”. Known filters: %3.</source>
        <translation>Der Platzhalter „%1“ verwendet den unbekannten Filter „%2“. Bekannte Filter: %3.</translation>
    </message>
    <message>
        <source>The filter “decimals” in “%1” applies to event.value only, as its first filter (it scales the value by event.valueDecimals): write {{event.value | decimals}}.</source>
        <translation>Der Filter „decimals“ in „%1“ gilt nur für event.value, und zwar als dessen erster Filter (er skaliert den Wert mit event.valueDecimals): {{event.value | decimals}} schreiben.</translation>
    </message>
</context>
<context>
    <name>arbor::MetricsHttpServer</name>
    <message>
        <source>Cannot serve metrics on %1: the host name does not resolve (%2). Give an IP address, e.g. 127.0.0.1.</source>
        <translation>Metriken können nicht unter %1 bereitgestellt werden: Der Hostname lässt sich nicht auflösen (%2). Eine IP-Adresse angeben, z. B. 127.0.0.1.</translation>
    </message>
    <message>
        <source>Cannot serve metrics on %1: the port is in use by another program. Choose another port.</source>
        <translation>Metriken können nicht unter %1 bereitgestellt werden: Der Port ist von einem anderen Programm belegt. Einen anderen Port wählen.</translation>
    </message>
    <message>
        <source>Cannot serve metrics on %1: %2. Choose another address or port (ports below 1024 need privileges).</source>
        <translation>Metriken können nicht unter %1 bereitgestellt werden: %2. Eine andere Adresse oder einen anderen Port wählen (Ports unter 1024 erfordern besondere Rechte).</translation>
    </message>
</context>
<context>
    <name>arbor::MetricsPublisher</name>
    <message>
        <source>The engine is stopping.</source>
        <translation>Die Engine wird beendet.</translation>
    </message>
</context>
<context>
    <name>arbor::NamedSecrets</name>
    <message>
        <source>“%1” is not a secret name: use letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos; (such as ops-hook), at most 100 characters.</source>
        <translation>„%1“ ist kein Name für ein Geheimnis: Buchstaben, Ziffern, „.“, „_“ und „-“ verwenden (etwa ops-hook), höchstens 100 Zeichen.</translation>
    </message>
    <message>
        <source>The secret is empty.</source>
        <translation>Das Geheimnis ist leer.</translation>
    </message>
</context>
<context>
    <name>arbor::OutboundPolicy</name>
    <message>
        <source>a public address</source>
        <translation>eine öffentliche Adresse</translation>
    </message>
    <message>
        <source>a loopback address</source>
        <translation>eine Loopback-Adresse</translation>
    </message>
    <message>
        <source>a private network address</source>
        <translation>eine Adresse eines privaten Netzes</translation>
    </message>
    <message>
        <source>a link-local address</source>
        <translation>eine Link-Local-Adresse</translation>
    </message>
    <message>
        <source>a cloud metadata service</source>
        <translation>einen Cloud-Metadatendienst</translation>
    </message>
    <message>
        <source>an address of the shared (carrier-grade NAT) space</source>
        <translation>eine Adresse des gemeinsam genutzten Adressraums (Carrier-Grade-NAT)</translation>
    </message>
    <message>
        <source>an unspecified address</source>
        <translation>eine unspezifizierte Adresse</translation>
    </message>
    <message>
        <source>a multicast address</source>
        <translation>eine Multicast-Adresse</translation>
    </message>
    <message>
        <source>a reserved address</source>
        <translation>eine reservierte Adresse</translation>
    </message>
    <message>
        <source>public</source>
        <translation>öffentlich</translation>
    </message>
    <message>
        <source>loopback</source>
        <translation>Loopback</translation>
    </message>
    <message>
        <source>private network</source>
        <translation>privates Netz</translation>
    </message>
    <message>
        <source>link-local</source>
        <translation>Link-Local</translation>
    </message>
    <message>
        <source>cloud metadata</source>
        <translation>Cloud-Metadaten</translation>
    </message>
    <message>
        <source>shared address space (carrier-grade NAT)</source>
        <translation>gemeinsam genutzter Adressraum (Carrier-Grade-NAT)</translation>
    </message>
    <message>
        <source>unspecified</source>
        <translation>unspezifiziert</translation>
    </message>
    <message>
        <source>multicast</source>
        <translation>Multicast</translation>
    </message>
    <message>
        <source>reserved</source>
        <translation>reserviert</translation>
    </message>
    <message>
        <source>Name a host: a name such as “example.org” or an IP address such as “192.168.1.20”.</source>
        <translation>Einen Host angeben: einen Namen wie „example.org“ oder eine IP-Adresse wie „192.168.1.20“.</translation>
    </message>
    <message>
        <source>“%1” contains a space. Name one host at a time, such as “example.org”.</source>
        <translation>„%1“ enthält ein Leerzeichen. Einen Host nach dem anderen angeben, etwa „example.org“.</translation>
    </message>
    <message>
        <source>“%1” is not a URL with a host. Name the host alone, such as “example.org”.</source>
        <translation>„%1“ ist keine URL mit einem Host. Nur den Host angeben, etwa „example.org“.</translation>
    </message>
    <message>
        <source>“%1” is a URL with a path; the allow-list names hosts only. Write “%2”.</source>
        <translation>„%1“ ist eine URL mit einem Pfad; die Freigabeliste nennt nur Hosts. „%2“ schreiben.</translation>
    </message>
    <message>
        <source>“%1” is not a host name. The allow-list names hosts only, such as “example.org” or “192.168.1.20”.</source>
        <translation>„%1“ ist kein Hostname. Die Freigabeliste nennt nur Hosts, etwa „example.org“ oder „192.168.1.20“.</translation>
    </message>
    <message>
        <source>“%1” opens a bracket it does not close. Write an IPv6 address as “::1” or “[::1]”.</source>
        <translation>„%1“ öffnet eine Klammer, die nicht geschlossen wird. Eine IPv6-Adresse als „::1“ oder „[::1]“ schreiben.</translation>
    </message>
    <message>
        <source>“%1” names a port; the allow-list names hosts, each with all its ports. Write “%2”.</source>
        <translation>„%1“ nennt einen Port; die Freigabeliste nennt Hosts, jeweils mit allen ihren Ports. „%2“ schreiben.</translation>
    </message>
    <message>
        <source>“%1” is not a valid IPv6 address.</source>
        <translation>„%1“ ist keine gültige IPv6-Adresse.</translation>
    </message>
    <message>
        <source>“%1” is not a host name: use letters, digits, “-” and dots, without wildcards, such as “example.org”.</source>
        <translation>„%1“ ist kein Hostname: Buchstaben, Ziffern, „-“ und Punkte verwenden, ohne Platzhalter, etwa „example.org“.</translation>
    </message>
    <message>
        <source>“%1” is not a valid URL.</source>
        <translation>„%1“ ist keine gültige URL.</translation>
    </message>
    <message>
        <source>“%1” is not an http or https URL; Arbor sends requests named by chain data only over http and https.</source>
        <translation>„%1“ ist keine http- oder https-URL; Anfragen, die Chain-Daten nennen, sendet Arbor nur über http und https.</translation>
    </message>
    <message>
        <source>“%1” names no host.</source>
        <translation>„%1“ nennt keinen Host.</translation>
    </message>
    <message>
        <source>“%1” carries a user name or password; Arbor does not send credentials taken from chain data.</source>
        <translation>„%1“ enthält einen Benutzernamen oder ein Passwort; Zugangsdaten aus Chain-Daten sendet Arbor nicht.</translation>
    </message>
    <message>
        <source>“%1” points at %2; Arbor does not send requests from chain data there. Allow the host with “arborctl outbound allow %3” (or in Settings) if it is yours.</source>
        <translation>„%1“ verweist auf %2; dorthin sendet Arbor keine Anfragen aus Chain-Daten. Den Host mit „arborctl outbound allow %3“ (oder in den Einstellungen) zulassen, wenn er Ihnen gehört.</translation>
    </message>
    <message>
        <source>“%1” has no address.</source>
        <translation>„%1“ hat keine Adresse.</translation>
    </message>
    <message>
        <source>“%1” resolves to %2 (%3); Arbor does not send requests from chain data there. Allow the host with “arborctl outbound allow %1” (or in Settings) if it is yours.</source>
        <translation>„%1“ wird zu %2 aufgelöst (%3); dorthin sendet Arbor keine Anfragen aus Chain-Daten. Den Host mit „arborctl outbound allow %1“ (oder in den Einstellungen) zulassen, wenn er Ihnen gehört.</translation>
    </message>
</context>
<context>
    <name>arbor::PostgresStore</name>
    <message>
        <source>Lost the connection to PostgreSQL: %1</source>
        <translation>Die Verbindung zu PostgreSQL ist abgebrochen: %1</translation>
    </message>
    <message>
        <source>PostgreSQL connection error: %1</source>
        <translation>PostgreSQL-Verbindungsfehler: %1</translation>
    </message>
    <message>
        <source>PostgreSQL error: %1</source>
        <translation>PostgreSQL-Fehler: %1</translation>
    </message>
    <message>
        <source>Store the password with “arborctl db set-password” or set PGPASSWORD.</source>
        <translation>Das Passwort mit „arborctl db set-password“ speichern oder PGPASSWORD setzen.</translation>
    </message>
    <message>
        <source>Cannot connect to %1: %2</source>
        <translation>Keine Verbindung zu %1 möglich: %2</translation>
    </message>
    <message>
        <source>A row for %1 has %2 values for %3 columns.</source>
        <translation>Eine Zeile für %1 hat %2 Werte für %3 Spalten.</translation>
    </message>
    <message>
        <source>PostgreSQL did not say what time it is.</source>
        <translation>PostgreSQL hat die Uhrzeit nicht genannt.</translation>
    </message>
    <message>
        <source>Lost the connection to %1 and cannot connect again: %2</source>
        <translation>Die Verbindung zu %1 ist verloren und lässt sich nicht wiederherstellen: %2</translation>
    </message>
    <message>
        <source>COPY did not start (%1).</source>
        <translation>COPY ist nicht angelaufen (%1).</translation>
    </message>
    <message>
        <source>Column %1 of %2 cannot hold the value “%3”.</source>
        <translation>Die Spalte %1 von %2 kann den Wert „%3“ nicht aufnehmen.</translation>
    </message>
    <message>
        <source>A row for %1 has more values than its %2 columns.</source>
        <translation>Eine Zeile für %1 hat mehr Werte als ihre %2 Spalten.</translation>
    </message>
</context>
<context>
    <name>arbor::PrometheusExporter</name>
    <message>
        <source>The engine is stopping.</source>
        <translation>Die Engine wird beendet.</translation>
    </message>
    <message>
        <source>“%1” %2 Give HOST:PORT, e.g. 127.0.0.1:9464.</source>
        <translation>„%1“ %2 HOST:PORT angeben, z. B. 127.0.0.1:9464.</translation>
    </message>
    <message>
        <source>has no port.</source>
        <translation>hat keinen Port.</translation>
    </message>
    <message>
        <source>has no IPv6 address in its brackets.</source>
        <translation>enthält in den eckigen Klammern keine IPv6-Adresse.</translation>
    </message>
    <message>
        <source>is ambiguous: put an IPv6 address in brackets, as in [::1]:9464.</source>
        <translation>ist mehrdeutig: eine IPv6-Adresse in eckige Klammern setzen, wie in [::1]:9464.</translation>
    </message>
    <message>
        <source>has no host; use 0.0.0.0 for every interface.</source>
        <translation>hat keinen Host; 0.0.0.0 für alle Schnittstellen verwenden.</translation>
    </message>
    <message>
        <source>has a host that is neither an IP address nor a host name.</source>
        <translation>hat einen Host, der weder eine IP-Adresse noch ein Hostname ist.</translation>
    </message>
    <message>
        <source>has no port between 1 and 65535.</source>
        <translation>hat keinen Port zwischen 1 und 65535.</translation>
    </message>
</context>
<context>
    <name>arbor::QueueConfig</name>
    <message>
        <source>%1 is out of range; use a value from %2 to %3.</source>
        <translation>%1 liegt außerhalb des Bereichs; verwenden Sie einen Wert von %2 bis %3.</translation>
    </message>
</context>
<context>
    <name>arbor::QueueProcessor</name>
    <message>
        <source>Balance queue worker %1 stopped on an internal error (%2). Its items are taken back after %3 s; a new worker starts in %4 s.</source>
        <translation>Der Worker %1 der Salden-Warteschlange wurde durch einen internen Fehler (%2) angehalten. Seine Einträge werden nach %3 s zurückgenommen; ein neuer Worker startet in %4 s.</translation>
    </message>
</context>
<context>
    <name>arbor::QueueWorker</name>
    <message>
        <source>The chain has no RPC endpoint.</source>
        <translation>Die Chain hat keinen RPC-Endpunkt.</translation>
    </message>
    <message>
        <source>balanceOf(%1) on %2 at block %3 gave no uint256: %4</source>
        <translation>balanceOf(%1) auf %2 bei Block %3 lieferte keinen uint256: %4</translation>
    </message>
    <message>
        <source>Chain %1 is gone.</source>
        <translation>Chain %1 gibt es nicht mehr.</translation>
    </message>
    <message>
        <source>Check that %1 is an ERC-20 token with balanceOf(address) on chain %2; if it is not, remove it, or switch it to transfers mode when the chain is indexed from its deployment.</source>
        <translation>Prüfen Sie, ob %1 auf Chain %2 ein ERC-20-Token mit balanceOf(address) ist; falls nicht, entfernen Sie ihn, oder stellen Sie ihn auf den Modus transfers um, wenn die Chain ab seinem Deployment indiziert wird.</translation>
    </message>
    <message>
        <source>No RPC endpoint of the chain answered balanceOf at or above the indexed block; retried later.</source>
        <translation>Kein RPC-Endpunkt der Chain hat balanceOf auf oder über dem indizierten Block beantwortet; später neuer Versuch.</translation>
    </message>
</context>
<context>
    <name>arbor::RetentionStore</name>
    <message>
        <source>Action results</source>
        <translation>Aktionsergebnisse</translation>
    </message>
    <message>
        <source>trigger and alert action results, and finished deliveries (sent, failed or cancelled) of the same age</source>
        <translation>Ergebnisse von Trigger- und Alarmaktionen sowie abgeschlossene Zustellungen (gesendet, fehlgeschlagen oder abgebrochen) desselben Alters</translation>
    </message>
    <message>
        <source>Completed queue items</source>
        <translation>Erledigte Warteschlangeneinträge</translation>
    </message>
    <message>
        <source>balance-queue items completed that long ago (pending, processing and failed items are never removed)</source>
        <translation>Einträge der Saldo-Warteschlange, die vor so langer Zeit erledigt wurden (ausstehende, laufende und fehlgeschlagene Einträge werden nie entfernt)</translation>
    </message>
    <message>
        <source>Chart history</source>
        <translation>Diagrammverlauf</translation>
    </message>
    <message>
        <source>the chain charts&apos; recorded samples (lag, blocks per second, RPC latency)</source>
        <translation>die aufgezeichneten Messwerte der Chain-Diagramme (Rückstand, Blöcke pro Sekunde, RPC-Latenz)</translation>
    </message>
    <message>
        <source>Queue health samples</source>
        <translation>Messwerte zum Zustand der Warteschlange</translation>
    </message>
    <message>
        <source>the balance queue&apos;s recorded health samples</source>
        <translation>die aufgezeichneten Zustandsmesswerte der Saldo-Warteschlange</translation>
    </message>
    <message>
        <source>Alert history</source>
        <translation>Alarmverlauf</translation>
    </message>
    <message>
        <source>alerts cleared that long ago (active alerts are never removed)</source>
        <translation>Alarme, die vor so langer Zeit aufgehoben wurden (aktive Alarme werden nie entfernt)</translation>
    </message>
    <message>
        <source>Maintenance log</source>
        <translation>Wartungsprotokoll</translation>
    </message>
    <message>
        <source>finished maintenance, retention, backup and restore runs</source>
        <translation>abgeschlossene Wartungs-, Aufbewahrungs-, Sicherungs- und Wiederherstellungsläufe</translation>
    </message>
    <message>
        <source>Database size history</source>
        <translation>Verlauf der Datenbankgröße</translation>
    </message>
    <message>
        <source>the database size samples behind the growth chart</source>
        <translation>die Messwerte der Datenbankgröße hinter dem Wachstumsdiagramm</translation>
    </message>
    <message>
        <source>Raw chain events</source>
        <translation>Rohe Chain-Ereignisse</translation>
    </message>
    <message>
        <source>each chain&apos;s ERC-8004 events and the transfers of balanceOf tokens, by block time; transfers of transfers-mode tokens are kept, since their balances are sums of them</source>
        <translation>die ERC-8004-Ereignisse jeder Chain und die Transfers von balanceOf-Tokens, nach Blockzeit; Transfers von Tokens im Transfers-Modus bleiben erhalten, da ihre Salden Summen daraus sind</translation>
    </message>
    <message>
        <source>There is no retention policy “%1”; the policies are %2.</source>
        <translation>Es gibt keine Aufbewahrungsrichtlinie „%1“; die Richtlinien sind %2.</translation>
    </message>
    <message>
        <source>%1 (%2) cannot be kept for ever: give a number of days, at least %3.</source>
        <translation>%1 (%2) kann nicht unbegrenzt aufbewahrt werden: Geben Sie eine Anzahl von Tagen an, mindestens %3.</translation>
    </message>
    <message>
        <source>give a whole number of days from %1 to %2, or never</source>
        <translation>Geben Sie eine ganze Zahl von Tagen von %1 bis %2 an oder never</translation>
    </message>
    <message>
        <source>give a whole number of days from %1 to %2</source>
        <translation>Geben Sie eine ganze Zahl von Tagen von %1 bis %2 an</translation>
    </message>
    <message>
        <source>%1 (%2) cannot be kept %3 days: %4.</source>
        <translation>%1 (%2) kann nicht %3 Tage aufbewahrt werden: %4.</translation>
    </message>
    <message>
        <source>chain %1 keeps its raw events until its daily statistics have been counted from them</source>
        <translation>Chain %1 behält ihre Rohereignisse, bis ihre Tagesstatistiken daraus gezählt wurden</translation>
    </message>
    <message>
        <source>chain %1 keeps its ERC-8004 events until its agents&apos; summaries have been counted from them</source>
        <translation>Chain %1 behält ihre ERC-8004-Ereignisse, bis die Zusammenfassungen ihrer Agenten daraus gezählt wurden</translation>
    </message>
</context>
<context>
    <name>arbor::RetrySchedule</name>
    <message>
        <source>“%1” is not a retry schedule. Use standard (about three days), quick (about four minutes), none, or a list of waits such as [&quot;30s&quot;, &quot;5m&quot;, &quot;1h&quot;].</source>
        <translation>„%1“ ist kein Wiederholungsplan. standard (etwa drei Tage), quick (etwa vier Minuten), none oder eine Liste von Wartezeiten wie [&quot;30s&quot;, &quot;5m&quot;, &quot;1h&quot;] verwenden.</translation>
    </message>
    <message>
        <source>Use a schedule&apos;s name (standard, quick, none) or a list of waits such as [&quot;30s&quot;, &quot;5m&quot;, &quot;1h&quot;].</source>
        <translation>Den Namen eines Plans (standard, quick, none) oder eine Liste von Wartezeiten wie [&quot;30s&quot;, &quot;5m&quot;, &quot;1h&quot;] verwenden.</translation>
    </message>
    <message>
        <source>At most %1 retries; a longer list is more likely a mistake.</source>
        <translation>Höchstens %1 Wiederholungen; eine längere Liste ist eher ein Versehen.</translation>
    </message>
    <message>
        <source>Use a wait from 1s to 7d, such as &quot;30s&quot;, &quot;5m&quot;, &quot;2h&quot; or &quot;1d&quot;.</source>
        <translation>Eine Wartezeit von 1s bis 7d verwenden, etwa &quot;30s&quot;, &quot;5m&quot;, &quot;2h&quot; oder &quot;1d&quot;.</translation>
    </message>
    <message>
        <source>no retries</source>
        <translation>keine Wiederholungen</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>arbor::RpcPrices</name>
    <message>
        <source>The prices per call are not a JSON object of method names and units: “%1”.</source>
        <translation>Die Preise pro Aufruf sind kein JSON-Objekt aus Methodennamen und Einheiten: „%1“.</translation>
    </message>
    <message>
        <source>The price of %1 is not a whole number of units from 0 to %2.</source>
        <translation>Der Preis von %1 ist keine ganze Zahl von Einheiten von 0 bis %2.</translation>
    </message>
    <message>
        <source>“%1” is not a JSON-RPC method name such as eth_getLogs.</source>
        <translation>„%1“ ist kein JSON-RPC-Methodenname wie eth_getLogs.</translation>
    </message>
</context>
<context>
    <name>arbor::SecretRef</name>
    <message>
        <source>“%1” is not a keychain entry name: use letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos; (such as keychain:ops-hook).</source>
        <translation>„%1“ ist kein Name für einen Schlüsselbundeintrag: Buchstaben, Ziffern, „.“, „_“ und „-“ verwenden (etwa keychain:ops-hook).</translation>
    </message>
    <message>
        <source>“%1” is not an environment variable name.</source>
        <translation>„%1“ ist kein Name einer Umgebungsvariablen.</translation>
    </message>
    <message>
        <source>Use an absolute path after file: (file:/etc/arbor/hook.key).</source>
        <translation>Nach file: einen absoluten Pfad angeben (file:/etc/arbor/hook.key).</translation>
    </message>
    <message>
        <source>Literal secrets are refused: they would be stored in the database. Store the secret with “arborctl secret set NAME” (or in the trigger editor) and write &quot;keychain:NAME&quot; here; env:VAR and file:PATH work for headless servers.</source>
        <translation>Geheimnisse im Klartext werden abgelehnt: Sie würden in der Datenbank gespeichert. Das Geheimnis mit „arborctl secret set NAME“ (oder im Trigger-Editor) speichern und hier &quot;keychain:NAME&quot; schreiben; auf Servern ohne grafische Oberfläche funktionieren env:VAR und file:PFAD.</translation>
    </message>
</context>
<context>
    <name>arbor::SecretResolver</name>
    <message>
        <source>The environment variable %1 (%2) is not set in Arbor&apos;s environment. Set it before starting Arbor, or store the secret with `arborctl secret set NAME` and refer to keychain:NAME.</source>
        <translation>Die Umgebungsvariable %1 (%2) ist in der Umgebung von Arbor nicht gesetzt. Sie vor dem Start von Arbor setzen oder das Geheimnis mit `arborctl secret set NAME` speichern und auf keychain:NAME verweisen.</translation>
    </message>
    <message>
        <source>The environment variable %1 (%2) is empty. Put the secret in it.</source>
        <translation>Die Umgebungsvariable %1 (%2) ist leer. Das Geheimnis darin ablegen.</translation>
    </message>
    <message>
        <source>The secret file %1 (%2) does not exist or is not a file. Check the path; Arbor reads it as the user it runs as.</source>
        <translation>Die Geheimnisdatei %1 (%2) existiert nicht oder ist keine Datei. Den Pfad prüfen; Arbor liest sie als der Benutzer, unter dem es läuft.</translation>
    </message>
    <message>
        <source>Cannot read the secret file %1 (%2): %3. Check that the user Arbor runs as may read it.</source>
        <translation>Die Geheimnisdatei %1 (%2) lässt sich nicht lesen: %3. Prüfen, ob der Benutzer, unter dem Arbor läuft, sie lesen darf.</translation>
    </message>
    <message>
        <source>The secret file %1 (%2) is larger than 64 KiB; it should hold only the secret.</source>
        <translation>Die Geheimnisdatei %1 (%2) ist größer als 64 KiB; sie sollte nur das Geheimnis enthalten.</translation>
    </message>
    <message>
        <source>The secret file %1 (%2) is empty. Write the secret into it.</source>
        <translation>Die Geheimnisdatei %1 (%2) ist leer. Das Geheimnis hineinschreiben.</translation>
    </message>
    <message>
        <source>The keychain entry %1 (%2) is empty. Store the secret with `arborctl secret set %1`.</source>
        <translation>Der Schlüsselbundeintrag %1 (%2) ist leer. Das Geheimnis mit `arborctl secret set %1` speichern.</translation>
    </message>
    <message>
        <source>The keychain holds no secret named %1 (%2). Store it with `arborctl secret set %1`, or refer to env:VAR or file:PATH instead.</source>
        <translation>Der Schlüsselbund enthält kein Geheimnis namens %1 (%2). Es mit `arborctl secret set %1` speichern oder stattdessen auf env:VAR oder file:PFAD verweisen.</translation>
    </message>
</context>
<context>
    <name>arbor::SecretStore</name>
    <message>
        <source>The keychain holds no secret for %1.</source>
        <translation>Der Schlüsselbund enthält kein Geheimnis für %1.</translation>
    </message>
    <message>
        <source>No usable OS keychain (%1). Arbor does not store secrets in plain text; use the environment variable instead (PGPASSWORD for databases).</source>
        <translation>Kein nutzbarer Schlüsselbund des Systems (%1). Arbor speichert Geheimnisse nicht im Klartext; stattdessen die Umgebungsvariable verwenden (PGPASSWORD für Datenbanken).</translation>
    </message>
</context>
<context>
    <name>arbor::SqliteStore</name>
    <message>
        <source>The database is locked by another process: %1</source>
        <translation>Die Datenbank ist von einem anderen Prozess gesperrt: %1</translation>
    </message>
    <message>
        <source>SQLite error: %1</source>
        <translation>SQLite-Fehler: %1</translation>
    </message>
    <message>
        <source>Qt&apos;s SQLite driver is not installed (Debian package libqt6sql6-sqlite).</source>
        <translation>Der SQLite-Treiber von Qt ist nicht installiert (Debian-Paket libqt6sql6-sqlite).</translation>
    </message>
    <message>
        <source>Cannot create the folder %1 for the database.</source>
        <translation>Der Ordner %1 für die Datenbank lässt sich nicht anlegen.</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>%1 lässt sich nicht öffnen: %2</translation>
    </message>
    <message>
        <source>%1 is not a usable SQLite database: %2</source>
        <translation>%1 ist keine nutzbare SQLite-Datenbank: %2</translation>
    </message>
    <message>
        <source>A row for %1 has %2 values for %3 columns.</source>
        <translation>Eine Zeile für %1 hat %2 Werte für %3 Spalten.</translation>
    </message>
    <message>
        <source>Qt&apos;s SQLite driver gave no native handle for %1.</source>
        <translation>Der SQLite-Treiber von Qt lieferte kein natives Handle für %1.</translation>
    </message>
    <message>
        <source>SQLite error: expected one statement in %1</source>
        <translation>SQLite-Fehler: Genau eine Anweisung erwartet in %1</translation>
    </message>
    <message>
        <source>SQLite error: %1 values for %2 parameters in %3</source>
        <translation>SQLite-Fehler: %1 Werte für %2 Parameter in %3</translation>
    </message>
    <message>
        <source>Cannot register u256_sum on %1: %2</source>
        <translation>u256_sum kann auf %1 nicht registriert werden: %2</translation>
    </message>
    <message>
        <source>A bulk insert into %1 names no columns.</source>
        <translation>Ein Masseneinfügen in %1 nennt keine Spalten.</translation>
    </message>
</context>
<context>
    <name>arbor::Store</name>
    <message>
        <source>edited after it was applied (checksum differs)</source>
        <translation>nach dem Anwenden verändert worden (Prüfsumme weicht ab)</translation>
    </message>
    <message>
        <source>unknown to this binary: the database was migrated by a newer Arbor</source>
        <translation>dieser Programmversion unbekannt: Die Datenbank wurde von einer neueren Arbor-Version migriert</translation>
    </message>
    <message>
        <source>The database %1 cannot be used by this version of Arbor: migration %2 (%3) is %4. Nothing was changed. Use the Arbor release that migrated it, or restore a backup.</source>
        <translation>Die Datenbank %1 kann von dieser Arbor-Version nicht verwendet werden: Migration %2 (%3) ist %4. Es wurde nichts geändert. Die Arbor-Version verwenden, die sie migriert hat, oder eine Sicherung wiederherstellen.</translation>
    </message>
    <message>
        <source>Migration %1 (%2) failed: %3</source>
        <translation>Migration %1 (%2) ist fehlgeschlagen: %3</translation>
    </message>
    <message>
        <source> It is being deleted; wait for the deletion to finish.</source>
        <translation> Die Chain wird gerade gelöscht; das Ende des Löschens abwarten.</translation>
    </message>
    <message>
        <source>Chain id %1 is already registered as “%2”.</source>
        <translation>Die Chain-ID %1 ist bereits als „%2“ eingetragen.</translation>
    </message>
    <message>
        <source>The name “%1” is already used by chain %2; choose another name.</source>
        <translation>Der Name „%1“ wird bereits von Chain %2 verwendet; einen anderen Namen wählen.</translation>
    </message>
    <message>
        <source>No chain with id %1.</source>
        <translation>Keine Chain mit der ID %1.</translation>
    </message>
    <message>
        <source>Chain %1 is being deleted and cannot be paused or resumed.</source>
        <translation>Chain %1 wird gerade gelöscht und kann weder pausiert noch fortgesetzt werden.</translation>
    </message>
    <message>
        <source>%1 (pid %2 on %3)</source>
        <translation>%1 (PID %2 auf %3)</translation>
    </message>
    <message>
        <source>%1 is already running an engine on %2 (last heartbeat %3 s ago). Stop it first, or use the console read-only.</source>
        <translation>%1 betreibt bereits eine Engine auf %2 (letztes Lebenszeichen vor %3 s). Diese zuerst beenden oder die Konsole schreibgeschützt verwenden.</translation>
    </message>
    <message>
        <source>The engine lease on %1 was taken over by another process.</source>
        <translation>Die Engine-Sperre auf %1 wurde von einem anderen Prozess übernommen.</translation>
    </message>
    <message>
        <source>The range %1–%2 is empty.</source>
        <translation>Der Bereich %1–%2 ist leer.</translation>
    </message>
    <message>
        <source>A batch for blocks %1–%2 carries %3 headers.</source>
        <translation>Ein Batch für die Blöcke %1–%2 enthält %3 Header.</translation>
    </message>
    <message>
        <source>Chain %1 is not active; the range %2–%3 was not written.</source>
        <translation>Chain %1 ist nicht aktiv; der Bereich %2–%3 wurde nicht geschrieben.</translation>
    </message>
    <message>
        <source>Chain %1 is indexed through block %2; a range starting at %3 does not follow it.</source>
        <translation>Chain %1 ist bis Block %2 indiziert; ein Bereich ab %3 schließt nicht daran an.</translation>
    </message>
    <message>
        <source>Block %1 of chain %2 does not build on the stored block %3: the chain reorganised.</source>
        <translation>Block %1 von Chain %2 baut nicht auf dem gespeicherten Block %3 auf: Die Chain wurde reorganisiert.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a cross-chain table; choose one of: %2.</source>
        <translation>&quot;%1&quot; ist keine chainübergreifende Tabelle; eine der folgenden wählen: %2.</translation>
    </message>
    <message>
        <source>The range must satisfy 0 ≤ --from ≤ --to (got %1–%2).</source>
        <translation>Der Bereich muss 0 ≤ --from ≤ --to erfüllen (erhalten: %1–%2).</translation>
    </message>
    <message>
        <source>A reindex needs a reason for the audit log (--reason TEXT).</source>
        <translation>Eine Neuindizierung braucht eine Begründung für das Audit-Log (--reason TEXT).</translation>
    </message>
    <message>
        <source>Chain %1 is indexed through block %2; a reindex must end at or below it.</source>
        <translation>Chain %1 ist bis Block %2 indiziert; eine Neuindizierung muss spätestens dort enden.</translation>
    </message>
    <message>
        <source>(nothing yet)</source>
        <translation>(noch nichts)</translation>
    </message>
    <message>
        <source>The zero address is not a token contract.</source>
        <translation>Die Nulladresse ist kein Token-Contract.</translation>
    </message>
    <message>
        <source>Chain %1 already indexes the token %2.</source>
        <translation>Chain %1 indiziert den Token %2 bereits.</translation>
    </message>
    <message>
        <source>Blocks %1–%2 of chain %3 were fetched before the token %4 was added; fetching them again.</source>
        <translation>Die Blöcke %1–%2 der Chain %3 wurden abgerufen, bevor der Token %4 hinzugefügt wurde; sie werden erneut abgerufen.</translation>
    </message>
    <message>
        <source>Blocks %1–%2 of chain %3 lie above its checkpoint; not written.</source>
        <translation>Die Blöcke %1–%2 der Chain %3 liegen über ihrem Checkpoint; nicht geschrieben.</translation>
    </message>
    <message>
        <source>There is no chain %1; `arborctl chain list` shows the chains.</source>
        <translation>Es gibt keine Chain %1; `arborctl chain list` zeigt die Chains.</translation>
    </message>
    <message>
        <source>Chain %1 does not index the token %2; `arborctl chain list` shows its tokens.</source>
        <translation>Chain %1 indiziert den Token %2 nicht; `arborctl chain list` zeigt ihre Tokens.</translation>
    </message>
    <message>
        <source>%1 holders cannot be listed; use a limit from 1 to %2.</source>
        <translation>%1 Inhaber können nicht aufgelistet werden; verwenden Sie ein Limit von 1 bis %2.</translation>
    </message>
    <message>
        <source>A claim needs a batch size of at least 1.</source>
        <translation>Eine Übernahme braucht eine Stapelgröße von mindestens 1.</translation>
    </message>
    <message>
        <source>The indexed transfers of token %1 give holder %2 a negative balance (in %3, out %4): the token&apos;s history is incomplete. Index the chain from the token&apos;s deployment block, or switch the token to balance_of mode.</source>
        <translation>Die indizierten Transfers des Tokens %1 ergeben für den Inhaber %2 einen negativen Saldo (ein %3, aus %4): Die Historie des Tokens ist unvollständig. Indizieren Sie die Chain ab dem Deployment-Block des Tokens, oder stellen Sie den Token auf den Modus balance_of um.</translation>
    </message>
    <message>
        <source>Its worker (%1) stopped while processing it; taken back.</source>
        <translation>Sein Worker (%1) hielt während der Bearbeitung an; zurückgenommen.</translation>
    </message>
    <message>
        <source>Chain %1 does not index the token %2; add it with `arborctl chain add-token`.</source>
        <translation>Chain %1 indiziert den Token %2 nicht; fügen Sie ihn mit `arborctl chain add-token` hinzu.</translation>
    </message>
    <message>
        <source>A staged balance key of chain %1 was not among the range&apos;s holders.</source>
        <translation>Ein vorgemerkter Saldenschlüssel der Chain %1 war nicht unter den Inhabern des Bereichs.</translation>
    </message>
    <message>
        <source>The chain is indexed from its first block.</source>
        <translation>Die Chain wird ab ihrem ersten Block indiziert.</translation>
    </message>
    <message>
        <source>Indexed from block %1, at or before its deployment at block %2.</source>
        <translation>Indiziert ab Block %1, bei oder vor seinem Deployment bei Block %2.</translation>
    </message>
    <message>
        <source>Indexed from block %1; whether the token has Transfers before it is not known, and balanceOf is exact either way.</source>
        <translation>Indiziert ab Block %1; ob der Token davor Transfers hat, ist nicht bekannt, und balanceOf ist in jedem Fall exakt.</translation>
    </message>
    <message>
        <source>Set by the operator.</source>
        <translation>Vom Betreiber festgelegt.</translation>
    </message>
    <message>
        <source>The RPC URL %1 was not probed; nothing was changed.</source>
        <translation>Die RPC-URL %1 wurde nicht geprüft; es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>Blocks %1–%2 of chain %3 were fetched before the registry %4 was added; fetching them again.</source>
        <translation>Die Blöcke %1–%2 der Chain %3 wurden abgerufen, bevor die Registry %4 hinzugefügt wurde; sie werden erneut abgerufen.</translation>
    </message>
    <message>
        <source>A transfer of block %1 lies outside the range %2–%3.</source>
        <translation>Ein Transfer aus Block %1 liegt außerhalb des Bereichs %2–%3.</translation>
    </message>
    <message>
        <source>The backfill of blocks %1–%2 carries every header; a backfill brings none or those of its logs.</source>
        <translation>Das Nachladen der Blöcke %1–%2 bringt jeden Header mit; ein Nachladen bringt keine oder die seiner Logs.</translation>
    </message>
    <message>
        <source>The headers of blocks %1–%2 are not all there.</source>
        <translation>Die Header der Blöcke %1–%2 sind nicht alle da.</translation>
    </message>
    <message>
        <source>A batch for blocks %1–%2 carries the header of block %3 out of order or range.</source>
        <translation>Ein Stapel für die Blöcke %1–%2 enthält den Header von Block %3 außer der Reihe oder außerhalb des Bereichs.</translation>
    </message>
    <message>
        <source>A batch for blocks %1–%2 lacks the header of block %2.</source>
        <translation>Einem Stapel für die Blöcke %1–%2 fehlt der Header von Block %2.</translation>
    </message>
    <message>
        <source>Only a backfill comes without headers (blocks %1–%2).</source>
        <translation>Nur ein Nachladen kommt ohne Header (Blöcke %1–%2).</translation>
    </message>
    <message>
        <source>A batch for blocks %1–%2 lacks the header of block %1.</source>
        <translation>Einem Stapel für die Blöcke %1–%2 fehlt der Header von Block %1.</translation>
    </message>
    <message>
        <source>The agent id “%1” is not a whole number from 0 to 2^256 − 1.</source>
        <translation>Die Agenten-ID „%1“ ist keine ganze Zahl von 0 bis 2^256 − 1.</translation>
    </message>
    <message>
        <source>The stored sum “%1” of tag “%2” is not an integer.</source>
        <translation>Die gespeicherte Summe „%1“ des Tags „%2“ ist keine ganze Zahl.</translation>
    </message>
    <message>
        <source>A %1 event in block %2 has no feedback index.</source>
        <translation>Ein %1-Ereignis in Block %2 hat keinen Feedback-Index.</translation>
    </message>
    <message>
        <source>The feedback value “%1” in block %2 is not an integer.</source>
        <translation>Der Feedback-Wert „%1“ in Block %2 ist keine ganze Zahl.</translation>
    </message>
    <message>
        <source>The feedback value “%1” is not an integer.</source>
        <translation>Der Feedback-Wert „%1“ ist keine ganze Zahl.</translation>
    </message>
    <message>
        <source>Events per block must be a number of at least 0, not %1.</source>
        <translation>Ereignisse pro Block müssen eine Zahl ab 0 sein, nicht %1.</translation>
    </message>
    <message>
        <source>No chain %1 is registered.</source>
        <translation>Es ist keine Chain %1 registriert.</translation>
    </message>
    <message>
        <source>Row %1 for %2 has %3 values for %4 columns.</source>
        <translation>Zeile %1 für %2 hat %3 Werte für %4 Spalten.</translation>
    </message>
</context>
<context>
    <name>arbor::StoreThread</name>
    <message>
        <source>The database is not open.</source>
        <translation>Die Datenbank ist nicht geöffnet.</translation>
    </message>
    <message>
        <source>an exception of unknown type</source>
        <translation>eine Ausnahme unbekannten Typs</translation>
    </message>
    <message>
        <source>A database operation failed unexpectedly (%1); a transaction it had open was rolled back. It can be tried again; if it keeps failing, report it with the log.</source>
        <translation>Ein Datenbankvorgang ist unerwartet fehlgeschlagen (%1); eine von ihm geöffnete Transaktion wurde zurückgerollt. Er kann erneut versucht werden; schlägt er weiterhin fehl, melden Sie ihn bitte mit dem Protokoll.</translation>
    </message>
</context>
<context>
    <name>arbor::TokenAddition</name>
    <message>
        <source>The zero address is not a token contract.</source>
        <translation>Die Nulladresse ist kein Token-Contract.</translation>
    </message>
    <message>
        <source>Chain %1 already indexes the token %2.</source>
        <translation>Chain %1 indiziert den Token %2 bereits.</translation>
    </message>
    <message>
        <source>No endpoint answered.</source>
        <translation>Kein Endpunkt hat geantwortet.</translation>
    </message>
</context>
<context>
    <name>arbor::TokenProbe</name>
    <message>
        <source>The node cannot serve contract code at block %1 (%2); it is probably not an archive node.</source>
        <translation>Der Knoten kann den Contract-Code bei Block %1 nicht liefern (%2); vermutlich ist er kein Archivknoten.</translation>
    </message>
    <message>
        <source>There is no contract at %1 on this chain (block %2). Check the address and the chain.</source>
        <translation>Auf dieser Chain gibt es unter %1 keinen Contract (Block %2). Adresse und Chain prüfen.</translation>
    </message>
    <message>
        <source>No Transfer of the token before the start block %1 (eth_getLogs over blocks %2–%3).</source>
        <translation>Kein Transfer des Tokens vor dem Startblock %1 (eth_getLogs über die Blöcke %2–%3).</translation>
    </message>
    <message>
        <source>Whether the token has Transfers before the start block %1 could not be read (%2); balanceOf is exact either way.</source>
        <translation>Ob der Token vor dem Startblock %1 Transfers hat, ließ sich nicht lesen (%2); balanceOf ist in jedem Fall exakt.</translation>
    </message>
    <message>
        <source>eth_getLogs did not answer with a list</source>
        <translation>eth_getLogs hat nicht mit einer Liste geantwortet</translation>
    </message>
    <message>
        <source>The token has Transfers before the start block %1 (%2 in blocks %3–%4, the latest at block %5): sums of the indexed Transfers would miss them, so balances are read with balanceOf.</source>
        <translation>Der Token hat Transfers vor dem Startblock %1 (%2 in den Blöcken %3–%4, der letzte bei Block %5): Summen der indizierten Transfers würden sie verfehlen, daher werden die Salden mit balanceOf gelesen.</translation>
    </message>
    <message>
        <source>The chain is indexed from its first block.</source>
        <translation>Die Chain wird ab ihrem ersten Block indiziert.</translation>
    </message>
    <message>
        <source>Deployed at block %1, at or after the start block %2.</source>
        <translation>Deployt bei Block %1, bei oder nach dem Startblock %2.</translation>
    </message>
    <message>
        <source>The token has Transfers before the start block %1 (more in blocks %2–%3 than the node returns at once): sums of the indexed Transfers would miss them, so balances are read with balanceOf.</source>
        <translation>Der Token hat Transfers vor dem Startblock %1 (in den Blöcken %2–%3 mehr, als der Knoten auf einmal liefert): Summen der indizierten Transfers würden sie verfehlen, daher werden Salden mit balanceOf gelesen.</translation>
    </message>
    <message>
        <source>No Transfer of the token in blocks %1–%2; blocks %3–%4 were not searched (the node answers %5 blocks per eth_getLogs at most). balanceOf is exact either way.</source>
        <translation>Kein Transfer des Tokens in den Blöcken %1–%2; die Blöcke %3–%4 wurden nicht durchsucht (der Knoten beantwortet höchstens %5 Blöcke je eth_getLogs). balanceOf ist in jedem Fall exakt.</translation>
    </message>
    <message>
        <source>The node gave no contract code at block %1; it is probably not an archive node.</source>
        <translation>Der Knoten lieferte keinen Vertragscode bei Block %1; vermutlich ist er kein Archivknoten.</translation>
    </message>
</context>
<context>
    <name>arbor::Trigger</name>
    <message>
        <source>This field is required.</source>
        <translation>Dieses Feld ist erforderlich.</translation>
    </message>
    <message>
        <source>Use a non-empty text.</source>
        <translation>Einen nicht leeren Text angeben.</translation>
    </message>
    <message>
        <source>Use a text (in double quotes).</source>
        <translation>Einen Text angeben (in doppelten Anführungszeichen).</translation>
    </message>
    <message>
        <source>Use a whole number; past 9007199254740991 write it as text (&quot;123…&quot;) so no digit is lost.</source>
        <translation>Eine ganze Zahl angeben; über 9007199254740991 als Text schreiben (&quot;123…&quot;), damit keine Ziffer verloren geht.</translation>
    </message>
    <message>
        <source>Use a whole number of decimal digits, such as &quot;3&quot;.</source>
        <translation>Die Zahl der Dezimalstellen als ganze Zahl angeben, etwa &quot;3&quot;.</translation>
    </message>
    <message>
        <source>Use a decimal number, as text for exactness (&quot;-1.5&quot;).</source>
        <translation>Eine Dezimalzahl angeben, für Exaktheit als Text (&quot;-1.5&quot;).</translation>
    </message>
    <message>
        <source>Use a whole number from %1 to %2.</source>
        <translation>Eine ganze Zahl von %1 bis %2 angeben.</translation>
    </message>
    <message>
        <source>Use true or false.</source>
        <translation>true oder false angeben.</translation>
    </message>
    <message>
        <source>Use a list ([…]).</source>
        <translation>Eine Liste angeben ([…]).</translation>
    </message>
    <message>
        <source>Use an object ({…}).</source>
        <translation>Ein Objekt angeben ({…}).</translation>
    </message>
    <message>
        <source>Unknown field. Known here: %1.</source>
        <translation>Unbekanntes Feld. Hier bekannt: %1.</translation>
    </message>
    <message>
        <source>a webhook signing secret (whsec_…)</source>
        <translation>ein Webhook-Signaturschlüssel (whsec_…)</translation>
    </message>
    <message>
        <source>a Telegram bot token</source>
        <translation>ein Telegram-Bot-Token</translation>
    </message>
    <message>
        <source>a bearer token</source>
        <translation>ein Bearer-Token</translation>
    </message>
    <message>
        <source>This holds %1. Secrets are never stored with a trigger: store it with “arborctl secret set NAME” and refer to it as &quot;keychain:NAME&quot; in the field meant for it (or env:VAR, file:PATH).</source>
        <translation>Hier steht %1. Geheimnisse werden nie mit einem Trigger gespeichert: Das Geheimnis mit „arborctl secret set NAME“ speichern und im dafür vorgesehenen Feld mit &quot;keychain:NAME&quot; darauf verweisen (oder env:VAR, file:PFAD).</translation>
    </message>
    <message>
        <source>“%1” is not an http(s) URL. Write it in full, such as https://hooks.example.com/arbor.</source>
        <translation>„%1“ ist keine http(s)-URL. Die URL vollständig schreiben, etwa https://hooks.example.com/arbor.</translation>
    </message>
    <message>
        <source>The URL holds a user name or password, which would be stored with the trigger. Put credentials in a secret header instead.</source>
        <translation>Die URL enthält einen Benutzernamen oder ein Passwort, die mit dem Trigger gespeichert würden. Zugangsdaten stattdessen in einen geheimen Header schreiben.</translation>
    </message>
    <message>
        <source>This field is required: a secret reference such as &quot;keychain:NAME&quot;.</source>
        <translation>Dieses Feld ist erforderlich: ein Verweis auf ein Geheimnis, etwa &quot;keychain:NAME&quot;.</translation>
    </message>
    <message>
        <source>“%1” is not an action type. Use rest, telegram or mcp.</source>
        <translation>„%1“ ist kein Aktionstyp. rest, telegram oder mcp verwenden.</translation>
    </message>
    <message>
        <source>Use one of: %1.</source>
        <translation>Einen dieser Werte verwenden: %1.</translation>
    </message>
    <message>
        <source>“%1” is not an HTTP header name.</source>
        <translation>„%1“ ist kein HTTP-Header-Name.</translation>
    </message>
    <message>
        <source>Use a text value.</source>
        <translation>Einen Textwert angeben.</translation>
    </message>
    <message>
        <source>Header values are sent as written; put templates in the body.</source>
        <translation>Header-Werte werden so gesendet, wie sie geschrieben sind; Vorlagen gehören in den Body.</translation>
    </message>
    <message>
        <source>Use the chat&apos;s numeric id (such as &quot;-100123&quot;) or a channel&apos;s @name.</source>
        <translation>Die numerische ID des Chats (etwa &quot;-100123&quot;) oder den @Namen eines Kanals angeben.</translation>
    </message>
    <message>
        <source>Use &quot;MarkdownV2&quot;, &quot;HTML&quot; or leave it out for plain text (Telegram&apos;s legacy &quot;Markdown&quot; cannot be escaped reliably).</source>
        <translation>&quot;MarkdownV2&quot; oder &quot;HTML&quot; verwenden oder für reinen Text weglassen (das alte &quot;Markdown&quot; von Telegram lässt sich nicht zuverlässig maskieren).</translation>
    </message>
    <message>
        <source>“%1” is not a condition type. Use one of: %2.</source>
        <translation>„%1“ ist kein Bedingungstyp. Einen dieser Werte verwenden: %2.</translation>
    </message>
    <message>
        <source>“%1” is not an operator. Use one of: %2.</source>
        <translation>„%1“ ist kein Operator. Einen dieser Werte verwenden: %2.</translation>
    </message>
    <message>
        <source>An ema_threshold needs either “alpha” (a smoothing factor between 0 and 1) or “window” (a number of samples), not both.</source>
        <translation>Ein ema_threshold braucht entweder „alpha“ (einen Glättungsfaktor zwischen 0 und 1) oder „window“ (eine Anzahl Werte), nicht beides.</translation>
    </message>
    <message>
        <source>“%1” is not a smoothing factor: use a number above 0 and at most 1, such as 0.2.</source>
        <translation>„%1“ ist kein Glättungsfaktor: eine Zahl über 0 und höchstens 1 verwenden, etwa 0.2.</translation>
    </message>
    <message>
        <source>List at least one validator address.</source>
        <translation>Mindestens eine Validator-Adresse angeben.</translation>
    </message>
    <message>
        <source>Say how long the window is, such as &quot;1h&quot;.</source>
        <translation>Die Länge des Fensters angeben, etwa &quot;1h&quot;.</translation>
    </message>
    <message>
        <source>Use a duration from 1s to 30d, such as &quot;30s&quot;, &quot;15m&quot;, &quot;1h&quot; or &quot;1d&quot;.</source>
        <translation>Eine Dauer von 1s bis 30d angeben, etwa &quot;30s&quot;, &quot;15m&quot;, &quot;1h&quot; oder &quot;1d&quot;.</translation>
    </message>
    <message>
        <source>The %1 registry has no event “%2”. Its events are: %3.</source>
        <translation>Die %1-Registry hat kein Ereignis „%2“. Ihre Ereignisse sind: %3.</translation>
    </message>
    <message>
        <source>%1 compares feedback values, which only the reputation registry has (this trigger watches the %2 registry).</source>
        <translation>%1 vergleicht Feedback-Werte, die nur die Reputation-Registry hat (dieser Trigger beobachtet die %2-Registry).</translation>
    </message>
    <message>
        <source>Identity events carry no tags: tag_equals fits the reputation and validation registries.</source>
        <translation>Identity-Ereignisse tragen keine Tags: tag_equals passt zur Reputation- und zur Validation-Registry.</translation>
    </message>
    <message>
        <source>validator_whitelist fits the validation registry only (this trigger watches the %1 registry).</source>
        <translation>validator_whitelist passt nur zur Validation-Registry (dieser Trigger beobachtet die %1-Registry).</translation>
    </message>
    <message>
        <source>Use at most %1 characters.</source>
        <translation>Höchstens %1 Zeichen verwenden.</translation>
    </message>
    <message>
        <source>Use a chain id (a positive whole number) or a chain&apos;s name.</source>
        <translation>Eine Chain-ID (eine positive ganze Zahl) oder den Namen einer Chain angeben.</translation>
    </message>
    <message>
        <source>Say which chain the trigger watches: its id (31337) or its name.</source>
        <translation>Angeben, welche Chain der Trigger beobachtet: ihre ID (31337) oder ihren Namen.</translation>
    </message>
    <message>
        <source>“%1” is not a registry. Use identity, reputation or validation.</source>
        <translation>„%1“ ist keine Registry. identity, reputation oder validation verwenden.</translation>
    </message>
    <message>
        <source>Each condition is an object with a “type”.</source>
        <translation>Jede Bedingung ist ein Objekt mit „type“.</translation>
    </message>
    <message>
        <source>Add at least one action: rest, telegram or mcp.</source>
        <translation>Mindestens eine Aktion hinzufügen: rest, telegram oder mcp.</translation>
    </message>
    <message>
        <source>Each action is an object with a “type”.</source>
        <translation>Jede Aktion ist ein Objekt mit „type“.</translation>
    </message>
    <message>
        <source>The threshold must be a number.</source>
        <translation>Der Schwellenwert muss eine Zahl sein.</translation>
    </message>
    <message>
        <source>A stall is measured in minutes without a new block: give 1 to 10080 (one week).</source>
        <translation>Ein Stocken wird in Minuten ohne neuen Block gemessen: 1 bis 10080 (eine Woche) angeben.</translation>
    </message>
    <message>
        <source>Lag in blocks is a whole number of at least 1.</source>
        <translation>Der Rückstand in Blöcken ist eine ganze Zahl von mindestens 1.</translation>
    </message>
    <message>
        <source>Lag in seconds is a whole number from 1 to 31536000 (one year).</source>
        <translation>Der Rückstand in Sekunden ist eine ganze Zahl von 1 bis 31536000 (ein Jahr).</translation>
    </message>
    <message>
        <source>The error rate is a percentage above 0 and at most 100.</source>
        <translation>Die Fehlerquote ist ein Prozentsatz über 0 und höchstens 100.</translation>
    </message>
    <message>
        <source>A reorg depth is a whole number of blocks, at least 1.</source>
        <translation>Eine Reorg-Tiefe ist eine ganze Zahl von Blöcken, mindestens 1.</translation>
    </message>
    <message>
        <source>Give the rule a name of 1 to %1 characters.</source>
        <translation>Der Regel einen Namen mit 1 bis %1 Zeichen geben.</translation>
    </message>
    <message>
        <source>“chain” is a chain id (a whole number from 1) or “all” for every chain.</source>
        <translation>„chain“ ist eine Chain-ID (eine ganze Zahl ab 1) oder „all“ für alle Chains.</translation>
    </message>
    <message>
        <source>“%1” is not an alert kind. Use one of: %2.</source>
        <translation>„%1“ ist keine Alarmart. Einen dieser Werte verwenden: %2.</translation>
    </message>
    <message>
        <source>A %1 rule needs a threshold in %2.</source>
        <translation>Eine %1-Regel braucht einen Schwellenwert in %2.</translation>
    </message>
    <message>
        <source>A %1 rule takes no threshold; remove it.</source>
        <translation>Eine %1-Regel hat keinen Schwellenwert; diesen entfernen.</translation>
    </message>
    <message>
        <source>An alert has no %1: use {{alert.title}}, {{alert.text}}, {{alert.state}}, {{rule.name}} or {{chain.name}} in its templates.</source>
        <translation>Ein Alarm hat kein %1: in seinen Vorlagen {{alert.title}}, {{alert.text}}, {{alert.state}}, {{rule.name}} oder {{chain.name}} verwenden.</translation>
    </message>
    <message>
        <source>An alert has no agent endpoint to call; give the MCP server&apos;s “url” instead.</source>
        <translation>Ein Alarm hat keinen Agent-Endpunkt zum Aufrufen; stattdessen die „url“ des MCP-Servers angeben.</translation>
    </message>
    <message>
        <source>Give the MCP server&apos;s URL, or call “the agent&apos;s own endpoint” (&quot;resolveEndpoint&quot;: true) named in its registration file.</source>
        <translation>Die URL des MCP-Servers angeben oder „den eigenen Endpunkt des Agenten“ aufrufen (&quot;resolveEndpoint&quot;: true), den seine Registrierungsdatei nennt.</translation>
    </message>
    <message>
        <source>An action calling each agent&apos;s own endpoint sends that agent&apos;s token (“arborctl agents token set”), never one token to every agent&apos;s server: remove “token” here.</source>
        <translation>Eine Aktion, die den eigenen Endpunkt jedes Agenten aufruft, sendet das Token dieses Agenten („arborctl agents token set“), nie ein Token an die Server aller Agenten: „token“ hier entfernen.</translation>
    </message>
    <message>
        <source>Give either “retry” or the older “maxRetries”, not both.</source>
        <translation>Entweder „retry“ oder das ältere „maxRetries“ angeben, nicht beides.</translation>
    </message>
    <message>
        <source>Use a duration from 1m to 7d, such as &quot;30m&quot;, &quot;1h&quot; or &quot;1d&quot;.</source>
        <translation>Eine Dauer von 1m bis 7d verwenden, etwa &quot;30m&quot;, &quot;1h&quot; oder &quot;1d&quot;.</translation>
    </message>
    <message>
        <source>A previous signing secret overlaps a current one: set “signingSecret” too.</source>
        <translation>Ein früherer Signaturschlüssel überlappt einen aktuellen: auch „signingSecret“ setzen.</translation>
    </message>
    <message>
        <source>Use a date and time such as 2026-12-01T12:00:00Z.</source>
        <translation>Datum und Uhrzeit angeben, etwa 2026-12-01T12:00:00Z.</translation>
    </message>
    <message>
        <source>Without “previousSigningSecret” there is no overlap to end.</source>
        <translation>Ohne „previousSigningSecret“ gibt es keine Überlappung, die enden könnte.</translation>
    </message>
    <message>
        <source>Hold for 0 to %1 seconds; write seconds or a duration such as &quot;90s&quot;, &quot;5m&quot; or &quot;2h&quot;.</source>
        <translation>Haltezeit 0 bis %1 Sekunden; Sekunden oder eine Dauer wie „90s“, „5m“ oder „2h“ angeben.</translation>
    </message>
</context>
<context>
    <name>arbor::TriggerService</name>
    <message>
        <source>The chain has no %1 event indexed yet to send a test with.</source>
        <translation>Auf der Chain ist noch kein Ereignis der %1-Registry indiziert, mit dem sich ein Test senden ließe.</translation>
    </message>
    <message>
        <source>disabled by an operator</source>
        <translation>von einem Operator deaktiviert</translation>
    </message>
    <message>
        <source>An overlap cannot be negative.</source>
        <translation>Eine Überlappung kann nicht negativ sein.</translation>
    </message>
</context>
<context>
    <name>arbor::TriggerStore</name>
    <message>
        <source>Trigger %1 as stored cannot be read (%2). Edit it again from its file.</source>
        <translation>Trigger %1 lässt sich in der gespeicherten Form nicht lesen (%2). Den Trigger erneut aus seiner Datei bearbeiten.</translation>
    </message>
    <message>
        <source>There is no trigger %1; `arborctl trigger list` shows the triggers.</source>
        <translation>Es gibt keinen Trigger %1; `arborctl trigger list` zeigt die Trigger.</translation>
    </message>
    <message>
        <source>There is no chain %1; `arborctl chain list` shows the chains.</source>
        <translation>Es gibt keine Chain %1; `arborctl chain list` zeigt die Chains.</translation>
    </message>
    <message>
        <source>A trigger needs a name.</source>
        <translation>Ein Trigger braucht einen Namen.</translation>
    </message>
    <message>
        <source>A trigger&apos;s name has at most %1 characters.</source>
        <translation>Der Name eines Triggers hat höchstens %1 Zeichen.</translation>
    </message>
    <message>
        <source>Chain %1 already has a trigger named “%2” (trigger %3); choose another name or edit that one.</source>
        <translation>Chain %1 hat bereits einen Trigger namens „%2“ (Trigger %3); einen anderen Namen wählen oder jenen Trigger bearbeiten.</translation>
    </message>
    <message>
        <source>A trigger stays on its chain (%1); add a new trigger for chain %2.</source>
        <translation>Ein Trigger bleibt bei seiner Chain (%1); für Chain %2 einen neuen Trigger anlegen.</translation>
    </message>
    <message>
        <source>Chain %1 already has a trigger named “%2” (trigger %3); choose another name.</source>
        <translation>Chain %1 hat bereits einen Trigger namens „%2“ (Trigger %3); einen anderen Namen wählen.</translation>
    </message>
    <message>
        <source>An indexed event of chain %1 cannot be read (%2); reindex its block.</source>
        <translation>Ein indiziertes Ereignis der Chain %1 lässt sich nicht lesen (%2); seinen Block neu indizieren.</translation>
    </message>
    <message>
        <source>A dry run needs 0 ≤ --from-block ≤ --to-block (got %1–%2).</source>
        <translation>Ein Probelauf braucht 0 ≤ --from-block ≤ --to-block (erhalten: %1–%2).</translation>
    </message>
    <message>
        <source>A replay needs 0 ≤ --from-block ≤ --to-block (got %1–%2).</source>
        <translation>Ein Replay braucht 0 ≤ --from-block ≤ --to-block (erhalten: %1–%2).</translation>
    </message>
    <message>
        <source>Chain %1 is indexed through block %2; a replay must end at or below it.</source>
        <translation>Chain %1 ist bis Block %2 indiziert; ein Replay muss spätestens dort enden.</translation>
    </message>
    <message>
        <source>A claim needs a batch size of at least 1.</source>
        <translation>Eine Übernahme braucht eine Stapelgröße von mindestens 1.</translation>
    </message>
    <message>
        <source>A claim needs the name of its holder.</source>
        <translation>Eine Übernahme braucht den Namen ihres Inhabers.</translation>
    </message>
    <message>
        <source>There is no result %1; `arborctl trigger results` shows them.</source>
        <translation>Es gibt kein Ergebnis %1; `arborctl trigger results` zeigt die Ergebnisse.</translation>
    </message>
    <message>
        <source>The action of result %1 no longer exists: there is nothing to send it with.</source>
        <translation>Die Aktion von Ergebnis %1 existiert nicht mehr: Es gibt nichts, womit es sich senden ließe.</translation>
    </message>
    <message>
        <source>Trigger %1 has no action %2.</source>
        <translation>Trigger %1 hat keine Aktion %2.</translation>
    </message>
    <message>
        <source>Trigger %1 has no action %2; `arborctl trigger actions` lists them.</source>
        <translation>Der Trigger %1 hat keine Aktion %2; `arborctl trigger actions` listet sie auf.</translation>
    </message>
    <message>
        <source>Chain %1 has no indexed block stamped between %2 and %3.</source>
        <translation>Die Chain %1 hat keinen indizierten Block mit einem Zeitstempel zwischen %2 und %3.</translation>
    </message>
</context>
<context>
    <name>arbor::U256</name>
    <message>
        <source>A 256-bit value has 32 bytes, not %1.</source>
        <translation>Ein 256-Bit-Wert hat 32 Bytes, nicht %1.</translation>
    </message>
    <message>
        <source>A number is required.</source>
        <translation>Eine Zahl ist erforderlich.</translation>
    </message>
    <message>
        <source>“%1” does not fit in 256 bits.</source>
        <translation>„%1“ passt nicht in 256 Bit.</translation>
    </message>
    <message>
        <source>“%1” is not a whole non-negative decimal number.</source>
        <translation>„%1“ ist keine nicht-negative ganze Dezimalzahl.</translation>
    </message>
    <message>
        <source>“%1” is not a hex quantity (expected 0x followed by hex digits).</source>
        <translation>„%1“ ist keine Hex-Zahl (erwartet: 0x, gefolgt von Hexadezimalziffern).</translation>
    </message>
    <message>
        <source>The hex quantity “%1” does not fit in 256 bits.</source>
        <translation>Die Hex-Zahl „%1“ passt nicht in 256 Bit.</translation>
    </message>
    <message>
        <source>“%1” is not a hex quantity: it contains a non-hex character.</source>
        <translation>„%1“ ist keine Hex-Zahl: Ein Zeichen ist keine Hexadezimalziffer.</translation>
    </message>
</context>
<context>
    <name>arbor::abi</name>
    <message>
        <source>An ABI word has 32 bytes, not %1.</source>
        <translation>Ein ABI-Wort hat 32 Bytes, nicht %1.</translation>
    </message>
    <message>
        <source>The word 0x%1 is not an address: its first 12 bytes must be zero.</source>
        <translation>Das Wort 0x%1 ist keine Adresse: Seine ersten 12 Bytes müssen null sein.</translation>
    </message>
    <message>
        <source>The value does not fit in a uint64.</source>
        <translation>Der Wert passt nicht in einen uint64.</translation>
    </message>
    <message>
        <source>The value does not fit in a uint8.</source>
        <translation>Der Wert passt nicht in einen uint8.</translation>
    </message>
    <message>
        <source>The value does not fit in an int128 (the upper 16 bytes must repeat its sign).</source>
        <translation>Der Wert passt nicht in einen int128 (die oberen 16 Bytes müssen sein Vorzeichen wiederholen).</translation>
    </message>
    <message>
        <source>The value is not a bool (0 or 1).</source>
        <translation>Der Wert ist kein bool (0 oder 1).</translation>
    </message>
</context>
<context>
    <name>arbor::abi::Reader</name>
    <message>
        <source>The data has %1 bytes, too short for the %2 words its parameters need.</source>
        <translation>Die Daten haben %1 Bytes, zu wenig für die %2 Wörter, die ihre Parameter benötigen.</translation>
    </message>
    <message>
        <source>The offset of the value points outside the data (%1 bytes).</source>
        <translation>Der Offset des Werts zeigt aus den Daten hinaus (%1 Bytes).</translation>
    </message>
    <message>
        <source>The offset of the value (%1) is not a whole number of words.</source>
        <translation>Der Offset des Werts (%1) ist kein ganzzahliges Vielfaches der Wortlänge.</translation>
    </message>
    <message>
        <source>The length of the value runs past the end of the data (%1 bytes).</source>
        <translation>Die Länge des Werts reicht über das Ende der Daten hinaus (%1 Bytes).</translation>
    </message>
    <message>
        <source>The value is not padded to a whole number of words.</source>
        <translation>Der Wert ist nicht auf eine ganze Zahl von Wörtern aufgefüllt.</translation>
    </message>
    <message>
        <source>The padding after the value is not zero.</source>
        <translation>Die Auffüllung nach dem Wert besteht nicht nur aus Nullen.</translation>
    </message>
    <message>
        <source>The string is not valid UTF-8.</source>
        <translation>Die Zeichenkette ist kein gültiges UTF-8.</translation>
    </message>
    <message>
        <source>The data has %1 bytes, but its encoding ends after %2: the log does not match the event&apos;s parameters.</source>
        <translation>Die Daten haben %1 Bytes, ihre Kodierung endet aber nach %2: Das Log passt nicht zu den Parametern des Events.</translation>
    </message>
</context>
<context>
    <name>arbor::evmevents</name>
    <message>
        <source> (log %1 of block %2)</source>
        <translation> (Log %1 von Block %2)</translation>
    </message>
    <message>
        <source>The feedback index %1 is 2^63 or more, which Arbor cannot store.</source>
        <translation>Der Feedback-Index %1 ist 2^63 oder größer; so große Werte kann Arbor nicht speichern.</translation>
    </message>
    <message>
        <source>The log is not an ERC-20 Transfer (its topic0 differs).</source>
        <translation>Das Log ist kein ERC-20-Transfer (sein topic0 weicht ab).</translation>
    </message>
    <message>
        <source>The log is an ERC-721 Transfer (the token id is indexed), not an ERC-20 one.</source>
        <translation>Das Log ist ein ERC-721-Transfer (die Token-ID ist indiziert), kein ERC-20-Transfer.</translation>
    </message>
    <message>
        <source>The log is not an event of the %1 registry (unknown topic0).</source>
        <translation>Das Log ist kein Event der Registry %1 (unbekanntes topic0).</translation>
    </message>
</context>
<context>
    <name>arbor::evmevents::LogParams</name>
    <message>
        <source>The log has %1 topics, but this event has %2.</source>
        <translation>Das Log hat %1 Topics, dieses Event aber %2.</translation>
    </message>
</context>
<context>
    <name>arbor::evmjson</name>
    <message>
        <source>Expected %1, got “%2”.</source>
        <translation>Erwartet wurde %1, erhalten wurde „%2“.</translation>
    </message>
    <message>
        <source>The node&apos;s answer lacks this field.</source>
        <translation>In der Antwort des Knotens fehlt dieses Feld.</translation>
    </message>
    <message>
        <source>a quantity (0x and up to 16 hex digits, below 2^63)</source>
        <translation>eine Hex-Zahl (0x und bis zu 16 Hexadezimalziffern, kleiner als 2^63)</translation>
    </message>
    <message>
        <source>a 32-byte hash (0x and 64 hex digits)</source>
        <translation>ein 32-Byte-Hash (0x und 64 Hexadezimalziffern)</translation>
    </message>
    <message>
        <source>a 20-byte address (0x and 40 hex digits)</source>
        <translation>eine 20-Byte-Adresse (0x und 40 Hexadezimalziffern)</translation>
    </message>
    <message>
        <source>hex data (0x and an even number of hex digits)</source>
        <translation>Hex-Daten (0x und eine gerade Anzahl Hexadezimalziffern)</translation>
    </message>
    <message>
        <source>Out of memory parsing a node&apos;s answer of %1 bytes.</source>
        <translation>Nicht genug Speicher, um eine Antwort des Knotens von %1 Bytes zu parsen.</translation>
    </message>
    <message>
        <source>The node sent an empty answer.</source>
        <translation>Der Knoten hat eine leere Antwort gesendet.</translation>
    </message>
    <message>
        <source>The node&apos;s answer is not valid JSON (%1): “%2”.</source>
        <translation>Die Antwort des Knotens ist kein gültiges JSON (%1): „%2“.</translation>
    </message>
    <message>
        <source>JSON-RPC error %1 from the node: %2</source>
        <translation>JSON-RPC-Fehler %1 vom Knoten: %2</translation>
    </message>
    <message>
        <source>Error from the node: %1</source>
        <translation>Fehler vom Knoten: %1</translation>
    </message>
    <message>
        <source>a JSON-RPC response object</source>
        <translation>ein JSON-RPC-Antwortobjekt</translation>
    </message>
    <message>
        <source>&quot;2.0&quot;</source>
        <translation>&quot;2.0&quot;</translation>
    </message>
    <message>
        <source>a numeric id</source>
        <translation>eine numerische ID</translation>
    </message>
    <message>
        <source>The node answered request %1, not %2.</source>
        <translation>Der Knoten hat auf Anfrage %1 geantwortet, nicht auf %2.</translation>
    </message>
    <message>
        <source>a block object</source>
        <translation>ein Block-Objekt</translation>
    </message>
    <message>
        <source>The node sent block %1 in answer to a request for block %2.</source>
        <translation>Der Knoten hat Block %1 gesendet, angefragt war Block %2.</translation>
    </message>
    <message>
        <source>an array</source>
        <translation>ein Array</translation>
    </message>
    <message>
        <source>a log object</source>
        <translation>ein Log-Objekt</translation>
    </message>
    <message>
        <source>an array of topics</source>
        <translation>ein Array von Topics</translation>
    </message>
    <message>
        <source>A log has at most 4 topics.</source>
        <translation>Ein Log hat höchstens 4 Topics.</translation>
    </message>
    <message>
        <source>The node sent a log of block %1, outside the range %2–%3 asked for.</source>
        <translation>Der Knoten hat ein Log von Block %1 gesendet, außerhalb des angefragten Bereichs %2–%3.</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true oder false</translation>
    </message>
    <message>
        <source>The block range %1–%2 with first id %3 is not a valid batch.</source>
        <translation>Der Blockbereich %1–%2 mit der ersten ID %3 ist kein gültiger Batch.</translation>
    </message>
    <message>
        <source>an array of answers to the batch</source>
        <translation>ein Array mit den Antworten auf den Batch</translation>
    </message>
    <message>
        <source>The node answered %1 of the %2 calls of the batch.</source>
        <translation>Der Knoten hat auf %1 der %2 Aufrufe des Batches geantwortet.</translation>
    </message>
    <message>
        <source>The node answered call %1 twice.</source>
        <translation>Der Knoten hat auf Aufruf %1 zweimal geantwortet.</translation>
    </message>
    <message>
        <source>The node answered call %1, which the batch did not contain.</source>
        <translation>Der Knoten hat auf Aufruf %1 geantwortet, den der Batch nicht enthielt.</translation>
    </message>
    <message>
        <source>an array of logs</source>
        <translation>ein Array von Logs</translation>
    </message>
    <message>
        <source>The node does not serve block %1 yet: it is behind the chain&apos;s head or still importing the block. Asked again shortly.</source>
        <translation>Der Knoten liefert Block %1 noch nicht: Er liegt hinter dem letzten Block der Chain zurück oder importiert den Block noch. Es wird in Kürze erneut angefragt.</translation>
    </message>
    <message>
        <source>The blocks from %1 with first id %2 are not a valid batch.</source>
        <translation>Die Blöcke ab %1 mit erster ID %2 sind kein gültiger Stapel.</translation>
    </message>
    <message>
        <source>The node answered the logs of block %1 (%2) with a log of block %3.</source>
        <translation>Der Knoten hat die Logs von Block %1 (%2) mit einem Log von Block %3 beantwortet.</translation>
    </message>
</context>
<context>
    <name>arbor::hex</name>
    <message>
        <source>must start with 0x</source>
        <translation>muss mit 0x beginnen</translation>
    </message>
    <message>
        <source>must start with 0x followed by %1 hex digits</source>
        <translation>muss mit 0x beginnen, gefolgt von %1 Hexadezimalziffern</translation>
    </message>
    <message>
        <source>expected %1 hex digits after 0x, found %2</source>
        <translation>nach 0x %1 Hexadezimalziffern erwartet, %2 gefunden</translation>
    </message>
    <message>
        <source>odd number of hex digits (%1) after 0x</source>
        <translation>ungerade Anzahl Hexadezimalziffern (%1) nach 0x</translation>
    </message>
    <message>
        <source>“%1” at position %2 is not a hex digit</source>
        <translation>„%1“ an Position %2 ist keine Hexadezimalziffer</translation>
    </message>
</context>
<context>
    <name>arbor::postgresmodule</name>
    <message>
        <source>PostgreSQL support (%1) cannot be loaded: %2. Reinstall Arbor, or install libpqxx-6.4 if it is missing.</source>
        <translation>Die PostgreSQL-Unterstützung (%1) kann nicht geladen werden: %2. Arbor neu installieren oder libpqxx-6.4 installieren, falls es fehlt.</translation>
    </message>
    <message>
        <source>%1 is PostgreSQL support from another build of Arbor (%2; this program is %3). Reinstall Arbor, or rebuild it.</source>
        <translation>%1 ist PostgreSQL-Unterstützung aus einem anderen Build von Arbor (%2; dieses Programm ist %3). Arbor neu installieren oder neu bauen.</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>PostgreSQL support is not installed: no %1 in %2. Reinstall Arbor, or use an SQLite database.</source>
        <translation>PostgreSQL-Unterstützung ist nicht installiert: kein %1 in %2. Arbor neu installieren oder eine SQLite-Datenbank verwenden.</translation>
    </message>
</context>
<context>
    <name>arbor::rpchttp</name>
    <message>
        <source>%1 did not answer within %2 s. Check that the node is up and not overloaded.</source>
        <translation>%1 hat nicht innerhalb von %2 s geantwortet. Prüfen, ob der Knoten läuft und nicht überlastet ist.</translation>
    </message>
    <message>
        <source>The TLS handshake with %1 failed: %2. Check the certificate, or use http:// for a local node.</source>
        <translation>Der TLS-Handshake mit %1 ist fehlgeschlagen: %2. Das Zertifikat prüfen oder für einen lokalen Knoten http:// verwenden.</translation>
    </message>
    <message>
        <source>Cannot reach %1: %2. Check the host and port, and that the node is running.</source>
        <translation>%1 ist nicht erreichbar: %2. Host und Port prüfen und sicherstellen, dass der Knoten läuft.</translation>
    </message>
    <message>
        <source>Request to %1 failed: %2.</source>
        <translation>Die Anfrage an %1 ist fehlgeschlagen: %2.</translation>
    </message>
    <message>
        <source>%1 sent a response larger than %2 to %3.</source>
        <translation>%1 hat auf %3 eine Antwort größer als %2 gesendet.</translation>
    </message>
    <message>
        <source>%1 answered HTTP %2 %3</source>
        <translation>%1 hat mit HTTP %2 %3 geantwortet</translation>
    </message>
    <message>
        <source>rate limited: %1</source>
        <translation>Ratenlimit erreicht: %1</translation>
    </message>
    <message>
        <source> (the endpoint requires credentials or an API key)</source>
        <translation> (der Endpunkt verlangt Zugangsdaten oder einen API-Schlüssel)</translation>
    </message>
</context>
<context>
    <name>arbor::ui::ActionHealthModel</name>
    <message>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <source>failing</source>
        <translation>schlägt fehl</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>deaktiviert</translation>
    </message>
    <message>
        <source>%1 → the agent&apos;s endpoint</source>
        <comment>action type → where it sends</comment>
        <translation>%1 → Endpunkt des Agenten</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <comment>action type → where it sends</comment>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>%1 (alert rule)</source>
        <translation>%1 (Alarmregel)</translation>
    </message>
    <message>
        <source>Tried again for %1 after a failure</source>
        <translation>Nach einem Fehlschlag erneut versucht: %1</translation>
    </message>
    <message>
        <source>Last delivered %1.</source>
        <translation>Zuletzt zugestellt %1.</translation>
    </message>
    <message>
        <source>Nothing delivered since %1; Arbor keeps retrying on the schedule.</source>
        <translation>Seit %1 nichts zugestellt; Arbor versucht es nach dem Plan weiter.</translation>
    </message>
    <message>
        <source>Disabled since %1: its deliveries are held until you enable it.</source>
        <translation>Deaktiviert seit %1: Ihre Zustellungen werden zurückgehalten, bis Sie sie aktivieren.</translation>
    </message>
    <message>
        <source>%1 of %2 attempts in the last 24 hours were delivered.</source>
        <translation>%1 von %2 Versuchen der letzten 24 Stunden wurden zugestellt.</translation>
    </message>
    <message>
        <source>Kept while the action is disabled; sent, in order, once it is enabled.</source>
        <translation>Aufbewahrt, solange die Aktion deaktiviert ist; der Reihe nach gesendet, sobald sie aktiviert ist.</translation>
    </message>
    <message>
        <source>Given up: the retry schedule ran out, or the receiver refused them. Resend Dead sends them again.</source>
        <translation>Aufgegeben: Der Wiederholungsplan ist ausgeschöpft oder der Empfänger hat sie abgelehnt. „Aufgegebene erneut senden“ sendet sie wieder.</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Delivered (24 h)</source>
        <translation>Zugestellt (24 h)</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Ausstehend</translation>
    </message>
    <message>
        <source>Held</source>
        <translation>Zurückgehalten</translation>
    </message>
    <message>
        <source>Dead</source>
        <translation>Aufgegeben</translation>
    </message>
    <message>
        <source>Next Attempt</source>
        <translation>Nächster Versuch</translation>
    </message>
    <message>
        <source>Last Error</source>
        <translation>Letzter Fehler</translation>
    </message>
    <message>
        <source>Trigger or Rule</source>
        <translation>Trigger oder Regel</translation>
    </message>
</context>
<context>
    <name>arbor::ui::ActionMetricsPanel</name>
    <message>
        <source>%1–%2</source>
        <translation>%1–%2</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>How far back the chart reaches</source>
        <translation>Wie weit das Diagramm zurückreicht</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>Letzte 24 Stunden</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <source>The attempts of every action type, or of one</source>
        <translation>Die Versuche aller Aktionstypen oder eines einzelnen</translation>
    </message>
    <message>
        <source>All actions</source>
        <translation>Alle Aktionen</translation>
    </message>
    <message>
        <source>Actions per hour</source>
        <translation>Aktionen pro Stunde</translation>
    </message>
    <message>
        <source>Duration (ms)</source>
        <translation>Dauer (ms)</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation>Erfolgreich</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Average (ms)</source>
        <translation>Durchschnitt (ms)</translation>
    </message>
    <message>
        <source>p95 (ms)</source>
        <translation>p95 (ms)</translation>
    </message>
    <message>
        <source>p95 of the slowest type (ms)</source>
        <translation>p95 des langsamsten Typs (ms)</translation>
    </message>
    <message>
        <source>Could not read the action figures: %1</source>
        <translation>Die Aktionszahlen konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>No action attempts in the last 7 days.</source>
        <translation>Keine Aktionsversuche in den letzten 7 Tagen.</translation>
    </message>
    <message>
        <source>No action attempts in the last 24 hours.</source>
        <translation>Keine Aktionsversuche in den letzten 24 Stunden.</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n attempt(s), %2 failed (%3 %); %4 ms on average, the slowest %5 ms.</source>
        <translation>
            <numerusform>%1: %n Versuch, %2 fehlgeschlagen (%3 %); im Mittel %4 ms, der langsamste %5 ms.</numerusform>
            <numerusform>%1: %n Versuche, %2 fehlgeschlagen (%3 %); im Mittel %4 ms, der langsamste %5 ms.</numerusform>
        </translation>
    </message>
    <message>
        <source>Succeeded: %1</source>
        <translation>Erfolgreich: %1</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Average: %1 ms</source>
        <translation>Durchschnitt: %1 ms</translation>
    </message>
    <message>
        <source>p95: %1 ms</source>
        <translation>p95: %1 ms</translation>
    </message>
    <message>
        <source>p95 of the slowest type: %1 ms</source>
        <translation>p95 des langsamsten Typs: %1 ms</translation>
    </message>
    <message>
        <source>Slowest: %1 ms</source>
        <translation>Langsamster: %1 ms</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Versuche</translation>
    </message>
</context>
<context>
    <name>arbor::ui::ActionsPanel</name>
    <message>
        <source>&amp;Enable</source>
        <translation>&amp;Aktivieren</translation>
    </message>
    <message>
        <source>Send to this action again: the deliveries held while it was disabled go out at once, in the order of their events</source>
        <translation>Wieder an diese Aktion senden: Die Zustellungen, die während der Deaktivierung zurückgehalten wurden, gehen sofort hinaus, in der Reihenfolge ihrer Ereignisse</translation>
    </message>
    <message>
        <source>D&amp;isable</source>
        <translation>D&amp;eaktivieren</translation>
    </message>
    <message>
        <source>Hold this action&apos;s deliveries (kept, not sent) until it is enabled again</source>
        <translation>Die Zustellungen dieser Aktion zurückhalten (aufbewahrt, nicht gesendet), bis sie wieder aktiviert ist</translation>
    </message>
    <message>
        <source>Resend &amp;Dead</source>
        <translation>Aufgegebene erneut &amp;senden</translation>
    </message>
    <message>
        <source>Send this action&apos;s given-up deliveries again, each under its own webhook-id, with a fresh retry schedule</source>
        <translation>Die aufgegebenen Zustellungen dieser Aktion erneut senden, jede unter ihrer eigenen webhook-id, mit neuem Wiederholungsplan</translation>
    </message>
    <message>
        <source>Cannot read the actions: %1</source>
        <translation>Die Aktionen lassen sich nicht lesen: %1</translation>
    </message>
    <message>
        <source>Read-only: another engine holds this database</source>
        <translation>Nur lesen: Eine andere Engine hält diese Datenbank</translation>
    </message>
    <message>
        <source>Could not change the action of “%1”: %2</source>
        <translation>Die Aktion von „%1“ ließ sich nicht ändern: %2</translation>
    </message>
    <message numerus="yes">
        <source>The action of “%1” is enabled; %n held delivery(s) go out now.</source>
        <translation>
            <numerusform>Die Aktion von „%1“ ist aktiviert; %n zurückgehaltene Zustellung geht jetzt hinaus.</numerusform>
            <numerusform>Die Aktion von „%1“ ist aktiviert; %n zurückgehaltene Zustellungen gehen jetzt hinaus.</numerusform>
        </translation>
    </message>
    <message>
        <source>The action of “%1” is disabled: its deliveries are held until you enable it.</source>
        <translation>Die Aktion von „%1“ ist deaktiviert: Ihre Zustellungen werden zurückgehalten, bis Sie sie aktivieren.</translation>
    </message>
    <message>
        <source>Could not resend the dead deliveries of “%1”: %2</source>
        <translation>Die aufgegebenen Zustellungen von „%1“ ließen sich nicht erneut senden: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n dead delivery(s) of “%1” are pending again.</source>
        <translation>
            <numerusform>%n aufgegebene Zustellung von „%1“ wartet wieder auf den Versand.</numerusform>
            <numerusform>%n aufgegebene Zustellungen von „%1“ warten wieder auf den Versand.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>arbor::ui::AddChainWizard</name>
    <message>
        <source>Add Chain</source>
        <translation>Chain hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Create Chain</source>
        <translation>Chain &amp;erstellen</translation>
    </message>
</context>
<context>
    <name>arbor::ui::AgentDetailPane</name>
    <message>
        <source>Service</source>
        <translation>Dienst</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>Endpunkt</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>Dienste</translation>
    </message>
    <message>
        <source>Reputation</source>
        <translation>Reputation</translation>
    </message>
    <message>
        <source>Validator</source>
        <translation>Validierer</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Anfrage</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Schlagwort</translation>
    </message>
    <message>
        <source>No validation was requested for this agent.</source>
        <translation>Für diesen Agenten wurde keine Validierung angefragt.</translation>
    </message>
    <message>
        <source>Validations</source>
        <translation>Validierungen</translation>
    </message>
    <message>
        <source>The image&apos;s address as the registration file gives it. Arbor does not fetch images named in chain data.</source>
        <translation>Die Adresse des Bildes, wie die Registrierungsdatei sie angibt. Bilder, die Chain-Daten nennen, ruft Arbor nicht ab.</translation>
    </message>
    <message>
        <source>Owner:</source>
        <translation>Eigentümer:</translation>
    </message>
    <message>
        <source>agentURI:</source>
        <translation>agentURI:</translation>
    </message>
    <message>
        <source>Registration file:</source>
        <translation>Registrierungsdatei:</translation>
    </message>
    <message>
        <source>Description:</source>
        <translation>Beschreibung:</translation>
    </message>
    <message>
        <source>Image:</source>
        <translation>Bild:</translation>
    </message>
    <message>
        <source>Active:</source>
        <translation>Aktiv:</translation>
    </message>
    <message>
        <source>Trust models:</source>
        <translation>Vertrauensmodelle:</translation>
    </message>
    <message>
        <source>MCP token:</source>
        <translation>MCP-Token:</translation>
    </message>
    <message>
        <source>Feedback</source>
        <translation>Feedback</translation>
    </message>
    <message>
        <source>Average value</source>
        <translation>Durchschnittswert</translation>
    </message>
    <message>
        <source>Agent %1</source>
        <translation>Agent %1</translation>
    </message>
    <message>
        <source>Agent %1 — %2</source>
        <translation>Agent %1 – %2</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>not known: the registration file has not been read</source>
        <translation>nicht bekannt: Die Registrierungsdatei wurde nicht gelesen</translation>
    </message>
    <message>
        <source>not said</source>
        <translation>nicht angegeben</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>none named</source>
        <translation>keine genannt</translation>
    </message>
    <message>
        <source>none: MCP actions send no token to this agent</source>
        <translation>keins: MCP-Aktionen senden diesem Agenten kein Token</translation>
    </message>
    <message>
        <source>MCP actions that call the agent&apos;s own endpoint call this one: %1</source>
        <translation>MCP-Aktionen, die den eigenen Endpunkt des Agenten aufrufen, rufen diesen auf: %1</translation>
    </message>
    <message>
        <source>Services (%1)</source>
        <translation>Dienste (%1)</translation>
    </message>
    <message>
        <source>(no tag)</source>
        <translation>(kein Tag)</translation>
    </message>
    <message>
        <source>Latest: %1 from %2 at block %3.</source>
        <translation>Zuletzt: %1 von %2 in Block %3.</translation>
    </message>
    <message>
        <source>Latest: %1 from %2 at block %3, tagged %4.</source>
        <translation>Zuletzt: %1 von %2 in Block %3, mit den Tags %4.</translation>
    </message>
    <message>
        <source>It was revoked.</source>
        <translation>Es wurde widerrufen.</translation>
    </message>
    <message>
        <source>Feedback file: %1</source>
        <translation>Feedback-Datei: %1</translation>
    </message>
    <message>
        <source>Transaction %1</source>
        <translation>Transaktion %1</translation>
    </message>
    <message>
        <source>responded: %1</source>
        <translation>beantwortet: %1</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>ausstehend</translation>
    </message>
    <message>
        <source>Requested at block %1</source>
        <translation>Angefragt in Block %1</translation>
    </message>
    <message>
        <source>Responded at block %1</source>
        <translation>Beantwortet in Block %1</translation>
    </message>
    <message>
        <source>Validations (%1)</source>
        <translation>Validierungen (%1)</translation>
    </message>
</context>
<context>
    <name>arbor::ui::AgentListModel</name>
    <message>
        <source>no agentURI</source>
        <translation>keine agentURI</translation>
    </message>
    <message>
        <source>not fetched yet</source>
        <translation>noch nicht abgerufen</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <source>The agent has no agentURI, so there is no registration file to fetch.</source>
        <translation>Der Agent hat keine agentURI, also gibt es keine Registrierungsdatei abzurufen.</translation>
    </message>
    <message>
        <source>The registration file of the agent&apos;s agentURI has not been fetched yet; the engine that indexes the chain fetches it within minutes.</source>
        <translation>Die Registrierungsdatei der agentURI des Agenten wurde noch nicht abgerufen; die Engine, die die Chain indiziert, ruft sie innerhalb von Minuten ab.</translation>
    </message>
    <message>
        <source>The last fetch failed at %1: %2</source>
        <translation>Der letzte Abruf ist am %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>The file fetched before that is still shown.</source>
        <translation>Die davor abgerufene Datei wird weiter angezeigt.</translation>
    </message>
    <message numerus="yes">
        <source>Next attempt at %1 (%n failure(s) in a row).</source>
        <translation>
            <numerusform>Nächster Versuch am %1 (%n Fehlschlag in Folge).</numerusform>
            <numerusform>Nächster Versuch am %1 (%n Fehlschläge in Folge).</numerusform>
        </translation>
    </message>
    <message>
        <source>none</source>
        <translation>keins</translation>
    </message>
    <message>
        <source>%1 (%2 revoked)</source>
        <translation>%1 (%2 widerrufen)</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>The registration file has not been read, so the agent&apos;s name is not known.</source>
        <translation>Die Registrierungsdatei wurde nicht gelesen, daher ist der Name des Agenten nicht bekannt.</translation>
    </message>
    <message>
        <source>%1: %2 (version %3)</source>
        <translation>%1: %2 (Version %3)</translation>
    </message>
    <message>
        <source>The owner is not known: the agent&apos;s Registered event was not indexed.</source>
        <translation>Der Eigentümer ist nicht bekannt: Das Registered-Ereignis des Agenten wurde nicht indiziert.</translation>
    </message>
    <message>
        <source>MCP actions calling this agent&apos;s own endpoint send the secret %1 refers to</source>
        <translation>MCP-Aktionen, die den eigenen Endpunkt dieses Agenten aufrufen, senden das Geheimnis, auf das %1 verweist</translation>
    </message>
    <message>
        <source>MCP actions calling this agent&apos;s own endpoint send no token</source>
        <translation>MCP-Aktionen, die den eigenen Endpunkt dieses Agenten aufrufen, senden kein Token</translation>
    </message>
    <message>
        <source>The name the agent&apos;s registration file gives</source>
        <translation>Der Name, den die Registrierungsdatei des Agenten angibt</translation>
    </message>
    <message>
        <source>The services the registration file names (MCP, A2A, …)</source>
        <translation>Die Dienste, die die Registrierungsdatei nennt (MCP, A2A, …)</translation>
    </message>
    <message>
        <source>Whether the registration file says the agent is active</source>
        <translation>Ob die Registrierungsdatei den Agenten als aktiv angibt</translation>
    </message>
    <message>
        <source>Feedback the agent received in the chain&apos;s reputation registry, and how much of it was revoked</source>
        <translation>Feedback, das der Agent in der Reputation-Registry der Chain erhalten hat, und wie viel davon widerrufen wurde</translation>
    </message>
    <message>
        <source>How the last fetch of the registration file at the agent&apos;s agentURI went</source>
        <translation>Wie der letzte Abruf der Registrierungsdatei unter der agentURI des Agenten verlaufen ist</translation>
    </message>
    <message>
        <source>The secret MCP actions send when they call this agent&apos;s own endpoint</source>
        <translation>Das Geheimnis, das MCP-Aktionen senden, wenn sie den eigenen Endpunkt dieses Agenten aufrufen</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Eigentümer</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>Dienste</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Feedback</source>
        <translation>Feedback</translation>
    </message>
    <message>
        <source>Registration</source>
        <translation>Registrierung</translation>
    </message>
    <message>
        <source>MCP Token</source>
        <translation>MCP-Token</translation>
    </message>
    <message>
        <source>Fetched at %1; next fetch at %2.</source>
        <translation>Abgerufen am %1; nächster Abruf am %2.</translation>
    </message>
    <message>
        <source>Fetched at %1; fetched again as soon as the engine gets to it.</source>
        <translation>Abgerufen am %1; wird erneut abgerufen, sobald die Engine dazu kommt.</translation>
    </message>
    <message>
        <source>the file itself, inline (a data: URI of %1 characters)</source>
        <translation>die Datei selbst, eingebettet (eine data:-URI mit %1 Zeichen)</translation>
    </message>
    <message>
        <source>No feedback yet.</source>
        <translation>Noch kein Feedback.</translation>
    </message>
    <message>
        <source>Feedback received: %1.</source>
        <translation>Erhaltenes Feedback: %1.</translation>
    </message>
    <message>
        <source>Feedback received: %1, of which %2 revoked.</source>
        <translation>Erhaltenes Feedback: %1, davon %2 widerrufen.</translation>
    </message>
</context>
<context>
    <name>arbor::ui::AgentsPage</name>
    <message>
        <source>Set MCP &amp;Token…</source>
        <translation>MCP-&amp;Token festlegen …</translation>
    </message>
    <message>
        <source>Fetch A&amp;gain</source>
        <translation>Erneut a&amp;brufen</translation>
    </message>
    <message>
        <source>Fetch A&amp;ll Again</source>
        <translation>A&amp;lle erneut abrufen</translation>
    </message>
    <message>
        <source>Show &amp;Raw Registration…</source>
        <translation>Registrierungsdatei &amp;roh anzeigen …</translation>
    </message>
    <message>
        <source>No chains</source>
        <translation>Keine Chains</translation>
    </message>
    <message>
        <source>C&amp;hain:</source>
        <translation>C&amp;hain:</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Could not read the agents: %1</source>
        <translation>Die Agenten konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Could not read the agent: %1</source>
        <translation>Der Agent konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Select an agent to see its registration file, reputation and validations.</source>
        <translation>Einen Agenten auswählen, um seine Registrierungsdatei, Reputation und Validierungen zu sehen.</translation>
    </message>
    <message>
        <source>No chains yet: add one with an ERC-8004 identity registry to see its agents.</source>
        <translation>Noch keine Chains: eine mit einer ERC-8004-Identity-Registry hinzufügen, um ihre Agenten zu sehen.</translation>
    </message>
    <message>
        <source>“%1” indexes no ERC-8004 identity registry: add one with Edit Chain… to see its agents.</source>
        <translation>„%1“ indiziert keine ERC-8004-Identity-Registry: eine mit „Chain bearbeiten …“ hinzufügen, um ihre Agenten zu sehen.</translation>
    </message>
    <message>
        <source>Reading the agents…</source>
        <translation>Die Agenten werden gelesen …</translation>
    </message>
    <message>
        <source>No agent is registered in the identity registry of “%1” yet.</source>
        <translation>In der Identity-Registry von „%1“ ist noch kein Agent registriert.</translation>
    </message>
    <message numerus="yes">
        <source>%n agent(s).</source>
        <translation>
            <numerusform>%n Agent.</numerusform>
            <numerusform>%n Agenten.</numerusform>
        </translation>
    </message>
    <message>
        <source>Registration files: %1 read, %2 failed, %3 not fetched yet.</source>
        <translation>Registrierungsdateien: %1 gelesen, %2 fehlgeschlagen, %3 noch nicht abgerufen.</translation>
    </message>
    <message>
        <source>Read-only: %1</source>
        <translation>Schreibgeschützt: %1</translation>
    </message>
    <message>
        <source>Choose the token MCP actions send when they call this agent&apos;s own endpoint</source>
        <translation>Das Token wählen, das MCP-Aktionen senden, wenn sie den eigenen Endpunkt dieses Agenten aufrufen</translation>
    </message>
    <message>
        <source>The agent has no agentURI: there is no registration file to fetch</source>
        <translation>Der Agent hat keine agentURI: Es gibt keine Registrierungsdatei abzurufen</translation>
    </message>
    <message>
        <source>Fetch this agent&apos;s registration file again now</source>
        <translation>Die Registrierungsdatei dieses Agenten jetzt erneut abrufen</translation>
    </message>
    <message>
        <source>Fetch the registration file of every agent of this chain again now</source>
        <translation>Die Registrierungsdatei jedes Agenten dieser Chain jetzt erneut abrufen</translation>
    </message>
    <message>
        <source>The registration file exactly as it was fetched</source>
        <translation>Die Registrierungsdatei genau so, wie sie abgerufen wurde</translation>
    </message>
    <message>
        <source>No registration file of this agent has been fetched yet</source>
        <translation>Von diesem Agenten wurde noch keine Registrierungsdatei abgerufen</translation>
    </message>
    <message>
        <source>MCP calls to agent %1 now send %2.</source>
        <translation>MCP-Aufrufe an Agent %1 senden jetzt %2.</translation>
    </message>
    <message>
        <source>MCP calls to agent %1 now send no token.</source>
        <translation>MCP-Aufrufe an Agent %1 senden jetzt kein Token.</translation>
    </message>
    <message>
        <source>Could not ask for the registration files again: %1</source>
        <translation>Die Registrierungsdateien konnten nicht erneut angefordert werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n registration file(s) will be fetched again by the engine that indexes the chain, within seconds; files not fetched yet are fetched as soon as it gets to them.</source>
        <translation>
            <numerusform>%n Registrierungsdatei wird von der Engine, die die Chain indiziert, innerhalb von Sekunden erneut abgerufen; noch nicht abgerufene Dateien ruft sie ab, sobald sie dazu kommt.</numerusform>
            <numerusform>%n Registrierungsdateien werden von der Engine, die die Chain indiziert, innerhalb von Sekunden erneut abgerufen; noch nicht abgerufene Dateien ruft sie ab, sobald sie dazu kommt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Agent %1&apos;s registration file will be fetched again by the engine that indexes the chain, within seconds.</source>
        <translation>Die Registrierungsdatei des Agenten %1 wird von der Engine, die die Chain indiziert, innerhalb von Sekunden erneut abgerufen.</translation>
    </message>
    <message>
        <source>Agent %1&apos;s registration file has not been fetched yet; the engine that indexes the chain fetches it as soon as it gets to it.</source>
        <translation>Die Registrierungsdatei des Agenten %1 wurde noch nicht abgerufen; die Engine, die die Chain indiziert, ruft sie ab, sobald sie dazu kommt.</translation>
    </message>
    <message>
        <source>Registration File of Agent %1</source>
        <translation>Registrierungsdatei des Agenten %1</translation>
    </message>
    <message>
        <source>Fetched from %1 at %2.</source>
        <translation>Quelle: %1; abgerufen am %2.</translation>
    </message>
    <message>
        <source>Fetched from %1.</source>
        <translation>Quelle: %1.</translation>
    </message>
</context>
<context>
    <name>arbor::ui::AlertCounts</name>
    <message>
        <source>No alerts</source>
        <translation>Keine Alarme</translation>
    </message>
    <message numerus="yes">
        <source>%n alert(s)</source>
        <translation>
            <numerusform>%n Alarm</numerusform>
            <numerusform>%n Alarme</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n alert(s) (%1 acknowledged)</source>
        <comment>every active alert, then how many of them are acknowledged</comment>
        <translation>
            <numerusform>%n Alarm (%1 quittiert)</numerusform>
            <numerusform>%n Alarme (%1 quittiert)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>arbor::ui::AlertRuleEditorDialog</name>
    <message>
        <source>Edit Alert Rule</source>
        <translation>Alarmregel bearbeiten</translation>
    </message>
    <message>
        <source>New Alert Rule</source>
        <translation>Neue Alarmregel</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Regel</translation>
    </message>
    <message>
        <source>Lag on Base</source>
        <translation>Rückstand auf Base</translation>
    </message>
    <message>
        <source>All chains</source>
        <translation>Alle Chains</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>All chains: one alert per chain the condition holds for, chains added later included</source>
        <translation>Alle Chains: ein Alarm je Chain, für die die Bedingung zutrifft, später hinzugefügte Chains eingeschlossen</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>at once</source>
        <translation>sofort</translation>
    </message>
    <message>
        <source>How long the condition must hold before the alert is raised: a blip is no alert</source>
        <translation>Wie lange die Bedingung zutreffen muss, bevor der Alarm ausgelöst wird: ein kurzes Aufflackern ist kein Alarm</translation>
    </message>
    <message>
        <source>&amp;Deliver the end of the alert too</source>
        <translation>Auch das &amp;Ende des Alarms zustellen</translation>
    </message>
    <message>
        <source>The actions run again, marked “resolved”, when the condition is over</source>
        <translation>Die Aktionen laufen erneut, als „resolved“ markiert, wenn die Bedingung vorüber ist</translation>
    </message>
    <message>
        <source>&amp;Enabled</source>
        <translation>&amp;Aktiv</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>A&amp;rt:</translation>
    </message>
    <message>
        <source>&amp;Chain:</source>
        <translation>&amp;Chain:</translation>
    </message>
    <message>
        <source>&amp;Threshold:</source>
        <translation>Sch&amp;wellenwert:</translation>
    </message>
    <message>
        <source>&amp;For:</source>
        <translation>&amp;Dauer:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>Actions, in order</source>
        <translation>Aktionen, der Reihe nach</translation>
    </message>
    <message>
        <source>Delivered through the trigger outbox, with the same retries and delivery log. Without actions, the rule only raises alerts in the console.</source>
        <translation>Zugestellt über den Postausgang der Trigger, mit denselben Wiederholungen und demselben Zustellprotokoll. Ohne Aktionen löst die Regel nur Alarme in der Konsole aus.</translation>
    </message>
    <message>
        <source>Add &amp;action</source>
        <translation>Akt&amp;ion hinzufügen</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert…</translation>
    </message>
    <message>
        <source>Not saved: </source>
        <translation>Nicht gespeichert: </translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Chain</source>
        <translation>Chain</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>Schwellenwert</translation>
    </message>
    <message>
        <source>For</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Deliver the end</source>
        <translation>Ende zustellen</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Aktionen</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>field label, what is wrong</comment>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>arbor::ui::AlertRuleModel</name>
    <message>
        <source>A reorg is an event: raised when it is handled</source>
        <translation>Ein Reorg ist ein Ereignis: ausgelöst, wenn er behandelt wird</translation>
    </message>
    <message>
        <source>Raised once the condition has held this long</source>
        <translation>Ausgelöst, sobald die Bedingung so lange zutrifft</translation>
    </message>
    <message>
        <source>Evaluated on every update</source>
        <translation>Bei jeder Aktualisierung ausgewertet</translation>
    </message>
    <message>
        <source>Off: raises nothing</source>
        <translation>Aus: löst nichts aus</translation>
    </message>
    <message>
        <source>Its alerts are shown in the console, but nothing is delivered or notified</source>
        <translation>Ihre Alarme erscheinen in der Konsole, aber nichts wird zugestellt oder gemeldet</translation>
    </message>
    <message>
        <source>Shown in the console only</source>
        <translation>Nur in der Konsole angezeigt</translation>
    </message>
    <message>
        <source>On</source>
        <translation>An</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message>
        <source>silenced until %1</source>
        <translation>stummgeschaltet bis %1</translation>
    </message>
    <message>
        <source>How long the condition must hold before the alert is raised</source>
        <translation>Wie lange die Bedingung zutreffen muss, bevor der Alarm ausgelöst wird</translation>
    </message>
    <message>
        <source>A silenced rule still raises alerts in the console, but delivers nothing</source>
        <translation>Eine stummgeschaltete Regel löst weiter Alarme in der Konsole aus, stellt aber nichts zu</translation>
    </message>
    <message>
        <source>Webhooks, Telegram messages and MCP calls that deliver the alert</source>
        <translation>Webhooks, Telegram-Nachrichten und MCP-Aufrufe, die den Alarm zustellen</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Chain</source>
        <translation>Chain</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>Bedingung</translation>
    </message>
    <message>
        <source>For</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Silence</source>
        <translation>Stummschaltung</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Aktionen</translation>
    </message>
    <message>
        <source>All chains</source>
        <translation>Alle Chains</translation>
    </message>
    <message>
        <source>Stalled</source>
        <translation>Stockt</translation>
    </message>
    <message>
        <source>All RPC endpoints down</source>
        <translation>Alle RPC-Endpunkte ausgefallen</translation>
    </message>
    <message>
        <source>Deep reorg</source>
        <translation>Tiefer Reorg</translation>
    </message>
    <message>
        <source>Balance queue delayed</source>
        <translation>Salden-Warteschlange verzögert</translation>
    </message>
    <message>
        <source>Balance queue errors</source>
        <translation>Fehler in der Salden-Warteschlange</translation>
    </message>
    <message>
        <source>Lag in blocks</source>
        <translation>Rückstand in Blöcken</translation>
    </message>
    <message>
        <source>Lag in seconds</source>
        <translation>Rückstand in Sekunden</translation>
    </message>
    <message>
        <source>RPC error rate</source>
        <translation>RPC-Fehlerquote</translation>
    </message>
    <message>
        <source>Behind the head, and no new block indexed for this many minutes.</source>
        <translation>Hinter dem letzten Block der Chain, und seit so vielen Minuten wurde kein neuer Block indiziert.</translation>
    </message>
    <message>
        <source>Every RPC endpoint of the chain fails.</source>
        <translation>Jeder RPC-Endpunkt der Chain schlägt fehl.</translation>
    </message>
    <message>
        <source>A reorg at least this many blocks deep was handled (an event, not a state).</source>
        <translation>Ein Reorg, mindestens so viele Blöcke tief, wurde behandelt (ein Ereignis, kein Zustand).</translation>
    </message>
    <message>
        <source>The chain&apos;s balance queue is behind (DELAYED or ERRORS).</source>
        <translation>Die Salden-Warteschlange der Chain hängt hinterher (Status „Verzögert“ oder „Fehler“).</translation>
    </message>
    <message>
        <source>The chain&apos;s balance queue has failed attempts (ERRORS).</source>
        <translation>Die Salden-Warteschlange der Chain hat fehlgeschlagene Versuche (Status „Fehler“).</translation>
    </message>
    <message>
        <source>The last indexed block is at least this many blocks behind the head.</source>
        <translation>Der zuletzt indizierte Block liegt mindestens so viele Blöcke hinter dem letzten Block der Chain.</translation>
    </message>
    <message>
        <source>The last indexed block is at least this many seconds old.</source>
        <translation>Der zuletzt indizierte Block ist mindestens so viele Sekunden alt.</translation>
    </message>
    <message>
        <source>An endpoint of the chain fails at least this share of its recent calls.</source>
        <translation>Ein Endpunkt der Chain scheitert an mindestens diesem Anteil seiner letzten Aufrufe.</translation>
    </message>
    <message>
        <source>minutes</source>
        <translation>Minuten</translation>
    </message>
    <message>
        <source>blocks</source>
        <translation>Blöcke</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>Sekunden</translation>
    </message>
    <message>
        <source>No new block for %1 minutes</source>
        <translation>Kein neuer Block seit %1 Minuten</translation>
    </message>
    <message>
        <source>Lag ≥ %1 blocks</source>
        <translation>Rückstand ≥ %1 Blöcke</translation>
    </message>
    <message>
        <source>Lag ≥ %1 seconds</source>
        <translation>Rückstand ≥ %1 Sekunden</translation>
    </message>
    <message>
        <source>RPC errors ≥ %1 %</source>
        <translation>RPC-Fehler ≥ %1 %</translation>
    </message>
    <message>
        <source>Reorg ≥ %1 blocks deep</source>
        <translation>Reorg ≥ %1 Blöcke tief</translation>
    </message>
    <message>
        <source>at once</source>
        <translation>sofort</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>Deliveries failing</source>
        <translation>Zustellungen schlagen fehl</translation>
    </message>
    <message>
        <source>Deliveries held</source>
        <translation>Zustellungen zurückgehalten</translation>
    </message>
    <message>
        <source>A trigger action of the chain has delivered nothing for as long as its “failing after” allows.</source>
        <translation>Eine Trigger-Aktion der Chain hat so lange nichts zugestellt, wie ihr „failingAfter“ erlaubt.</translation>
    </message>
    <message>
        <source>A trigger action of the chain is disabled (its receiver answered 410 Gone): its deliveries are held.</source>
        <translation>Eine Trigger-Aktion der Chain ist deaktiviert (ihr Empfänger antwortete 410 Gone): Ihre Zustellungen werden zurückgehalten.</translation>
    </message>
</context>
<context>
    <name>arbor::ui::AlertRulesDialog</name>
    <message>
        <source>Alert Rules</source>
        <translation>Alarmregeln</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Hinzufügen …</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten …</translation>
    </message>
    <message>
        <source>Disa&amp;ble</source>
        <translation>Deakti&amp;vieren</translation>
    </message>
    <message>
        <source>&amp;Lift Silence</source>
        <translation>Stummschaltung a&amp;ufheben</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Löschen …</translation>
    </message>
    <message>
        <source>Silence for 1 hour</source>
        <translation>1 Stunde stummschalten</translation>
    </message>
    <message>
        <source>Silence for 8 hours</source>
        <translation>8 Stunden stummschalten</translation>
    </message>
    <message>
        <source>Silence for 24 hours</source>
        <translation>24 Stunden stummschalten</translation>
    </message>
    <message>
        <source>&amp;Silence</source>
        <translation>&amp;Stummschalten</translation>
    </message>
    <message>
        <source>A rule raises an alert in the console when its condition holds for a chain, and delivers it through its actions (webhook, Telegram, MCP) like a trigger. The built-in alerts are set in Settings.</source>
        <translation>Eine Regel löst in der Konsole einen Alarm aus, wenn ihre Bedingung für eine Chain zutrifft, und stellt ihn wie ein Trigger über ihre Aktionen zu (Webhook, Telegram, MCP). Die eingebauten Alarme werden in den Einstellungen festgelegt.</translation>
    </message>
    <message>
        <source>Could not read the alert rules: %1</source>
        <translation>Die Alarmregeln ließen sich nicht lesen: %1</translation>
    </message>
    <message>
        <source>Ena&amp;ble</source>
        <translation>Akti&amp;vieren</translation>
    </message>
    <message>
        <source>Read-only: %1</source>
        <translation>Schreibgeschützt: %1</translation>
    </message>
    <message>
        <source>Write a rule: a condition on one chain or all, and what delivers it</source>
        <translation>Eine Regel schreiben: eine Bedingung für eine Chain oder alle, und was den Alarm zustellt</translation>
    </message>
    <message>
        <source>Edit the selected rule</source>
        <translation>Die ausgewählte Regel bearbeiten</translation>
    </message>
    <message>
        <source>Stop evaluating the rule; its alerts clear</source>
        <translation>Die Regel nicht mehr auswerten; ihre Alarme werden aufgehoben</translation>
    </message>
    <message>
        <source>Evaluate the rule again</source>
        <translation>Die Regel wieder auswerten</translation>
    </message>
    <message>
        <source>Deliver and notify nothing for a while; its alerts are still shown here</source>
        <translation>Eine Zeit lang nichts zustellen und nicht benachrichtigen; ihre Alarme erscheinen weiterhin hier</translation>
    </message>
    <message>
        <source>Deliver the rule&apos;s alerts again from now on</source>
        <translation>Die Alarme der Regel ab jetzt wieder zustellen</translation>
    </message>
    <message>
        <source>Delete the selected rule; its delivery log and alert history stay</source>
        <translation>Die ausgewählte Regel löschen; ihr Zustellprotokoll und ihr Alarmverlauf bleiben</translation>
    </message>
    <message>
        <source>Alert rule “%1” added.</source>
        <translation>Alarmregel „%1“ hinzugefügt.</translation>
    </message>
    <message>
        <source>Alert rule “%1” saved.</source>
        <translation>Alarmregel „%1“ gespeichert.</translation>
    </message>
    <message>
        <source>Could not change the alert rule: %1</source>
        <translation>Die Alarmregel ließ sich nicht ändern: %1</translation>
    </message>
    <message>
        <source>“%1” is enabled.</source>
        <translation>„%1“ ist aktiviert.</translation>
    </message>
    <message>
        <source>“%1” is disabled: it raises nothing.</source>
        <translation>„%1“ ist deaktiviert: sie löst nichts aus.</translation>
    </message>
    <message>
        <source>“%1” is silenced until %2: its alerts are shown here, but nothing is delivered.</source>
        <translation>„%1“ ist bis %2 stummgeschaltet: ihre Alarme erscheinen hier, aber nichts wird zugestellt.</translation>
    </message>
    <message>
        <source>“%1” delivers its alerts again.</source>
        <translation>„%1“ stellt ihre Alarme wieder zu.</translation>
    </message>
    <message>
        <source>Delete Alert Rule</source>
        <translation>Alarmregel löschen</translation>
    </message>
    <message>
        <source>Delete the alert rule “%1”?</source>
        <translation>Die Alarmregel „%1“ löschen?</translation>
    </message>
    <message>
        <source>Its alerts clear and its deliveries not yet sent are cancelled. The delivery log and the alert history stay.</source>
        <translation>Ihre Alarme werden aufgehoben und ihre noch nicht gesendeten Zustellungen abgebrochen. Das Zustellprotokoll und der Alarmverlauf bleiben.</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>Could not delete “%1”: %2</source>
        <translation>„%1“ ließ sich nicht löschen: %2</translation>
    </message>
    <message>
        <source>Alert rule “%1” deleted.</source>
        <translation>Alarmregel „%1“ gelöscht.</translation>
    </message>
    <message>
        <source>Send &amp;Test</source>
        <translation>&amp;Test senden</translation>
    </message>
    <message>
        <source>The rule has no action to test; add one in its editor</source>
        <translation>Die Regel hat keine Aktion zum Testen; fügen Sie im Editor eine hinzu</translation>
    </message>
    <message>
        <source>Send each action of the selected rule what it would send when the rule is raised, marked as a test; the results show in Triggers › Delivery Log</source>
        <translation>Jeder Aktion der gewählten Regel senden, was sie beim Auslösen der Regel senden würde, als Test gekennzeichnet; die Ergebnisse stehen unter Trigger › Zustellprotokoll</translation>
    </message>
    <message>
        <source>Sending a test of “%1”…</source>
        <translation>Test von „%1“ wird gesendet …</translation>
    </message>
    <message>
        <source>No test sent for “%1”: %2</source>
        <translation>Kein Test für „%1“ gesendet: %2</translation>
    </message>
    <message numerus="yes">
        <source>Sent a test of “%1” to its %n action(s) (“%2”); the results show in Triggers › Delivery Log.</source>
        <translation>
            <numerusform>Test von „%1“ an ihre %n Aktion gesendet („%2“); die Ergebnisse stehen unter Trigger › Zustellprotokoll.</numerusform>
            <numerusform>Test von „%1“ an ihre %n Aktionen gesendet („%2“); die Ergebnisse stehen unter Trigger › Zustellprotokoll.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>arbor::ui::AppSettings</name>
    <message>
        <source>The settings file %1 cannot be written; check its permissions.</source>
        <translation>Die Einstellungsdatei %1 kann nicht geschrieben werden; ihre Zugriffsrechte prüfen.</translation>
    </message>
    <message>
        <source>The settings file %1 is damaged; move it away to start with defaults.</source>
        <translation>Die Einstellungsdatei %1 ist beschädigt; sie an einen anderen Ort verschieben, um mit den Standardwerten zu starten.</translation>
    </message>
    <message>
        <source>“%1” is not a language Arbor offers; choose system, en or de.</source>
        <translation>„%1“ ist keine Sprache, die Arbor anbietet; system, en oder de wählen.</translation>
    </message>
    <message>
        <source>The refresh interval must be between %1 and %2 ms (got %3).</source>
        <translation>Das Aktualisierungsintervall muss zwischen %1 und %2 ms liegen (angegeben: %3).</translation>
    </message>
    <message>
        <source>The poll interval must be between %1 and %2 ms (got %3).</source>
        <translation>Das Abfrageintervall muss zwischen %1 und %2 ms liegen (angegeben: %3).</translation>
    </message>
    <message>
        <source>The reorg depth must be between %1 and %2 blocks (got %3).</source>
        <translation>Die Reorganisationstiefe muss zwischen %1 und %2 Blöcken liegen (angegeben: %3).</translation>
    </message>
    <message>
        <source>address</source>
        <translation>Adresse</translation>
    </message>
</context>
<context>
    <name>arbor::ui::BackupDialog</name>
    <message>
        <source>%1 in %2 s</source>
        <translation>%1 in %2 s</translation>
    </message>
    <message>
        <source>Back Up Database</source>
        <translation>Datenbank sichern</translation>
    </message>
    <message>
        <source>Write a backup of %1 with pg_dump (custom format) while Arbor goes on indexing. Restore it with File › Restore Database… or “arborctl db restore”.</source>
        <translation>Schreibt eine Sicherung von %1 mit pg_dump (Custom-Format), während Arbor weiter indexiert. Wiederherstellen mit Datei › Datenbank wiederherstellen… oder „arborctl db restore“.</translation>
    </message>
    <message>
        <source>Copy %1 into a backup file while Arbor goes on indexing. Restore it with File › Restore Database… or “arborctl db restore”.</source>
        <translation>Kopiert %1 in eine Sicherungsdatei, während Arbor weiter indexiert. Wiederherstellen mit Datei › Datenbank wiederherstellen… oder „arborctl db restore“.</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Auswählen…</translation>
    </message>
    <message>
        <source>Backup &amp;file:</source>
        <translation>Sicherungs&amp;datei:</translation>
    </message>
    <message>
        <source>&amp;Back Up</source>
        <translation>&amp;Sichern</translation>
    </message>
    <message>
        <source>Backup File</source>
        <translation>Sicherungsdatei</translation>
    </message>
    <message>
        <source>Enter the file to write the backup to.</source>
        <translation>Geben Sie die Datei ein, in die die Sicherung geschrieben werden soll.</translation>
    </message>
    <message>
        <source>%1 exists already. Replace it with the new backup?</source>
        <translation>%1 existiert bereits. Durch die neue Sicherung ersetzen?</translation>
    </message>
    <message>
        <source>&amp;Replace</source>
        <translation>&amp;Ersetzen</translation>
    </message>
    <message>
        <source>Backing up to %1…</source>
        <translation>Sicherung nach %1…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Canceled: no backup was written.</source>
        <translation>Abgebrochen: Es wurde keine Sicherung geschrieben.</translation>
    </message>
    <message>
        <source>Backed up %1 to %2: %3.</source>
        <translation>%1 nach %2 gesichert: %3.</translation>
    </message>
    <message>
        <source>The backup failed: %1</source>
        <translation>Die Sicherung ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>The backup failed; nothing was written.</source>
        <translation>Die Sicherung ist fehlgeschlagen; es wurde nichts geschrieben.</translation>
    </message>
</context>
<context>
    <name>arbor::ui::BalancesPage</name>
    <message>
        <source>%1 (%2)</source>
        <comment>token symbol, token name</comment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>&amp;Portfolio</source>
        <translation>&amp;Portfolio</translation>
    </message>
    <message>
        <source>&amp;Top Holders</source>
        <translation>&amp;Größte Inhaber</translation>
    </message>
    <message>
        <source>0x… address of the holder</source>
        <translation>0x…-Adresse des Inhabers</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Adresse:</translation>
    </message>
    <message>
        <source>&amp;Look Up</source>
        <translation>&amp;Nachschlagen</translation>
    </message>
    <message>
        <source>Enter an address to see its balances on every chain.</source>
        <translation>Geben Sie eine Adresse ein, um ihre Salden auf allen Chains zu sehen.</translation>
    </message>
    <message>
        <source>No chains</source>
        <translation>Keine Chains</translation>
    </message>
    <message>
        <source>C&amp;hain:</source>
        <translation>C&amp;hain:</translation>
    </message>
    <message>
        <source>T&amp;oken:</source>
        <translation>T&amp;oken:</translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation>An&amp;zahl:</translation>
    </message>
    <message>
        <source>Choose a chain and one of its tokens to see its largest holders.</source>
        <translation>Wählen Sie eine Chain und einen ihrer Tokens, um dessen größte Inhaber zu sehen.</translation>
    </message>
    <message>
        <source>Enter an address: 0x followed by 40 hex digits.</source>
        <translation>Geben Sie eine Adresse ein: 0x, gefolgt von 40 Hexadezimalziffern.</translation>
    </message>
    <message>
        <source>Looking up the balances of %1…</source>
        <translation>Salden von %1 werden nachgeschlagen…</translation>
    </message>
    <message>
        <source>Could not look up the balances: %1</source>
        <translation>Die Salden konnten nicht nachgeschlagen werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n balance(s) of %1.</source>
        <translation>
            <numerusform>%n Saldo von %1.</numerusform>
            <numerusform>%n Salden von %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 holds no indexed tokens on any chain.</source>
        <translation>%1 hält auf keiner Chain indizierte Tokens.</translation>
    </message>
    <message>
        <source>Looking up the largest holders of %1 on “%2”…</source>
        <translation>Die größten Inhaber von %1 auf „%2“ werden nachgeschlagen…</translation>
    </message>
    <message>
        <source>Could not look up the holders: %1</source>
        <translation>Die Inhaber konnten nicht nachgeschlagen werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>The %n largest holder(s) of %1 on “%2”.</source>
        <translation>
            <numerusform>Der größte Inhaber von %1 auf „%2“.</numerusform>
            <numerusform>Die %n größten Inhaber von %1 auf „%2“.</numerusform>
        </translation>
    </message>
    <message>
        <source>No balances of %1 on “%2” yet.</source>
        <translation>Noch keine Salden von %1 auf „%2“.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>chain name, chain id</comment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>No tokens indexed</source>
        <translation>Keine Tokens indiziert</translation>
    </message>
    <message>
        <source>Only balances of at least this amount of each token, in token units (1.5 is one and a half tokens, whatever their decimals); tokens of unknown decimals are compared in raw units</source>
        <translation>Nur Salden von mindestens diesem Betrag je Token, in Token-Einheiten (1.5 sind anderthalb Tokens, unabhängig von den Dezimalstellen); Tokens mit unbekannten Dezimalstellen werden in Roheinheiten verglichen</translation>
    </message>
    <message>
        <source>&amp;Minimum:</source>
        <translation>&amp;Minimum:</translation>
    </message>
    <message>
        <source>No grouping</source>
        <translation>Keine Gruppierung</translation>
    </message>
    <message>
        <source>By chain</source>
        <translation>Nach Chain</translation>
    </message>
    <message>
        <source>By token</source>
        <translation>Nach Token</translation>
    </message>
    <message>
        <source>&amp;Group:</source>
        <translation>Gr&amp;uppierung:</translation>
    </message>
    <message>
        <source>%1 holds no balance of at least %2 on any chain.</source>
        <translation>%1 hält auf keiner Chain einen Saldo von mindestens %2.</translation>
    </message>
    <message>
        <source>Reading the total supply…</source>
        <translation>Gesamtmenge wird gelesen…</translation>
    </message>
    <message>
        <source>The share of supply is unknown: %1</source>
        <translation>Der Anteil an der Gesamtmenge ist unbekannt: %1</translation>
    </message>
    <message>
        <source>Total supply: %1 %2, as the token&apos;s totalSupply() reports it now.</source>
        <translation>Gesamtmenge: %1 %2, wie sie totalSupply() des Tokens aktuell meldet.</translation>
    </message>
</context>
<context>
    <name>arbor::ui::ChainCard</name>
    <message>
        <source>Click to open the chain&apos;s details</source>
        <translation>Klicken öffnet die Details der Chain</translation>
    </message>
    <message>
        <source>Seconds behind the head over the last 15 minutes</source>
        <translation>Rückstand in Sekunden über die letzten 15 Minuten</translation>
    </message>
    <message>
        <source>RPC endpoints: %1</source>
        <translation>RPC-Endpunkte: %1</translation>
    </message>
</context>
<context>
    <name>arbor::ui::ChainChartPanel</name>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Save a chart as an image or its data as CSV</source>
        <translation>Ein Diagramm als Bild oder seine Daten als CSV speichern</translation>
    </message>
    <message>
        <source>Image (PNG)…</source>
        <translation>Bild (PNG)…</translation>
    </message>
    <message>
        <source>Data (CSV)…</source>
        <translation>Daten (CSV)…</translation>
    </message>
    <message>
        <source>Lag</source>
        <translation>Rückstand</translation>
    </message>
    <message>
        <source>Blocks/s</source>
        <translation>Blöcke/s</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Could not write the image %1.</source>
        <translation>Das Bild %1 konnte nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>Export image (PNG)…</source>
        <translation>Bild exportieren (PNG)…</translation>
    </message>
    <message>
        <source>Export data (CSV)…</source>
        <translation>Daten exportieren (CSV)…</translation>
    </message>
    <message>
        <source>Export chart image</source>
        <translation>Diagramm als Bild exportieren</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <source>Export chart data</source>
        <translation>Diagrammdaten exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
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
        <translation>Wie weit die Diagramme zurückreichen</translation>
    </message>
    <message>
        <source>&amp;Range:</source>
        <translation>&amp;Zeitraum:</translation>
    </message>
    <message>
        <source>Blocks behind</source>
        <translation>Rückstand in Blöcken</translation>
    </message>
    <message>
        <source>Seconds behind</source>
        <translation>Rückstand in Sekunden</translation>
    </message>
    <message>
        <source>Above the scale</source>
        <translation>Über der Skala</translation>
    </message>
    <message>
        <source>%1 (peak %2 above the scale)</source>
        <translation>%1 (Spitze %2 über der Skala)</translation>
    </message>
    <message>
        <source>blocks</source>
        <translation>Blöcke</translation>
    </message>
    <message>
        <source>s</source>
        <translation>s</translation>
    </message>
    <message>
        <source>blocks/s</source>
        <translation>Blöcke/s</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <source>%1: %2 %3</source>
        <translation>%1: %2 %3</translation>
    </message>
    <message numerus="yes">
        <source>Blocks promoted per second, averaged over the %n second(s) before each point.</source>
        <translation>
            <numerusform>Pro Sekunde indizierte Blöcke, gemittelt über die %n Sekunde vor jedem Punkt.</numerusform>
            <numerusform>Pro Sekunde indizierte Blöcke, gemittelt über die %n Sekunden vor jedem Punkt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Blocks per second (%n s average)</source>
        <translation>
            <numerusform>Blöcke pro Sekunde (Mittel über %n s)</numerusform>
            <numerusform>Blöcke pro Sekunde (Mittel über %n s)</numerusform>
        </translation>
    </message>
    <message>
        <source>RPC latency (ms)</source>
        <translation>RPC-Latenz (ms)</translation>
    </message>
</context>
<context>
    <name>arbor::ui::ChainDetailPage</name>
    <message>
        <source>–</source>
        <translation>–</translation>
    </message>
    <message>
        <source>RPC endpoints</source>
        <translation>RPC-Endpunkte</translation>
    </message>
    <message>
        <source>Index progress</source>
        <translation>Indizierungsfortschritt</translation>
    </message>
    <message>
        <source>Reindex requests</source>
        <translation>Neuindizierungsaufträge</translation>
    </message>
    <message>
        <source>Reorgs</source>
        <translation>Reorganisationen</translation>
    </message>
    <message>
        <source>Chain id:</source>
        <translation>Chain-ID:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Head:</source>
        <translation>Letzter Block:</translation>
    </message>
    <message>
        <source>Indexed:</source>
        <translation>Indiziert:</translation>
    </message>
    <message>
        <source>Lag:</source>
        <translation>Rückstand:</translation>
    </message>
    <message>
        <source>Rate:</source>
        <translation>Tempo:</translation>
    </message>
    <message>
        <source>Starting</source>
        <translation>Startet</translation>
    </message>
    <message>
        <source>Catching up</source>
        <translation>Holt auf</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>Aktuell</translation>
    </message>
    <message>
        <source>RPC down</source>
        <translation>RPC ausgefallen</translation>
    </message>
    <message>
        <source>Stalled</source>
        <translation>Stockt</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Angehalten</translation>
    </message>
    <message>
        <source>No chain selected</source>
        <translation>Keine Chain gewählt</translation>
    </message>
    <message>
        <source>Chain %1</source>
        <translation>Chain %1</translation>
    </message>
    <message>
        <source>Unknown chain</source>
        <translation>Unbekannte Chain</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Pausiert</translation>
    </message>
    <message>
        <source>Deleting</source>
        <translation>Wird gelöscht</translation>
    </message>
    <message>
        <source>Not indexed by this console</source>
        <translation>Wird von dieser Konsole nicht indiziert</translation>
    </message>
    <message>
        <source>none (at the head)</source>
        <translation>keiner (auf dem letzten Block)</translation>
    </message>
    <message numerus="yes">
        <source>%n block(s)</source>
        <translation>
            <numerusform>%n Block</numerusform>
            <numerusform>%n Blöcke</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n second(s)</source>
        <translation>
            <numerusform>, %n Sekunde</numerusform>
            <numerusform>, %n Sekunden</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 blocks/s</source>
        <translation>%1 Blöcke/s</translation>
    </message>
    <message>
        <source>Reading index progress…</source>
        <translation>Indizierungsfortschritt wird gelesen…</translation>
    </message>
    <message>
        <source>Could not read the chain&apos;s history: %1</source>
        <translation>Der Verlauf der Chain konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Tokens</translation>
    </message>
    <message>
        <source>&amp;Edit Chain…</source>
        <translation>Chain &amp;bearbeiten …</translation>
    </message>
    <message>
        <source>Change this chain: its name, RPC URLs, poll interval, confirmations, RPC rate and tokens</source>
        <translation>Diese Chain ändern: Name, RPC-URLs, Abfrageintervall, Bestätigungen, RPC-Rate und Tokens</translation>
    </message>
    <message>
        <source>Could not read the chart history: %1</source>
        <translation>Der Diagrammverlauf konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Show another chain</source>
        <translation>Eine andere Chain anzeigen</translation>
    </message>
    <message>
        <source>C&amp;hain:</source>
        <translation>C&amp;hain:</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Daily activity</source>
        <translation>Tägliche Aktivität</translation>
    </message>
    <message>
        <source>at least %1 (no endpoint reports the head)</source>
        <translation>mindestens %1 (kein Endpunkt meldet den Kopfblock)</translation>
    </message>
    <message>
        <source>unknown (no endpoint reports the head)</source>
        <translation>unbekannt (kein Endpunkt meldet den Kopfblock)</translation>
    </message>
    <message>
        <source>Block statistics:</source>
        <translation>Blockstatistik:</translation>
    </message>
    <message>
        <source>every block — fetching the headers of blocks %1–%2: %3%</source>
        <translation>jeder Block – Header der Blöcke %1–%2 werden abgerufen: %3 %</translation>
    </message>
    <message>
        <source>every block</source>
        <translation>jeder Block</translation>
    </message>
    <message>
        <source>blocks with events</source>
        <translation>Blöcke mit Ereignissen</translation>
    </message>
    <message>
        <source>Below the reorg window only the headers of blocks with the chain&apos;s events are fetched: daily transfers and holders are exact, daily blocks, transactions and gas are not counted (Edit Chain › Block statistics)</source>
        <translation>Unterhalb des Reorg-Fensters werden nur die Header der Blöcke mit Ereignissen der Chain abgerufen: tägliche Transfers und Inhaber sind genau, tägliche Blöcke, Transaktionen und Gas werden nicht gezählt (Chain bearbeiten › Blockstatistik)</translation>
    </message>
    <message>
        <source>One header per block: every daily figure is exact</source>
        <translation>Ein Header je Block: jede Tageszahl ist genau</translation>
    </message>
</context>
<context>
    <name>arbor::ui::ChainListModel</name>
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
    <message>
        <source>The highest block an RPC endpoint reports</source>
        <translation>Der höchste Block, den ein RPC-Endpunkt meldet</translation>
    </message>
    <message>
        <source>Every block up to this one is indexed</source>
        <translation>Jeder Block bis zu diesem ist indiziert</translation>
    </message>
    <message>
        <source>Blocks between the indexed height and the head</source>
        <translation>Blöcke zwischen der indizierten Höhe und dem letzten Block</translation>
    </message>
    <message>
        <source>How old the last indexed block is, while the chain is behind its head</source>
        <translation>Wie alt der zuletzt indizierte Block ist, solange die Chain hinter ihrem letzten Block zurückliegt</translation>
    </message>
    <message>
        <source>Blocks indexed per second, over the last ten seconds</source>
        <translation>Indizierte Blöcke pro Sekunde, über die letzten zehn Sekunden</translation>
    </message>
    <message>
        <source>Head</source>
        <translation>Letzter Block</translation>
    </message>
    <message>
        <source>Indexed</source>
        <translation>Indiziert</translation>
    </message>
    <message>
        <source>Lag</source>
        <translation>Rückstand</translation>
    </message>
    <message>
        <source>Lag (time)</source>
        <translation>Rückstand (Zeit)</translation>
    </message>
    <message>
        <source>Blocks/s</source>
        <translation>Blöcke/s</translation>
    </message>
    <message>
        <source>RPC health</source>
        <translation>RPC-Zustand</translation>
    </message>
    <message>
        <source>stalled</source>
        <translation>stockt</translation>
    </message>
    <message>
        <source>starting</source>
        <translation>startet</translation>
    </message>
    <message>
        <source>indexing</source>
        <translation>indiziert</translation>
    </message>
    <message>
        <source>live</source>
        <translation>aktuell</translation>
    </message>
    <message>
        <source>rpc down</source>
        <translation>RPC ausgefallen</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>angehalten</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 Tage</translation>
    </message>
    <message>
        <source>head unknown</source>
        <translation>Kopfblock unbekannt</translation>
    </message>
    <message>
        <source>head unknown since %1</source>
        <translation>Kopfblock unbekannt seit %1</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>noch keine</translation>
    </message>
    <message>
        <source>this console</source>
        <translation>diese Konsole</translation>
    </message>
    <message>
        <source>Indexed by the engine “%1”.</source>
        <translation>Indexiert von der Engine „%1“.</translation>
    </message>
    <message>
        <source>The engine holding the chain&apos;s lease: each chain is indexed by one engine at a time</source>
        <translation>Die Engine, die die Sperre der Chain hält: Jede Chain wird von jeweils einer Engine indexiert</translation>
    </message>
    <message>
        <source>Engine</source>
        <translation>Engine</translation>
    </message>
    <message>
        <source>unknown since %1</source>
        <translation>unbekannt seit %1</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
</context>
<context>
    <name>arbor::ui::ChainPage</name>
    <message>
        <source>The Chain</source>
        <translation>Die Chain</translation>
    </message>
    <message>
        <source>Name the chain as it should appear in Arbor, and choose where indexing starts and how closely it follows the chain&apos;s head.</source>
        <translation>Benennen Sie die Chain so, wie sie in Arbor erscheinen soll, und legen Sie fest, wo die Indizierung beginnt und wie dicht sie dem letzten Block der Chain folgt.</translation>
    </message>
    <message>
        <source>for example mainnet or base-sepolia</source>
        <translation>zum Beispiel mainnet oder base-sepolia</translation>
    </message>
    <message>
        <source>As reported by the endpoints.</source>
        <translation>Wie von den Endpunkten gemeldet.</translation>
    </message>
    <message>
        <source>At the &amp;latest block</source>
        <translation>Ab dem neues&amp;ten Block</translation>
    </message>
    <message>
        <source>At bloc&amp;k</source>
        <translation>&amp;Ab Block</translation>
    </message>
    <message>
        <source>At the earliest &amp;deployment of the chain&apos;s tokens</source>
        <translation>Ab dem frühesten &amp;Deployment der Tokens der Chain</translation>
    </message>
    <message>
        <source>Indexing from a token&apos;s deployment makes its balances exact sums of its transfers.</source>
        <translation>Eine Indizierung ab dem Deployment eines Tokens macht seine Salden zu exakten Summen seiner Transfers.</translation>
    </message>
    <message>
        <source>block number</source>
        <translation>Blocknummer</translation>
    </message>
    <message>
        <source> blocks</source>
        <translation> Blöcke</translation>
    </message>
    <message>
        <source>Index only blocks this deep below the head; 0 follows the head, reorgs are rolled back when they happen.</source>
        <translation>Nur Blöcke indizieren, die so tief unter dem letzten Block liegen; 0 folgt dem letzten Block, Reorganisationen werden zurückgerollt, wenn sie auftreten.</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>How often Arbor asks the endpoints for a new head.</source>
        <translation>Wie oft Arbor die Endpunkte nach einem neuen letzten Block fragt.</translation>
    </message>
    <message>
        <source>Na&amp;me:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>Chain ID:</source>
        <translation>Chain-ID:</translation>
    </message>
    <message>
        <source>Start indexing:</source>
        <translation>Indizierung beginnen:</translation>
    </message>
    <message>
        <source>&amp;Confirmations:</source>
        <translation>&amp;Bestätigungen:</translation>
    </message>
    <message>
        <source>&amp;Poll interval:</source>
        <translation>Abfrage&amp;intervall:</translation>
    </message>
    <message>
        <source>(the head is at %1)</source>
        <translation>(der letzte Block ist %1)</translation>
    </message>
    <message>
        <source>A chain named “%1” exists already (chain %2); choose another name.</source>
        <translation>Eine Chain namens „%1“ existiert bereits (Chain %2); wählen Sie einen anderen Namen.</translation>
    </message>
    <message>
        <source>Enter the block to start at as a whole number, 0 or more.</source>
        <translation>Geben Sie den Startblock als ganze Zahl ein, 0 oder größer.</translation>
    </message>
    <message>
        <source>Block %1 is beyond the chain&apos;s head (%2); enter %2 or less.</source>
        <translation>Block %1 liegt hinter dem letzten Block der Chain (%2); geben Sie %2 oder weniger ein.</translation>
    </message>
    <message>
        <source>Blocks with &amp;events (fewest calls)</source>
        <translation>Blöcke mit &amp;Ereignissen (die wenigsten Aufrufe)</translation>
    </message>
    <message>
        <source>Below the last blocks that may still be reorganised, only the headers of blocks that hold the chain&apos;s events are fetched: daily transfers and active holders are exact, daily blocks, transactions and gas are not counted.</source>
        <translation>Unterhalb der letzten Blöcke, die sich noch reorganisieren können, werden nur die Header der Blöcke mit Ereignissen der Chain abgerufen: tägliche Transfers und aktive Inhaber sind genau, tägliche Blöcke, Transaktionen und Gas werden nicht gezählt.</translation>
    </message>
    <message>
        <source>E&amp;very block (one call per block)</source>
        <translation>&amp;Jeder Block (ein Aufruf je Block)</translation>
    </message>
    <message>
        <source>One header per block: daily blocks, transactions and gas are exact too. Hosted providers bill and rate-limit per call.</source>
        <translation>Ein Header je Block: auch tägliche Blöcke, Transaktionen und Gas sind genau. Gehostete Anbieter rechnen je Aufruf ab und begrenzen die Rate je Aufruf.</translation>
    </message>
    <message>
        <source>Block statistics:</source>
        <translation>Blockstatistik:</translation>
    </message>
    <message>
        <source>The calls to reach the head are shown once the tokens are chosen (Review).</source>
        <translation>Die Aufrufe bis zum Kopf werden angezeigt, sobald die Token gewählt sind (Überprüfung).</translation>
    </message>
    <message>
        <source>To reach the head (%1 blocks): about %2 calls plus one per block with events, or %3 calls for every block.</source>
        <translation>Bis zum Kopf (%1 Blöcke): etwa %2 Aufrufe plus einer je Block mit Ereignissen, oder %3 Aufrufe für jeden Block.</translation>
    </message>
</context>
<context>
    <name>arbor::ui::ChainSizeModel</name>
    <message>
        <source>(not registered)</source>
        <translation>(nicht registriert)</translation>
    </message>
    <message>
        <source>Chain ID</source>
        <translation>Chain-ID</translation>
    </message>
    <message>
        <source>Chain</source>
        <translation>Chain</translation>
    </message>
    <message>
        <source>Tables</source>
        <translation>Tabellen</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Zeilen</translation>
    </message>
    <message>
        <source>Tables size</source>
        <translation>Tabellengröße</translation>
    </message>
    <message>
        <source>Indexes size</source>
        <translation>Indexgröße</translation>
    </message>
    <message>
        <source>Total size</source>
        <translation>Gesamtgröße</translation>
    </message>
    <message>
        <source>Dead rows</source>
        <translation>Tote Zeilen</translation>
    </message>
</context>
<context>
    <name>arbor::ui::ChainsPage</name>
    <message>
        <source>Filter by name, chain ID, status or RPC URL</source>
        <translation>Nach Name, Chain-ID, Status oder RPC-URL filtern</translation>
    </message>
    <message>
        <source>Filter Chains</source>
        <translation>Chains filtern</translation>
    </message>
    <message>
        <source>Show only the chains whose name, chain ID, status or RPC URL contains this text (%1)</source>
        <translation>Nur die Chains anzeigen, deren Name, Chain-ID, Status oder RPC-URL diesen Text enthält (%1)</translation>
    </message>
    <message>
        <source>Right-click to choose the columns</source>
        <translation>Rechtsklick, um die Spalten auszuwählen</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n chain(s)</source>
        <translation>
            <numerusform>%1 von %n Chain</numerusform>
            <numerusform>%1 von %n Chains</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>arbor::ui::ConsoleSession</name>
    <message>
        <source>Prometheus metrics are not served: %1 Change the address in Settings… › Monitoring.</source>
        <translation>Prometheus-Metriken werden nicht bereitgestellt: %1 Die Adresse unter Einstellungen … › Monitoring ändern.</translation>
    </message>
    <message>
        <source>Arbor stopped unexpectedly</source>
        <translation>Arbor wurde unerwartet beendet</translation>
    </message>
</context>
<context>
    <name>arbor::ui::ContractsPage</name>
    <message>
        <source>Contracts</source>
        <translation>Contracts</translation>
    </message>
    <message>
        <source>Add the ERC-20 tokens whose transfers and balances Arbor should index, and the ERC-8004 agent registries, if the chain has any. Both are optional and can be added later.</source>
        <translation>Fügen Sie die ERC-20-Tokens hinzu, deren Transfers und Salden Arbor indizieren soll, sowie die ERC-8004-Agenten-Registrys, falls die Chain welche hat. Beides ist optional und lässt sich später hinzufügen.</translation>
    </message>
    <message>
        <source>token contract address, 0x…</source>
        <translation>Adresse des Token-Contracts, 0x…</translation>
    </message>
    <message>
        <source>&amp;Add Token</source>
        <translation>Token &amp;hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Symbol</source>
        <translation>Symbol</translation>
    </message>
    <message>
        <source>Decimals</source>
        <translation>Dezimalstellen</translation>
    </message>
    <message>
        <source>Deployed at</source>
        <translation>Deployt bei</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>ERC-20 tokens</source>
        <translation>ERC-20-Tokens</translation>
    </message>
    <message>
        <source>ERC-8004 registries</source>
        <translation>ERC-8004-Registrys</translation>
    </message>
    <message>
        <source>&amp;Identity:</source>
        <translation>&amp;Identität:</translation>
    </message>
    <message>
        <source>Re&amp;putation:</source>
        <translation>Re&amp;putation:</translation>
    </message>
    <message>
        <source>&amp;Validation:</source>
        <translation>&amp;Validierung:</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>The zero address is not a token contract.</source>
        <translation>Die Nulladresse ist kein Token-Contract.</translation>
    </message>
    <message>
        <source>%1 is in the list already.</source>
        <translation>%1 ist bereits in der Liste.</translation>
    </message>
    <message>
        <source>Press Add Token to read this token from the chain.</source>
        <translation>Klicken Sie auf „Token hinzufügen“, um diesen Token von der Chain zu lesen.</translation>
    </message>
    <message>
        <source>The node returned nothing for this address.</source>
        <translation>Der Knoten hat für diese Adresse nichts zurückgegeben.</translation>
    </message>
    <message>
        <source>This contract is not an ERC-20 token: it has no name(), symbol() or decimals(). Remove it, or check the address.</source>
        <translation>Dieser Contract ist kein ERC-20-Token: Er hat weder name() noch symbol() noch decimals(). Entfernen Sie ihn oder prüfen Sie die Adresse.</translation>
    </message>
    <message>
        <source>Reading from the chain…</source>
        <translation>Wird von der Chain gelesen…</translation>
    </message>
    <message>
        <source>Deployment block unknown</source>
        <translation>Deployment-Block unbekannt</translation>
    </message>
    <message>
        <source>ERC-20</source>
        <translation>ERC-20</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>The zero address is not a registry contract.</source>
        <translation>Die Nulladresse ist kein Registry-Contract.</translation>
    </message>
    <message>
        <source>Indexing starts at the earliest token deployment, known once the tokens are read.</source>
        <translation>Die Indizierung beginnt beim frühesten Token-Deployment, das feststeht, sobald die Tokens gelesen sind.</translation>
    </message>
    <message>
        <source>Indexing is to start at a token&apos;s deployment, but no token with a known deployment block is listed. Add one, or go back and choose another start.</source>
        <translation>Die Indizierung soll beim Deployment eines Tokens beginnen, aber kein aufgeführter Token hat einen bekannten Deployment-Block. Fügen Sie einen hinzu oder gehen Sie zurück und wählen Sie einen anderen Start.</translation>
    </message>
    <message>
        <source>Indexing starts at block %1, the earliest deployment of these tokens.</source>
        <translation>Die Indizierung beginnt bei Block %1, dem frühesten Deployment dieser Tokens.</translation>
    </message>
    <message>
        <source>Use the &amp;official ERC-8004 registries for %1</source>
        <translation>&amp;Offizielle ERC-8004-Registrys für %1 verwenden</translation>
    </message>
    <message>
        <source>The ERC-8004 team lists registries for chain %1 (%2); Arbor carries their list (%3).</source>
        <translation>Das ERC-8004-Team führt Registrys für Chain %1 (%2) auf; Arbor bringt seine Liste mit (%3).</translation>
    </message>
    <message>
        <source>It names no validation registry: give one below if the chain has one.</source>
        <translation>Sie nennt keine Validation-Registry: unten eine angeben, falls die Chain eine hat.</translation>
    </message>
</context>
<context>
    <name>arbor::ui::DatabaseGrowthChart</name>
    <message>
        <source>Database size over time</source>
        <translation>Datenbankgröße im Zeitverlauf</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>No size samples yet. The engine that indexes records the sizes shortly after it starts and then every hour.</source>
        <translation>Noch keine Größenmesswerte. Die indexierende Engine zeichnet die Größen kurz nach ihrem Start und danach stündlich auf.</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Gesamt</translation>
    </message>
    <message>
        <source>Admin tables</source>
        <translation>Admin-Tabellen</translation>
    </message>
    <message>
        <source>Global tables</source>
        <translation>Globale Tabellen</translation>
    </message>
    <message>
        <source>Free space</source>
        <translation>Freier Speicher</translation>
    </message>
    <message>
        <source>Other chains</source>
        <translation>Andere Chains</translation>
    </message>
    <message>
        <source>Chain %1</source>
        <translation>Chain %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Size (%1)</source>
        <translation>Größe (%1)</translation>
    </message>
</context>
<context>
    <name>arbor::ui::DatabasePage</name>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>Letzte 24 Stunden</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Letzte 30 Tage</translation>
    </message>
    <message>
        <source>Last year</source>
        <translation>Letztes Jahr</translation>
    </message>
    <message>
        <source>Sizes</source>
        <translation>Größen</translation>
    </message>
    <message>
        <source>Growth</source>
        <translation>Wachstum</translation>
    </message>
    <message>
        <source>Slowest Statements</source>
        <translation>Langsamste Anweisungen</translation>
    </message>
    <message>
        <source>Maintenance</source>
        <translation>Wartung</translation>
    </message>
    <message>
        <source>Could not read the database&apos;s sizes: %1</source>
        <translation>Die Größen der Datenbank konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Could not read the slowest statements: %1</source>
        <translation>Die langsamsten Anweisungen konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Could not read the size history: %1</source>
        <translation>Der Größenverlauf konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation>%1 auf %2</translation>
    </message>
    <message>
        <source>%1, file %2</source>
        <translation>%1, Datei %2</translation>
    </message>
    <message>
        <source>Total %1 · %2 dead rows, about %3 that VACUUM makes reusable</source>
        <translation>Gesamt %1 · %2 tote Zeilen, etwa %3, die VACUUM wiederverwendbar macht</translation>
    </message>
    <message>
        <source>Total %1 · free %2 (%3 free pages of %4) · WAL %5</source>
        <translation>Gesamt %1 · frei %2 (%3 freie Seiten von %4) · WAL %5</translation>
    </message>
    <message numerus="yes">
        <source>Admin tables %1 (%2 rows) · global tables %3 (%4 rows) · %n chain(s) %5 (%6 rows)</source>
        <translation>
            <numerusform>Admin-Tabellen %1 (%2 Zeilen) · globale Tabellen %3 (%4 Zeilen) · %n Chain %5 (%6 Zeilen)</numerusform>
            <numerusform>Admin-Tabellen %1 (%2 Zeilen) · globale Tabellen %3 (%4 Zeilen) · %n Chains %5 (%6 Zeilen)</numerusform>
        </translation>
    </message>
    <message>
        <source>Read at %1 in %2 ms.</source>
        <translation>Gelesen um %1 in %2 ms.</translation>
    </message>
    <message>
        <source>Read the sizes, the slowest statements and the engines again (on SQLite this reads every page of the file)</source>
        <translation>Größen, langsamste Anweisungen und Engines neu lesen (bei SQLite wird dabei jede Seite der Datei gelesen)</translation>
    </message>
    <message>
        <source>Engines</source>
        <translation>Engines</translation>
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
        <translation>Die Indizierung wird beendet, und die Tabellen der Chain, ihre Zeilen in den chainübergreifenden Tabellen und ihre Verwaltungsdaten werden entfernt. Das lässt sich nicht rückgängig machen; um die Chain wieder zu indizieren, müsste sie neu hinzugefügt und ab ihrem Startblock synchronisiert werden.</translation>
    </message>
    <message>
        <source>Type the chain&apos;s name, &lt;b&gt;%1&lt;/b&gt;, to confirm:</source>
        <translation>Zur Bestätigung den Namen der Chain, &lt;b&gt;%1&lt;/b&gt;, eingeben:</translation>
    </message>
</context>
<context>
    <name>arbor::ui::DeleteProgressDialog</name>
    <message>
        <source>Deleting Chain</source>
        <translation>Chain wird gelöscht</translation>
    </message>
    <message>
        <source>Deleting “%1” (chain ID %2)</source>
        <translation>„%1“ (Chain-ID %2) wird gelöscht</translation>
    </message>
    <message>
        <source>Stopping the chain&apos;s indexer…</source>
        <translation>Die Indizierung der Chain wird angehalten…</translation>
    </message>
    <message>
        <source>Step %1 of %2: %3…</source>
        <translation>Schritt %1 von %2: %3…</translation>
    </message>
    <message>
        <source>Chain “%1” deleted.</source>
        <translation>Chain „%1“ gelöscht.</translation>
    </message>
    <message>
        <source>The chain was not fully deleted: %1</source>
        <translation>Die Chain wurde nicht vollständig gelöscht: %1</translation>
    </message>
</context>
<context>
    <name>arbor::ui::DeliveryChartPanel</name>
    <message>
        <source>Deliveries per minute by status</source>
        <translation>Zustellungen pro Minute nach Status</translation>
    </message>
    <message>
        <source>Attempts/min</source>
        <translation>Versuche/min</translation>
    </message>
    <message>
        <source>p95 action latency</source>
        <translation>p95-Latenz der Aktionen</translation>
    </message>
    <message>
        <source>Duration (ms)</source>
        <translation>Dauer (ms)</translation>
    </message>
    <message>
        <source>p95</source>
        <translation>p95</translation>
    </message>
    <message>
        <source>No delivery attempts in the last hour.</source>
        <translation>Keine Zustellversuche in der letzten Stunde.</translation>
    </message>
    <message numerus="yes">
        <source>Last hour: %n attempt(s); %1 failed for good, %2 failed and retried.</source>
        <translation>
            <numerusform>Letzte Stunde: %n Versuch; %1 endgültig fehlgeschlagen, %2 fehlgeschlagen und wiederholt.</numerusform>
            <numerusform>Letzte Stunde: %n Versuche; %1 endgültig fehlgeschlagen, %2 fehlgeschlagen und wiederholt.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>arbor::ui::DeliveryLogModel</name>
    <message>
        <source>Trigger %1, delivery %2</source>
        <translation>Trigger %1, Zustellung %2</translation>
    </message>
    <message>
        <source>Answer: %1</source>
        <translation>Antwort: %1</translation>
    </message>
    <message>
        <source>Block %1, transaction %2, log %3</source>
        <translation>Block %1, Transaktion %2, Log %3</translation>
    </message>
    <message>
        <source>(deleted trigger %1)</source>
        <translation>(gelöschter Trigger %1)</translation>
    </message>
    <message>
        <source>%1 (test)</source>
        <translation>%1 (Test)</translation>
    </message>
    <message>
        <source>1 for the first attempt; every retry is a row of its own</source>
        <translation>1 für den ersten Versuch; jede Wiederholung steht in einer eigenen Zeile</translation>
    </message>
    <message>
        <source>How long the attempt took, in milliseconds</source>
        <translation>Dauer des Versuchs in Millisekunden</translation>
    </message>
    <message>
        <source>The event&apos;s transaction and log index</source>
        <translation>Transaktion und Log-Index des Ereignisses</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Trigger</source>
        <translation>Trigger</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Attempt</source>
        <translation>Versuch</translation>
    </message>
    <message>
        <source>HTTP</source>
        <translation>HTTP</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Wartend</translation>
    </message>
    <message>
        <source>Retrying</source>
        <translation>Wiederholung</translation>
    </message>
    <message>
        <source>Success</source>
        <translation>Erfolg</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>REST webhook</source>
        <translation>REST-Webhook</translation>
    </message>
    <message>
        <source>Telegram</source>
        <translation>Telegram</translation>
    </message>
    <message>
        <source>MCP</source>
        <translation>MCP</translation>
    </message>
    <message>
        <source>Alert rule %1, delivery %2</source>
        <translation>Alarmregel %1, Zustellung %2</translation>
    </message>
    <message>
        <source>(deleted alert rule %1)</source>
        <translation>(gelöschte Alarmregel %1)</translation>
    </message>
    <message>
        <source>⚑ %1 (alert rule)</source>
        <translation>⚑ %1 (Alarmregel)</translation>
    </message>
    <message>
        <source>block %1 · %2 #%3</source>
        <comment>block number, transaction hash, log index</comment>
        <translation>Block %1 · %2 #%3</translation>
    </message>
    <message>
        <source>chat %1</source>
        <translation>Chat %1</translation>
    </message>
    <message>
        <source>the agent&apos;s own endpoint</source>
        <translation>der eigene Endpunkt des Agenten</translation>
    </message>
    <message>
        <source>%1. %2 — %3</source>
        <comment>priority, action type, where it sends</comment>
        <translation>%1. %2 — %3</translation>
    </message>
</context>
<context>
    <name>arbor::ui::DesktopNotifier</name>
    <message>
        <source>Arbor</source>
        <translation>Arbor</translation>
    </message>
    <message>
        <source>Show Arbor</source>
        <translation>Arbor anzeigen</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
</context>
<context>
    <name>arbor::ui::DevnetRecovery</name>
    <message>
        <source>Local Devnet Not Running</source>
        <translation>Lokales Devnet läuft nicht</translation>
    </message>
    <message>
        <source>Start a new local devnet in its place (the old chain&apos;s indexed data is deleted), or forget the chain?</source>
        <translation>Ein neues lokales Devnet an seiner Stelle starten (die indizierten Daten der alten Chain werden gelöscht) oder die Chain vergessen?</translation>
    </message>
    <message>
        <source>&amp;Start a New Devnet</source>
        <translation>Neues Devnet &amp;starten</translation>
    </message>
    <message>
        <source>&amp;Forget the Chain</source>
        <translation>Chain &amp;vergessen</translation>
    </message>
    <message>
        <source>&amp;Not Now</source>
        <translation>&amp;Nicht jetzt</translation>
    </message>
    <message>
        <source>&amp;Do the same on every start</source>
        <translation>Bei jedem Start &amp;genauso verfahren</translation>
    </message>
    <message>
        <source>The local devnet “%1” is not running and cannot be started again: %2</source>
        <translation>Das lokale Devnet „%1“ läuft nicht und kann nicht erneut gestartet werden: %2</translation>
    </message>
    <message>
        <source>Replacing the stopped local devnet “%1” with a new one…</source>
        <translation>Das beendete lokale Devnet „%1“ wird durch ein neues ersetzt…</translation>
    </message>
    <message>
        <source>Forgetting the stopped local devnet “%1”…</source>
        <translation>Das beendete lokale Devnet „%1“ wird vergessen…</translation>
    </message>
    <message>
        <source>The stopped local devnet “%1” could not be deleted: %2</source>
        <translation>Das beendete lokale Devnet „%1“ konnte nicht gelöscht werden: %2</translation>
    </message>
    <message>
        <source>Forgot the stopped local devnet “%1”.</source>
        <translation>Das beendete lokale Devnet „%1“ wurde vergessen.</translation>
    </message>
    <message>
        <source>The local devnet could not start: %1</source>
        <translation>Das lokale Devnet konnte nicht starten: %1</translation>
    </message>
    <message>
        <source>The local devnet could not be added: %1</source>
        <translation>Das lokale Devnet konnte nicht hinzugefügt werden: %1</translation>
    </message>
    <message>
        <source>The new local devnet “%1” is being indexed.</source>
        <translation>Das neue lokale Devnet „%1“ wird indiziert.</translation>
    </message>
    <message>
        <source>Starting the local devnet “%1” again from where it stopped…</source>
        <translation>Lokales Devnet „%1“ wird dort fortgesetzt, wo es angehalten hat …</translation>
    </message>
    <message>
        <source>The local devnet “%1” could not be started again: %2</source>
        <translation>Das lokale Devnet „%1“ konnte nicht wieder gestartet werden: %2</translation>
    </message>
    <message>
        <source>The local devnet “%1” stopped when Arbor last closed: its node ran inside Arbor and kept no saved state. Its chain can no longer be indexed, and a new node would be a different chain.</source>
        <translation>Das lokale Devnet „%1“ wurde beim letzten Beenden von Arbor angehalten: Sein Knoten lief innerhalb von Arbor und hat keinen Zustand gespeichert. Seine Chain kann nicht mehr indexiert werden, und ein neuer Knoten wäre eine andere Chain.</translation>
    </message>
    <message>
        <source>The local devnet “%1” stopped when Arbor last closed, and starting it again from its saved state failed: %2 Its chain cannot be indexed until its node runs.</source>
        <translation>Das lokale Devnet „%1“ wurde beim letzten Beenden von Arbor angehalten, und der Neustart aus seinem gespeicherten Zustand ist fehlgeschlagen: %2 Seine Chain kann erst wieder indexiert werden, wenn sein Knoten läuft.</translation>
    </message>
    <message>
        <source>The local devnet “%1” runs again; its chain is indexed on from where it stopped.</source>
        <translation>Das lokale Devnet „%1“ läuft wieder; seine Chain wird ab der Stelle weiter indexiert, an der sie angehalten hat.</translation>
    </message>
</context>
<context>
    <name>arbor::ui::DryRunDialog</name>
    <message>
        <source>Dry Run of “%1”</source>
        <translation>Probelauf von „%1“</translation>
    </message>
    <message>
        <source>Nothing is sent: a dry run evaluates the stored events of the range from a fresh state and shows what each action would send.</source>
        <translation>Es wird nichts gesendet: Ein Probelauf wertet die gespeicherten Ereignisse des Bereichs mit frischem Zustand aus und zeigt, was jede Aktion senden würde.</translation>
    </message>
    <message>
        <source>first stored</source>
        <translation>erstes gespeichertes</translation>
    </message>
    <message>
        <source>checkpoint</source>
        <translation>Checkpoint</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>&amp;Ausführen</translation>
    </message>
    <message>
        <source>Blocks from</source>
        <translation>Blöcke von</translation>
    </message>
    <message>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <source>Block</source>
        <translation>Block</translation>
    </message>
    <message>
        <source>Transaction</source>
        <translation>Transaktion</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Log</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Select a match to see what its actions would send.</source>
        <translation>Einen Treffer auswählen, um zu sehen, was seine Aktionen senden würden.</translation>
    </message>
    <message>
        <source>The range ends before it starts: %1 is after %2.</source>
        <translation>Der Bereich endet vor seinem Anfang: %1 liegt nach %2.</translation>
    </message>
    <message>
        <source>Evaluating the stored events…</source>
        <translation>Die gespeicherten Ereignisse werden ausgewertet…</translation>
    </message>
    <message>
        <source>The dry run failed: %1</source>
        <translation>Der Probelauf ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>No stored events in this range. Nothing was sent.</source>
        <translation>Keine gespeicherten Ereignisse in diesem Bereich. Es wurde nichts gesendet.</translation>
    </message>
    <message numerus="yes">
        <source>Blocks %1 to %2: %n event(s) evaluated, %3 matched. Nothing was sent.</source>
        <translation>
            <numerusform>Blöcke %1 bis %2: %n Ereignis ausgewertet, %3 Treffer. Es wurde nichts gesendet.</numerusform>
            <numerusform>Blöcke %1 bis %2: %n Ereignisse ausgewertet, %3 Treffer. Es wurde nichts gesendet.</numerusform>
        </translation>
    </message>
    <message>
        <source>The run stopped at block %1 after the most events one dry run reads: narrow the range to see the rest.</source>
        <translation>Der Lauf endete bei Block %1, weil ein Probelauf nicht mehr Ereignisse liest: den Bereich eingrenzen, um den Rest zu sehen.</translation>
    </message>
    <message>
        <source>chat %1</source>
        <translation>Chat %1</translation>
    </message>
    <message>
        <source>Would not be sent: %1</source>
        <translation>Würde nicht gesendet: %1</translation>
    </message>
</context>
<context>
    <name>arbor::ui::EditChainDialog</name>
    <message>
        <source>Edit Chain</source>
        <translation>Chain bearbeiten</translation>
    </message>
    <message>
        <source>“%1”, chain %2</source>
        <translation>„%1“, Chain %2</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>How often the chain&apos;s head is asked for once indexing has caught up</source>
        <translation>Wie oft nach dem letzten Block der Chain gefragt wird, sobald die Indizierung aufgeholt hat</translation>
    </message>
    <message>
        <source>Index only blocks this deep below the head: reorganisations above them never reach the tables</source>
        <translation>Nur Blöcke indizieren, die so tief unter dem letzten Block liegen: Reorganisationen oberhalb davon erreichen die Tabellen nie</translation>
    </message>
    <message>
        <source> requests/s</source>
        <translation> Anfragen/s</translation>
    </message>
    <message>
        <source>Unlimited</source>
        <translation>Unbegrenzt</translation>
    </message>
    <message>
        <source>Requests per second allowed on each RPC URL of the chain; Unlimited learns the provider&apos;s limit from its refusals</source>
        <translation>Erlaubte Anfragen pro Sekunde an jede RPC-URL der Chain; bei „Unbegrenzt“ lernt Arbor das Limit des Anbieters aus dessen Ablehnungen</translation>
    </message>
    <message>
        <source>Chain</source>
        <translation>Chain</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Poll interval:</source>
        <translation>Abfrage&amp;intervall:</translation>
    </message>
    <message>
        <source>&amp;Confirmations:</source>
        <translation>&amp;Bestätigungen:</translation>
    </message>
    <message>
        <source>RPC &amp;rate:</source>
        <translation>RPC-&amp;Rate:</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>https://… another endpoint of this chain</source>
        <translation>https://… ein weiterer Endpunkt dieser Chain</translation>
    </message>
    <message>
        <source>Probe and &amp;Add</source>
        <translation>Prüfen und &amp;hinzufügen</translation>
    </message>
    <message>
        <source>Ask the URL for its chain id, head and client before it is added; it must serve chain %1</source>
        <translation>Die URL vor dem Hinzufügen nach Chain-ID, letztem Block und Client fragen; sie muss Chain %1 bedienen</translation>
    </message>
    <message>
        <source>RPC endpoints</source>
        <translation>RPC-Endpunkte</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>Balances from</source>
        <translation>Salden aus</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Begründung</translation>
    </message>
    <message>
        <source>0x… an ERC-20 token contract</source>
        <translation>0x… ein ERC-20-Token-Contract</translation>
    </message>
    <message>
        <source>Add &amp;Token</source>
        <translation>&amp;Token hinzufügen</translation>
    </message>
    <message>
        <source>%1  %2</source>
        <translation>%1  %2</translation>
    </message>
    <message>
        <source>0x… the registry contract</source>
        <translation>0x… der Registry-Contract</translation>
    </message>
    <message>
        <source>Add Re&amp;gistry</source>
        <translation>Re&amp;gistry hinzufügen</translation>
    </message>
    <message>
        <source>Index this registry when the edit is saved; its events from block %1 on are backfilled</source>
        <translation>Diese Registry beim Speichern der Änderungen indizieren; ihre Ereignisse ab Block %1 werden nachgeladen</translation>
    </message>
    <message>
        <source>ERC-8004 registries</source>
        <translation>ERC-8004-Registrys</translation>
    </message>
    <message>
        <source>%1  %2 (new: indexed from block %3 when you save)</source>
        <translation>%1  %2 (neu: ab Block %3 indiziert, sobald Sie speichern)</translation>
    </message>
    <message>
        <source>(no symbol)</source>
        <translation>(kein Symbol)</translation>
    </message>
    <message>
        <source>Remove the selected URL when the edit is saved</source>
        <translation>Die ausgewählte URL beim Speichern der Änderungen entfernen</translation>
    </message>
    <message>
        <source>A chain needs at least one RPC URL: add another before removing this one</source>
        <translation>Eine Chain braucht mindestens eine RPC-URL: vor dem Entfernen dieser URL eine weitere hinzufügen</translation>
    </message>
    <message>
        <source>%1 is already in the list.</source>
        <translation>%1 ist bereits in der Liste.</translation>
    </message>
    <message>
        <source>Probing %1…</source>
        <translation>%1 wird geprüft…</translation>
    </message>
    <message>
        <source>The probe returned nothing.</source>
        <translation>Die Prüfung hat nichts zurückgegeben.</translation>
    </message>
    <message>
        <source>Not added: %1</source>
        <translation>Nicht hinzugefügt: %1</translation>
    </message>
    <message>
        <source>chain %1, head %2, %3 ms, %4</source>
        <translation>Chain %1, letzter Block %2, %3 ms, %4</translation>
    </message>
    <message>
        <source>client not named</source>
        <translation>Client nicht genannt</translation>
    </message>
    <message>
        <source>%1 (new: %2)</source>
        <translation>%1 (neu: %2)</translation>
    </message>
    <message>
        <source>%1 answers: %2. It is added when you save.</source>
        <translation>%1 antwortet: %2. Die URL wird beim Speichern hinzugefügt.</translation>
    </message>
    <message>
        <source>%1 is removed when you save.</source>
        <translation>%1 wird beim Speichern entfernt.</translation>
    </message>
    <message>
        <source>Reading %1 from the chain…</source>
        <translation>%1 wird von der Chain gelesen…</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert…</translation>
    </message>
    <message>
        <source>Probing the new URLs and saving…</source>
        <translation>Die neuen URLs werden geprüft und gespeichert…</translation>
    </message>
    <message>
        <source>Blocks with events (fewest calls)</source>
        <translation>Blöcke mit Ereignissen (die wenigsten Aufrufe)</translation>
    </message>
    <message>
        <source>Every block (one call per block)</source>
        <translation>Jeder Block (ein Aufruf je Block)</translation>
    </message>
    <message>
        <source>Which blocks the daily statistics count. Every block fetches the header of each of the %1 blocks indexed so far (about one call per block) and of each new block; blocks with events only those that hold the chain&apos;s events.</source>
        <translation>Welche Blöcke die Tagesstatistik zählt. „Jeder Block“ ruft den Header jedes der %1 bisher indizierten Blöcke (etwa ein Aufruf je Block) und jedes neuen Blocks ab; „Blöcke mit Ereignissen“ nur die der Blöcke mit Ereignissen der Chain.</translation>
    </message>
    <message>
        <source>Which blocks the daily statistics count: every block (one call per block) or the blocks that hold the chain&apos;s events only.</source>
        <translation>Welche Blöcke die Tagesstatistik zählt: jeden Block (ein Aufruf je Block) oder nur die Blöcke mit Ereignissen der Chain.</translation>
    </message>
    <message>
        <source>&amp;Block statistics:</source>
        <translation>&amp;Blockstatistik:</translation>
    </message>
    <message>
        <source>Save the name, RPC URLs and their order, poll interval, confirmations, RPC rate, block statistics and registries as one change, then add the new tokens and set the balance modes</source>
        <translation>Name, RPC-URLs und ihre Reihenfolge, Abfrageintervall, Bestätigungen, RPC-Rate, Blockstatistik und Register als eine Änderung speichern, dann die neuen Tokens hinzufügen und die Saldenmodi setzen</translation>
    </message>
    <message>
        <source>Move &amp;Up</source>
        <translation>Nach &amp;oben</translation>
    </message>
    <message>
        <source>Try the selected URL before the one above it; the first URL is the one the indexer prefers</source>
        <translation>Die gewählte URL vor der darüber versuchen; die erste URL bevorzugt der Indexer</translation>
    </message>
    <message>
        <source>Move Do&amp;wn</source>
        <translation>Nach &amp;unten</translation>
    </message>
    <message>
        <source>Try the selected URL after the one below it</source>
        <translation>Die gewählte URL nach der darunter versuchen</translation>
    </message>
    <message>
        <source>Read the token from the chain; it is added when you save, and its past transfers are then backfilled without a full reindex</source>
        <translation>Den Token von der Chain lesen; er wird beim Speichern hinzugefügt, seine bisherigen Transfers werden dann ohne vollständige Neuindizierung nachgeladen</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Tokens</translation>
    </message>
    <message>
        <source>%1 (new: added when you save)</source>
        <translation>%1 (neu: wird beim Speichern hinzugefügt)</translation>
    </message>
    <message>
        <source>%1 is tried first once you save.</source>
        <translation>%1 wird nach dem Speichern zuerst versucht.</translation>
    </message>
    <message>
        <source>The new order is saved with the edit.</source>
        <translation>Die neue Reihenfolge wird mit der Änderung gespeichert.</translation>
    </message>
    <message>
        <source>the chain did not answer for the token.</source>
        <translation>die Chain hat für den Token nicht geantwortet.</translation>
    </message>
    <message>
        <source>%1 (%2 decimals) is added when you save; its past transfers are then backfilled.</source>
        <translation>%1 (%2 Dezimalstellen) wird beim Speichern hinzugefügt; seine bisherigen Transfers werden dann nachgeladen.</translation>
    </message>
    <message>
        <source>%1 takes its balances from %2 when you save; they are then computed again.</source>
        <translation>%1 bezieht seine Salden nach dem Speichern aus %2; sie werden dann neu berechnet.</translation>
    </message>
    <message>
        <source>the chain&apos;s settings</source>
        <translation>die Einstellungen der Chain</translation>
    </message>
    <message>
        <source>Adding %1…</source>
        <translation>%1 wird hinzugefügt …</translation>
    </message>
    <message>
        <source>%1 was not added</source>
        <translation>%1 wurde nicht hinzugefügt</translation>
    </message>
    <message>
        <source>Setting the balance mode of %1…</source>
        <translation>Saldenmodus von %1 wird gesetzt …</translation>
    </message>
    <message>
        <source>The balance mode of %1 was not set</source>
        <translation>Der Saldenmodus von %1 wurde nicht gesetzt</translation>
    </message>
    <message>
        <source>the balance mode of %1</source>
        <translation>der Saldenmodus von %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Saved before it: %1. Save again to try the rest.</source>
        <translation>Davor gespeichert: %1. Erneut speichern, um den Rest zu versuchen.</translation>
    </message>
    <message>
        <source>Saved. Open Edit Chain again to change it.</source>
        <translation>Gespeichert. Öffnen Sie „Chain bearbeiten“ erneut, um es zu ändern.</translation>
    </message>
</context>
<context>
    <name>arbor::ui::EndpointModel</name>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <source>%1
(at %2)</source>
        <translation>%1
(um %2)</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>–</source>
        <translation>–</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>Latenz</translation>
    </message>
    <message>
        <source>Error rate</source>
        <translation>Fehlerrate</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Anfragen</translation>
    </message>
    <message>
        <source>Failures</source>
        <translation>Fehlschläge</translation>
    </message>
    <message>
        <source>Last head</source>
        <translation>Letzter gemeldeter Block</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Letzter Fehler</translation>
    </message>
    <message>
        <source>Archive (full history)</source>
        <translation>Archiv (volle Historie)</translation>
    </message>
    <message>
        <source>Recent state only</source>
        <translation>Nur aktueller Zustand</translation>
    </message>
    <message>
        <source>Not known yet whether this node serves state at old blocks.</source>
        <translation>Noch nicht bekannt, ob dieser Knoten den Zustand alter Blöcke liefert.</translation>
    </message>
    <message>
        <source>The node serves state at old blocks: balanceOf is read at the indexed height.</source>
        <translation>Der Knoten liefert den Zustand alter Blöcke: balanceOf wird auf der indizierten Höhe gelesen.</translation>
    </message>
    <message>
        <source>The node serves recent state only: balanceOf is read at its newest block, and that block is recorded as the balance&apos;s height.</source>
        <translation>Der Knoten liefert nur den aktuellen Zustand: balanceOf wird bei seinem neuesten Block gelesen, und dieser Block wird als Höhe des Saldos vermerkt.</translation>
    </message>
    <message>
        <source>State history</source>
        <translation>Zustandshistorie</translation>
    </message>
    <message>
        <source>%1/s set</source>
        <comment>calls per second, the operator&apos;s limit</comment>
        <translation>%1/s festgelegt</translation>
    </message>
    <message>
        <source>%1/s learned</source>
        <comment>calls per second, learned from the provider</comment>
        <translation>%1/s gelernt</translation>
    </message>
    <message numerus="yes">
        <source>%Ln call(s)</source>
        <comment>JSON-RPC calls per batch</comment>
        <translation>
            <numerusform>%Ln Aufruf</numerusform>
            <numerusform>%Ln Aufrufe</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln block(s)</source>
        <comment>blocks per eth_getLogs query</comment>
        <translation>
            <numerusform>%Ln Block</numerusform>
            <numerusform>%Ln Blöcke</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln log(s)</source>
        <comment>logs per eth_getLogs answer</comment>
        <translation>
            <numerusform>%Ln Log</numerusform>
            <numerusform>%Ln Logs</numerusform>
        </translation>
    </message>
    <message>
        <source>The provider answered &quot;too many requests&quot; lately; Arbor sends more slowly and retries, nothing is lost.</source>
        <translation>Der Anbieter hat zuletzt mit „too many requests“ geantwortet; Arbor sendet langsamer und wiederholt die Anfragen, es geht nichts verloren.</translation>
    </message>
    <message>
        <source>The rate you set for this endpoint; Arbor sends no faster.</source>
        <translation>Die Rate, die Sie für diesen Endpunkt festgelegt haben; schneller sendet Arbor nicht.</translation>
    </message>
    <message>
        <source>Learned from the provider&apos;s &quot;too many requests&quot; answers; Arbor sends no faster.</source>
        <translation>Aus den „too many requests“-Antworten des Anbieters gelernt; schneller sendet Arbor nicht.</translation>
    </message>
    <message>
        <source>No rate set or learned: Arbor sends as fast as the endpoint answers.</source>
        <translation>Keine Rate festgelegt oder gelernt: Arbor sendet so schnell, wie der Endpunkt antwortet.</translation>
    </message>
    <message>
        <source>The largest JSON-RPC batch the provider accepts, learned from its refusals; Arbor splits larger ones.</source>
        <translation>Der größte JSON-RPC-Batch, den der Anbieter annimmt, aus seinen Ablehnungen gelernt; größere teilt Arbor auf.</translation>
    </message>
    <message>
        <source>No batch refused so far: Arbor sends batches of its usual size.</source>
        <translation>Bisher wurde kein Batch abgelehnt: Arbor sendet Batches in der üblichen Größe.</translation>
    </message>
    <message>
        <source>The eth_getLogs limits the provider stated when it refused a query; Arbor asks for smaller block ranges.</source>
        <translation>Die eth_getLogs-Grenzen, die der Anbieter beim Ablehnen einer Abfrage genannt hat; Arbor fragt kleinere Blockbereiche ab.</translation>
    </message>
    <message>
        <source>No eth_getLogs limit seen: Arbor asks for its usual block ranges.</source>
        <translation>Keine eth_getLogs-Grenze bekannt: Arbor fragt die üblichen Blockbereiche ab.</translation>
    </message>
    <message>
        <source>Calls per second Arbor sends at most: the rate you set, or the one learned from the provider&apos;s refusals</source>
        <translation>Aufrufe pro Sekunde, die Arbor höchstens sendet: die von Ihnen festgelegte Rate oder die aus den Ablehnungen des Anbieters gelernte</translation>
    </message>
    <message>
        <source>The largest JSON-RPC batch the provider accepts, when it refused a larger one</source>
        <translation>Der größte JSON-RPC-Batch, den der Anbieter annimmt, falls er einen größeren abgelehnt hat</translation>
    </message>
    <message>
        <source>The most blocks per eth_getLogs query and logs per answer the provider accepts</source>
        <translation>Wie viele Blöcke pro eth_getLogs-Abfrage und Logs pro Antwort der Anbieter höchstens zulässt</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>Anfragen/s</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>Stapelgröße</translation>
    </message>
    <message>
        <source>Logs</source>
        <translation>Log-Bereich</translation>
    </message>
    <message>
        <source>The node answers, but with errors (see the last error); Arbor retries and prefers other endpoints.</source>
        <translation>Der Knoten antwortet, aber mit Fehlern (siehe letzten Fehler); Arbor versucht es erneut und bevorzugt andere Endpunkte.</translation>
    </message>
    <message>
        <source>No answer from the node (refused, reset, timed out or a gateway error); Arbor probes it every few seconds and uses it again as soon as it answers. Probe now asks at once.</source>
        <translation>Keine Antwort vom Knoten (abgewiesen, zurückgesetzt, Zeitüberschreitung oder Gateway-Fehler); Arbor prüft ihn alle paar Sekunden und verwendet ihn wieder, sobald er antwortet. „Jetzt prüfen“ fragt sofort.</translation>
    </message>
    <message>
        <source>No JSON-RPC call recorded yet.</source>
        <translation>Noch kein JSON-RPC-Aufruf erfasst.</translation>
    </message>
    <message>
        <source>JSON-RPC calls by method, as providers bill them (every call of a batch, every retry):</source>
        <translation>JSON-RPC-Aufrufe nach Methode, wie Anbieter sie abrechnen (jeder Aufruf eines Batches, jede Wiederholung):</translation>
    </message>
    <message>
        <source>%1: %2, %3 failed</source>
        <comment>method: calls, failed calls</comment>
        <translation>%1: %2, %3 fehlgeschlagen</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>method: calls</comment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>No price per call set. Set one with “arborctl chain set-rpc-price --chain ID --endpoint URL --method NAME --units N”.</source>
        <translation>Kein Preis pro Aufruf festgelegt. Legen Sie einen fest mit „arborctl chain set-rpc-price --chain ID --endpoint URL --method NAME --units N“.</translation>
    </message>
    <message>
        <source>Calls × the price per call you set, by method; methods without a price are not counted:</source>
        <translation>Aufrufe × der von Ihnen festgelegte Preis pro Aufruf, nach Methode; Methoden ohne Preis werden nicht gezählt:</translation>
    </message>
    <message>
        <source>%1: %2 × %3 = %4</source>
        <comment>method: calls × price = compute units</comment>
        <translation>%1: %2 × %3 = %4</translation>
    </message>
    <message>
        <source>JSON-RPC calls sent to the endpoint, as providers bill them: every call of a batch and every retry</source>
        <translation>An den Endpunkt gesendete JSON-RPC-Aufrufe, wie Anbieter sie abrechnen: jeder Aufruf eines Batches und jede Wiederholung</translation>
    </message>
    <message>
        <source>Calls × the price per call you set for each method (compute units, credits)</source>
        <translation>Aufrufe × der von Ihnen je Methode festgelegte Preis pro Aufruf (Compute Units, Credits)</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Aufrufe</translation>
    </message>
    <message>
        <source>Compute units</source>
        <translation>Compute Units</translation>
    </message>
</context>
<context>
    <name>arbor::ui::EndpointsPanel</name>
    <message>
        <source>&amp;Probe Now</source>
        <translation>&amp;Jetzt prüfen</translation>
    </message>
    <message>
        <source>Ask every endpoint for its head now; an unreachable one that answers is used again at once</source>
        <translation>Jetzt jeden Endpunkt nach seinem Kopfblock fragen; ein nicht erreichbarer, der antwortet, wird sofort wieder verwendet</translation>
    </message>
    <message>
        <source>Probing every endpoint…</source>
        <translation>Alle Endpunkte werden geprüft …</translation>
    </message>
    <message>
        <source>Probe failed: %1</source>
        <translation>Prüfung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Probed at %1: %2</source>
        <translation>Geprüft um %1: %2</translation>
    </message>
</context>
<context>
    <name>arbor::ui::EngineListModel</name>
    <message>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>draining</source>
        <translation>gibt ab</translation>
    </message>
    <message>
        <source>not responding</source>
        <translation>antwortet nicht</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>gerade eben</translation>
    </message>
    <message>
        <source>%1 ago</source>
        <comment>a duration: 3 s ago</comment>
        <translation>vor %1</translation>
    </message>
    <message>
        <source>chain %1</source>
        <translation>Chain %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>chain name (chain id)</comment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 (this console)</source>
        <translation>%1 (diese Konsole)</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>The engine of this console: it indexes the chains it holds in this process.</source>
        <translation>Die Engine dieser Konsole: Sie indexiert die Chains, die sie hält, in diesem Prozess.</translation>
    </message>
    <message>
        <source>No heartbeat for %1, longer than its leases last (%2): the other engines take its chains.</source>
        <translation>Kein Lebenszeichen seit %1, länger als ihre Sperren gelten (%2): Die anderen Engines übernehmen ihre Chains.</translation>
    </message>
    <message>
        <source>Draining: it gives its chains to the other engines and takes none until it is resumed.</source>
        <translation>Gibt ab: Sie gibt ihre Chains an die anderen Engines ab und übernimmt keine, bis sie fortgesetzt wird.</translation>
    </message>
    <message numerus="yes">
        <source>Takes at most %n chain(s).</source>
        <translation>
            <numerusform>Übernimmt höchstens %n Chain.</numerusform>
            <numerusform>Übernimmt höchstens %n Chains.</numerusform>
        </translation>
    </message>
    <message>
        <source>Takes its fair share of the chains.</source>
        <translation>Übernimmt ihren gerechten Anteil der Chains.</translation>
    </message>
    <message>
        <source>Indexes no chain.</source>
        <translation>Indexiert keine Chain.</translation>
    </message>
    <message>
        <source>The coordinator, one engine at a time, runs triggers, alerts, balance refreshes and maintenance for all engines.</source>
        <translation>Der Koordinator – jeweils eine Engine – führt Trigger, Alarme, Saldenaktualisierungen und Wartung für alle Engines aus.</translation>
    </message>
    <message>
        <source>Running; not responding (no heartbeat within its lease: the other engines take its chains); draining (gives its chains to the others and takes none until resumed)</source>
        <translation>Läuft; antwortet nicht (kein Lebenszeichen innerhalb ihrer Sperrdauer: Die anderen Engines übernehmen ihre Chains); gibt ab (gibt ihre Chains an die anderen ab und übernimmt keine, bis sie fortgesetzt wird)</translation>
    </message>
    <message>
        <source>The chains the engine indexes now: each chain is indexed by one engine at a time</source>
        <translation>Die Chains, die die Engine jetzt indexiert: Jede Chain wird von jeweils einer Engine indexiert</translation>
    </message>
    <message>
        <source>The coordinator runs triggers, alerts, balance refreshes and maintenance for all engines</source>
        <translation>Der Koordinator führt Trigger, Alarme, Saldenaktualisierungen und Wartung für alle Engines aus</translation>
    </message>
    <message>
        <source>The program the engine runs in: arbor (a console) or arborctl (serve, index)</source>
        <translation>Das Programm, in dem die Engine läuft: arbor (eine Konsole) oder arborctl (serve, index)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Chains</source>
        <translation>Chains</translation>
    </message>
    <message>
        <source>Coordinator</source>
        <translation>Koordinator</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>PID</source>
        <translation>PID</translation>
    </message>
    <message>
        <source>Program</source>
        <translation>Programm</translation>
    </message>
    <message>
        <source>Last heartbeat</source>
        <translation>Letztes Lebenszeichen</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
</context>
<context>
    <name>arbor::ui::EnginesPanel</name>
    <message>
        <source>&amp;Drain</source>
        <translation>&amp;Abgeben</translation>
    </message>
    <message>
        <source>The selected engine gives its chains to the other engines and takes none until it is resumed: before maintaining or stopping its machine</source>
        <translation>Die gewählte Engine gibt ihre Chains an die anderen Engines ab und übernimmt keine, bis sie fortgesetzt wird: vor Wartung oder Abschalten ihres Rechners</translation>
    </message>
    <message>
        <source>Res&amp;ume</source>
        <translation>&amp;Fortsetzen</translation>
    </message>
    <message>
        <source>The selected engine takes its share of the chains again</source>
        <translation>Die gewählte Engine übernimmt wieder ihren Anteil der Chains</translation>
    </message>
    <message>
        <source>&amp;Move a Chain Here…</source>
        <translation>Chain &amp;hierher verschieben…</translation>
    </message>
    <message>
        <source>Choose a chain for the selected engine to index from its next heartbeat on</source>
        <translation>Eine Chain wählen, die die gewählte Engine ab ihrem nächsten Lebenszeichen indexiert</translation>
    </message>
    <message>
        <source>Engines index this database&apos;s chains: this console and each arborctl serve started on it. Each chain is indexed by one engine at a time; when an engine stops responding, the others take its chains.</source>
        <translation>Engines indexieren die Chains dieser Datenbank: diese Konsole und jedes darauf gestartete arborctl serve. Jede Chain wird von jeweils einer Engine indexiert; antwortet eine Engine nicht mehr, übernehmen die anderen ihre Chains.</translation>
    </message>
    <message>
        <source>This database serves one engine: this console. Several engines need PostgreSQL.</source>
        <translation>Diese Datenbank bedient eine Engine: diese Konsole. Mehrere Engines brauchen PostgreSQL.</translation>
    </message>
    <message>
        <source>The database is not open.</source>
        <translation>Die Datenbank ist nicht geöffnet.</translation>
    </message>
    <message>
        <source>Cannot read the engines: %1</source>
        <translation>Die Engines können nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Drain Engine</source>
        <translation>Engine abgeben lassen</translation>
    </message>
    <message>
        <source>Drain the engine “%1”?</source>
        <translation>Soll die Engine „%1“ ihre Chains abgeben?</translation>
    </message>
    <message>
        <source>It gives its chains to the other engines at its next heartbeat and takes none until it is resumed.</source>
        <translation>Sie gibt ihre Chains bei ihrem nächsten Lebenszeichen an die anderen Engines ab und übernimmt keine, bis sie fortgesetzt wird.</translation>
    </message>
    <message>
        <source>“%1” is draining: its chains go to the other engines.</source>
        <translation>„%1“ gibt ab: Ihre Chains gehen an die anderen Engines.</translation>
    </message>
    <message>
        <source>Could not drain “%1”: %2</source>
        <translation>„%1“ konnte nicht abgeben: %2</translation>
    </message>
    <message>
        <source>“%1” is resumed: it takes its share of the chains again.</source>
        <translation>„%1“ ist fortgesetzt: Sie übernimmt wieder ihren Anteil der Chains.</translation>
    </message>
    <message>
        <source>Could not resume “%1”: %2</source>
        <translation>„%1“ konnte nicht fortgesetzt werden: %2</translation>
    </message>
    <message>
        <source>No other active chain to move to “%1”.</source>
        <translation>Keine andere aktive Chain, die zu „%1“ verschoben werden könnte.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>chain name (chain id)</comment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Move a Chain Here</source>
        <translation>Chain hierher verschieben</translation>
    </message>
    <message>
        <source>&amp;Move</source>
        <translation>&amp;Verschieben</translation>
    </message>
    <message>
        <source>“%1” moves to “%2” at the engines&apos; next heartbeats.</source>
        <translation>„%1“ wechselt bei den nächsten Lebenszeichen der Engines zu „%2“.</translation>
    </message>
    <message>
        <source>Could not move “%1” to “%2”: %3</source>
        <translation>„%1“ konnte nicht zu „%2“ verschoben werden: %3</translation>
    </message>
    <message>
        <source>Which chain should “%1” index from now on? The engine indexing it now gives it up at its next heartbeat, and the chain stays with “%1”.</source>
        <translation>Welche Chain soll „%1“ von nun an indexieren? Die Engine, die sie jetzt indexiert, gibt sie bei ihrem nächsten Lebenszeichen ab, und die Chain bleibt bei „%1“.</translation>
    </message>
</context>
<context>
    <name>arbor::ui::EventCountsPanel</name>
    <message>
        <source>How far back the chart reaches</source>
        <translation>Wie weit das Diagramm zurückreicht</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>Letzte 24 Stunden</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <source>A line per registry, or per event type</source>
        <translation>Eine Linie pro Registry oder pro Ereignistyp</translation>
    </message>
    <message>
        <source>By registry</source>
        <translation>Nach Registry</translation>
    </message>
    <message>
        <source>By event type</source>
        <translation>Nach Ereignistyp</translation>
    </message>
    <message>
        <source>The events of every chain, or of one</source>
        <translation>Die Ereignisse aller Chains oder einer einzelnen</translation>
    </message>
    <message>
        <source>All chains</source>
        <translation>Alle Chains</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Could not read the event counts: %1</source>
        <translation>Die Ereigniszahlen konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>No registry events in the last 7 days.</source>
        <translation>Keine Registry-Ereignisse in den letzten 7 Tagen.</translation>
    </message>
    <message>
        <source>No registry events in the last 24 hours.</source>
        <translation>Keine Registry-Ereignisse in den letzten 24 Stunden.</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n event(s) (%2).</source>
        <translation>
            <numerusform>%1: %n Ereignis (%2).</numerusform>
            <numerusform>%1: %n Ereignisse (%2).</numerusform>
        </translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>%1–%2</source>
        <translation>%1–%2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Registry events per hour (block time)</source>
        <translation>Registry-Ereignisse pro Stunde (Blockzeit)</translation>
    </message>
</context>
<context>
    <name>arbor::ui::IndexProgressBar</name>
    <message>
        <source>Blocks %1 to %2: %3 % indexed</source>
        <translation>Blöcke %1 bis %2: %3 % indiziert</translation>
    </message>
    <message numerus="yes">
        <source>%n gap(s) below the checkpoint</source>
        <translation>
            <numerusform>%n Lücke unterhalb des Checkpoints</numerusform>
            <numerusform>%n Lücken unterhalb des Checkpoints</numerusform>
        </translation>
    </message>
    <message>
        <source>No index progress yet.</source>
        <translation>Noch kein Indizierungsfortschritt.</translation>
    </message>
</context>
<context>
    <name>arbor::ui::IndexProgressPanel</name>
    <message>
        <source>Gaps below the checkpoint (filled by the gap scan):</source>
        <translation>Lücken unterhalb des Checkpoints (werden von der Lückensuche gefüllt):</translation>
    </message>
    <message>
        <source>Nothing indexed yet.</source>
        <translation>Noch nichts indiziert.</translation>
    </message>
    <message numerus="yes">
        <source>Blocks %1 to %2: %3 % indexed, %n gap(s).</source>
        <translation>
            <numerusform>Blöcke %1 bis %2: %3 % indiziert, %n Lücke.</numerusform>
            <numerusform>Blöcke %1 bis %2: %3 % indiziert, %n Lücken.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Blocks %1 – %2 (%n block(s))</source>
        <translation>
            <numerusform>Blöcke %1 – %2 (%n Block)</numerusform>
            <numerusform>Blöcke %1 – %2 (%n Blöcke)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>arbor::ui::LogModel</name>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>Debug</source>
        <translation>Debug</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>Info</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
</context>
<context>
    <name>arbor::ui::LogPanel</name>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>Alarm</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Everything</source>
        <translation>Alles</translation>
    </message>
    <message>
        <source>Info and above</source>
        <translation>Info und höher</translation>
    </message>
    <message>
        <source>Warnings and errors</source>
        <translation>Warnungen und Fehler</translation>
    </message>
    <message>
        <source>Errors only</source>
        <translation>Nur Fehler</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Anzeigen:</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Alarme</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>active</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <source>event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <source>cleared %1</source>
        <translation>aufgehoben %1</translation>
    </message>
    <message numerus="yes">
        <source>(%n time(s) since the last notification)</source>
        <translation>
            <numerusform>(%n Mal seit der letzten Benachrichtigung)</numerusform>
            <numerusform>(%n Mal seit der letzten Benachrichtigung)</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Acknowledge</source>
        <translation>&amp;Quittieren</translation>
    </message>
    <message>
        <source>Seen and taken care of: the alert stays listed until it clears, but is no longer counted</source>
        <translation>Gesehen und in Arbeit: der Alarm bleibt aufgeführt, bis er aufgehoben ist, wird aber nicht mehr gezählt</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>Quittieren</translation>
    </message>
    <message>
        <source>Alert Rules…</source>
        <translation>Alarmregeln …</translation>
    </message>
    <message>
        <source>The rules that raise alerts beside the built-in ones, and deliver them</source>
        <translation>Die Regeln, die neben den eingebauten Alarmen Alarme auslösen und zustellen</translation>
    </message>
    <message>
        <source>Raised by the alert rule “%1”.</source>
        <translation>Ausgelöst von der Alarmregel „%1“.</translation>
    </message>
    <message>
        <source>The rule is silenced: nothing was delivered or notified.</source>
        <translation>Die Regel ist stummgeschaltet: nichts wurde zugestellt oder gemeldet.</translation>
    </message>
    <message>
        <source>silenced</source>
        <translation>stummgeschaltet</translation>
    </message>
    <message>
        <source>acknowledged</source>
        <translation>quittiert</translation>
    </message>
    <message>
        <source>Alerts — %1</source>
        <comment>the alert count as the status bar words it</comment>
        <translation>Alarme — %1</translation>
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
    <message>
        <source>&amp;Chains</source>
        <translation>&amp;Chains</translation>
    </message>
    <message>
        <source>Balance &amp;Queue</source>
        <translation>Salden-&amp;Warteschlange</translation>
    </message>
    <message>
        <source>&amp;Balances</source>
        <translation>&amp;Salden</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>Chains</source>
        <translation>Chains</translation>
    </message>
    <message>
        <source>Balance Queue</source>
        <translation>Salden-Warteschlange</translation>
    </message>
    <message>
        <source>Balances</source>
        <translation>Salden</translation>
    </message>
    <message>
        <source>&amp;Add Chain…</source>
        <translation>Chain &amp;hinzufügen …</translation>
    </message>
    <message>
        <source>Add an EVM chain: its RPC URLs, tokens and ERC-8004 registries</source>
        <translation>Eine EVM-Chain hinzufügen: ihre RPC-URLs, Tokens und ERC-8004-Registrys</translation>
    </message>
    <message>
        <source>De&amp;tails</source>
        <translation>De&amp;tails</translation>
    </message>
    <message>
        <source>Charts, endpoints, index progress, reindexes and reorgs of the selected chain</source>
        <translation>Diagramme, Endpunkte, Indizierungsfortschritt, Neuindizierungen und Reorganisationen der gewählten Chain</translation>
    </message>
    <message>
        <source>Chain &amp;Details</source>
        <translation>Chain-&amp;Details</translation>
    </message>
    <message>
        <source>Log and Alerts</source>
        <translation>Protokoll und Alarme</translation>
    </message>
    <message>
        <source>&amp;Log and Alerts</source>
        <translation>&amp;Protokoll und Alarme</translation>
    </message>
    <message>
        <source>Chain Details</source>
        <translation>Chain-Details</translation>
    </message>
    <message>
        <source>Show the alerts</source>
        <translation>Die Alarme anzeigen</translation>
    </message>
    <message>
        <source>%1 live, %2 catching up</source>
        <translation>%1 aktuell, %2 holen auf</translation>
    </message>
    <message numerus="yes">
        <source>Arbor — %n chain(s)</source>
        <translation>
            <numerusform>Arbor — %n Chain</numerusform>
            <numerusform>Arbor — %n Chains</numerusform>
        </translation>
    </message>
    <message>
        <source>No chains yet. This console is read-only: add chains where the engine runs.</source>
        <translation>Noch keine Chains. Diese Konsole ist schreibgeschützt: Chains dort hinzufügen, wo die Engine läuft.</translation>
    </message>
    <message>
        <source>“%1” was added and is being indexed.</source>
        <translation>„%1“ wurde hinzugefügt und wird indiziert.</translation>
    </message>
    <message>
        <source>Re&amp;sync…</source>
        <translation>Re&amp;sync …</translation>
    </message>
    <message>
        <source>Rebuild the selected chain&apos;s cross-chain rows from its own tables</source>
        <translation>Die chainübergreifenden Zeilen der gewählten Chain aus ihren eigenen Tabellen neu aufbauen</translation>
    </message>
    <message>
        <source>Rei&amp;ndex…</source>
        <translation>&amp;Neu indizieren …</translation>
    </message>
    <message>
        <source>Fetch a block range of the selected chain again and replace its rows (audited)</source>
        <translation>Einen Blockbereich der gewählten Chain erneut abrufen und seine Zeilen ersetzen (im Audit-Protokoll festgehalten)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen …</translation>
    </message>
    <message>
        <source>The new language applies when Arbor starts again.</source>
        <translation>Die neue Sprache gilt ab dem nächsten Start von Arbor.</translation>
    </message>
    <message>
        <source>Closing the old database…</source>
        <translation>Die alte Datenbank wird geschlossen…</translation>
    </message>
    <message>
        <source>&amp;Triggers</source>
        <translation>&amp;Trigger</translation>
    </message>
    <message>
        <source>Triggers</source>
        <translation>Trigger</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten …</translation>
    </message>
    <message>
        <source>Change the selected chain: its name, RPC URLs, poll interval, confirmations, RPC rate and tokens</source>
        <translation>Die gewählte Chain ändern: Name, RPC-URLs, Abfrageintervall, Bestätigungen, RPC-Rate und Tokens</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Übersicht</translation>
    </message>
    <message numerus="yes">
        <source>%n down</source>
        <comment>chains whose endpoints are all down</comment>
        <translation>
            <numerusform>%n ausgefallen</numerusform>
            <numerusform>%n ausgefallen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n stalled</source>
        <comment>chains</comment>
        <translation>
            <numerusform>%n stockt</numerusform>
            <numerusform>%n stocken</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n paused</source>
        <comment>chains</comment>
        <translation>
            <numerusform>%n pausiert</numerusform>
            <numerusform>%n pausiert</numerusform>
        </translation>
    </message>
    <message>
        <source>Chains whose RPC endpoints are all down, that make no progress, or that are paused</source>
        <translation>Chains, deren RPC-Endpunkte alle ausgefallen sind, die keinen Fortschritt machen oder die pausiert sind</translation>
    </message>
    <message numerus="yes">
        <source>Pausing %n chain(s)…</source>
        <translation>
            <numerusform>%n Chain wird pausiert …</numerusform>
            <numerusform>%n Chains werden pausiert …</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Resuming %n chain(s)…</source>
        <translation>
            <numerusform>%n Chain wird fortgesetzt …</numerusform>
            <numerusform>%n Chains werden fortgesetzt …</numerusform>
        </translation>
    </message>
    <message>
        <source>“%1”: %2</source>
        <comment>chain name, error</comment>
        <translation>„%1“: %2</translation>
    </message>
    <message numerus="yes">
        <source>Could not pause %1 of %n chain(s)</source>
        <translation>
            <numerusform>Pausieren bei %1 von %n Chain fehlgeschlagen</numerusform>
            <numerusform>Pausieren bei %1 von %n Chains fehlgeschlagen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Could not resume %1 of %n chain(s)</source>
        <translation>
            <numerusform>Fortsetzen bei %1 von %n Chain fehlgeschlagen</numerusform>
            <numerusform>Fortsetzen bei %1 von %n Chains fehlgeschlagen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n chain(s) paused.</source>
        <translation>
            <numerusform>%n Chain pausiert.</numerusform>
            <numerusform>%n Chains pausiert.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n chain(s) indexing again.</source>
        <translation>
            <numerusform>%n Chain wird wieder indiziert.</numerusform>
            <numerusform>%n Chains werden wieder indiziert.</numerusform>
        </translation>
    </message>
    <message>
        <source>“%1” was changed.</source>
        <translation>„%1“ wurde geändert.</translation>
    </message>
    <message>
        <source>Alert &amp;Rules…</source>
        <translation>Alarm&amp;regeln …</translation>
    </message>
    <message>
        <source>Rules that raise alerts (lag, stalls, RPC errors, queue health) and deliver them by webhook, Telegram or MCP</source>
        <translation>Regeln, die Alarme auslösen (Rückstand, Stillstand, RPC-Fehler, Zustand der Warteschlange) und per Webhook, Telegram oder MCP zustellen</translation>
    </message>
    <message>
        <source>That alert is no longer active.</source>
        <translation>Dieser Alarm ist nicht mehr aktiv.</translation>
    </message>
    <message>
        <source>&amp;Back Up Database…</source>
        <translation>Datenbank &amp;sichern…</translation>
    </message>
    <message>
        <source>Copy the database into a backup file while Arbor goes on indexing</source>
        <translation>Die Datenbank in eine Sicherungsdatei kopieren, während Arbor weiter indexiert</translation>
    </message>
    <message>
        <source>Res&amp;tore Database…</source>
        <translation>Datenbank &amp;wiederherstellen…</translation>
    </message>
    <message>
        <source>Restore a backup into a new database, to open afterwards in Settings</source>
        <translation>Eine Sicherung in eine neue Datenbank wiederherstellen, die danach in den Einstellungen geöffnet werden kann</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Datenbank</translation>
    </message>
    <message>
        <source>Sizes per chain and table, growth over time, the slowest statements, maintenance</source>
        <translation>Größen pro Chain und Tabelle, Wachstum im Zeitverlauf, die langsamsten Anweisungen, Wartung</translation>
    </message>
    <message>
        <source>&amp;Agents</source>
        <translation>&amp;Agenten</translation>
    </message>
    <message>
        <source>Agents</source>
        <translation>Agenten</translation>
    </message>
    <message>
        <source>&amp;Overview</source>
        <translation>Ü&amp;bersicht</translation>
    </message>
    <message>
        <source>Databa&amp;se</source>
        <translation>Datenban&amp;k</translation>
    </message>
    <message>
        <source>Restore Database</source>
        <translation>Datenbank wiederherstellen</translation>
    </message>
    <message>
        <source>Cannot switch to %1: %2</source>
        <translation>Wechsel zu %1 nicht möglich: %2</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>what the page shows (its shortcut)</comment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Every chain at a glance: its status, lag and endpoints, and requests per provider</source>
        <translation>Alle Chains auf einen Blick: Status, Rückstand und Endpunkte, Anfragen je Anbieter</translation>
    </message>
</context>
<context>
    <name>arbor::ui::MaintenancePanel</name>
    <message>
        <source>Run &amp;maintenance now</source>
        <translation>&amp;Wartung jetzt ausführen</translation>
    </message>
    <message>
        <source>PostgreSQL: VACUUM and ANALYZE of the busy tables, index bloat check and rebuilds where they pay.
SQLite: incremental vacuum, PRAGMA optimize and a WAL checkpoint.</source>
        <translation>PostgreSQL: VACUUM und ANALYZE der stark genutzten Tabellen, Prüfung auf aufgeblähte Indizes und Neuaufbau, wo er sich lohnt.
SQLite: inkrementelles Vacuum, PRAGMA optimize und ein WAL-Checkpoint.</translation>
    </message>
    <message>
        <source>Apply &amp;retention now</source>
        <translation>&amp;Aufbewahrung jetzt anwenden</translation>
    </message>
    <message>
        <source>Delete what the retention policies (Settings › Retention) say is past its age, in small batches.</source>
        <translation>Löscht in kleinen Stapeln, was laut den Aufbewahrungsrichtlinien (Einstellungen › Aufbewahrung) zu alt ist.</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>Table or index</source>
        <translation>Tabelle oder Index</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Detail</translation>
    </message>
    <message>
        <source>The database is not open.</source>
        <translation>Die Datenbank ist nicht geöffnet.</translation>
    </message>
    <message>
        <source>Read-only: %1</source>
        <translation>Schreibgeschützt: %1</translation>
    </message>
    <message>
        <source>Cannot read the maintenance log: %1</source>
        <translation>Das Wartungsprotokoll kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Running maintenance…</source>
        <translation>Wartung läuft…</translation>
    </message>
    <message>
        <source>Maintenance did not run: %1</source>
        <translation>Wartung wurde nicht ausgeführt: %1</translation>
    </message>
    <message>
        <source>Maintenance finished with errors: %1</source>
        <translation>Wartung mit Fehlern beendet: %1</translation>
    </message>
    <message>
        <source>Maintenance finished in %1.</source>
        <translation>Wartung in %1 abgeschlossen.</translation>
    </message>
    <message>
        <source>Applying the retention policies…</source>
        <translation>Aufbewahrungsrichtlinien werden angewendet…</translation>
    </message>
    <message>
        <source>Retention did not run: %1</source>
        <translation>Aufbewahrung wurde nicht ausgeführt: %1</translation>
    </message>
    <message>
        <source>Retention stopped: %1</source>
        <translation>Aufbewahrung angehalten: %1</translation>
    </message>
    <message numerus="yes">
        <source>Retention deleted %n row(s) in %1.</source>
        <translation>
            <numerusform>Die Aufbewahrung hat %n Zeile in %1 gelöscht.</numerusform>
            <numerusform>Die Aufbewahrung hat %n Zeilen in %1 gelöscht.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) deleted</source>
        <translation>
            <numerusform>%n Zeile gelöscht</numerusform>
            <numerusform>%n Zeilen gelöscht</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) deleted, %1</source>
        <translation>
            <numerusform>%n Zeile gelöscht, %1</numerusform>
            <numerusform>%n Zeilen gelöscht, %1</numerusform>
        </translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
</context>
<context>
    <name>arbor::ui::MaintenanceRunModel</name>
    <message>
        <source>Maintenance</source>
        <translation>Wartung</translation>
    </message>
    <message>
        <source>Retention</source>
        <translation>Aufbewahrung</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>Sicherung</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Wiederherstellung</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>schedule</source>
        <translation>Zeitplan</translation>
    </message>
    <message>
        <source>operator</source>
        <translation>Operator</translation>
    </message>
    <message>
        <source>running or interrupted</source>
        <translation>läuft oder unterbrochen</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) deleted</source>
        <translation>
            <numerusform>%n Zeile gelöscht</numerusform>
            <numerusform>%n Zeilen gelöscht</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n step(s)</source>
        <translation>
            <numerusform>%n Schritt</numerusform>
            <numerusform>%n Schritte</numerusform>
        </translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Requested by</source>
        <translation>Angefordert von</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
</context>
<context>
    <name>arbor::ui::McpTokenDialog</name>
    <message>
        <source>MCP Token of Agent %1</source>
        <translation>MCP-Token des Agenten %1</translation>
    </message>
    <message>
        <source>MCP actions that call agent %1&apos;s own endpoint, the one its registration file names, send this token as a bearer token. Arbor keeps only the reference; the secret stays in the keychain, an environment variable or a file.</source>
        <translation>MCP-Aktionen, die den eigenen Endpunkt des Agenten %1 aufrufen – den, den seine Registrierungsdatei nennt –, senden dieses Token als Bearer-Token. Arbor speichert nur den Verweis; das Geheimnis bleibt im Schlüsselbund, in einer Umgebungsvariablen oder in einer Datei.</translation>
    </message>
    <message>
        <source>keychain:NAME, env:VAR or file:PATH; the list holds the secrets stored in the keychain through Arbor</source>
        <translation>keychain:NAME, env:VAR oder file:PFAD; die Liste enthält die Geheimnisse, die über Arbor im Schlüsselbund gespeichert wurden</translation>
    </message>
    <message>
        <source>&amp;Reference:</source>
        <translation>&amp;Verweis:</translation>
    </message>
    <message>
        <source>S&amp;tore Secret…</source>
        <translation>Geheimnis s&amp;peichern …</translation>
    </message>
    <message>
        <source>Type the token once; it goes to the system keychain and the reference is filled in</source>
        <translation>Das Token einmal eingeben: Es kommt in den Schlüsselbund des Systems, und der Verweis wird eingetragen</translation>
    </message>
    <message>
        <source>C&amp;lear Token</source>
        <translation>Token &amp;entfernen</translation>
    </message>
    <message>
        <source>Send no token to this agent</source>
        <translation>Diesem Agenten kein Token senden</translation>
    </message>
    <message>
        <source>&amp;Set</source>
        <translation>&amp;Festlegen</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Verweis</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert …</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>The agent&apos;s MCP token goes to the system keychain under the name below; Arbor keeps only the reference “keychain:NAME”.</source>
        <translation>Das MCP-Token des Agenten kommt unter dem folgenden Namen in den Schlüsselbund des Systems; Arbor speichert nur den Verweis „keychain:NAME“.</translation>
    </message>
</context>
<context>
    <name>arbor::ui::NetworkStatsPanel</name>
    <message>
        <source>How many UTC days the chart shows, today included</source>
        <translation>Wie viele UTC-Tage das Diagramm zeigt, heute eingeschlossen</translation>
    </message>
    <message numerus="yes">
        <source>Last %n day(s)</source>
        <translation>
            <numerusform>Letzter %n Tag</numerusform>
            <numerusform>Letzte %n Tage</numerusform>
        </translation>
    </message>
    <message>
        <source>Ra&amp;nge:</source>
        <translation>&amp;Zeitraum:</translation>
    </message>
    <message>
        <source>&amp;Gas used</source>
        <translation>&amp;Gasverbrauch</translation>
    </message>
    <message>
        <source>Also draw the gas the chain&apos;s blocks used per day, on an axis of its own</source>
        <translation>Zusätzlich das pro Tag von den Blöcken der Chain verbrauchte Gas auf einer eigenen Achse zeichnen</translation>
    </message>
    <message>
        <source>Day (UTC)</source>
        <translation>Tag (UTC)</translation>
    </message>
    <message>
        <source>No chain selected.</source>
        <translation>Keine Chain ausgewählt.</translation>
    </message>
    <message>
        <source>Transactions</source>
        <translation>Transaktionen</translation>
    </message>
    <message>
        <source>Token transfers</source>
        <translation>Token-Transfers</translation>
    </message>
    <message>
        <source>Active holders</source>
        <translation>Aktive Inhaber</translation>
    </message>
    <message>
        <source>Gas used</source>
        <translation>Gasverbrauch</translation>
    </message>
    <message>
        <source>Reading the daily figures…</source>
        <translation>Tageszahlen werden gelesen…</translation>
    </message>
    <message>
        <source>Could not read the daily figures: %1</source>
        <translation>Die Tageszahlen konnten nicht gelesen werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>No blocks of this chain from the last %n day(s) are indexed yet. The daily figures appear here as indexing promotes them.</source>
        <translation>
            <numerusform>Aus dem letzten %n Tag sind noch keine Blöcke dieser Chain indiziert. Die Tageswerte erscheinen hier, sobald die Indizierung sie übernimmt.</numerusform>
            <numerusform>Aus den letzten %n Tagen sind noch keine Blöcke dieser Chain indiziert. Die Tageswerte erscheinen hier, sobald die Indizierung sie übernimmt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Last %n day(s): %1 blocks, %2 transactions, %3 token transfers; at most %4 active holders a day.</source>
        <translation>
            <numerusform>Letzter %n Tag: %1 Blöcke, %2 Transaktionen, %3 Token-Transfers; höchstens %4 aktive Inhaber pro Tag.</numerusform>
            <numerusform>Letzte %n Tage: %1 Blöcke, %2 Transaktionen, %3 Token-Transfers; höchstens %4 aktive Inhaber pro Tag.</numerusform>
        </translation>
    </message>
    <message>
        <source>Ggas</source>
        <translation>Ggas</translation>
    </message>
    <message>
        <source>Mgas</source>
        <translation>Mgas</translation>
    </message>
    <message>
        <source>kgas</source>
        <translation>kgas</translation>
    </message>
    <message>
        <source>gas</source>
        <translation>Gas</translation>
    </message>
    <message>
        <source>Gas used per day (%1)</source>
        <translation>Gasverbrauch pro Tag (%1)</translation>
    </message>
    <message>
        <source>%1, %2 (UTC)</source>
        <translation>%1, %2 (UTC)</translation>
    </message>
    <message>
        <source>%1, so far</source>
        <translation>%1, bisher</translation>
    </message>
    <message>
        <source>Blocks: %1</source>
        <translation>Blöcke: %1</translation>
    </message>
    <message>
        <source>Transactions: %1</source>
        <translation>Transaktionen: %1</translation>
    </message>
    <message>
        <source>Token transfers: %1</source>
        <translation>Token-Transfers: %1</translation>
    </message>
    <message>
        <source>Active holders: %1</source>
        <translation>Aktive Inhaber: %1</translation>
    </message>
    <message>
        <source>Gas used: %1</source>
        <translation>Gasverbrauch: %1</translation>
    </message>
    <message>
        <source>Active holders: addresses that sent or received one of the chain&apos;s tokens that day.</source>
        <translation>Aktive Inhaber: Adressen, die an diesem Tag einen der Tokens der Chain gesendet oder empfangen haben.</translation>
    </message>
    <message numerus="yes">
        <source>Last %n day(s): %1 token transfers; at most %2 active holders a day. Blocks, transactions and gas are not counted: the chain fetches the headers of its blocks with events only (Chain › Edit › Block statistics).</source>
        <translation>
            <numerusform>Letzter %n Tag: %1 Token-Transfers; höchstens %2 aktive Inhaber pro Tag. Blöcke, Transaktionen und Gas werden nicht gezählt: Die Chain ruft nur die Header ihrer Blöcke mit Ereignissen ab (Chain › Bearbeiten › Blockstatistik).</numerusform>
            <numerusform>Letzte %n Tage: %1 Token-Transfers; höchstens %2 aktive Inhaber pro Tag. Blöcke, Transaktionen und Gas werden nicht gezählt: Die Chain ruft nur die Header ihrer Blöcke mit Ereignissen ab (Chain › Bearbeiten › Blockstatistik).</numerusform>
        </translation>
    </message>
    <message>
        <source>not counted</source>
        <translation>nicht gezählt</translation>
    </message>
    <message>
        <source>Daily activity (counts per day)</source>
        <translation>Tägliche Aktivität (Anzahl pro Tag)</translation>
    </message>
</context>
<context>
    <name>arbor::ui::OutboundRequestsEditor</name>
    <message>
        <source>Registration files, feedback files and agents&apos; MCP endpoints are named in chain data, which anyone can write; so Arbor refuses to send requests to loopback, private, link-local and cloud metadata addresses unless the host is allowed here, lest a chain event reach a service inside your network.</source>
        <translation>Registrierungsdateien, Feedback-Dateien und die MCP-Endpunkte der Agenten werden in Chain-Daten genannt, die jeder schreiben kann; daher sendet Arbor keine Anfragen an Loopback-, private, Link-Local- und Cloud-Metadaten-Adressen, sofern der Host hier nicht zugelassen ist – sonst könnte ein Chain-Ereignis einen Dienst in Ihrem Netz erreichen.</translation>
    </message>
    <message>
        <source>Not connected to a database.</source>
        <translation>Nicht mit einer Datenbank verbunden.</translation>
    </message>
    <message>
        <source>Allowed hosts:</source>
        <translation>Zugelassene Hosts:</translation>
    </message>
    <message>
        <source>e.g. 127.0.0.1 or agents.internal</source>
        <translation>etwa 127.0.0.1 oder agents.internal</translation>
    </message>
    <message>
        <source>A host name or an IP address, without scheme or port: each host is allowed with all its ports</source>
        <translation>Ein Hostname oder eine IP-Adresse, ohne Schema und Port: Jeder Host wird mit allen seinen Ports zugelassen</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>&amp;Host:</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Zulassen</translation>
    </message>
    <message>
        <source>Remo&amp;ve</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>Refuse requests to the selected host again</source>
        <translation>Anfragen an den gewählten Host wieder ablehnen</translation>
    </message>
    <message>
        <source>IPFS &amp;gateway:</source>
        <translation>IPFS-&amp;Gateway:</translation>
    </message>
    <message>
        <source>A&amp;pply</source>
        <translation>&amp;Übernehmen</translation>
    </message>
    <message>
        <source>Cl&amp;ear</source>
        <translation>&amp;Leeren</translation>
    </message>
    <message>
        <source>Use no gateway: ipfs:// URIs are then not fetched</source>
        <translation>Kein Gateway verwenden: ipfs://-URIs werden dann nicht abgerufen</translation>
    </message>
    <message>
        <source>Every engine on this database applies the list. Changes here apply at once.</source>
        <translation>Jede Engine auf dieser Datenbank wendet die Liste an. Änderungen hier gelten sofort.</translation>
    </message>
    <message>
        <source>ipfs:// agentURIs and feedback files are fetched through this gateway; without one they are not fetched.</source>
        <translation>ipfs://-agentURIs und -Feedback-Dateien werden über dieses Gateway abgerufen; ohne eines werden sie nicht abgerufen.</translation>
    </message>
    <message>
        <source>Read-only: %1</source>
        <translation>Schreibgeschützt: %1</translation>
    </message>
    <message>
        <source>Cannot read the allowed hosts: %1</source>
        <translation>Die zugelassenen Hosts können nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Cannot read the IPFS gateway: %1</source>
        <translation>Das IPFS-Gateway kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Let requests from chain data reach this host</source>
        <translation>Anfragen aus Chain-Daten diesen Host erreichen lassen</translation>
    </message>
    <message>
        <source>Requests from chain data may now reach %1.</source>
        <translation>Anfragen aus Chain-Daten dürfen %1 jetzt erreichen.</translation>
    </message>
    <message>
        <source>%1 was already allowed.</source>
        <translation>%1 war bereits zugelassen.</translation>
    </message>
    <message>
        <source>%1 is no longer allowed.</source>
        <translation>%1 ist nicht mehr zugelassen.</translation>
    </message>
    <message>
        <source>No IPFS gateway: ipfs:// URIs are not fetched.</source>
        <translation>Kein IPFS-Gateway: ipfs://-URIs werden nicht abgerufen.</translation>
    </message>
    <message>
        <source>ipfs:// URIs are fetched through %1.</source>
        <translation>ipfs://-URIs werden über %1 abgerufen.</translation>
    </message>
    <message>
        <source>Requests from chain data</source>
        <translation>Anfragen aus Chain-Daten</translation>
    </message>
    <message>
        <source>None: requests from chain data reach public addresses only.</source>
        <translation>Keine: Anfragen aus Chain-Daten erreichen nur öffentliche Adressen.</translation>
    </message>
</context>
<context>
    <name>arbor::ui::OverviewPage</name>
    <message>
        <source>Chains indexed here</source>
        <translation>Hier indizierte Chains</translation>
    </message>
    <message>
        <source>RPC down</source>
        <translation>RPC ausgefallen</translation>
    </message>
    <message>
        <source>Stalled</source>
        <translation>Stockt</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Pausiert</translation>
    </message>
    <message>
        <source>Worst lag</source>
        <translation>Größter Rückstand</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Anfragen</translation>
    </message>
    <message>
        <source>Failures</source>
        <translation>Fehlschläge</translation>
    </message>
    <message>
        <source>RPC requests per provider since the indexers started</source>
        <translation>RPC-Anfragen pro Anbieter seit dem Start der Indizierung</translation>
    </message>
    <message>
        <source>Provider (host)</source>
        <translation>Anbieter (Host)</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>–</source>
        <translation>–</translation>
    </message>
    <message>
        <source>Chain %1</source>
        <translation>Chain %1</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n block(s)</source>
        <translation>
            <numerusform>%1: %n Block</numerusform>
            <numerusform>%1: %n Blöcke</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n second(s)</source>
        <translation>
            <numerusform>, %n Sekunde</numerusform>
            <numerusform>, %n Sekunden</numerusform>
        </translation>
    </message>
    <message>
        <source>Not indexed by this console</source>
        <translation>Wird von dieser Konsole nicht indiziert</translation>
    </message>
    <message>
        <source>Lag not known yet</source>
        <translation>Rückstand noch unbekannt</translation>
    </message>
    <message>
        <source>At the head</source>
        <translation>Auf dem neuesten Block</translation>
    </message>
    <message numerus="yes">
        <source>%n block(s) behind, %1</source>
        <translation>
            <numerusform>%n Block zurück, %1</numerusform>
            <numerusform>%n Blöcke zurück, %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n block(s) behind</source>
        <translation>
            <numerusform>%n Block zurück</numerusform>
            <numerusform>%n Blöcke zurück</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>arbor::ui::PortfolioModel</name>
    <message>
        <source>Chain %1</source>
        <translation>Chain %1</translation>
    </message>
    <message>
        <source>The token&apos;s decimals are unknown: the raw balance is shown</source>
        <translation>Die Dezimalstellen des Tokens sind unbekannt: Der Rohsaldo wird angezeigt</translation>
    </message>
    <message>
        <source>Chain</source>
        <translation>Chain</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>Token address</source>
        <translation>Token-Adresse</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>Saldo</translation>
    </message>
    <message>
        <source>Raw balance</source>
        <translation>Rohsaldo</translation>
    </message>
    <message>
        <source>Block</source>
        <translation>Block</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Aktualisiert</translation>
    </message>
    <message>
        <source>%1 %2 (%3 in the smallest unit)</source>
        <translation>%1 %2 (%3 in der kleinsten Einheit)</translation>
    </message>
    <message numerus="yes">
        <source>%n token(s)</source>
        <translation>
            <numerusform>%n Token</numerusform>
            <numerusform>%n Tokens</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n chain(s)</source>
        <translation>
            <numerusform>%n Chain</numerusform>
            <numerusform>%n Chains</numerusform>
        </translation>
    </message>
    <message>
        <source>The sum of the balances of %1 on every chain</source>
        <translation>Die Summe der Salden von %1 auf allen Chains</translation>
    </message>
    <message>
        <source>Not summed: the tokens named %1 have different decimals</source>
        <translation>Nicht summiert: Die Tokens namens %1 haben unterschiedliche Dezimalstellen</translation>
    </message>
</context>
<context>
    <name>arbor::ui::ProbePage</name>
    <message>
        <source>Check the Endpoints</source>
        <translation>Endpunkte prüfen</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Chain ID</source>
        <translation>Chain-ID</translation>
    </message>
    <message>
        <source>Head</source>
        <translation>Letzter Block</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>Latenz</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Probing endpoints…</source>
        <translation>Endpunkte werden geprüft…</translation>
    </message>
    <message>
        <source>&amp;Probe Again</source>
        <translation>Erneut &amp;prüfen</translation>
    </message>
    <message>
        <source>Probing…</source>
        <translation>Wird geprüft…</translation>
    </message>
    <message>
        <source>URL %1 did not answer: %2</source>
        <translation>URL %1 hat nicht geantwortet: %2</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>not reported</source>
        <translation>nicht gemeldet</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Geantwortet</translation>
    </message>
    <message>
        <source>URL %1 reports chain %2, URL %3 reports chain %4.</source>
        <translation>URL %1 meldet Chain %2, URL %3 meldet Chain %4.</translation>
    </message>
    <message>
        <source>No endpoint answered, so the chain cannot be added. Check that the node is running and the URL is right, then probe again.</source>
        <translation>Kein Endpunkt hat geantwortet, daher kann die Chain nicht hinzugefügt werden. Prüfen Sie, ob der Knoten läuft und die URL stimmt, und prüfen Sie dann erneut.</translation>
    </message>
    <message>
        <source>All endpoints of a chain must serve the same chain: go back and remove or fix the wrong URL.</source>
        <translation>Alle Endpunkte einer Chain müssen dieselbe Chain bedienen: Gehen Sie zurück und entfernen oder korrigieren Sie die falsche URL.</translation>
    </message>
    <message>
        <source>The chain will be added without the URLs that did not answer. Go back to fix them, or continue.</source>
        <translation>Die Chain wird ohne die URLs hinzugefügt, die nicht geantwortet haben. Gehen Sie zurück, um sie zu korrigieren, oder fahren Sie fort.</translation>
    </message>
    <message>
        <source>Every endpoint answered and serves chain %1.</source>
        <translation>Alle Endpunkte haben geantwortet und bedienen Chain %1.</translation>
    </message>
    <message>
        <source>Arbor asks every URL for its chain id, latest block and client version, and whether it serves historical state. All endpoints that answer must serve the same chain.</source>
        <translation>Arbor fragt jede URL nach ihrer Chain-ID, ihrem neuesten Block und ihrer Client-Version sowie danach, ob sie historischen Zustand liefert. Alle Endpunkte, die antworten, müssen dieselbe Chain bedienen.</translation>
    </message>
    <message>
        <source>State history</source>
        <translation>Zustandshistorie</translation>
    </message>
    <message>
        <source>Chain %1 is already added, as “%2”. Each chain is added once; to use more endpoints, cancel and choose Chain → Edit… on “%2”.</source>
        <translation>Chain %1 ist bereits hinzugefügt, als „%2“. Jede Chain wird nur einmal hinzugefügt; um weitere Endpunkte zu verwenden, brechen Sie ab und wählen Sie Chain → Bearbeiten … für „%2“.</translation>
    </message>
</context>
<context>
    <name>arbor::ui::QueueChartPanel</name>
    <message>
        <source>Select a chain to see its queue over the last %1.</source>
        <translation>Wählen Sie eine Chain, um ihre Warteschlange der letzten %1 zu sehen.</translation>
    </message>
    <message>
        <source>Pending items</source>
        <translation>Wartende Einträge</translation>
    </message>
    <message>
        <source>Throughput (items/s)</source>
        <translation>Durchsatz (Einträge/s)</translation>
    </message>
    <message>
        <source>Oldest pending (min)</source>
        <translation>Ältester wartender (min)</translation>
    </message>
    <message>
        <source>“%1”, last %2</source>
        <translation>„%1“, letzte %2</translation>
    </message>
    <message>
        <source>Queue over time</source>
        <translation>Warteschlange im Zeitverlauf</translation>
    </message>
    <message>
        <source>Failed attempts in the last hour</source>
        <translation>Fehlgeschlagene Versuche in der letzten Stunde</translation>
    </message>
</context>
<context>
    <name>arbor::ui::QueueConfigDialog</name>
    <message>
        <source>Balance Queue Settings</source>
        <translation>Einstellungen der Salden-Warteschlange</translation>
    </message>
    <message>
        <source>Balance queue of “%1” (chain %2)</source>
        <translation>Salden-Warteschlange von „%1“ (Chain %2)</translation>
    </message>
    <message>
        <source>&amp;Process this chain&apos;s queue</source>
        <translation>Warteschlange dieser Chain &amp;verarbeiten</translation>
    </message>
    <message>
        <source>When off, holders are still queued but no balances are computed</source>
        <translation>Wenn aus, werden Inhaber weiter eingereiht, aber keine Salden berechnet</translation>
    </message>
    <message>
        <source>Items a worker claims at once</source>
        <translation>Einträge, die ein Worker auf einmal übernimmt</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>Pause between batches when the queue ran dry</source>
        <translation>Pause zwischen Stapeln, wenn die Warteschlange leer war</translation>
    </message>
    <message>
        <source>Failures before an item is marked failed</source>
        <translation>Fehlschläge, bevor ein Eintrag als fehlgeschlagen gilt</translation>
    </message>
    <message>
        <source>Wait before the first retry; it doubles with each retry, up to 5 minutes</source>
        <translation>Wartezeit vor dem ersten neuen Versuch; sie verdoppelt sich mit jedem Versuch, bis zu 5 Minuten</translation>
    </message>
    <message>
        <source>Items pending longer than this get their priority raised, once</source>
        <translation>Einträge, die länger warten, erhalten einmalig eine höhere Priorität</translation>
    </message>
    <message>
        <source> items</source>
        <translation> Einträge</translation>
    </message>
    <message>
        <source>The queue shows “High load” with more items than this pending</source>
        <translation>Die Warteschlange zeigt „Hohe Last“, wenn mehr Einträge als diese warten</translation>
    </message>
    <message>
        <source>The queue shows “Delayed” when its oldest pending item is older than this</source>
        <translation>Die Warteschlange zeigt „Verzögert“, wenn ihr ältester wartender Eintrag älter ist</translation>
    </message>
    <message>
        <source> per hour</source>
        <translation> pro Stunde</translation>
    </message>
    <message>
        <source>The queue shows “Errors” with more failed attempts than this in the last hour</source>
        <translation>Die Warteschlange zeigt „Fehler“ bei mehr fehlgeschlagenen Versuchen in der letzten Stunde</translation>
    </message>
    <message>
        <source>Processing</source>
        <translation>Verarbeitung</translation>
    </message>
    <message>
        <source>&amp;Batch size:</source>
        <translation>&amp;Stapelgröße:</translation>
    </message>
    <message>
        <source>&amp;Idle pause:</source>
        <translation>&amp;Leerlaufpause:</translation>
    </message>
    <message>
        <source>&amp;Maximum retries:</source>
        <translation>&amp;Maximale Wiederholungen:</translation>
    </message>
    <message>
        <source>&amp;First retry after:</source>
        <translation>&amp;Erste Wiederholung nach:</translation>
    </message>
    <message>
        <source>B&amp;oost priority after:</source>
        <translation>Priorität &amp;anheben nach:</translation>
    </message>
    <message>
        <source>Boost b&amp;y:</source>
        <translation>Anheben &amp;um:</translation>
    </message>
    <message>
        <source>Health thresholds</source>
        <translation>Schwellen für den Zustand</translation>
    </message>
    <message>
        <source>&amp;High load above:</source>
        <translation>&amp;Hohe Last über:</translation>
    </message>
    <message>
        <source>&amp;Delayed after:</source>
        <translation>Verzöger&amp;t nach:</translation>
    </message>
    <message>
        <source>&amp;Errors above:</source>
        <translation>&amp;Fehler über:</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>S&amp;peichern</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>How much the priority is raised</source>
        <translation>Um wie viel die Priorität steigt</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>field label, what is wrong</comment>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>arbor::ui::QueueHealthModel</name>
    <message>
        <source>Chain %1</source>
        <translation>Chain %1</translation>
    </message>
    <message>
        <source>Items given up on after their last retry; “Retry failed” queues them again</source>
        <translation>Nach dem letzten Versuch aufgegebene Einträge; „Fehlgeschlagene wiederholen“ reiht sie erneut ein</translation>
    </message>
    <message>
        <source>Items completed in the last hour</source>
        <translation>In der letzten Stunde erledigte Einträge</translation>
    </message>
    <message>
        <source>Failed attempts in the last hour, retries included</source>
        <translation>Fehlgeschlagene Versuche in der letzten Stunde, Wiederholungen eingeschlossen</translation>
    </message>
    <message>
        <source>Items completed per second, over the last minute</source>
        <translation>Erledigte Einträge pro Sekunde, über die letzte Minute</translation>
    </message>
    <message>
        <source>Average processing time per item, over the last hour</source>
        <translation>Mittlere Bearbeitungszeit pro Eintrag, über die letzte Stunde</translation>
    </message>
    <message>
        <source>How long the oldest pending item has been waiting</source>
        <translation>Wie lange der älteste wartende Eintrag schon wartet</translation>
    </message>
    <message>
        <source>Chain</source>
        <translation>Chain</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Wartend</translation>
    </message>
    <message>
        <source>Processing</source>
        <translation>In Arbeit</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Completed/h</source>
        <translation>Erledigt/h</translation>
    </message>
    <message>
        <source>Errors/h</source>
        <translation>Fehler/h</translation>
    </message>
    <message>
        <source>Items/s</source>
        <translation>Einträge/s</translation>
    </message>
    <message>
        <source>Avg ms</source>
        <translation>Ø ms</translation>
    </message>
    <message>
        <source>Oldest pending</source>
        <translation>Ältester wartender</translation>
    </message>
    <message>
        <source>Healthy</source>
        <translation>Gesund</translation>
    </message>
    <message>
        <source>High load</source>
        <translation>Hohe Last</translation>
    </message>
    <message>
        <source>Delayed</source>
        <translation>Verzögert</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Deaktiviert</translation>
    </message>
    <message>
        <source>Balances are being kept up to date.</source>
        <translation>Die Salden werden aktuell gehalten.</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) pending: more than this chain&apos;s high-load threshold.</source>
        <translation>
            <numerusform>%n Eintrag wartet: mehr als die Schwelle für hohe Last dieser Chain.</numerusform>
            <numerusform>%n Einträge warten: mehr als die Schwelle für hohe Last dieser Chain.</numerusform>
        </translation>
    </message>
    <message>
        <source>The oldest pending item has been waiting for %1: longer than this chain allows.</source>
        <translation>Der älteste wartende Eintrag wartet seit %1: länger, als diese Chain zulässt.</translation>
    </message>
    <message numerus="yes">
        <source>%n failed attempt(s) in the last hour: more than this chain allows.</source>
        <translation>
            <numerusform>%n fehlgeschlagener Versuch in der letzten Stunde: mehr, als diese Chain zulässt.</numerusform>
            <numerusform>%n fehlgeschlagene Versuche in der letzten Stunde: mehr, als diese Chain zulässt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Queue processing is turned off for this chain.</source>
        <translation>Die Verarbeitung der Warteschlange ist für diese Chain abgeschaltet.</translation>
    </message>
    <message>
        <source>&lt; 1 s</source>
        <translation>&lt; 1 s</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 T %2 h</translation>
    </message>
    <message>
        <source>%1 d</source>
        <translation>%1 T</translation>
    </message>
    <message numerus="yes">
        <source>%n token(s) fail the same way on every item: see the problems under the table.</source>
        <translation>
            <numerusform>%n Token scheitert bei jedem Eintrag auf dieselbe Weise: siehe die Probleme unter der Tabelle.</numerusform>
            <numerusform>%n Tokens scheitern bei jedem Eintrag auf dieselbe Weise: siehe die Probleme unter der Tabelle.</numerusform>
        </translation>
    </message>
    <message>
        <source>No tokens</source>
        <translation>Keine Token</translation>
    </message>
    <message>
        <source>This chain tracks no tokens, so there are no balances to keep. Add tokens under Chain › Edit….</source>
        <translation>Diese Chain verfolgt keine Token, es gibt also keine Salden zu pflegen. Token fügen Sie unter Chain › Bearbeiten … hinzu.</translation>
    </message>
</context>
<context>
    <name>arbor::ui::QueuePage</name>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>Batch size, retries and health thresholds of the selected chain&apos;s queue</source>
        <translation>Stapelgröße, Wiederholungen und Zustandsschwellen der Warteschlange der gewählten Chain</translation>
    </message>
    <message>
        <source>Retry &amp;Failed</source>
        <translation>&amp;Fehlgeschlagene wiederholen</translation>
    </message>
    <message>
        <source>Queue the selected chain&apos;s failed items again</source>
        <translation>Die fehlgeschlagenen Einträge der gewählten Chain erneut einreihen</translation>
    </message>
    <message>
        <source>Could not read the queue&apos;s health: %1</source>
        <translation>Der Zustand der Warteschlange konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Could not read the queue&apos;s history: %1</source>
        <translation>Der Verlauf der Warteschlange konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Read-only: %1</source>
        <translation>Nur lesend: %1</translation>
    </message>
    <message>
        <source>“%1” has no failed items</source>
        <translation>„%1“ hat keine fehlgeschlagenen Einträge</translation>
    </message>
    <message>
        <source>Could not read the settings of “%1”: %2</source>
        <translation>Die Einstellungen von „%1“ konnten nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Settings of “%1” saved.</source>
        <translation>Einstellungen von „%1“ gespeichert.</translation>
    </message>
    <message>
        <source>Queuing the failed items of “%1” again…</source>
        <translation>Die fehlgeschlagenen Einträge von „%1“ werden erneut eingereiht…</translation>
    </message>
    <message>
        <source>Could not retry the failed items of “%1”: %2</source>
        <translation>Die fehlgeschlagenen Einträge von „%1“ konnten nicht erneut eingereiht werden: %2</translation>
    </message>
    <message numerus="yes">
        <source>“%1”: %n item(s) queued again.</source>
        <translation>
            <numerusform>„%1“: %n Eintrag erneut eingereiht.</numerusform>
            <numerusform>„%1“: %n Einträge erneut eingereiht.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n token(s) fail the same way on every item. Their items wait, using up no retries, until a batch of the token succeeds again.</source>
        <translation>
            <numerusform>%n Token scheitert bei jedem Eintrag auf dieselbe Weise. Seine Einträge warten, ohne Wiederholungen zu verbrauchen, bis ein Stapel des Tokens wieder gelingt.</numerusform>
            <numerusform>%n Tokens scheitern bei jedem Eintrag auf dieselbe Weise. Ihre Einträge warten, ohne Wiederholungen zu verbrauchen, bis ein Stapel des Tokens wieder gelingt.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>arbor::ui::ReadOnlyBanner</name>
    <message>
        <source>This console is read-only: chains can be watched but not changed. %1</source>
        <translation>Diese Konsole ist schreibgeschützt: Chains lassen sich beobachten, aber nicht ändern. %1</translation>
    </message>
</context>
<context>
    <name>arbor::ui::ReindexDialog</name>
    <message>
        <source>Reindex Block Range</source>
        <translation>Blockbereich neu indizieren</translation>
    </message>
    <message>
        <source>Fetch a block range of “%1” (chain ID %2) again from its RPC endpoints and replace its rows. The request is recorded with your reason in the audit log.</source>
        <translation>Einen Blockbereich von „%1“ (Chain-ID %2) erneut von den RPC-Endpunkten abrufen und seine Zeilen ersetzen. Der Auftrag wird mit Ihrer Begründung im Audit-Protokoll festgehalten.</translation>
    </message>
    <message>
        <source>Reading what is indexed…</source>
        <translation>Indizierter Bereich wird gelesen…</translation>
    </message>
    <message>
        <source>Why, for the audit log (e.g. “RPC returned truncated logs”)</source>
        <translation>Grund für das Audit-Protokoll (z. B. „RPC lieferte abgeschnittene Logs“)</translation>
    </message>
    <message>
        <source>&amp;From block:</source>
        <translation>&amp;Von Block:</translation>
    </message>
    <message>
        <source>&amp;To block:</source>
        <translation>&amp;Bis Block:</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>Be&amp;gründung:</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Requested by</source>
        <translation>Angefordert von</translation>
    </message>
    <message>
        <source>Requested at</source>
        <translation>Angefordert am</translation>
    </message>
    <message>
        <source>Range</source>
        <translation>Bereich</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Begründung</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Reindex requests of this chain</source>
        <translation>Neuindizierungsaufträge dieser Chain</translation>
    </message>
    <message>
        <source>&amp;Start Reindex</source>
        <translation>&amp;Neuindizierung starten</translation>
    </message>
    <message>
        <source>This console is read-only (%1); request the reindex from the console that holds the database.</source>
        <translation>Diese Konsole ist schreibgeschützt (%1); fordern Sie die Neuindizierung an der Konsole an, die die Datenbank hält.</translation>
    </message>
    <message>
        <source>What is indexed could not be read: %1</source>
        <translation>Der indizierte Bereich konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Nothing of this chain is indexed yet, so there is nothing to reindex.</source>
        <translation>Von dieser Chain ist noch nichts indiziert, daher gibt es nichts neu zu indizieren.</translation>
    </message>
    <message>
        <source>Indexed: blocks %1 to %2.</source>
        <translation>Indiziert: Blöcke %1 bis %2.</translation>
    </message>
    <message numerus="yes">
        <source>There are gaps (%n indexed range(s)); reindexing a range over a gap fills it.</source>
        <translation>
            <numerusform>Es gibt Lücken (%n indizierter Bereich); eine Neuindizierung über eine Lücke hinweg füllt sie.</numerusform>
            <numerusform>Es gibt Lücken (%n indizierte Bereiche); eine Neuindizierung über eine Lücke hinweg füllt sie.</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose a block from %1 to %2.</source>
        <translation>Wählen Sie einen Block von %1 bis %2.</translation>
    </message>
    <message>
        <source>Block %1 is not indexed. %2</source>
        <translation>Block %1 ist nicht indiziert. %2</translation>
    </message>
    <message>
        <source>Block %1 is past the checkpoint. %2</source>
        <translation>Block %1 liegt hinter dem Checkpoint. %2</translation>
    </message>
    <message>
        <source>The range ends before it starts: make “To” at least %1.</source>
        <translation>Der Bereich endet, bevor er beginnt: „Bis“ auf mindestens %1 setzen.</translation>
    </message>
    <message>
        <source>Give a reason: it is kept in the audit log with your name.</source>
        <translation>Geben Sie eine Begründung an: Sie wird mit Ihrem Namen im Audit-Protokoll festgehalten.</translation>
    </message>
    <message>
        <source>Recording the reindex request…</source>
        <translation>Neuindizierungsauftrag wird gespeichert…</translation>
    </message>
    <message>
        <source>The reindex was not requested: %1</source>
        <translation>Die Neuindizierung wurde nicht beauftragt: %1</translation>
    </message>
    <message>
        <source>The request&apos;s progress could not be read: %1</source>
        <translation>Der Fortschritt des Auftrags konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>wartend</translation>
    </message>
    <message>
        <source>running</source>
        <translation>in Arbeit</translation>
    </message>
    <message>
        <source>done</source>
        <translation>erledigt</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>blocks %1 to %2</source>
        <translation>Blöcke %1 bis %2</translation>
    </message>
    <message>
        <source>Reindex #%1 of %2 is done.</source>
        <translation>Neuindizierung #%1 (%2) ist abgeschlossen.</translation>
    </message>
    <message>
        <source>Reindex #%1 of %2 failed: %3</source>
        <translation>Neuindizierung #%1 (%2) ist fehlgeschlagen: %3</translation>
    </message>
    <message>
        <source>Reindex #%1 of %2 is %3. The chain&apos;s indexer takes it up between head scans; you can close this dialog, the request stays recorded.</source>
        <translation>Neuindizierung #%1 (%2), Status: %3. Die Indizierung der Chain übernimmt sie zwischen zwei Abfragen des letzten Blocks; Sie können diesen Dialog schließen, der Auftrag bleibt gespeichert.</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>arbor::ui::ReindexRequestModel</name>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Wartend</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Blocks</source>
        <translation>Blöcke</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Begründung</translation>
    </message>
    <message>
        <source>Requested by</source>
        <translation>Angefordert von</translation>
    </message>
    <message>
        <source>Requested at</source>
        <translation>Angefordert am</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Finished at</source>
        <translation>Beendet am</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
</context>
<context>
    <name>arbor::ui::ReorgModel</name>
    <message numerus="yes">
        <source>%n block(s)</source>
        <translation>
            <numerusform>%n Block</numerusform>
            <numerusform>%n Blöcke</numerusform>
        </translation>
    </message>
    <message>
        <source>Detected</source>
        <translation>Erkannt</translation>
    </message>
    <message>
        <source>Depth</source>
        <translation>Tiefe</translation>
    </message>
    <message>
        <source>Common ancestor</source>
        <translation>Gemeinsamer Vorfahre</translation>
    </message>
    <message>
        <source>Old head</source>
        <translation>Alter letzter Block</translation>
    </message>
    <message>
        <source>Old hash</source>
        <translation>Alter Hash</translation>
    </message>
    <message>
        <source>New hash</source>
        <translation>Neuer Hash</translation>
    </message>
</context>
<context>
    <name>arbor::ui::RestoreDialog</name>
    <message>
        <source>Restore Database</source>
        <translation>Datenbank wiederherstellen</translation>
    </message>
    <message>
        <source>Restore a backup into a new database. The database Arbor runs on now (%1) is not touched; open the restored one afterwards in Settings.</source>
        <translation>Stellt eine Sicherung in eine neue Datenbank wieder her. Die Datenbank, mit der Arbor gerade läuft (%1), bleibt unberührt; öffnen Sie die wiederhergestellte danach in den Einstellungen.</translation>
    </message>
    <message>
        <source>A file from Back Up Database… or “arborctl db backup”</source>
        <translation>Eine Datei aus Datenbank sichern… oder „arborctl db backup“</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Auswählen…</translation>
    </message>
    <message>
        <source>A new &amp;SQLite file</source>
        <translation>Eine neue &amp;SQLite-Datei</translation>
    </message>
    <message>
        <source>An empty &amp;PostgreSQL database</source>
        <translation>Eine leere &amp;PostgreSQL-Datenbank</translation>
    </message>
    <message>
        <source>Create it first (createdb NAME). The password comes from the OS keychain or PGPASSWORD.</source>
        <translation>Legen Sie sie zuerst an (createdb NAME). Das Passwort kommt aus dem Schlüsselbund des Betriebssystems oder aus PGPASSWORD.</translation>
    </message>
    <message>
        <source>&amp;Backup file:</source>
        <translation>Sicherungs&amp;datei:</translation>
    </message>
    <message>
        <source>Restore into:</source>
        <translation>Wiederherstellen in:</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>&amp;Wiederherstellen</translation>
    </message>
    <message>
        <source>Backup File</source>
        <translation>Sicherungsdatei</translation>
    </message>
    <message>
        <source>Arbor backups (*.db *.dump *.backup);;All files (*)</source>
        <translation>Arbor-Sicherungen (*.db *.dump *.backup);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>New Database File</source>
        <translation>Neue Datenbankdatei</translation>
    </message>
    <message>
        <source>SQLite databases (*.db *.sqlite)</source>
        <translation>SQLite-Datenbanken (*.db *.sqlite)</translation>
    </message>
    <message>
        <source>file</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Enter the empty database&apos;s URL: postgresql://user@host:port/dbname.</source>
        <translation>Geben Sie die URL der leeren Datenbank ein: postgresql://user@host:port/dbname.</translation>
    </message>
    <message>
        <source>Choose the backup file to restore.</source>
        <translation>Wählen Sie die wiederherzustellende Sicherungsdatei.</translation>
    </message>
    <message>
        <source>Restoring %1 into %2…</source>
        <translation>%1 wird in %2 wiederhergestellt…</translation>
    </message>
    <message>
        <source>Restoring %1…</source>
        <translation>%1 wird wiederhergestellt…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Canceled: nothing was restored.</source>
        <translation>Abgebrochen: Es wurde nichts wiederhergestellt.</translation>
    </message>
    <message>
        <source>Restored %1 into %2: %3, schema version %4.</source>
        <translation>%1 in %2 wiederhergestellt: %3, Schemaversion %4.</translation>
    </message>
    <message numerus="yes">
        <source>%n migration(s) will be applied when Arbor opens it.</source>
        <translation>
            <numerusform>%n Migration wird angewendet, wenn Arbor sie öffnet.</numerusform>
            <numerusform>%n Migrationen werden angewendet, wenn Arbor sie öffnet.</numerusform>
        </translation>
    </message>
    <message>
        <source>The backup was restored into %1.</source>
        <translation>Die Sicherung wurde in %1 wiederhergestellt.</translation>
    </message>
    <message>
        <source>The restore failed: %1</source>
        <translation>Die Wiederherstellung ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>The restore was refused; nothing was changed.</source>
        <translation>Die Wiederherstellung wurde abgelehnt; es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>The restore failed.</source>
        <translation>Die Wiederherstellung ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source>Enter the new database file.</source>
        <translation>Geben Sie die neue Datenbankdatei an.</translation>
    </message>
    <message>
        <source>Arbor goes on with its current database until you switch: now, or later under File › Settings… › Storage (%1).</source>
        <translation>Arbor arbeitet mit der bisherigen Datenbank weiter, bis Sie wechseln: jetzt oder später unter Datei › Einstellungen … › Datenbank (%1).</translation>
    </message>
    <message>
        <source>&amp;Switch to It Now</source>
        <translation>&amp;Jetzt wechseln</translation>
    </message>
</context>
<context>
    <name>arbor::ui::ResyncDialog</name>
    <message>
        <source>Resync Global Tables</source>
        <translation>Resync der globalen Tabellen</translation>
    </message>
    <message>
        <source>Rebuild the rows of “%1” (chain ID %2) in the cross-chain tables from its own tables. Other chains&apos; rows are not touched.</source>
        <translation>Die Zeilen von „%1“ (Chain-ID %2) in den chainübergreifenden Tabellen aus den eigenen Tabellen der Chain neu aufbauen. Die Zeilen anderer Chains bleiben unverändert.</translation>
    </message>
    <message>
        <source>All tables</source>
        <translation>Alle Tabellen</translation>
    </message>
    <message>
        <source>&amp;Tables:</source>
        <translation>&amp;Tabellen:</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Tabelle</translation>
    </message>
    <message>
        <source>Chain rows</source>
        <translation>Zeilen der Chain</translation>
    </message>
    <message>
        <source>Global rows before</source>
        <translation>Globale Zeilen vorher</translation>
    </message>
    <message>
        <source>Global rows after</source>
        <translation>Globale Zeilen nachher</translation>
    </message>
    <message>
        <source>&amp;Start Resync</source>
        <translation>&amp;Resync starten</translation>
    </message>
    <message>
        <source>This console is read-only (%1); resync from the console that holds the database.</source>
        <translation>Diese Konsole ist schreibgeschützt (%1); führen Sie den Resync an der Konsole aus, die die Datenbank hält.</translation>
    </message>
    <message>
        <source>Rebuilding the global rows of every cross-chain table…</source>
        <translation>Die globalen Zeilen aller chainübergreifenden Tabellen werden neu aufgebaut…</translation>
    </message>
    <message>
        <source>Rebuilding the global rows of %1…</source>
        <translation>Die globalen Zeilen von %1 werden neu aufgebaut…</translation>
    </message>
    <message>
        <source>Resync failed: %1</source>
        <translation>Resync fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Resync finished: the global rows of every cross-chain table were rebuilt.</source>
        <translation>Resync abgeschlossen: Die globalen Zeilen aller chainübergreifenden Tabellen wurden neu aufgebaut.</translation>
    </message>
    <message>
        <source>Resync finished: the global rows of %1 were rebuilt.</source>
        <translation>Resync abgeschlossen: Die globalen Zeilen von %1 wurden neu aufgebaut.</translation>
    </message>
    <message>
        <source>–</source>
        <translation>–</translation>
    </message>
    <message>
        <source>Token balances</source>
        <translation>Token-Salden</translation>
    </message>
    <message>
        <source>Daily block statistics</source>
        <translation>Tägliche Blockstatistik</translation>
    </message>
    <message>
        <source>Agent identities</source>
        <translation>Agenten-Identitäten</translation>
    </message>
    <message>
        <source>Agent reputation</source>
        <translation>Agenten-Reputation</translation>
    </message>
    <message>
        <source>The table %1</source>
        <translation>Die Tabelle %1</translation>
    </message>
</context>
<context>
    <name>arbor::ui::RetentionEditor</name>
    <message numerus="yes">
        <source>default %n day(s)</source>
        <translation>
            <numerusform>Standard: %n Tag</numerusform>
            <numerusform>Standard: %n Tage</numerusform>
        </translation>
    </message>
    <message>
        <source>default: kept for ever</source>
        <translation>Standard: unbegrenzt aufbewahrt</translation>
    </message>
    <message>
        <source>Not connected to a database.</source>
        <translation>Nicht mit einer Datenbank verbunden.</translation>
    </message>
    <message>
        <source>Reading the retention policies…</source>
        <translation>Aufbewahrungsrichtlinien werden gelesen…</translation>
    </message>
    <message>
        <source>Cannot read the retention policies: %1</source>
        <translation>Die Aufbewahrungsrichtlinien können nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Keep for ever</source>
        <translation>Unbegrenzt aufbewahren</translation>
    </message>
    <message>
        <source>Read-only: %1</source>
        <translation>Schreibgeschützt: %1</translation>
    </message>
    <message>
        <source>Rows older than this are deleted every hour, a small batch at a time.</source>
        <translation>Ältere Zeilen werden stündlich gelöscht, jeweils in kleinen Stapeln.</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <comment>spin box: a number of days</comment>
        <translation>
            <numerusform>%n Tag</numerusform>
            <numerusform>%n Tage</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>arbor::ui::ReviewPage</name>
    <message>
        <source>Review</source>
        <translation>Überprüfen</translation>
    </message>
    <message>
        <source>Check the chain&apos;s settings. Create probes the endpoints once more, creates the chain&apos;s tables and starts indexing.</source>
        <translation>Prüfen Sie die Einstellungen der Chain. „Erstellen“ prüft die Endpunkte noch einmal, legt die Tabellen der Chain an und startet die Indizierung.</translation>
    </message>
    <message>
        <source>Probing endpoints and creating tables…</source>
        <translation>Endpunkte werden geprüft und Tabellen angelegt…</translation>
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
        <source>RPC endpoints</source>
        <translation>RPC-Endpunkte</translation>
    </message>
    <message>
        <source>Left out (did not answer)</source>
        <translation>Ausgelassen (keine Antwort)</translation>
    </message>
    <message>
        <source>the latest block when the chain is created</source>
        <translation>der neueste Block beim Erstellen der Chain</translation>
    </message>
    <message>
        <source>block %1 (the earliest token deployment)</source>
        <translation>Block %1 (das früheste Token-Deployment)</translation>
    </message>
    <message>
        <source>block %1</source>
        <translation>Block %1</translation>
    </message>
    <message>
        <source>Start indexing at</source>
        <translation>Indizierung beginnen bei</translation>
    </message>
    <message>
        <source>Confirmations</source>
        <translation>Bestätigungen</translation>
    </message>
    <message>
        <source>none: follow the head</source>
        <translation>keine: dem letzten Block folgen</translation>
    </message>
    <message>
        <source>index blocks %1 deep</source>
        <translation>Blöcke %1 tief indizieren</translation>
    </message>
    <message>
        <source>Poll interval</source>
        <translation>Abfrageintervall</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>decimals: %1</source>
        <translation>Dezimalstellen: %1</translation>
    </message>
    <message>
        <source>deployed at block %1</source>
        <translation>deployt bei Block %1</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Tokens</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>ERC-8004 registries</source>
        <translation>ERC-8004-Registrys</translation>
    </message>
    <message>
        <source>Go back to fix it, or try Create again.</source>
        <translation>Gehen Sie zurück, um den Fehler zu beheben, oder versuchen Sie „Erstellen“ erneut.</translation>
    </message>
    <message>
        <source>Asking the node how each token&apos;s balances will be computed…</source>
        <translation>Der Knoten wird gefragt, wie die Salden jedes Tokens berechnet werden…</translation>
    </message>
    <message>
        <source>Token balances</source>
        <translation>Token-Salden</translation>
    </message>
    <message>
        <source>decided at Create</source>
        <translation>wird beim Erstellen entschieden</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Wird geprüft…</translation>
    </message>
    <message>
        <source>Could not check how the balances will be computed: %1</source>
        <translation>Es ließ sich nicht prüfen, wie die Salden berechnet werden: %1</translation>
    </message>
    <message>
        <source>Create decides the modes itself when it adds the chain.</source>
        <translation>Beim Erstellen entscheidet Arbor die Modi selbst, wenn die Chain hinzugefügt wird.</translation>
    </message>
    <message>
        <source>every block (one header per block)</source>
        <translation>jeder Block (ein Header je Block)</translation>
    </message>
    <message>
        <source>blocks with events (headers of those blocks only)</source>
        <translation>Blöcke mit Ereignissen (nur deren Header)</translation>
    </message>
    <message>
        <source>to reach the head (%1 blocks): about %2 calls, plus one per block with events</source>
        <translation>bis zum Kopf (%1 Blöcke): etwa %2 Aufrufe, plus einer je Block mit Ereignissen</translation>
    </message>
    <message>
        <source>to reach the head (%1 blocks): about %2 calls</source>
        <translation>bis zum Kopf (%1 Blöcke): etwa %2 Aufrufe</translation>
    </message>
    <message>
        <source>Block statistics</source>
        <translation>Blockstatistik</translation>
    </message>
    <message>
        <source>(sampling how many blocks hold events…)</source>
        <translation>(Stichprobe läuft: wie viele Blöcke Ereignisse enthalten…)</translation>
    </message>
    <message>
        <source>(events in %1 of the %2 blocks sampled)</source>
        <translation>(Ereignisse in %1 der %2 geprüften Blöcke)</translation>
    </message>
    <message>
        <source>How many blocks hold events could not be sampled: %1</source>
        <translation>Wie viele Blöcke Ereignisse enthalten, ließ sich nicht prüfen: %1</translation>
    </message>
</context>
<context>
    <name>arbor::ui::RpcPage</name>
    <message>
        <source>RPC Endpoints</source>
        <translation>RPC-Endpunkte</translation>
    </message>
    <message>
        <source>Enter the JSON-RPC URLs of the chain&apos;s nodes, one per line. Arbor prefers the first and fails over to the others, so put your most reliable endpoint first.</source>
        <translation>Geben Sie die JSON-RPC-URLs der Knoten der Chain ein, eine pro Zeile. Arbor bevorzugt die erste und weicht bei Ausfällen auf die anderen aus; setzen Sie daher Ihren zuverlässigsten Endpunkt an den Anfang.</translation>
    </message>
    <message>
        <source>&amp;RPC URLs:</source>
        <translation>&amp;RPC-URLs:</translation>
    </message>
    <message>
        <source>https://rpc.example.org
http://127.0.0.1:8545</source>
        <translation>https://rpc.example.org
http://127.0.0.1:8545</translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation>Zeile %1: %2</translation>
    </message>
    <message>
        <source>Line %1: %2 is already on an earlier line; remove one of them.</source>
        <translation>Zeile %1: %2 steht bereits in einer früheren Zeile; entfernen Sie eine davon.</translation>
    </message>
    <message>
        <source>Enter at least one RPC URL.</source>
        <translation>Geben Sie mindestens eine RPC-URL ein.</translation>
    </message>
    <message>
        <source>Only http:// and https:// endpoints are supported. Do not put user names or passwords in a URL: Arbor stores URLs in its database. Write an API key as ${keychain:NAME} (a secret in the system keychain) or ${env:VAR} (an environment variable).</source>
        <translation>Es werden nur Endpunkte mit http:// und https:// unterstützt. Schreiben Sie keine Benutzernamen oder Passwörter in eine URL: Arbor speichert URLs in seiner Datenbank. Schreiben Sie einen API-Schlüssel als ${keychain:NAME} (ein Geheimnis im Schlüsselbund des Systems) oder ${env:VAR} (eine Umgebungsvariable).</translation>
    </message>
    <message>
        <source>The name the key gets in the keychain: letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos;</source>
        <translation>Der Name, den der Schlüssel im Schlüsselbund erhält: Buchstaben, Ziffern, „.“, „_“ und „-“</translation>
    </message>
    <message>
        <source>&amp;Keychain name:</source>
        <translation>Name im &amp;Schlüsselbund:</translation>
    </message>
    <message>
        <source>&amp;Move Key to Keychain</source>
        <translation>Schlüssel in den Schlüsselbund &amp;verschieben</translation>
    </message>
    <message>
        <source>Line %1 holds what looks like an API key (%2). Arbor stores URLs in its database and shows them in tables and logs; the key can go to the system keychain instead, and the URL refer to it as ${keychain:NAME}.</source>
        <translation>Zeile %1 enthält offenbar einen API-Schlüssel (%2). Arbor speichert URLs in seiner Datenbank und zeigt sie in Tabellen und Protokollen an; der Schlüssel kann stattdessen in den Schlüsselbund des Systems, und die URL verweist mit ${keychain:NAME} darauf.</translation>
    </message>
    <message>
        <source>Keychain name</source>
        <translation>Name im Schlüsselbund</translation>
    </message>
    <message>
        <source>Storing the key in the keychain…</source>
        <translation>Schlüssel wird im Schlüsselbund gespeichert…</translation>
    </message>
    <message>
        <source>The key was not moved: %1</source>
        <translation>Der Schlüssel wurde nicht verschoben: %1</translation>
    </message>
    <message>
        <source>Without a keychain, put the key in an environment variable and write ${env:VAR} in the URL.</source>
        <translation>Ohne Schlüsselbund legen Sie den Schlüssel in einer Umgebungsvariablen ab und schreiben ${env:VAR} in die URL.</translation>
    </message>
    <message>
        <source>The key is in the keychain as %1; write ${keychain:%1} in its place in the URL.</source>
        <translation>Der Schlüssel liegt im Schlüsselbund als %1; schreiben Sie an seiner Stelle ${keychain:%1} in die URL.</translation>
    </message>
    <message>
        <source>The key is in the keychain as %1; line %2 now refers to it.</source>
        <translation>Der Schlüssel liegt im Schlüsselbund als %1; Zeile %2 verweist jetzt darauf.</translation>
    </message>
</context>
<context>
    <name>arbor::ui::SecretField</name>
    <message>
        <source>A reference to the secret: keychain:NAME, env:VAR or file:PATH. Never the secret itself.</source>
        <translation>Ein Verweis auf das Geheimnis: keychain:NAME, env:VAR oder file:PFAD. Nie das Geheimnis selbst.</translation>
    </message>
    <message>
        <source>Store secret…</source>
        <translation>Geheimnis speichern …</translation>
    </message>
    <message>
        <source>Type the secret once; it goes to the system keychain and this field gets its reference</source>
        <translation>Das Geheimnis einmal eingeben: Es kommt in den Schlüsselbund des Systems, und dieses Feld erhält den Verweis darauf</translation>
    </message>
    <message>
        <source>No secret named “%1” is stored on this computer: the engine cannot send with it. Store secret… stores it (or store it where the engine that delivers runs).</source>
        <translation>Auf diesem Computer ist kein Geheimnis namens „%1“ gespeichert: Die Engine kann damit nicht senden. „Geheimnis speichern …“ speichert es (oder speichern Sie es dort, wo die zustellende Engine läuft).</translation>
    </message>
</context>
<context>
    <name>arbor::ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>&amp;Storage</source>
        <translation>&amp;Datenbank</translation>
    </message>
    <message>
        <source>&amp;Indexing</source>
        <translation>&amp;Indizierung</translation>
    </message>
    <message>
        <source>&amp;Notifications</source>
        <translation>&amp;Benachrichtigungen</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <source>&amp;Embedded SQLite file (one machine, no set-up)</source>
        <translation>&amp;Eingebettete SQLite-Datei (ein Rechner, keine Einrichtung)</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Auswählen…</translation>
    </message>
    <message>
        <source>Choose the database file</source>
        <translation>Die Datenbankdatei auswählen</translation>
    </message>
    <message>
        <source>&amp;PostgreSQL server (shared, larger deployments)</source>
        <translation>&amp;PostgreSQL-Server (gemeinsam genutzt, größere Installationen)</translation>
    </message>
    <message>
        <source>Checking the keychain…</source>
        <translation>Schlüsselbund wird geprüft…</translation>
    </message>
    <message>
        <source>Stored in the OS keychain, never in the settings file. Leave empty to keep the stored password, or to let PostgreSQL use PGPASSWORD or ~/.pgpass.</source>
        <translation>Wird im Schlüsselbund des Betriebssystems gespeichert, nie in der Einstellungsdatei. Leer lassen, um das gespeicherte Passwort zu behalten oder PostgreSQL PGPASSWORD bzw. ~/.pgpass verwenden zu lassen.</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Datei:</translation>
    </message>
    <message>
        <source>&amp;URL:</source>
        <translation>&amp;URL:</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>Pass&amp;wort:</translation>
    </message>
    <message>
        <source>Changing the database restarts the engine on it; nothing is copied between databases.</source>
        <translation>Beim Wechsel der Datenbank startet die Engine mit der neuen Datenbank neu; zwischen den Datenbanken wird nichts kopiert.</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>&amp;Poll interval for new chains:</source>
        <translation>Abfrageintervall für &amp;neue Chains:</translation>
    </message>
    <message>
        <source>How often a new chain asks its RPC endpoints for the head (%1–%2 ms). Each chain keeps its own setting once added.</source>
        <translation>Wie oft eine neue Chain ihre RPC-Endpunkte nach dem letzten Block fragt (%1–%2 ms). Nach dem Hinzufügen behält jede Chain ihre eigene Einstellung.</translation>
    </message>
    <message>
        <source>&amp;Refresh interval of the console:</source>
        <translation>A&amp;ktualisierungsintervall der Konsole:</translation>
    </message>
    <message>
        <source>How often tables and charts update (%1–%2 ms).</source>
        <translation>Wie oft Tabellen und Diagramme aktualisiert werden (%1–%2 ms).</translation>
    </message>
    <message>
        <source>Show &amp;desktop notifications</source>
        <translation>Desktop-Benachrichtigungen an&amp;zeigen</translation>
    </message>
    <message>
        <source> blocks</source>
        <translation> Blöcke</translation>
    </message>
    <message>
        <source>Notify of reorgs at least this &amp;deep:</source>
        <translation>Bei Reorganisationen ab dieser &amp;Tiefe benachrichtigen:</translation>
    </message>
    <message>
        <source>Shallower reorgs are still handled and logged, without a notification.</source>
        <translation>Flachere Reorganisationen werden weiterhin behandelt und protokolliert, nur ohne Benachrichtigung.</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Systemsprache</translation>
    </message>
    <message>
        <source>Takes effect after Arbor restarts.</source>
        <translation>Wird nach einem Neustart von Arbor wirksam.</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>Sp&amp;rache:</translation>
    </message>
    <message>
        <source>A password is stored in the keychain</source>
        <translation>Im Schlüsselbund ist ein Passwort gespeichert</translation>
    </message>
    <message>
        <source>Not stored</source>
        <translation>Nicht gespeichert</translation>
    </message>
    <message>
        <source>No keychain available</source>
        <translation>Kein Schlüsselbund verfügbar</translation>
    </message>
    <message>
        <source>The PostgreSQL password cannot be stored: no OS keychain is available,
and Arbor never writes passwords to its settings file.
Instead, set the PGPASSWORD environment variable for Arbor,
or put the password in ~/.pgpass.</source>
        <translation>Das PostgreSQL-Passwort kann nicht gespeichert werden: Kein Schlüsselbund des Betriebssystems ist verfügbar,
und Arbor schreibt Passwörter nie in seine Einstellungsdatei.
Setzen Sie stattdessen die Umgebungsvariable PGPASSWORD für Arbor
oder legen Sie das Passwort in ~/.pgpass ab.</translation>
    </message>
    <message>
        <source>Database File</source>
        <translation>Datenbankdatei</translation>
    </message>
    <message>
        <source>SQLite databases (*.db *.sqlite);;All files (*)</source>
        <translation>SQLite-Datenbanken (*.db *.sqlite);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>file</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Enter the database file, e.g. %1.</source>
        <translation>Geben Sie die Datenbankdatei an, z. B. %1.</translation>
    </message>
    <message>
        <source>%1 is a file, not a folder; choose a path inside a folder.</source>
        <translation>%1 ist eine Datei, kein Ordner; wählen Sie einen Pfad innerhalb eines Ordners.</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Enter the server&apos;s URL: postgresql://user@host:port/dbname.</source>
        <translation>Geben Sie die URL des Servers ein: postgresql://benutzer@host:port/datenbank.</translation>
    </message>
    <message>
        <source>The URL must start with postgresql://, as in postgresql://user@host:port/dbname.</source>
        <translation>Die URL muss mit postgresql:// beginnen, wie in postgresql://benutzer@host:port/datenbank.</translation>
    </message>
    <message>
        <source>Storing the password in the keychain…</source>
        <translation>Passwort wird im Schlüsselbund gespeichert…</translation>
    </message>
    <message>
        <source>Settings not saved: %1</source>
        <translation>Einstellungen nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>&amp;Monitoring</source>
        <translation>&amp;Monitoring</translation>
    </message>
    <message>
        <source>Serve &amp;Prometheus metrics on</source>
        <translation>&amp;Prometheus-Metriken bereitstellen unter</translation>
    </message>
    <message>
        <source>HOST:PORT, e.g. 127.0.0.1:9464 (this machine only) or 0.0.0.0:9464 (every interface)</source>
        <translation>HOST:PORT, z. B. 127.0.0.1:9464 (nur dieser Rechner) oder 0.0.0.0:9464 (alle Schnittstellen)</translation>
    </message>
    <message>
        <source>Prometheus scrapes http://HOST:PORT/metrics: head, indexed block and lag per chain, RPC requests and errors per endpoint, balance-queue and trigger delivery figures, all labelled by chain id. The endpoint has no authentication: keep 127.0.0.1 unless Prometheus runs on another machine. Applies at OK, without a restart.</source>
        <translation>Prometheus ruft http://HOST:PORT/metrics ab: letzter Block, indizierter Block und Rückstand pro Chain, RPC-Anfragen und -Fehler pro Endpunkt, Kennzahlen der Salden-Warteschlange und der Trigger-Zustellungen, alle mit der Chain-ID als Label. Der Endpunkt hat keine Authentifizierung: 127.0.0.1 beibehalten, außer Prometheus läuft auf einem anderen Rechner. Gilt ab OK, ohne Neustart.</translation>
    </message>
    <message>
        <source>Not serving metrics now.</source>
        <translation>Derzeit werden keine Metriken bereitgestellt.</translation>
    </message>
    <message>
        <source>Serving metrics now at http://%1/metrics</source>
        <translation>Metriken werden derzeit unter http://%1/metrics bereitgestellt</translation>
    </message>
    <message>
        <source>Stopping the metrics endpoint…</source>
        <translation>Metrik-Endpunkt wird beendet…</translation>
    </message>
    <message>
        <source>Starting the metrics endpoint on %1…</source>
        <translation>Metrik-Endpunkt wird unter %1 gestartet…</translation>
    </message>
    <message>
        <source>Settings not saved: the metrics endpoint could not start.</source>
        <translation>Einstellungen nicht gespeichert: Der Metrik-Endpunkt konnte nicht starten.</translation>
    </message>
    <message>
        <source>&amp;Retention</source>
        <translation>&amp;Aufbewahrung</translation>
    </message>
    <message>
        <source>Saving the retention policies…</source>
        <translation>Aufbewahrungsrichtlinien werden gespeichert…</translation>
    </message>
    <message>
        <source>Re&amp;quests</source>
        <translation>An&amp;fragen</translation>
    </message>
    <message>
        <source>Requests from chain data: the hosts they may reach, the IPFS gateway</source>
        <translation>Anfragen aus Chain-Daten: die Hosts, die sie erreichen dürfen, und das IPFS-Gateway</translation>
    </message>
</context>
<context>
    <name>arbor::ui::SlowStatementModel</name>
    <message>
        <source>Mean (ms)</source>
        <translation>Mittel (ms)</translation>
    </message>
    <message>
        <source>Max (ms)</source>
        <translation>Max. (ms)</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Aufrufe</translation>
    </message>
    <message>
        <source>Total (ms)</source>
        <translation>Gesamt (ms)</translation>
    </message>
    <message>
        <source>Statement</source>
        <translation>Anweisung</translation>
    </message>
</context>
<context>
    <name>arbor::ui::StoreSecretDialog</name>
    <message>
        <source>Store Secret</source>
        <translation>Geheimnis speichern</translation>
    </message>
    <message>
        <source>The %1 goes to the system keychain under the name below; the trigger keeps only the reference “keychain:NAME”.</source>
        <translation>Das Geheimnis (%1) kommt unter dem Namen unten in den Schlüsselbund des Systems; der Trigger behält nur den Verweis „keychain:NAME“.</translation>
    </message>
    <message>
        <source>Letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos;</source>
        <translation>Buchstaben, Ziffern, „.“, „_“ und „-“</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Store</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Storing in the keychain…</source>
        <translation>Wird im Schlüsselbund gespeichert…</translation>
    </message>
    <message>
        <source>Not stored: %1</source>
        <translation>Nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>Without a keychain, refer to an environment variable (env:VAR) or a file (file:PATH) instead.</source>
        <translation>Ohne Schlüsselbund stattdessen auf eine Umgebungsvariable (env:VAR) oder eine Datei (file:PFAD) verweisen.</translation>
    </message>
    <message>
        <source>&amp;Generate</source>
        <translation>&amp;Erzeugen</translation>
    </message>
    <message>
        <source>A new signing secret (whsec_ and 32 random bytes): give it to the receiver, then store it</source>
        <translation>Ein neues Signaturgeheimnis (whsec_ und 32 Zufallsbytes): dem Empfänger geben, dann speichern</translation>
    </message>
    <message>
        <source>Copy this secret to the receiver now: once stored, Arbor never shows it again.</source>
        <translation>Kopieren Sie dieses Geheimnis jetzt zum Empfänger: Einmal gespeichert, zeigt Arbor es nie wieder an.</translation>
    </message>
    <message>
        <source>&amp;Value:</source>
        <translation>&amp;Wert:</translation>
    </message>
</context>
<context>
    <name>arbor::ui::TableActions</name>
    <message>
        <source>&amp;Copy Rows</source>
        <translation>Zeilen &amp;kopieren</translation>
    </message>
    <message>
        <source>Copy the selected rows as tab-separated text</source>
        <translation>Die ausgewählten Zeilen als tabulatorgetrennten Text kopieren</translation>
    </message>
    <message>
        <source>Copy &amp;Value</source>
        <translation>&amp;Wert kopieren</translation>
    </message>
    <message>
        <source>Copy the full value of the cell: addresses and URLs are never shortened</source>
        <translation>Den vollständigen Wert der Zelle kopieren: Adressen und URLs werden nie gekürzt</translation>
    </message>
    <message>
        <source>&amp;Export as CSV…</source>
        <translation>Als CSV &amp;exportieren …</translation>
    </message>
    <message>
        <source>Save the table as it is shown (filtered and sorted) as a CSV file</source>
        <translation>Die Tabelle so, wie sie angezeigt wird (gefiltert und sortiert), als CSV-Datei speichern</translation>
    </message>
    <message>
        <source>Copy “%1”</source>
        <comment>copy the value of this column</comment>
        <translation>„%1“ kopieren</translation>
    </message>
    <message>
        <source>Cannot write “%1”: %2. Choose a folder you can write to.</source>
        <translation>„%1“ kann nicht geschrieben werden: %2. Einen Ordner mit Schreibrecht wählen.</translation>
    </message>
    <message>
        <source>Cannot write “%1”: %2. Check the free space and the permissions.</source>
        <translation>„%1“ kann nicht geschrieben werden: %2. Freien Speicherplatz und Zugriffsrechte prüfen.</translation>
    </message>
    <message>
        <source>Export as CSV</source>
        <translation>Als CSV exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV-Dateien (*.csv);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>The table could not be saved.</source>
        <translation>Die Tabelle konnte nicht gespeichert werden.</translation>
    </message>
</context>
<context>
    <name>arbor::ui::TableSizeModel</name>
    <message>
        <source>admin</source>
        <translation>Admin</translation>
    </message>
    <message>
        <source>global</source>
        <translation>global</translation>
    </message>
    <message>
        <source>chain %1</source>
        <translation>Chain %1</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>PostgreSQL&apos;s estimate (n_live_tup): the table is too large to count its rows on every refresh.</source>
        <translation>Schätzung von PostgreSQL (n_live_tup): Die Tabelle ist zu groß, um ihre Zeilen bei jeder Aktualisierung zu zählen.</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Tabelle</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>Bereich</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Zeilen</translation>
    </message>
    <message>
        <source>Table size</source>
        <translation>Tabellengröße</translation>
    </message>
    <message>
        <source>Indexes size</source>
        <translation>Indexgröße</translation>
    </message>
    <message>
        <source>Total size</source>
        <translation>Gesamtgröße</translation>
    </message>
    <message>
        <source>Dead rows</source>
        <translation>Tote Zeilen</translation>
    </message>
    <message>
        <source>Last vacuum</source>
        <translation>Letztes Vacuum</translation>
    </message>
    <message>
        <source>Last analyze</source>
        <translation>Letztes Analyze</translation>
    </message>
</context>
<context>
    <name>arbor::ui::TokenModel</name>
    <message>
        <source>–</source>
        <translation>–</translation>
    </message>
    <message>
        <source>Transfers</source>
        <translation>Transfers</translation>
    </message>
    <message>
        <source>balanceOf</source>
        <translation>balanceOf</translation>
    </message>
    <message>
        <source>Balances are the sum of the token&apos;s indexed Transfer events, kept current as blocks are indexed.</source>
        <translation>Die Salden sind die Summe der indizierten Transfer-Ereignisse des Tokens und werden beim Indizieren der Blöcke aktuell gehalten.</translation>
    </message>
    <message>
        <source>Balances are read with balanceOf from the node: at the indexed height on a node that serves historical state, at its newest block otherwise.</source>
        <translation>Die Salden werden mit balanceOf vom Knoten gelesen: auf der indizierten Höhe bei einem Knoten, der historischen Zustand liefert, sonst bei seinem neuesten Block.</translation>
    </message>
    <message>
        <source>?</source>
        <translation>?</translation>
    </message>
    <message>
        <source>Symbol</source>
        <translation>Symbol</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Decimals</source>
        <translation>Dezimalstellen</translation>
    </message>
    <message>
        <source>Balance mode</source>
        <translation>Saldenmodus</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Begründung</translation>
    </message>
</context>
<context>
    <name>arbor::ui::TokenProblemModel</name>
    <message>
        <source>Chain %1</source>
        <translation>Chain %1</translation>
    </message>
    <message>
        <source>First seen %1, last seen %2</source>
        <translation>Zuerst gesehen %1, zuletzt gesehen %2</translation>
    </message>
    <message>
        <source>The token&apos;s items held back until a batch of it succeeds again; they use up no retries.</source>
        <translation>Die zurückgehaltenen Einträge des Tokens, bis ein Stapel davon wieder gelingt; sie verbrauchen keine Wiederholungen.</translation>
    </message>
    <message>
        <source>Chain</source>
        <translation>Chain</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>What the node said</source>
        <translation>Antwort des Knotens</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>Was zu tun ist</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Seit</translation>
    </message>
    <message>
        <source>Items waiting</source>
        <translation>Wartende Einträge</translation>
    </message>
</context>
<context>
    <name>arbor::ui::TopHoldersModel</name>
    <message>
        <source>The token&apos;s decimals are unknown: the raw balance is shown</source>
        <translation>Die Dezimalstellen des Tokens sind unbekannt: Der Rohsaldo wird angezeigt</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>Rang</translation>
    </message>
    <message>
        <source>Holder</source>
        <translation>Inhaber</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>Saldo</translation>
    </message>
    <message>
        <source>Raw balance</source>
        <translation>Rohsaldo</translation>
    </message>
    <message>
        <source>Block</source>
        <translation>Block</translation>
    </message>
    <message>
        <source>%1 (%2 in the smallest unit)</source>
        <translation>%1 (%2 in der kleinsten Einheit)</translation>
    </message>
    <message>
        <source>Of a total supply of %1</source>
        <translation>Von einer Gesamtmenge von %1</translation>
    </message>
    <message>
        <source>The holder&apos;s share of the token&apos;s total supply, as the token&apos;s totalSupply() reports it</source>
        <translation>Der Anteil des Inhabers an der Gesamtmenge des Tokens, wie totalSupply() des Tokens sie meldet</translation>
    </message>
    <message>
        <source>% of supply</source>
        <translation>Anteil in %</translation>
    </message>
    <message>
        <source>&lt; %1 %</source>
        <comment>share of supply</comment>
        <translation>&lt; %1 %</translation>
    </message>
    <message>
        <source>%1 %</source>
        <comment>share of supply</comment>
        <translation>%1 %</translation>
    </message>
</context>
<context>
    <name>arbor::ui::TrayIcon</name>
    <message>
        <source>&amp;Show Arbor</source>
        <translation>Arbor &amp;anzeigen</translation>
    </message>
    <message>
        <source>&amp;Keep Running in the Tray When Closed</source>
        <translation>Beim Schließen im Infobereich &amp;weiterlaufen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>no chains indexed</source>
        <translation>keine Chains indiziert</translation>
    </message>
    <message>
        <source>%1 live</source>
        <translation>%1 aktuell</translation>
    </message>
    <message>
        <source>%1 catching up</source>
        <translation>%1 holen auf</translation>
    </message>
    <message>
        <source>%1 RPC down</source>
        <translation>%1 RPC ausgefallen</translation>
    </message>
    <message>
        <source>%1 stalled</source>
        <translation>%1 stocken</translation>
    </message>
    <message>
        <source>%1 starting or stopped</source>
        <translation>%1 starten oder gestoppt</translation>
    </message>
    <message>
        <source>Arbor: %1</source>
        <translation>Arbor: %1</translation>
    </message>
    <message>
        <source>Arbor keeps indexing</source>
        <translation>Arbor indiziert weiter</translation>
    </message>
    <message>
        <source>Arbor runs on in the system tray. Quit it from the tray icon&apos;s menu or with File → Quit.</source>
        <translation>Arbor läuft im Infobereich weiter. Beenden Sie es über das Menü des Symbols oder mit Datei → Beenden.</translation>
    </message>
</context>
<context>
    <name>arbor::ui::TriggerEditorActionRow</name>
    <message>
        <source>Actions run in this order: the first one first</source>
        <translation>Die Aktionen laufen in dieser Reihenfolge: die erste zuerst</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Hoch</translation>
    </message>
    <message>
        <source>Run this action earlier</source>
        <translation>Diese Aktion früher ausführen</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Runter</translation>
    </message>
    <message>
        <source>Run this action later</source>
        <translation>Diese Aktion später ausführen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Remove this action</source>
        <translation>Diese Aktion entfernen</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>How long one attempt may take</source>
        <translation>Wie lange ein Versuch dauern darf</translation>
    </message>
    <message>
        <source>Timeout:</source>
        <translation>Zeitlimit:</translation>
    </message>
    <message>
        <source>URL:</source>
        <translation>URL:</translation>
    </message>
    <message>
        <source>One header per line, Name: value. Authenticating headers take a reference: Authorization: keychain:NAME</source>
        <translation>Ein Header pro Zeile, Name: Wert. Authentifizierende Header nehmen einen Verweis: Authorization: keychain:NAME</translation>
    </message>
    <message>
        <source>Headers:</source>
        <translation>Header:</translation>
    </message>
    <message>
        <source>Empty: the default JSON body. JSON with {{event.agentId}}-style templates, or a text template.</source>
        <translation>Leer: der Standard-JSON-Body. JSON mit Vorlagen wie {{event.agentId}} oder eine Textvorlage.</translation>
    </message>
    <message>
        <source>Body:</source>
        <translation>Body:</translation>
    </message>
    <message>
        <source>webhook signing secret (whsec_…)</source>
        <translation>Signaturschlüssel des Webhooks (whsec_…)</translation>
    </message>
    <message>
        <source>Signs each delivery in the Standard Webhooks form; empty: unsigned</source>
        <translation>Signiert jede Zustellung nach Standard Webhooks; leer: unsigniert</translation>
    </message>
    <message>
        <source>Signing secret:</source>
        <translation>Signaturschlüssel:</translation>
    </message>
    <message>
        <source>Telegram bot token</source>
        <translation>Telegram-Bot-Token</translation>
    </message>
    <message>
        <source>Bot token:</source>
        <translation>Bot-Token:</translation>
    </message>
    <message>
        <source>-100123 or @channel</source>
        <translation>-100123 oder @kanal</translation>
    </message>
    <message>
        <source>Chat:</source>
        <translation>Chat:</translation>
    </message>
    <message>
        <source>Empty: a one-line summary of the event. Templates such as {{event.agentId}} and {{event.value | decimals}}.</source>
        <translation>Leer: eine einzeilige Zusammenfassung des Ereignisses. Vorlagen wie {{event.agentId}} und {{event.value | decimals}}.</translation>
    </message>
    <message>
        <source>Text:</source>
        <translation>Text:</translation>
    </message>
    <message>
        <source>Plain text</source>
        <translation>Reiner Text</translation>
    </message>
    <message>
        <source>Values from the event are escaped for the mode chosen</source>
        <translation>Werte aus dem Ereignis werden für den gewählten Modus maskiert</translation>
    </message>
    <message>
        <source>API:</source>
        <translation>API:</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Format:</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>Server:</translation>
    </message>
    <message>
        <source>Tool:</source>
        <translation>Tool:</translation>
    </message>
    <message>
        <source>A JSON object; its texts may hold templates</source>
        <translation>Ein JSON-Objekt; seine Texte dürfen Vorlagen enthalten</translation>
    </message>
    <message>
        <source>Arguments:</source>
        <translation>Argumente:</translation>
    </message>
    <message>
        <source>MCP access token</source>
        <translation>MCP-Zugriffstoken</translation>
    </message>
    <message>
        <source>Sent as a bearer token; empty: none</source>
        <translation>Wird als Bearer-Token gesendet; leer: keins</translation>
    </message>
    <message>
        <source>Token:</source>
        <translation>Token:</translation>
    </message>
    <message>
        <source>Write each header on a line of its own as “Name: value” (line %1).</source>
        <translation>Jeden Header in eine eigene Zeile schreiben, als „Name: Wert“ (Zeile %1).</translation>
    </message>
    <message>
        <source>The body starts like JSON but is not valid JSON (%1, at character %2). Fix it, or write a text body.</source>
        <translation>Der Body beginnt wie JSON, ist aber kein gültiges JSON (%1, bei Zeichen %2). Korrigieren oder einen Text-Body schreiben.</translation>
    </message>
    <message>
        <source>Write the arguments as a JSON object, such as {&quot;agentId&quot;: &quot;{{event.agentId}}&quot;}.</source>
        <translation>Die Argumente als JSON-Objekt schreiben, etwa {&quot;agentId&quot;: &quot;{{event.agentId}}&quot;}.</translation>
    </message>
    <message>
        <source>Empty: the default JSON body (the alert, its rule and chain). JSON with {{alert.title}}-style templates, or a text template.</source>
        <translation>Leer: der Standard-JSON-Body (der Alarm, seine Regel und Chain). JSON mit Vorlagen wie {{alert.title}} oder eine Textvorlage.</translation>
    </message>
    <message>
        <source>Empty: “ALERT:” with the alert&apos;s title and text. Templates such as {{alert.title}}, {{alert.state}} and {{chain.name}}.</source>
        <translation>Leer: „ALERT:“ mit Titel und Text des Alarms. Vorlagen wie {{alert.title}}, {{alert.state}} und {{chain.name}}.</translation>
    </message>
    <message>
        <source>The agent&apos;s own endpoint, from its registration file</source>
        <translation>Eigener Endpunkt des Agenten, aus seiner Registrierungsdatei</translation>
    </message>
    <message>
        <source>Call the MCP service named in the registration file of the event&apos;s agent (its agentURI), never a URL taken from the event. The agent&apos;s own token is sent, set on the Agents page.</source>
        <translation>Den MCP-Dienst aufrufen, den die Registrierungsdatei (agentURI) des Agenten aus dem Ereignis nennt, nie eine URL aus dem Ereignis. Gesendet wird das eigene Token des Agenten, festgelegt auf der Seite „Agenten“.</translation>
    </message>
    <message>
        <source>Verify the feedback file&apos;s hash</source>
        <translation>Hash der Feedback-Datei prüfen</translation>
    </message>
    <message>
        <source>Send only when the file at the feedback&apos;s feedbackURI hashes (keccak-256) to its feedbackHash; otherwise the delivery is not sent and the log says why.</source>
        <translation>Nur senden, wenn der Hash (keccak-256) der Datei unter der feedbackURI des Feedbacks gleich seinem feedbackHash ist; sonst wird die Zustellung nicht gesendet, und das Protokoll nennt den Grund.</translation>
    </message>
    <message>
        <source>Check:</source>
        <translation>Prüfung:</translation>
    </message>
    <message>
        <source>Each agent&apos;s own token is sent, the one set for it on the Agents page (Set MCP Token…)</source>
        <translation>Gesendet wird das eigene Token jedes Agenten, das auf der Seite „Agenten“ für ihn festgelegt ist (MCP-Token festlegen …)</translation>
    </message>
    <message>
        <source>About 3 days</source>
        <translation>Etwa 3 Tage</translation>
    </message>
    <message>
        <source>About 4 minutes</source>
        <translation>Etwa 4 Minuten</translation>
    </message>
    <message>
        <source>No retries</source>
        <translation>Keine Wiederholungen</translation>
    </message>
    <message>
        <source>When a delivery that failed on a connection error, a timeout, 429 or 5xx is tried again. After the last retry it is listed as undelivered, and can be resent.</source>
        <translation>Wann eine Zustellung, die an einem Verbindungsfehler, einer Zeitüberschreitung, 429 oder 5xx scheiterte, erneut versucht wird. Nach der letzten Wiederholung wird sie als nicht zugestellt aufgeführt und kann erneut gesendet werden.</translation>
    </message>
    <message>
        <source>Retry for:</source>
        <translation>Wiederholen:</translation>
    </message>
    <message>
        <source>Own: %1</source>
        <translation>Eigene: %1</translation>
    </message>
    <message>
        <source>Server: give the MCP server&apos;s URL, or tick “%1”.</source>
        <translation>Server: die URL des MCP-Servers angeben oder „%1“ ankreuzen.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>field label, what is wrong</comment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 (%2): %3</source>
        <comment>field label, part of it, what is wrong</comment>
        <translation>%1 (%2): %3</translation>
    </message>
    <message>
        <source>&amp;List Tools</source>
        <translation>Tools &amp;auflisten</translation>
    </message>
    <message>
        <source>Each agent&apos;s server is known only when its event arrives: give a server&apos;s URL to list its tools</source>
        <translation>Den Server eines Agenten kennt man erst, wenn sein Ereignis eintrifft: geben Sie die URL eines Servers an, um seine Tools aufzulisten</translation>
    </message>
    <message>
        <source>Give the server&apos;s URL first</source>
        <translation>Geben Sie zuerst die URL des Servers an</translation>
    </message>
    <message>
        <source>Connect to the server with the token and list the tools it offers; nothing is called</source>
        <translation>Mit dem Token zum Server verbinden und die angebotenen Tools auflisten; nichts wird aufgerufen</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>Asking %1 for its tools…</source>
        <translation>%1 wird nach seinen Tools gefragt …</translation>
    </message>
    <message>
        <source>No connection: %1</source>
        <translation>Keine Verbindung: %1</translation>
    </message>
    <message numerus="yes">
        <source>Connected (MCP %1): %n tool(s): %2.</source>
        <translation>
            <numerusform>Verbunden (MCP %1): %n Tool: %2.</numerusform>
            <numerusform>Verbunden (MCP %1): %n Tools: %2.</numerusform>
        </translation>
    </message>
    <message>
        <source>It offers no tool named “%1”.</source>
        <translation>Er bietet kein Tool namens „%1“ an.</translation>
    </message>
</context>
<context>
    <name>arbor::ui::TriggerEditorConditionRow</name>
    <message>
        <source>Event is</source>
        <translation>Ereignis ist</translation>
    </message>
    <message>
        <source>Agent is</source>
        <translation>Agent ist</translation>
    </message>
    <message>
        <source>Feedback value</source>
        <translation>Feedback-Wert</translation>
    </message>
    <message>
        <source>Tag is</source>
        <translation>Tag ist</translation>
    </message>
    <message>
        <source>Validator is one of</source>
        <translation>Validator ist einer von</translation>
    </message>
    <message>
        <source>Carries a URI</source>
        <translation>Enthält eine URI</translation>
    </message>
    <message>
        <source>Average value (EMA)</source>
        <translation>Mittelwert (EMA)</translation>
    </message>
    <message>
        <source>Rate limit</source>
        <translation>Ratenlimit</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Remove this condition</source>
        <translation>Diese Bedingung entfernen</translation>
    </message>
    <message>
        <source>Agent id, such as 3</source>
        <translation>Agenten-ID, etwa 3</translation>
    </message>
    <message>
        <source>Compared exactly with the feedback&apos;s value scaled by its decimals</source>
        <translation>Wird exakt mit dem Wert des Feedbacks verglichen, skaliert mit seinen Dezimalstellen</translation>
    </message>
    <message>
        <source>Matches when tag1 or tag2 is this tag</source>
        <translation>Trifft zu, wenn tag1 oder tag2 dieses Tag ist</translation>
    </message>
    <message>
        <source>One validator address (0x…) per line</source>
        <translation>Eine Validator-Adresse (0x…) pro Zeile</translation>
    </message>
    <message>
        <source>The event carries a feedback, response, request or agent URI.</source>
        <translation>Das Ereignis enthält eine Feedback-, Antwort-, Anfrage- oder Agenten-URI.</translation>
    </message>
    <message>
        <source>alpha</source>
        <translation>Alpha</translation>
    </message>
    <message>
        <source>window</source>
        <translation>Fenster</translation>
    </message>
    <message>
        <source>Smoothing: a factor in (0, 1], or a window of N samples (alpha = 2/(N+1))</source>
        <translation>Glättung: ein Faktor in (0, 1] oder ein Fenster aus N Werten (Alpha = 2/(N+1))</translation>
    </message>
    <message>
        <source>No match before this many values were averaged</source>
        <translation>Kein Treffer, bevor so viele Werte gemittelt wurden</translation>
    </message>
    <message>
        <source>after</source>
        <translation>nach</translation>
    </message>
    <message>
        <source>at most </source>
        <translation>höchstens </translation>
    </message>
    <message>
        <source>A duration: 30s, 15m, 1h, 1d</source>
        <translation>Eine Dauer: 30s, 15m, 1h, 1d</translation>
    </message>
    <message>
        <source>Mute until quiet</source>
        <translation>Stumm bis Ruhe</translation>
    </message>
    <message>
        <source>After the limit, stay silent until a whole window passes without firing</source>
        <translation>Nach dem Limit still bleiben, bis ein ganzes Fenster ohne Auslösen vergangen ist</translation>
    </message>
    <message>
        <source>per</source>
        <translation>pro</translation>
    </message>
</context>
<context>
    <name>arbor::ui::TriggerEditorDialog</name>
    <message>
        <source>Edit Trigger</source>
        <translation>Trigger bearbeiten</translation>
    </message>
    <message>
        <source>New Trigger</source>
        <translation>Neuer Trigger</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Trigger</source>
        <translation>Trigger</translation>
    </message>
    <message>
        <source>Negative feedback for agent 3</source>
        <translation>Negatives Feedback für Agent 3</translation>
    </message>
    <message>
        <source>What it is for, who acts on it</source>
        <translation>Wofür er da ist, wer darauf reagiert</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>&amp;Enabled: fires for events promoted from now on</source>
        <translation>&amp;Aktiv: löst für Ereignisse aus, die ab jetzt indiziert werden</translation>
    </message>
    <message>
        <source>History is never sent by accident: only a replay sends for past events</source>
        <translation>Vergangenes wird nie versehentlich gesendet: nur ein Replay sendet für frühere Ereignisse</translation>
    </message>
    <message>
        <source>How deep an event must be before the trigger fires for it</source>
        <translation>Wie tief ein Ereignis liegen muss, bevor der Trigger dafür auslöst</translation>
    </message>
    <message>
        <source>Registry:</source>
        <translation>Register:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Beschreibung:</translation>
    </message>
    <message>
        <source>&amp;Chain:</source>
        <translation>&amp;Chain:</translation>
    </message>
    <message>
        <source>C&amp;onfirmations:</source>
        <translation>Bestäti&amp;gungen:</translation>
    </message>
    <message>
        <source>Conditions: all must hold</source>
        <translation>Bedingungen: alle müssen zutreffen</translation>
    </message>
    <message>
        <source>Without conditions, every event of the registry fires the trigger.</source>
        <translation>Ohne Bedingungen löst jedes Ereignis der Registry den Trigger aus.</translation>
    </message>
    <message>
        <source>Add &amp;condition</source>
        <translation>Be&amp;dingung hinzufügen</translation>
    </message>
    <message>
        <source>Actions, in order</source>
        <translation>Aktionen, der Reihe nach</translation>
    </message>
    <message>
        <source>Add &amp;action</source>
        <translation>Akt&amp;ion hinzufügen</translation>
    </message>
    <message>
        <source>A trigger stays on its chain; make a new trigger for another chain</source>
        <translation>Ein Trigger bleibt bei seiner Chain; für eine andere Chain einen neuen Trigger anlegen</translation>
    </message>
    <message>
        <source>The chain&apos;s (%1)</source>
        <translation>Wie die Chain (%1)</translation>
    </message>
    <message>
        <source>The chain&apos;s</source>
        <translation>Wie die Chain</translation>
    </message>
    <message>
        <source>no chain is registered yet</source>
        <translation>es ist noch keine Chain registriert</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert…</translation>
    </message>
    <message>
        <source>Not saved: </source>
        <translation>Nicht gespeichert: </translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Chain</source>
        <translation>Chain</translation>
    </message>
    <message>
        <source>Registry</source>
        <translation>Register</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Confirmations</source>
        <translation>Bestätigungen</translation>
    </message>
    <message>
        <source>Conditions</source>
        <translation>Bedingungen</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Aktionen</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>field label, what is wrong</comment>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>arbor::ui::TriggerEditorPreview</name>
    <message>
        <source>Preview of</source>
        <translation>Vorschau von</translation>
    </message>
    <message>
        <source>No event of the %1 registry is indexed on “%2” yet, so there is nothing to render the templates with. They are still checked when you save.</source>
        <translation>Auf „%2“ ist noch kein Ereignis der %1-Registry indiziert, mit dem sich die Vorlagen füllen ließen. Geprüft werden sie beim Speichern trotzdem.</translation>
    </message>
    <message>
        <source>Could not read a stored event for the preview: %1</source>
        <translation>Für die Vorschau ließ sich kein gespeichertes Ereignis lesen: %1</translation>
    </message>
    <message>
        <source>This action cannot be rendered yet: %1</source>
        <translation>Diese Aktion lässt sich noch nicht darstellen: %1</translation>
    </message>
    <message>
        <source>Would not be sent: %1</source>
        <translation>Würde nicht gesendet: %1</translation>
    </message>
    <message>
        <source>sendMessage to chat %1</source>
        <translation>sendMessage an Chat %1</translation>
    </message>
    <message>
        <source>tools/call %1 at %2</source>
        <translation>tools/call %1 an %2</translation>
    </message>
    <message>
        <source>Reading the newest stored event that meets the conditions…</source>
        <translation>Das neueste gespeicherte Ereignis, das die Bedingungen erfüllt, wird gelesen …</translation>
    </message>
    <message>
        <source>Rendered from the newest event on “%1” that meets the conditions: %2 of agent %3 in block %4. Nothing is sent.</source>
        <translation>Erzeugt aus dem neuesten Ereignis auf „%1“, das die Bedingungen erfüllt: %2 von Agent %3 in Block %4. Es wird nichts gesendet.</translation>
    </message>
    <message numerus="yes">
        <source>None of the newest %n event(s) of the %1 registry on “%2” meets the conditions, so this is rendered from the newest one: %3 of agent %4 in block %5. Nothing is sent.</source>
        <translation>
            <numerusform>Das neueste Ereignis des %1-Registers auf „%2“ erfüllt die Bedingungen nicht; erzeugt wird daher aus ihm: %3 von Agent %4 in Block %5. Es wird nichts gesendet.</numerusform>
            <numerusform>Keines der neuesten %n Ereignisse des %1-Registers auf „%2“ erfüllt die Bedingungen; erzeugt wird daher aus dem neuesten: %3 von Agent %4 in Block %5. Es wird nichts gesendet.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>arbor::ui::TriggerListModel</name>
    <message>
        <source>Chain %1</source>
        <translation>Chain %1</translation>
    </message>
    <message>
        <source>Fires for events promoted from now on</source>
        <translation>Löst für Ereignisse aus, die ab jetzt indiziert werden</translation>
    </message>
    <message>
        <source>Off: fires for nothing</source>
        <translation>Aus: löst für nichts aus</translation>
    </message>
    <message>
        <source>On</source>
        <translation>An</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>When evaluation or a replay last created a delivery</source>
        <translation>Wann die Auswertung oder ein Replay zuletzt eine Zustellung erzeugt hat</translation>
    </message>
    <message>
        <source>Deliveries created in the last 24 hours (test deliveries not counted)</source>
        <translation>In den letzten 24 Stunden erzeugte Zustellungen (ohne Testzustellungen)</translation>
    </message>
    <message>
        <source>Deliveries of the last 24 hours that failed for good</source>
        <translation>Zustellungen der letzten 24 Stunden, die endgültig fehlgeschlagen sind</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Chain</source>
        <translation>Chain</translation>
    </message>
    <message>
        <source>Registry</source>
        <translation>Register</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Last fired</source>
        <translation>Zuletzt ausgelöst</translation>
    </message>
    <message>
        <source>Deliveries/24 h</source>
        <translation>Zustellungen/24 h</translation>
    </message>
    <message>
        <source>Failures/24 h</source>
        <translation>Fehler/24 h</translation>
    </message>
    <message>
        <source>Identity</source>
        <translation>Identität</translation>
    </message>
    <message>
        <source>Reputation</source>
        <translation>Reputation</translation>
    </message>
    <message>
        <source>Validation</source>
        <translation>Validierung</translation>
    </message>
</context>
<context>
    <name>arbor::ui::TriggersPage</name>
    <message>
        <source>&amp;New Trigger…</source>
        <translation>&amp;Neuer Trigger …</translation>
    </message>
    <message>
        <source>Define what to watch on a chain&apos;s ERC-8004 registry and what to call when it happens</source>
        <translation>Festlegen, was auf der ERC-8004-Registry einer Chain beobachtet und was bei einem Treffer aufgerufen wird</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten …</translation>
    </message>
    <message>
        <source>Edit the selected trigger</source>
        <translation>Den ausgewählten Trigger bearbeiten</translation>
    </message>
    <message>
        <source>Disa&amp;ble</source>
        <translation>Deakti&amp;vieren</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Löschen …</translation>
    </message>
    <message>
        <source>Delete the selected trigger; its delivery log stays</source>
        <translation>Den ausgewählten Trigger löschen; sein Zustellprotokoll bleibt</translation>
    </message>
    <message>
        <source>Dry &amp;Run…</source>
        <translation>&amp;Probelauf …</translation>
    </message>
    <message>
        <source>Evaluate the selected trigger on stored events and see what it would send, sending nothing</source>
        <translation>Den ausgewählten Trigger auf gespeicherten Ereignissen auswerten und sehen, was er senden würde, ohne etwas zu senden</translation>
    </message>
    <message>
        <source>Send &amp;Test</source>
        <translation>&amp;Test senden</translation>
    </message>
    <message>
        <source>Send one real delivery, marked as a test, from the newest stored event</source>
        <translation>Eine echte, als Test markierte Zustellung aus dem neuesten gespeicherten Ereignis senden</translation>
    </message>
    <message>
        <source>Triggers</source>
        <translation>Trigger</translation>
    </message>
    <message>
        <source>Delivery Log</source>
        <translation>Zustellprotokoll</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>Diagramme</translation>
    </message>
    <message>
        <source>All triggers</source>
        <translation>Alle Trigger</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Alle Status</translation>
    </message>
    <message>
        <source>All actions</source>
        <translation>Alle Aktionen</translation>
    </message>
    <message>
        <source>Re&amp;send</source>
        <translation>Erneut &amp;senden</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Anzeigen:</translation>
    </message>
    <message>
        <source>Could not read the triggers: %1</source>
        <translation>Die Trigger ließen sich nicht lesen: %1</translation>
    </message>
    <message>
        <source>Could not read the delivery log: %1</source>
        <translation>Das Zustellprotokoll ließ sich nicht lesen: %1</translation>
    </message>
    <message>
        <source>Could not read the delivery figures: %1</source>
        <translation>Die Zustellzahlen ließen sich nicht lesen: %1</translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Test delivery of “%1”: %2</source>
        <translation>Testzustellung von „%1“: %2</translation>
    </message>
    <message>
        <source>Ena&amp;ble</source>
        <translation>Akti&amp;vieren</translation>
    </message>
    <message>
        <source>Read-only: %1</source>
        <translation>Schreibgeschützt: %1</translation>
    </message>
    <message>
        <source>Add a chain first: a trigger watches one chain&apos;s registry</source>
        <translation>Zuerst eine Chain hinzufügen: Ein Trigger beobachtet die Registry einer Chain</translation>
    </message>
    <message>
        <source>Stop firing; deliveries already created still go out</source>
        <translation>Nicht mehr auslösen; bereits erzeugte Zustellungen gehen noch hinaus</translation>
    </message>
    <message>
        <source>Fire again, for events promoted from now on (never for what was missed)</source>
        <translation>Wieder auslösen, für ab jetzt indizierte Ereignisse (nie für Verpasstes)</translation>
    </message>
    <message>
        <source>Send the selected delivery again, under the same delivery id</source>
        <translation>Die ausgewählte Zustellung erneut senden, unter derselben Zustell-ID</translation>
    </message>
    <message>
        <source>Trigger “%1” added.</source>
        <translation>Trigger „%1“ hinzugefügt.</translation>
    </message>
    <message>
        <source>Trigger “%1” saved.</source>
        <translation>Trigger „%1“ gespeichert.</translation>
    </message>
    <message>
        <source>Could not change the trigger: %1</source>
        <translation>Der Trigger ließ sich nicht ändern: %1</translation>
    </message>
    <message>
        <source>“%1” is enabled: it fires for events promoted from now on.</source>
        <translation>„%1“ ist aktiv: Er löst für Ereignisse aus, die ab jetzt indiziert werden.</translation>
    </message>
    <message>
        <source>“%1” is disabled.</source>
        <translation>„%1“ ist deaktiviert.</translation>
    </message>
    <message>
        <source>Delete Trigger</source>
        <translation>Trigger löschen</translation>
    </message>
    <message>
        <source>Delete the trigger “%1”?</source>
        <translation>Den Trigger „%1“ löschen?</translation>
    </message>
    <message>
        <source>Its deliveries not yet sent are cancelled. Its delivery log stays.</source>
        <translation>Seine noch nicht gesendeten Zustellungen werden abgebrochen. Sein Zustellprotokoll bleibt.</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>Could not delete “%1”: %2</source>
        <translation>„%1“ ließ sich nicht löschen: %2</translation>
    </message>
    <message>
        <source>Trigger “%1” deleted.</source>
        <translation>Trigger „%1“ gelöscht.</translation>
    </message>
    <message>
        <source>Send Test</source>
        <translation>Test senden</translation>
    </message>
    <message>
        <source>Which action of “%1” sends the test delivery?</source>
        <translation>Welche Aktion von „%1“ sendet die Testzustellung?</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>&amp;Senden</translation>
    </message>
    <message>
        <source>Sending a test delivery for “%1”…</source>
        <translation>Testzustellung für „%1“ wird gesendet…</translation>
    </message>
    <message>
        <source>No test delivery for “%1”: %2</source>
        <translation>Keine Testzustellung für „%1“: %2</translation>
    </message>
    <message>
        <source>Could not resend: %1</source>
        <translation>Erneutes Senden nicht möglich: %1</translation>
    </message>
    <message>
        <source>Delivery %1 is queued again under the same id.</source>
        <translation>Zustellung %1 ist erneut eingereiht, unter derselben ID.</translation>
    </message>
    <message>
        <source>Per Hour</source>
        <translation>Pro Stunde</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Aktionen</translation>
    </message>
    <message>
        <source>%1 of agent %2 in block %3</source>
        <translation>%1 von Agent %2 in Block %3</translation>
    </message>
    <message>
        <source>Test delivery %1 of “%2” (%3) is in the outbox; its result shows here once it is sent.</source>
        <translation>Die Testzustellung %1 von „%2“ (%3) liegt im Postausgang; ihr Ergebnis erscheint hier, sobald sie gesendet ist.</translation>
    </message>
    <message>
        <source>Test delivery %1 of “%2” is in the outbox. No stored event meets its conditions, so it sends the newest one (%3); its result shows here once it is sent.</source>
        <translation>Die Testzustellung %1 von „%2“ liegt im Postausgang. Kein gespeichertes Ereignis erfüllt ihre Bedingungen, daher sendet sie das neueste (%3); ihr Ergebnis erscheint hier, sobald sie gesendet ist.</translation>
    </message>
</context>
<context>
    <name>arbor::ui::WelcomePage</name>
    <message>
        <source>Welcome to Arbor</source>
        <translation>Willkommen bei Arbor</translation>
    </message>
    <message>
        <source>Arbor indexes EVM chains into a local database and shows sync lag, balances, RPC health and agent events live.
Add a chain by its RPC endpoint, or try a local devnet with demo tokens, ERC-8004 registries and live traffic.</source>
        <translation>Arbor indiziert EVM-Chains in eine lokale Datenbank und zeigt Synchronisationsrückstand, Salden, RPC-Zustand und Agenten-Events live an.
Fügen Sie eine Chain über ihren RPC-Endpunkt hinzu oder probieren Sie ein lokales Devnet mit Demo-Tokens, ERC-8004-Registrys und Live-Verkehr aus.</translation>
    </message>
    <message>
        <source>Add chain…</source>
        <translation>Chain hinzufügen…</translation>
    </message>
    <message>
        <source>Index a chain through its JSON-RPC endpoint</source>
        <translation>Eine Chain über ihren JSON-RPC-Endpunkt indizieren</translation>
    </message>
    <message>
        <source>Try a local devnet</source>
        <translation>Lokales Devnet ausprobieren</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>Erneut &amp;versuchen</translation>
    </message>
    <message>
        <source>Start a local EVM node (anvil) with demo tokens, ERC-8004 registries and live traffic, and index it</source>
        <translation>Einen lokalen EVM-Knoten (anvil) mit Demo-Tokens, ERC-8004-Registrys und Live-Verkehr starten und indizieren</translation>
    </message>
    <message>
        <source>✓ %1</source>
        <extracomment>A step of starting the local devnet: done (✓), failed (✗) or in progress (…)</extracomment>
        <translation>✓ %1</translation>
    </message>
    <message>
        <source>✗ %1</source>
        <translation>✗ %1</translation>
    </message>
    <message>
        <source>… %1</source>
        <translation>… %1</translation>
    </message>
    <message>
        <source>Adding the local devnet as a chain…</source>
        <translation>Das lokale Devnet wird als Chain hinzugefügt…</translation>
    </message>
    <message>
        <source>Indexing the local devnet</source>
        <translation>Das lokale Devnet wird indiziert</translation>
    </message>
    <message>
        <source>The local devnet could not start: %1</source>
        <translation>Das lokale Devnet konnte nicht starten: %1</translation>
    </message>
</context>
<context>
    <name>arbor::ui::amounts</name>
    <message>
        <source>Enter an amount of the token such as %1 (no sign, no exponent).</source>
        <translation>Geben Sie einen Token-Betrag ein, etwa %1 (ohne Vorzeichen, ohne Exponent).</translation>
    </message>
    <message>
        <source>The amount is too large for a token balance.</source>
        <translation>Der Betrag ist zu groß für einen Token-Saldo.</translation>
    </message>
</context>
<context>
    <name>arbor::urlsecrets</name>
    <message>
        <source>A placeholder is not closed: write ${keychain:NAME} or ${env:VAR}, with the closing brace.</source>
        <translation>Ein Platzhalter ist nicht geschlossen: ${keychain:NAME} oder ${env:VAR} schreiben, mit der schließenden geschweiften Klammer.</translation>
    </message>
    <message>
        <source>“${%1}” is not a placeholder Arbor knows. Write ${keychain:NAME} for a secret stored with “arborctl secret set NAME”, or ${env:VAR} for an environment variable.</source>
        <translation>„${%1}“ ist kein Platzhalter, den Arbor kennt. ${keychain:NAME} für ein mit „arborctl secret set NAME“ gespeichertes Geheimnis schreiben oder ${env:VAR} für eine Umgebungsvariable.</translation>
    </message>
    <message>
        <source>No value for %1.</source>
        <translation>Kein Wert für %1.</translation>
    </message>
    <message>
        <source>%1 is not a valid URL once its placeholders are filled in.</source>
        <translation>%1 ist nach dem Einsetzen der Platzhalter keine gültige URL.</translation>
    </message>
</context>
</TS>
