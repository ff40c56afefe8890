// LocalDevnet::resume(): the node of an earlier run, started again from its state file.

#include "devnet/localdevnet.h"

#include "model/keccak.h"
#include "rpc/jsonrpcclient.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace arbor {

namespace {

/// The last 16 hex digits of a 32-byte word ("0x" + 64), as a number; nullopt when malformed.
std::optional<quint64> wordTail(const QString &word)
{
    if (word.size() != 66)
        return std::nullopt;
    bool ok = false;
    const quint64 value = word.right(16).toULongLong(&ok, 16);
    return ok ? std::optional(value) : std::nullopt;
}

} // namespace

void LocalDevnet::setStateDirectory(const QString &directory)
{
    m_stateDirectory = directory;
}

QString LocalDevnet::stateFileFor(const QString &directory, const QUrl &rpcUrl)
{
    return QDir(directory).filePath(u"anvil-state-%1.json"_s.arg(rpcUrl.port()));
}

void LocalDevnet::resume(const ChainConfig &config, std::optional<qint64> indexedBlock)
{
    if (!beginRun())
        return;
    const QUrl url = config.rpcUrls.value(0);
    if (m_stateDirectory.isEmpty() || url.port() <= 0 || !QFileInfo::exists(stateFileFor(m_stateDirectory, url))) {
        fail(Error::unavailable(u"anvil"_s, tr("the local devnet on %1 kept no state to start again from")
                                                 .arg(url.toString())));
        return;
    }
    m_config = config;
    m_indexedBlock = indexedBlock;
    m_state = State::Starting;
    m_resuming = true;
    m_launchAttempts = 0;
    launch(quint16(url.port()));
}

void LocalDevnet::checkSavedHead()
{
    const quint64 generation = m_generation;
    m_client->call(u"eth_blockNumber"_s, {}, [this, generation](Result<QJsonValue> result) {
        if (!alive(generation))
            return;
        const auto head = result ? quantityToInt64(*result, u"eth_blockNumber"_s) : Result<qint64>(result.error());
        if (!head) {
            fail(head.error());
            return;
        }
        if (m_indexedBlock && *head < *m_indexedBlock) {
            fail(Error::refused(tr("its saved chain ends at block %1, before block %2 that was indexed: the node stopped "
                                   "without saving its last blocks (the console did not close normally)")
                                    .arg(*head).arg(*m_indexedBlock)));
            return;
        }
        reconnectDemo();
    });
}

void LocalDevnet::reconnectDemo()
{
    Q_EMIT progress(tr("Reading the demo from the saved chain…"));
    readAccounts([this] {
        for (const RegistryRef &registry : std::as_const(m_config.registries)) {
            Address &slot = registry.kind == RegistryKind::Identity     ? m_demo.identity
                            : registry.kind == RegistryKind::Reputation ? m_demo.reputation
                                                                        : m_demo.validation;
            slot = registry.address;
        }
        readTokenDecimals(0);
    });
}

void LocalDevnet::readTokenDecimals(qsizetype next)
{
    if (next == m_config.tokens.size()) {
        readRegisteredAgents();
        return;
    }
    const Address token = m_config.tokens.at(next);
    const QJsonObject call{{u"to"_s, token.toHex()}, {u"data"_s, devnet::hexData(devnet::selector("decimals()"))}};
    const quint64 generation = m_generation;
    m_client->call(u"eth_call"_s, {call, u"latest"_s}, [this, generation, token, next](Result<QJsonValue> result) {
        if (!alive(generation))
            return;
        // A token the operator added that answers no decimals() gets no demo traffic.
        if (const auto decimals = result ? wordTail(result->toString()) : std::nullopt; decimals && *decimals <= 77)
            m_demo.tokens.append({token, int(*decimals)});
        else
            qCWarning(lcDevnet) << "no demo traffic for" << token.toHex() << ": it answers no decimals()";
        readTokenDecimals(next + 1);
    });
}

void LocalDevnet::readRegisteredAgents()
{
    if (m_demo.identity.isZero()) {
        resumeTraffic();
        return;
    }
    // New agents are numbered on from the ones the registry already holds.
    const QString registered = u"0x"_s + QString::fromLatin1(keccak256("Registered(uint256,string,address)").toHex());
    const QJsonObject filter{{u"address"_s, m_demo.identity.toHex()}, {u"fromBlock"_s, u"0x0"_s}, {u"toBlock"_s, u"latest"_s},
                             {u"topics"_s, QJsonArray{registered}}};
    const quint64 generation = m_generation;
    m_client->call(u"eth_getLogs"_s, {filter}, [this, generation](Result<QJsonValue> result) {
        if (!alive(generation))
            return;
        if (!result) {
            fail(result.error());
            return;
        }
        for (const QJsonValue &log : result->toArray()) {
            const QJsonArray topics = log.toObject().value(u"topics"_s).toArray();
            const auto id = wordTail(topics.at(1).toString());
            const QString ownerHex = u"0x"_s + topics.at(2).toString().right(40);
            const auto owner = Address::fromHex(ownerHex, u"owner"_s);
            if (topics.size() == 3 && id && owner)
                m_demo.agents.append({*id, *owner});
        }
        resumeTraffic();
    });
}

void LocalDevnet::resumeTraffic()
{
    run([this] {
        Q_EMIT progress(tr("The local devnet is running again on %1").arg(m_rpcUrl.toString()));
        Q_EMIT resumed(m_config);
    });
}

} // namespace arbor
