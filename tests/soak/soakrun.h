#pragma once

#include "deliveryledger.h"
#include "pagewalker.h"
#include "soakchains.h"
#include "soakfigures.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTemporaryDir>

#include <memory>
#include <vector>

namespace arbor {
class Engine;
class LogSink;
}

namespace arbor::test {
class TestDatabase;
}

namespace arbor::ui {
class AppSettings;
class ConsoleSession;
class MainWindow;
}

namespace arbor::soak {

struct SoakOptions
{
    double minutes = 3;
    double rssGrowthLimitMiB = 96;   ///< end − warm
    int drainTimeoutSeconds = 300;
    QString arborctl;                ///< for `arborctl secret set`
    /// Settings opens before the first delivery, so the GUI thread uses the keychain first
    /// (ARBOR_SOAK_SETTINGS_FIRST=1): keeps the keychain crash out of the way while other
    /// failures are looked at. By default deliveries come first, as an operator meets them.
    bool settingsFirst = false;
};

/**
 * The soak run: the console (ConsoleSession, its MainWindow, an indexing Engine as the arbor
 * executable configures it) on database A (an SQLite file; with ARBOR_TEST_BACKEND=postgres, a
 * new database on the server ARBOR_TEST_PG_URL names) with two chains indexing live anvils
 * through fault proxies, a trigger per chain whose REST action signs with a `keychain:` secret,
 * an rpc_down alert rule that signs with another; over the run, traffic on both chains, node
 * outages, receiver outages (503), the database switched to B (of the same kind) and back
 * through Settings, and the PageWalker opening and closing every page and dialog. At the end:
 * traffic stops, everything still owed is awaited, and the figures are printed and checked.
 *
 * Thread: the GUI thread; everything here runs from its event loop.
 */
class SoakRun final : public QObject
{
public:
    explicit SoakRun(SoakOptions options, QObject *parent = nullptr);
    ~SoakRun() override;

    /// Blocking set-up before the clock starts (anvils, registries, secrets, chains, triggers).
    bool setUp(QString *error);
    /// Runs the event loop for the whole run and the drain; 0 when every check passed.
    int run();

private:
    struct Outage
    {
        int chain = 0;
        double atSeconds = 0;
        double seconds = 0;
    };

    void schedule();
    void startOutage(int chain, double seconds);
    void recordOutageLag(const SoakChain &chain, double seconds);
    void failReceiver(double seconds);
    void switchDatabase(const QString &url, std::function<void()> then, int postponedSeconds = 0);
    void onWindowOpened(arbor::ui::MainWindow *window);
    void onGenerated(qint64 chainId, const QJsonArray &events);
    void heartbeat();
    void finish();
    bool drained() const;
    int report();
    double elapsedSeconds() const { return double(m_clock.elapsed()) / 1000.0; }
    arbor::Engine *engine() const;
    bool addChains(const QList<int> &which, QString *error);

    SoakOptions m_options;
    QTemporaryDir m_dir;
    /// On PostgreSQL: databases A and B, created for the run and dropped after it.
    std::unique_ptr<arbor::test::TestDatabase> m_serverA, m_serverB;
    QString m_databaseA;   ///< URL, as Settings shows it
    QString m_databaseB;
    bool m_onB = false;
    bool m_bPrepared = false;
    std::vector<std::unique_ptr<SoakChain>> m_chains;
    std::unique_ptr<DeliveryLedger> m_triggerHook;
    std::unique_ptr<DeliveryLedger> m_alertHook;
    std::unique_ptr<arbor::ui::AppSettings> m_settings;
    std::unique_ptr<arbor::LogSink> m_logSink;
    std::unique_ptr<arbor::ui::ConsoleSession> m_session;
    std::unique_ptr<TrafficGenerator> m_traffic;
    GuiStallProbe *m_probe = nullptr;
    RssSampler *m_rss = nullptr;
    PageWalker *m_walker = nullptr;
    QElapsedTimer m_clock;
    QSet<QString> m_expected;                 ///< trigger deliveries the events call for
    int m_eventsGenerated = 0;
    QList<Outage> m_outages;
    int m_receiverOutages = 0;
    int m_switches = 0;
    double m_switchMaxSeconds = 0;
    QStringList m_outageLagProblems;          ///< outages the chain table showed as no lag
    QHash<qint64, int> m_rpcDownAlerts;       ///< per chain: rpc_down alerts the console raised
    std::function<void()> m_afterSwitch;
    QElapsedTimer m_switchClock;
    qint64 m_oldWindowGoneNs = 0;
    bool m_switching = false;
    bool m_finishing = false;
    int m_result = -1;
};

} // namespace arbor::soak
