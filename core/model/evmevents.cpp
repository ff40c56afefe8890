#include "model/evmevents.h"

#include "model/abi.h"
#include "model/keccak.h"

#include <QCoreApplication>

#include <algorithm>
#include <array>
#include <limits>
#include <optional>

namespace arbor::evmevents {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("arbor::evmevents", text);
}

Error atLog(Error error, const LogEntry &log)
{
    error.message += tr(" (log %1 of block %2)").arg(log.logIndex).arg(log.blockNumber);
    return error;
}

Hash topicOf(const char *signature)
{
    return *Hash::fromBytes(keccak256(QByteArrayView(signature)));
}

/**
 * The parameters of one log: its topics and the ABI reader over its data. Reads keep the first
 * error and ignore everything after it, so a decoder is a flat list of reads and one finish();
 * reads after a failure see empty words, which the abi functions reject without reading.
 */
class LogParams
{
public:
    LogParams(const LogEntry &log, const char *event, int topicCount, qsizetype headWords)
        : m_log(log)
    {
        if (log.topicCount != topicCount) {
            m_error = Error::invalid(QString::fromLatin1(event),
                                     tr("The log has %1 topics, but this event has %2.").arg(log.topicCount).arg(topicCount));
            return;
        }
        for (int i = 0; i < topicCount; ++i)
            m_topics[size_t(i)] = log.topics[size_t(i)].bytes();
        Result<abi::Reader> reader = abi::Reader::open(log.data, headWords, event);
        if (reader)
            m_reader = std::move(*reader);
        else
            m_error = reader.error();
    }

    QByteArrayView topic(int index) const { return m_topics[size_t(index)]; }
    QByteArrayView word(qsizetype slot) const { return m_reader ? m_reader->word(slot) : QByteArrayView(); }

    Result<QString> string(qsizetype slot, const char *field)
    {
        if (!m_reader)
            return Error::internal(QString());
        return m_reader->string(slot, field);
    }
    Result<QByteArray> bytes(qsizetype slot, const char *field)
    {
        if (!m_reader)
            return Error::internal(QString());
        return m_reader->bytes(slot, field);
    }

    template<typename T, typename Target>
    void read(Target &target, Result<T> value)
    {
        if (m_error)
            return;
        if (value)
            target = std::move(*value);
        else
            m_error = value.error();
    }

    Status finish(const char *event)
    {
        if (!m_error) {
            if (Status s = m_reader->finish(event); !s)
                m_error = s.error();
        }
        if (m_error)
            return atLog(*m_error, m_log);
        return {};
    }

private:
    const LogEntry &m_log;
    std::array<QByteArrayView, 4> m_topics;   ///< into m_log's topics, which outlive this
    std::optional<abi::Reader> m_reader;
    std::optional<Error> m_error;
};

// uint64 stored as a signed 64-bit column.
Result<qint64> feedbackIndex(QByteArrayView word, const char *field)
{
    const Result<quint64> v = abi::uint64(word, field);
    if (!v)
        return v.error();
    if (*v > quint64(std::numeric_limits<qint64>::max()))
        return Error::invalid(QString::fromLatin1(field), tr("The feedback index %1 is 2^63 or more, which Arbor cannot store.").arg(*v));
    return qint64(*v);
}

Result<qint64> widen(Result<quint8> value)
{
    if (!value)
        return value.error();
    return qint64(*value);
}

Status decodeRegistered(const LogEntry &log, AgentEvent &e)
{
    LogParams p(log, "Registered", 3, 1);
    p.read(e.agentId, abi::uint256(p.topic(1), "Registered.agentId"));
    p.read(e.actor, abi::address(p.topic(2), "Registered.owner"));
    p.read(e.uri, p.string(0, "Registered.agentURI"));
    return p.finish("Registered");
}

Status decodeMetadataSet(const LogEntry &log, AgentEvent &e)
{
    // topic 2 is keccak256(metadataKey) (an indexed string): the key itself comes from the data.
    LogParams p(log, "MetadataSet", 3, 2);
    p.read(e.agentId, abi::uint256(p.topic(1), "MetadataSet.agentId"));
    p.read(e.metadataKey, p.string(0, "MetadataSet.metadataKey"));
    p.read(e.metadataValue, p.bytes(1, "MetadataSet.metadataValue"));
    return p.finish("MetadataSet");
}

Status decodeUriUpdated(const LogEntry &log, AgentEvent &e)
{
    LogParams p(log, "URIUpdated", 3, 1);
    p.read(e.agentId, abi::uint256(p.topic(1), "URIUpdated.agentId"));
    p.read(e.actor, abi::address(p.topic(2), "URIUpdated.updatedBy"));
    p.read(e.uri, p.string(0, "URIUpdated.newURI"));
    return p.finish("URIUpdated");
}

Status decodeNewFeedback(const LogEntry &log, AgentEvent &e)
{
    // topic 3 is keccak256(tag1); the data carries tag1 again.
    LogParams p(log, "NewFeedback", 4, 8);
    p.read(e.agentId, abi::uint256(p.topic(1), "NewFeedback.agentId"));
    p.read(e.actor, abi::address(p.topic(2), "NewFeedback.clientAddress"));
    p.read(e.feedbackIndex, feedbackIndex(p.word(0), "NewFeedback.feedbackIndex"));
    p.read(e.value, abi::int128(p.word(1), "NewFeedback.value"));
    p.read(e.valueDecimals, widen(abi::uint8(p.word(2), "NewFeedback.valueDecimals")));
    p.read(e.tag1, p.string(3, "NewFeedback.tag1"));
    p.read(e.tag2, p.string(4, "NewFeedback.tag2"));
    p.read(e.endpoint, p.string(5, "NewFeedback.endpoint"));
    p.read(e.uri, p.string(6, "NewFeedback.feedbackURI"));
    p.read(e.dataHash, abi::bytes32(p.word(7), "NewFeedback.feedbackHash"));
    return p.finish("NewFeedback");
}

Status decodeFeedbackRevoked(const LogEntry &log, AgentEvent &e)
{
    LogParams p(log, "FeedbackRevoked", 4, 0);
    p.read(e.agentId, abi::uint256(p.topic(1), "FeedbackRevoked.agentId"));
    p.read(e.actor, abi::address(p.topic(2), "FeedbackRevoked.clientAddress"));
    p.read(e.feedbackIndex, feedbackIndex(p.topic(3), "FeedbackRevoked.feedbackIndex"));
    return p.finish("FeedbackRevoked");
}

Status decodeResponseAppended(const LogEntry &log, AgentEvent &e)
{
    LogParams p(log, "ResponseAppended", 4, 3);
    p.read(e.agentId, abi::uint256(p.topic(1), "ResponseAppended.agentId"));
    p.read(e.actor, abi::address(p.topic(2), "ResponseAppended.clientAddress"));
    p.read(e.counterparty, abi::address(p.topic(3), "ResponseAppended.responder"));
    p.read(e.feedbackIndex, feedbackIndex(p.word(0), "ResponseAppended.feedbackIndex"));
    p.read(e.uri, p.string(1, "ResponseAppended.responseURI"));
    p.read(e.dataHash, abi::bytes32(p.word(2), "ResponseAppended.responseHash"));
    return p.finish("ResponseAppended");
}

Status decodeValidationRequest(const LogEntry &log, AgentEvent &e)
{
    LogParams p(log, "ValidationRequest", 4, 1);
    p.read(e.actor, abi::address(p.topic(1), "ValidationRequest.validatorAddress"));
    p.read(e.agentId, abi::uint256(p.topic(2), "ValidationRequest.agentId"));
    p.read(e.requestHash, abi::bytes32(p.topic(3), "ValidationRequest.requestHash"));
    p.read(e.uri, p.string(0, "ValidationRequest.requestURI"));
    return p.finish("ValidationRequest");
}

Status decodeValidationResponse(const LogEntry &log, AgentEvent &e)
{
    LogParams p(log, "ValidationResponse", 4, 4);
    p.read(e.actor, abi::address(p.topic(1), "ValidationResponse.validatorAddress"));
    p.read(e.agentId, abi::uint256(p.topic(2), "ValidationResponse.agentId"));
    p.read(e.requestHash, abi::bytes32(p.topic(3), "ValidationResponse.requestHash"));
    p.read(e.response, widen(abi::uint8(p.word(0), "ValidationResponse.response")));
    p.read(e.uri, p.string(1, "ValidationResponse.responseURI"));
    p.read(e.dataHash, abi::bytes32(p.word(2), "ValidationResponse.responseHash"));
    p.read(e.tag1, p.string(3, "ValidationResponse.tag"));
    return p.finish("ValidationResponse");
}

struct RegistryEvent
{
    EventSignature signature;
    QString name;   ///< AgentEvent::event, shared by every decoded event
    Status (*decode)(const LogEntry &, AgentEvent &);
};

RegistryEvent registryEvent(RegistryKind kind, const char *name, const char *signature, Status (*decode)(const LogEntry &, AgentEvent &))
{
    return {{kind, name, signature, topicOf(signature)}, QString::fromLatin1(name), decode};
}

const std::array<RegistryEvent, 8> &allRegistryEvents()
{
    static const std::array<RegistryEvent, 8> events = {
        registryEvent(RegistryKind::Identity, "Registered", "Registered(uint256,string,address)", decodeRegistered),
        registryEvent(RegistryKind::Identity, "MetadataSet", "MetadataSet(uint256,string,string,bytes)", decodeMetadataSet),
        registryEvent(RegistryKind::Identity, "URIUpdated", "URIUpdated(uint256,string,address)", decodeUriUpdated),
        registryEvent(RegistryKind::Reputation, "NewFeedback",
                      "NewFeedback(uint256,address,uint64,int128,uint8,string,string,string,string,string,bytes32)", decodeNewFeedback),
        registryEvent(RegistryKind::Reputation, "FeedbackRevoked", "FeedbackRevoked(uint256,address,uint64)", decodeFeedbackRevoked),
        registryEvent(RegistryKind::Reputation, "ResponseAppended", "ResponseAppended(uint256,address,uint64,address,string,bytes32)",
                      decodeResponseAppended),
        registryEvent(RegistryKind::Validation, "ValidationRequest", "ValidationRequest(address,uint256,string,bytes32)", decodeValidationRequest),
        registryEvent(RegistryKind::Validation, "ValidationResponse", "ValidationResponse(address,uint256,bytes32,uint8,string,bytes32,string)",
                      decodeValidationResponse),
    };
    return events;
}

} // namespace

Hash transferTopic()
{
    static const Hash topic = topicOf("Transfer(address,address,uint256)");
    return topic;
}

QList<EventSignature> registryEvents(RegistryKind kind)
{
    QList<EventSignature> out;
    for (const RegistryEvent &e : allRegistryEvents()) {
        if (e.signature.kind == kind)
            out.append(e.signature);
    }
    return out;
}

QList<Hash> registryTopics(RegistryKind kind)
{
    QList<Hash> out;
    for (const RegistryEvent &e : allRegistryEvents()) {
        if (e.signature.kind == kind)
            out.append(e.signature.topic0);
    }
    return out;
}

Result<TokenTransfer> decodeTransfer(const LogEntry &log)
{
    if (log.topicCount < 1 || log.topics[0] != transferTopic())
        return atLog(Error::invalid(QStringLiteral("Transfer"), tr("The log is not an ERC-20 Transfer (its topic0 differs).")), log);
    if (log.topicCount == 4 && log.data.isEmpty())
        return atLog(Error::invalid(QStringLiteral("Transfer"), tr("The log is an ERC-721 Transfer (the token id is indexed), not an ERC-20 one.")), log);

    TokenTransfer t;
    t.blockNumber = log.blockNumber;
    t.logIndex = log.logIndex;
    t.txHash = log.txHash;
    t.token = log.address;
    LogParams p(log, "Transfer", 3, 1);
    p.read(t.from, abi::address(p.topic(1), "Transfer.from"));
    p.read(t.to, abi::address(p.topic(2), "Transfer.to"));
    p.read(t.value, abi::uint256(p.word(0), "Transfer.value"));
    if (Status s = p.finish("Transfer"); !s)
        return s.error();
    return t;
}

Result<AgentEvent> decodeAgentEvent(const LogEntry &log, RegistryKind kind)
{
    const auto &events = allRegistryEvents();
    const auto match = std::find_if(events.begin(), events.end(), [&](const RegistryEvent &e) {
        return e.signature.kind == kind && log.topicCount >= 1 && log.topics[0] == e.signature.topic0;
    });
    if (match == events.end()) {
        return atLog(Error::invalid(QStringLiteral("topic0"), tr("The log is not an event of the %1 registry (unknown topic0).")
                                                                   .arg(registryKindName(kind))),
                     log);
    }
    AgentEvent e;
    e.blockNumber = log.blockNumber;
    e.logIndex = log.logIndex;
    e.txHash = log.txHash;
    e.registry = log.address;
    e.kind = kind;
    e.event = match->name;
    if (Status s = match->decode(log, e); !s)
        return s.error();
    return e;
}

} // namespace arbor::evmevents
