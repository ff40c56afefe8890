#pragma once

#include "devnet.h"
#include "faultproxy.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QObject>
#include <QSet>
#include <QString>
#include <QThread>

#include <memory>
#include <vector>

namespace arbor::soak {

/// One chain of the soak: an anvil with the ERC-8004 registries, and the FaultProxy the console
/// reaches it through (so an outage cuts the console off while traffic goes on).
struct SoakChain
{
    QString name;
    std::unique_ptr<arbor::test::Devnet> devnet;
    std::unique_ptr<arbor::test::FaultProxy> proxy;
    QJsonObject registries;   ///< devnet.mjs registries: identity, reputation, validation, deployBlock
    qint64 chainId = 0;
    qint64 triggerId = 0;     ///< the trigger on its NewFeedback events, on database A
    int outages = 0;          ///< injected so far

    /// Starts anvil with `chainId`, deploys the registries and starts the proxy.
    bool start(qint64 chainId, quint64 seed, QString *error);
};

/**
 * ERC-8004 traffic on every chain, generated over time by tests/support/devnet's devnet.mjs
 * (the generator the integration tests use) on a thread of its own, so the GUI thread never waits
 * for it: a new agent and a few events per chain every `intervalMs`, straight to the anvil (not
 * through the proxy, so traffic goes on during an outage).
 *
 * generated() carries each batch's events as the generator sent them ("kind", "event", "txHash",
 * "logIndex", …), on the thread of the TrafficGenerator's owner.
 */
class TrafficGenerator final : public QObject
{
    Q_OBJECT

public:
    struct Target
    {
        qint64 chainId = 0;
        QString rpcUrl;
        QJsonObject registries;
    };

    TrafficGenerator(QList<Target> targets, int intervalMs, int eventsPerBatch, QObject *parent = nullptr);
    ~TrafficGenerator() override;

    void start();
    /// No batch starts after this; returns once the one under way has finished.
    void stop();
    int batches() const { return m_batches; }
    int failures() const { return m_failures; }
    QString lastError() const { return m_lastError; }

Q_SIGNALS:
    void generated(qint64 chainId, const QJsonArray &events);
    void failed(qint64 chainId, const QString &error);

private:
    void onGenerated(qint64 chainId, const QJsonArray &events) { ++m_batches; Q_EMIT generated(chainId, events); }
    void onFailed(qint64 chainId, const QString &error);

    QThread m_thread;
    QObject *m_worker = nullptr;   // lives on m_thread
    int m_batches = 0;
    int m_failures = 0;
    QString m_lastError;
};

} // namespace arbor::soak
