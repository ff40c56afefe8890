#pragma once

// Events and triggers for tst_triggerstore: a chain (7), NewFeedback events as indexing decodes
// them, and trigger files as the editor saves them.

#include "model/evm.h"
#include "testvalues.h"
#include "triggers/triggerdef.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace arbor::test {

constexpr qint64 ChainId = 7;
constexpr qint64 T0 = 1700000000000;   // the store's clock, unix ms

inline Address registryAddress()
{
    return *Address::fromHex(QStringLiteral("0x8004000000000000000000000000000000000002"));
}

/// NewFeedback for agent 3; its transaction depends on (block, logIndex) only, so a reorg that
/// re-includes it keeps its key.
inline AgentEvent feedback(qint64 block, qint64 logIndex, const QString &value)
{
    AgentEvent e;
    e.blockNumber = block;
    e.logIndex = logIndex;
    e.txHash = hashOf(block * 100 + logIndex, 9);
    e.registry = registryAddress();
    e.kind = RegistryKind::Reputation;
    e.event = QStringLiteral("NewFeedback");
    e.agentId = U256(3);
    e.actor = *Address::fromHex(QStringLiteral("0x1234567890abcdef1234567890abcdef12345678"));
    e.feedbackIndex = block;
    e.value = value;
    e.valueDecimals = 0;
    e.tag1 = QStringLiteral("uptime");
    e.endpoint = QStringLiteral("https://agent.example/mcp");
    return e;
}

/// A trigger file written with ' for " (moc does not read raw string literals).
inline TriggerDef parsed(const char *json)
{
    auto def = parseTrigger(QJsonDocument::fromJson(QByteArray(json).replace('\'', '"')).object());
    if (!def)
        qFatal("test trigger: %s", qPrintable(def.error().toString()));
    return *def;
}

/// Negative feedback: a webhook (priority 1) and a Telegram message (priority 2).
inline TriggerDef negativeFeedback(const QString &name = QStringLiteral("negative"))
{
    TriggerDef def = parsed("{'name': 'x', 'chain': 7, 'registry': 'reputation',"
                            " 'conditions': [{'type': 'event_type_equals', 'event': 'NewFeedback'},"
                            "                {'type': 'value_threshold', 'operator': '<', 'value': '0'}],"
                            " 'actions': [{'type': 'telegram', 'priority': 2, 'botToken': 'keychain:tg', 'chatId': '-100123',"
                            "              'apiBaseUrl': 'http://127.0.0.1:9'},"
                            "             {'type': 'rest', 'priority': 1, 'url': 'http://127.0.0.1:9/hook', 'maxRetries': 2}]}");
    def.name = name;
    return def;
}

/// Every NewFeedback, at most twice an hour (stateful), one webhook.
inline TriggerDef rateLimited()
{
    return parsed("{'name': 'twice an hour', 'chain': 7, 'registry': 'reputation',"
                  " 'conditions': [{'type': 'event_type_equals', 'event': 'NewFeedback'}, {'type': 'rate_limit', 'max': 2, 'window': '1h'}],"
                  " 'actions': [{'type': 'rest', 'url': 'http://127.0.0.1:9/hook'}]}");
}

} // namespace arbor::test
