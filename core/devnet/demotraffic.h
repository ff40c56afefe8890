#pragma once

#include "model/address.h"

#include <QElapsedTimer>
#include <QList>
#include <QObject>

class QTimer;

namespace arbor {

class JsonRpcClient;

/// What the demo of a local devnet has on its chain: LocalDevnet deploys it or reads it back from
/// a saved chain, and DemoTraffic draws its transactions from it.
struct DemoChain
{
    struct Token
    {
        Address address;
        int decimals = 18;
    };
    struct Agent
    {
        quint64 id = 0;
        Address owner;
    };

    QList<Address> holders;    ///< the node's unlocked accounts: they hold the tokens and send
    QList<Token> tokens;
    Address identity;          ///< the ERC-8004 registries; zero when the chain has none
    Address reputation;
    Address validation;
    QList<Agent> agents;       ///< registered in blocks already mined, numbered 1, 2, … in order
};

/**
 * The live traffic of a local devnet: every interval one transaction from an unlocked account,
 * mostly a transfer of 0.01 to 5 units of a demo token between two holders, now and then an
 * ERC-8004 event: a new agent, feedback for one, a validation request, and later its response.
 *
 * Transactions are sent and not waited for (eth_sendTransaction): the node mines them a block a
 * second. Agents this traffic registers, and validations it requests, are used only once their
 * transaction has had time to be mined. A transaction the node refuses is logged and skipped;
 * the node exiting is LocalDevnet's to report.
 *
 * Thread: lives on LocalDevnet's thread; the client must outlive start() to stop().
 */
class DemoTraffic final : public QObject
{
    Q_OBJECT

public:
    explicit DemoTraffic(QObject *parent = nullptr);

    /// Time between two transactions; default 400 ms, at least 10 ms.
    void setInterval(int ms);
    /// Starts sending through `client` on `chain` (which needs at least two holders and a token);
    /// the count of sent transactions starts again at 0.
    void start(JsonRpcClient *client, const DemoChain &chain);
    /// Sends nothing more; answers to what was sent are ignored.
    void stop();

    /// Transactions sent since start().
    qint64 sent() const { return m_sent; }

private:
    struct Validation
    {
        QByteArray requestHash;
        Address validator;
        qint64 requestedAtMs = 0;
    };
    struct PendingAgent
    {
        DemoChain::Agent agent;
        qint64 registeredAtMs = 0;
    };

    void sendOne();
    void send(const Address &from, const Address &to, const QByteArray &data, qint64 gas);
    /// A holder other than `a`.
    Address otherThan(const Address &a) const;

    QTimer *m_timer = nullptr;
    JsonRpcClient *m_client = nullptr;
    DemoChain m_chain;                       ///< its agents: those mined
    QList<PendingAgent> m_registering;       ///< registered by this traffic, maybe not mined yet
    QList<Validation> m_openValidations;     ///< requested, not answered yet
    QElapsedTimer m_clock;
    quint64 m_generation = 0;                ///< bumped by stop(): answers of an earlier run are ignored
    qint64 m_sent = 0;
    quint64 m_tick = 0;
};

} // namespace arbor
