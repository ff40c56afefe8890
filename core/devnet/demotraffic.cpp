#include "devnet/demotraffic.h"

#include "devnet/democontracts.h"
#include "devnet/localdevnet.h"
#include "rpc/jsonrpcclient.h"

#include <QJsonObject>
#include <QRandomGenerator>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace arbor {

namespace {

constexpr qint64 MinedAfterMs = 3000;     // a transaction sent this long ago is in a block

QByteArray randomBytes32()
{
    QByteArray out(32, '\0');
    for (char &c : out)
        c = char(QRandomGenerator::global()->bounded(256));
    return out;
}

int randomBelow(qsizetype n)
{
    return n <= 1 ? 0 : int(QRandomGenerator::global()->bounded(int(n)));
}

const QStringList FeedbackTags{u"quality"_s, u"uptime"_s, u"latency"_s, u"accuracy"_s, u"starred"_s};

} // namespace

DemoTraffic::DemoTraffic(QObject *parent)
    : QObject(parent)
    , m_timer(new QTimer(this))
{
    m_timer->setInterval(400);
    connect(m_timer, &QTimer::timeout, this, &DemoTraffic::sendOne);
}

void DemoTraffic::setInterval(int ms)
{
    m_timer->setInterval(std::max(ms, 10));
}

void DemoTraffic::start(JsonRpcClient *client, const DemoChain &chain)
{
    stop();
    m_client = client;
    m_chain = chain;
    m_registering.clear();
    m_openValidations.clear();
    m_sent = 0;
    m_clock.start();
    if (m_chain.holders.size() >= 2 && !m_chain.tokens.isEmpty())
        m_timer->start();
}

void DemoTraffic::stop()
{
    ++m_generation;
    m_timer->stop();
    m_client = nullptr;
}

Address DemoTraffic::otherThan(const Address &a) const
{
    Address b = a;
    while (b == a)
        b = m_chain.holders.at(randomBelow(m_chain.holders.size()));
    return b;
}

void DemoTraffic::sendOne()
{
    ++m_tick;
    const qint64 now = m_clock.elapsed();
    while (!m_registering.isEmpty() && now - m_registering.first().registeredAtMs > MinedAfterMs)
        m_chain.agents.append(m_registering.takeFirst().agent);
    const QList<DemoChain::Agent> &mined = m_chain.agents;
    const int roll = randomBelow(100);

    if (roll >= 94 && !m_chain.validation.isZero() && !m_openValidations.isEmpty()
        && now - m_openValidations.first().requestedAtMs > MinedAfterMs) {
        const Validation v = m_openValidations.takeFirst();
        const QByteArray data = devnet::callData(
            "validationResponse(bytes32,uint8,string,bytes32,string)",
            devnet::AbiEncoder().bytes32(v.requestHash).uint256(randomBelow(101))
                .string(u"https://validators.example/report-%1.json"_s.arg(m_tick)).bytes32(randomBytes32())
                .string(u"demo"_s));
        send(v.validator, m_chain.validation, data, devnet::GasRegistryCall);
        return;
    }
    if (roll >= 88 && roll < 94 && !m_chain.validation.isZero() && !mined.isEmpty()) {
        const DemoChain::Agent agent = mined.at(randomBelow(mined.size()));
        Validation v{randomBytes32(), otherThan(agent.owner), now};
        const QByteArray data = devnet::callData(
            "validationRequest(address,uint256,string,bytes32)",
            devnet::AbiEncoder().address(v.validator).uint256(agent.id)
                .string(u"https://agents.example/work-%1.json"_s.arg(m_tick)).bytes32(v.requestHash));
        m_openValidations.append(v);
        send(agent.owner, m_chain.validation, data, devnet::GasRegistryCall);
        return;
    }
    if (roll >= 82 && roll < 88 && !m_chain.identity.isZero()) {
        // One sender for every new agent: its nonces order the registrations, so the ids
        // counted here are the ids the registry hands out.
        const Address owner = m_chain.holders.at(1);
        const quint64 id = quint64(m_chain.agents.size() + m_registering.size()) + 1;
        const QByteArray data = devnet::callData(
            "register(string)", devnet::AbiEncoder().string(u"https://agents.example/agent-%1.json"_s.arg(id)));
        m_registering.append({{id, owner}, now});
        send(owner, m_chain.identity, data, devnet::GasRegistryCall);
        return;
    }
    if (roll >= 70 && roll < 82 && !m_chain.reputation.isZero() && !mined.isEmpty()) {
        const DemoChain::Agent agent = mined.at(randomBelow(mined.size()));
        const bool cents = randomBelow(2) == 0;
        const QByteArray data = devnet::callData(
            "giveFeedback(uint256,int128,uint8,string,string,string,string,bytes32)",
            devnet::AbiEncoder().uint256(agent.id).int256(randomBelow(cents ? 10001 : 101) - (cents ? 2000 : 20))
                .uint256(cents ? 2 : 0).string(FeedbackTags.at(randomBelow(FeedbackTags.size()))).string(QString())
                .string(u"https://agents.example/mcp"_s).string(QString()).bytes32(randomBytes32()));
        send(otherThan(agent.owner), m_chain.reputation, data, devnet::GasRegistryCall);
        return;
    }
    // Most of the traffic: 0.01 to 5 units of a demo token between two holders.
    const DemoChain::Token &token = m_chain.tokens.at(randomBelow(m_chain.tokens.size()));
    const Address from = m_chain.holders.at(randomBelow(m_chain.holders.size()));
    const U256 amount = devnet::units(1 + randomBelow(500), token.decimals) / 100;
    const QByteArray data =
        devnet::callData("transfer(address,uint256)", devnet::AbiEncoder().address(otherThan(from)).uint256(amount));
    send(from, token.address, data, devnet::GasTokenCall);
}

void DemoTraffic::send(const Address &from, const Address &to, const QByteArray &data, qint64 gas)
{
    const QJsonObject tx{{u"from"_s, from.toHex()}, {u"to"_s, to.toHex()}, {u"data"_s, devnet::hexData(data)},
                         {u"gas"_s, int64ToQuantity(gas)}};
    const quint64 generation = m_generation;
    ++m_sent;
    m_client->call(u"eth_sendTransaction"_s, {tx}, [generation, this](Result<QJsonValue> hash) {
        if (generation != m_generation)
            return;
        // A lost demo transaction is not worth stopping the devnet for; the node exiting is
        // reported by LocalDevnet.
        if (!hash)
            qCWarning(lcDevnet) << "demo transaction failed:" << hash.error().toString();
    });
}

} // namespace arbor
