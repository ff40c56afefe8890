#pragma once

// ERC-8004 events and a trigger for the trigger model tests (tst_triggermodel, tst_triggerevaluator).

#include "triggers/eventpayload.h"

#include <QMetaType>

namespace arbor::testevents {

using namespace Qt::StringLiterals;

inline const QString Client = u"0x1234567890abcdef1234567890abcdef12345678"_s;
inline const QString Responder = u"0xfedcba0987654321fedcba0987654321fedcba09"_s;
inline const QString BigAgent = u"18446744073709551617"_s;   // 2^64 + 1
inline constexpr qint64 BigIndex = 9007199254740993;      // 2^53 + 1: a double would round it

inline Address addr(const QString &hex) { return *Address::fromHex(hex); }
inline Hash hash(char c) { return *Hash::fromHex(QString(u"0x"_s + QString(64, QLatin1Char(c)))); }

inline TriggerEvent agentEvent(RegistryKind kind, const QString &type, const QString &agentId = u"3"_s)
{
    TriggerEvent t;
    t.chainId = 31337;
    t.blockHash = hash('b');
    t.blockTimestamp = 1700000000;
    t.event.blockNumber = 120;
    t.event.logIndex = 7;
    t.event.txHash = hash('7');
    t.event.registry = addr(u"0xeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee"_s);
    t.event.kind = kind;
    t.event.event = type;
    t.event.agentId = *u256::fromDecimal(agentId);
    return t;
}

inline TriggerEvent feedback(const QString &value = u"-15"_s, qint64 decimals = 1, const QString &tag1 = u"uptime"_s)
{
    TriggerEvent t = agentEvent(RegistryKind::Reputation, u"NewFeedback"_s);
    t.event.actor = addr(Client);
    t.event.feedbackIndex = BigIndex;
    t.event.value = value;
    t.event.valueDecimals = decimals;
    t.event.tag1 = tag1;
    t.event.tag2 = u"latency"_s;
    t.event.endpoint = u"https://agent.example/mcp"_s;
    t.event.uri = u"ipfs://feedback"_s;
    t.event.dataHash = hash('f');
    return t;
}

inline TriggerEvent validation(const QString &type, const QString &validator, const QString &tag = QString())
{
    TriggerEvent t = agentEvent(RegistryKind::Validation, type);
    t.event.actor = addr(validator);
    t.event.requestHash = hash('a');
    t.event.uri = u"ipfs://request"_s;
    if (type == u"ValidationResponse") {
        t.event.response = 100;
        t.event.dataHash = hash('d');
        t.event.tag1 = tag;
    }
    return t;
}

inline TriggerDef trigger(RegistryKind kind = RegistryKind::Reputation, const QString &name = u"Negative feedback"_s)
{
    TriggerDef def;
    def.id = 5;
    def.name = name;
    def.description = u"ops"_s;
    def.chainId = 31337;
    def.registry = kind;
    return def;
}

} // namespace arbor::testevents

Q_DECLARE_METATYPE(arbor::TriggerEvent)
