// The operator dialogs (resync, reindex, delete progress, settings) driven offscreen against a
// real Engine on a temporary SQLite file, with indexed data promoted through a Store.

#include "appsettings.h"
#include "dialogs/deleteprogressdialog.h"
#include "dialogs/reindexdialog.h"
#include "dialogs/resyncdialog.h"
#include "dialogs/settingsdialog.h"
#include "engine/chainservice.h"
#include "engine/engine.h"
#include "engine/indexingservice.h"
#include "model/entitydef.h"
#include "secrets/secretstore.h"
#include "store/chainregistry.h"
#include "store/indexbatch.h"
#include "store/indexstore.h"
#include "store/store.h"
#include "testmain.h"
#include "testresults.h"
#include "testvalues.h"
#include "uifixture.h"

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProcess>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <memory>

using namespace arbor;
using arbor::test::addressOf;
using arbor::test::hashOf;
using arbor::test::why;
using arbor::test::waitFor;
using arbor::test::UiFixture;
using arbor::ui::AppSettings;
using arbor::ui::DeleteProgressDialog;
using arbor::ui::ReindexDialog;
using arbor::ui::ResyncDialog;
using arbor::ui::SettingsDialog;

namespace tst_dialogs {

namespace {

const int EngineTimeoutMs = 20000;
const qint64 Devnet = 1337;
const qint64 Doomed = 77;
const qint64 Fragile = 78;   // its delete is interrupted once
const QUrl UnusedRpc(QStringLiteral("http://127.0.0.1:1"));
// Set in the child process that checks the dialog without a keychain.
const char NoKeychainChild[] = "ARBOR_TST_DIALOGS_NO_KEYCHAIN";

const Address Token = addressOf(1);

ChainConfig chainConfig(qint64 id, const QString &name)
{
    ChainConfig c;
    c.chainId = id;
    c.name = name;
    c.rpcUrls = {UnusedRpc};
    c.startBlock = 0;
    c.tokens = {Token};
    return c;
}

EndpointRecord okEndpoint()
{
    EndpointRecord e;
    e.url = UnusedRpc;
    e.status = EndpointStatus::Ok;
    return e;
}

/// Blocks [from, to] of `chain`, a day apart every 10 blocks, one transfer per block.
IndexBatch batch(qint64 chain, qint64 from, qint64 to)
{
    IndexBatch b;
    b.chainId = chain;
    b.from = from;
    b.to = to;
    Hash parent = from == 0 ? Hash() : hashOf(from - 1, int(chain));
    for (qint64 n = from; n <= to; ++n) {
        b.headers.append(BlockHeader{n, hashOf(n, int(chain)), parent, 1700000000 + n * 8640, 1, 21000});
        parent = hashOf(n, int(chain));
        b.transfers.append(TokenTransfer{n, 0, hashOf(1000 + n, int(chain)), Token, n == 0 ? Address() : addressOf(10),
                                         addressOf(11 + int(n % 3)), U256(quint64(n + 1))});
    }
    b.tokens = {Token};
    return b;
}

/// With ARBOR_SCREENSHOT_DIR set, saves what the widget shows, for review.
void screenshot(QWidget *widget, const char *name)
{
    const QString dir = qEnvironmentVariable("ARBOR_SCREENSHOT_DIR");
    if (!dir.isEmpty())
        widget->grab().save(dir + QLatin1Char('/') + QLatin1String(name) + QLatin1String(".png"));
}

} // namespace

class TstDialogs : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void resyncRebuildsGlobalRows_data();
    void resyncRebuildsGlobalRows();
    void reindexExplainsBadInputOnTheField();
    void reindexRecordsTheRequestAndShowsIt();
    void deleteShowsEveryStepDone();
    void deleteShowsWhereItStopped();
    void settingsRejectInvalidPostgresUrl_data();
    void settingsRejectInvalidPostgresUrl();
    void settingsSaveSqlitePathAndLanguage();
    void settingsStorePasswordInKeychainOnly();
    void settingsWithoutKeychainShowNotice();
    /// Runs only in the child process started by settingsWithoutKeychainShowNotice.
    void noKeychainChild();

private:
    ChainRecord chain(qint64 id);
    std::optional<SyncStatusRow> syncRow(qint64 chainId, const QString &table);
    QString settingsFile(const QString &name) const { return m_home.filePath(name + QStringLiteral(".conf")); }

    arbor::test::UiFixture m_home;
    DatabaseUrl m_url;
    std::unique_ptr<Engine> m_engine;
    std::unique_ptr<Store> m_store;
    int m_deleteFaultStep = 0;   ///< a delete stops right after this step, as if the process died there
};

void TstDialogs::initTestCase()
{
    QVERIFY(m_home.isValid());
    // The keyring (with-keyring.sh) lives in the session bus, not under HOME.
    UiFixture::Setup setup;
    setup.applicationName = QStringLiteral("arbor-tst-dialogs");
    setup.temporaryHome = !qEnvironmentVariableIsSet(NoKeychainChild);
    m_home.setUp(setup);
    if (qEnvironmentVariableIsSet(NoKeychainChild))
        return;   // the child only needs the settings dialog

    auto url = m_home.databaseUrl();
    QVERIFY2(url, why(url).constData());
    m_url = *url;

    EngineOptions options = UiFixture::engineOptions(m_url);
    options.deletionStepHook = [this](qint64, int step) -> Status {
        if (step != m_deleteFaultStep)
            return {};
        return Error::internal(QStringLiteral("Simulated crash after deletion step %1.").arg(step));
    };
    m_engine = std::make_unique<Engine>(options);
    const Status started = waitFor(m_engine->start());
    QVERIFY2(started, why(started).constData());

    auto store = Store::open(m_url);
    QVERIFY2(store, why(store).constData());
    m_store = std::move(*store);

    TokenInfo token;
    token.address = Token;
    token.name = QStringLiteral("Test Token");
    token.symbol = QStringLiteral("TST");
    token.decimals = 6;
    token.deployBlock = 0;
    token.balanceMode = BalanceMode::Transfers;
    for (const auto &[id, name] : {std::pair{Devnet, QStringLiteral("devnet")}, std::pair{Doomed, QStringLiteral("doomed")},
                                 std::pair{Fragile, QStringLiteral("fragile")}}) {
        Status s = ChainRegistry(*m_store).registerChain(chainConfig(id, name), {okEndpoint()}, evmEntities(), {token});
        QVERIFY2(s, why(s).constData());
        auto promoted = IndexStore(*m_store).promote(batch(id, 0, 29), evmEntities());
        QVERIFY2(promoted, why(promoted).constData());
    }
}

void TstDialogs::cleanupTestCase()
{
    m_store.reset();
    m_engine.reset();
}

ChainRecord TstDialogs::chain(qint64 id)
{
    const auto chains = waitFor(m_engine->chains()->list());
    if (chains) {
        for (const ChainRecord &c : *chains) {
            if (c.config.chainId == id)
                return c;
        }
    }
    qWarning("chain %lld not found", id);
    return {};
}

std::optional<SyncStatusRow> TstDialogs::syncRow(qint64 chainId, const QString &table)
{
    const auto rows = waitFor(m_engine->indexing()->syncStatus());
    if (!rows)
        return std::nullopt;
    for (const SyncStatusRow &row : *rows) {
        if (row.chainId == chainId && row.table == table)
            return row;
    }
    return std::nullopt;
}

// --- resync -------------------------------------------------------------------------------

void TstDialogs::resyncRebuildsGlobalRows_data()
{
    QTest::addColumn<QString>("table");   // empty: all tables
    QTest::newRow("all tables") << QString();
    QTest::newRow("block_summaries") << QStringLiteral("block_summaries");
}

void TstDialogs::resyncRebuildsGlobalRows()
{
    QFETCH(QString, table);
    QVERIFY(ResyncDialog::crossChainTables().contains(QStringLiteral("block_summaries")));
    QVERIFY(!ResyncDialog::crossChainTables().contains(QStringLiteral("token_transfers")));

    // The chain's global rows are gone, as after a failed sync.
    const Status removed = ChainRegistry(*m_store).removeGlobalRows(Devnet, evmEntities());
    QVERIFY2(removed, why(removed).constData());
    auto before = syncRow(Devnet, QStringLiteral("block_summaries"));
    QVERIFY(before && before->globalRows);
    QCOMPARE(*before->globalRows, 0);
    const qint64 days = before->productionRows;   // 30 blocks over a few UTC days
    QVERIFY(days >= 3);

    ResyncDialog dialog(m_engine.get()->indexing(), chain(Devnet));
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *combo = dialog.findChild<QComboBox *>(QStringLiteral("resyncTableCombo"));
    auto *start = dialog.findChild<QPushButton *>(QStringLiteral("resyncStartButton"));
    auto *status = dialog.findChild<QLabel *>(QStringLiteral("resyncStatus"));
    auto *counts = dialog.findChild<QTableWidget *>(QStringLiteral("resyncCounts"));
    QVERIFY(combo && start && status && counts);
    QCOMPARE(combo->itemText(0), QStringLiteral("All tables"));
    combo->setCurrentIndex(combo->findData(table));
    QVERIFY(combo->currentIndex() >= 0);

    QSignalSpy finished(&dialog, &ResyncDialog::resyncFinished);
    QTest::mouseClick(start, Qt::LeftButton);
    QVERIFY(!start->isEnabled());            // cannot start twice
    QVERIFY(!combo->isEnabled());
    // The signal may come while the click is processed: count, do not wait for a new one.
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, EngineTimeoutMs);
    QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(1).toString()));
    QVERIFY2(status->text().startsWith(QStringLiteral("Resync finished")), qPrintable(status->text()));
    QVERIFY(!start->isEnabled());
    QTest::mouseClick(start, Qt::LeftButton);
    QCOMPARE(finished.size(), 1);

    // The before/after counts as the operator reads them.
    QTRY_VERIFY_WITH_TIMEOUT(counts->rowCount() > 0, EngineTimeoutMs);
    int summaries = -1;
    for (int row = 0; row < counts->rowCount(); ++row) {
        if (counts->item(row, 0)->text() == QLatin1String("Daily block statistics"))
            summaries = row;
    }
    QVERIFY(summaries >= 0);
    QCOMPARE(counts->rowCount(), table.isEmpty() ? ResyncDialog::crossChainTables().size() : 1);
    QCOMPARE(counts->item(summaries, 2)->text(), QStringLiteral("0"));
    QCOMPARE(counts->item(summaries, 1)->text(), QString::number(days));
    QCOMPARE(counts->item(summaries, 3)->text(), QString::number(days));

    auto after = syncRow(Devnet, QStringLiteral("block_summaries"));
    QVERIFY(after && after->globalRows);
    QCOMPARE(*after->globalRows, days);
    screenshot(&dialog, table.isEmpty() ? "resync-all" : "resync-one");
}

// --- reindex ------------------------------------------------------------------------------

void TstDialogs::reindexExplainsBadInputOnTheField()
{
    ReindexDialog dialog(m_engine.get()->indexing(), chain(Devnet));
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *from = dialog.findChild<QSpinBox *>(QStringLiteral("reindexFromSpin"));
    auto *to = dialog.findChild<QSpinBox *>(QStringLiteral("reindexToSpin"));
    auto *reason = dialog.findChild<QLineEdit *>(QStringLiteral("reindexReasonEdit"));
    auto *fromError = dialog.findChild<QLabel *>(QStringLiteral("reindexFromError"));
    auto *toError = dialog.findChild<QLabel *>(QStringLiteral("reindexToError"));
    auto *reasonError = dialog.findChild<QLabel *>(QStringLiteral("reindexReasonError"));
    auto *bounds = dialog.findChild<QLabel *>(QStringLiteral("reindexBounds"));
    auto *start = dialog.findChild<QPushButton *>(QStringLiteral("reindexStartButton"));
    QVERIFY(from && to && reason && fromError && toError && reasonError && bounds && start);

    QTRY_VERIFY_WITH_TIMEOUT(dialog.bounds().has_value(), EngineTimeoutMs);
    QCOMPARE(dialog.bounds()->from, 0);
    QCOMPARE(dialog.bounds()->to, 29);
    QVERIFY2(bounds->text().contains(QStringLiteral("blocks 0 to 29")), qPrintable(bounds->text()));

    // No reason yet: said under the field, Start disabled.
    QVERIFY(reasonError->isVisible());
    QVERIFY2(reasonError->text().contains(QStringLiteral("reason")), qPrintable(reasonError->text()));
    QVERIFY(!start->isEnabled());
    QTest::keyClicks(reason, QStringLiteral("   "));
    QVERIFY(reasonError->isVisible());
    QVERIFY(!start->isEnabled());
    reason->setText(QStringLiteral("truncated logs from the RPC"));
    QVERIFY(!reasonError->isVisible());
    QVERIFY(start->isEnabled());

    // Past the checkpoint.
    to->setValue(40);
    QVERIFY(toError->isVisible());
    QVERIFY2(toError->text().contains(QStringLiteral("past the checkpoint")) && toError->text().contains(QStringLiteral("0 to 29")),
             qPrintable(toError->text()));
    QVERIFY(!start->isEnabled());
    to->setValue(20);
    QVERIFY(!toError->isVisible());
    QVERIFY(start->isEnabled());

    // A start outside what is indexed, then a range that ends before it starts.
    from->setValue(35);
    QVERIFY(fromError->isVisible());
    QVERIFY2(fromError->text().contains(QStringLiteral("not indexed")), qPrintable(fromError->text()));
    QVERIFY(!start->isEnabled());
    from->setValue(25);
    QVERIFY(!fromError->isVisible());
    QVERIFY(toError->isVisible());
    QVERIFY2(toError->text().contains(QStringLiteral("ends before it starts")), qPrintable(toError->text()));
    QVERIFY(!start->isEnabled());
    from->setValue(5);
    QVERIFY(!toError->isVisible());
    QVERIFY(start->isEnabled());
    from->setValue(35);
    reason->clear();
    screenshot(&dialog, "reindex-invalid");
}

void TstDialogs::reindexRecordsTheRequestAndShowsIt()
{
    const QString why = QStringLiteral("node served a stale fork for 5-10 (ticket %1)").arg(QUuid::createUuid().toString(QUuid::Id128).left(8));
    ReindexDialog dialog(m_engine.get()->indexing(), chain(Devnet));
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *from = dialog.findChild<QSpinBox *>(QStringLiteral("reindexFromSpin"));
    auto *to = dialog.findChild<QSpinBox *>(QStringLiteral("reindexToSpin"));
    auto *reason = dialog.findChild<QLineEdit *>(QStringLiteral("reindexReasonEdit"));
    auto *start = dialog.findChild<QPushButton *>(QStringLiteral("reindexStartButton"));
    auto *status = dialog.findChild<QLabel *>(QStringLiteral("reindexStatus"));
    auto *progress = dialog.findChild<QProgressBar *>(QStringLiteral("reindexProgress"));
    auto *history = dialog.findChild<QTableWidget *>(QStringLiteral("reindexHistory"));
    QVERIFY(from && to && reason && start && status && progress && history);
    QTRY_VERIFY_WITH_TIMEOUT(dialog.bounds().has_value(), EngineTimeoutMs);

    from->setValue(5);
    to->setValue(10);
    QTest::keyClicks(reason, QStringLiteral("  ") + why + QStringLiteral("  "));
    QVERIFY(start->isEnabled());
    QTest::mouseClick(start, Qt::LeftButton);
    QVERIFY(!start->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(dialog.request().id > 0, EngineTimeoutMs);
    QVERIFY(!start->isEnabled());   // one request per dialog
    QVERIFY(!reason->isEnabled());

    // Audited with the trimmed reason, pending: no indexer runs in this test.
    const auto requests = waitFor(m_engine->indexing()->reindexRequests(ChainRef{Devnet, {}}));
    QVERIFY2(requests, ::why(requests).constData());
    const auto found = std::find_if(requests->cbegin(), requests->cend(), [&](const ReindexRequest &r) { return r.id == dialog.request().id; });
    QVERIFY(found != requests->cend());
    QCOMPARE(found->reason, why);
    QCOMPARE(found->from, 5);
    QCOMPARE(found->to, 10);
    QCOMPARE(found->status, QStringLiteral("pending"));
    QVERIFY(!found->requestedBy.isEmpty());

    // Followed in the dialog: status text, a busy bar, and the request on top of the history.
    QVERIFY2(status->text().contains(QStringLiteral("#%1").arg(found->id)) && status->text().contains(QStringLiteral("pending")),
             qPrintable(status->text()));
    QVERIFY(progress->isVisible());
    QTRY_VERIFY_WITH_TIMEOUT(history->rowCount() >= 1 && history->item(0, ReindexDialog::ReasonColumn)
                                 && history->item(0, ReindexDialog::ReasonColumn)->text() == why,
                             EngineTimeoutMs);
    QCOMPARE(history->item(0, ReindexDialog::IdColumn)->text(), QString::number(found->id));
    QCOMPARE(history->item(0, ReindexDialog::RangeColumn)->text(), QStringLiteral("5 – 10"));
    QCOMPARE(history->item(0, ReindexDialog::StatusColumn)->text(), QStringLiteral("pending"));
    QCOMPARE(history->item(0, ReindexDialog::RequestedByColumn)->text(), found->requestedBy);

    // A second dialog lists the earlier request from the start (it reads once shown).
    ReindexDialog again(m_engine.get()->indexing(), chain(Devnet));
    again.show();
    auto *againHistory = again.findChild<QTableWidget *>(QStringLiteral("reindexHistory"));
    QTRY_VERIFY_WITH_TIMEOUT(againHistory->rowCount() >= 1 && againHistory->item(0, ReindexDialog::ReasonColumn), EngineTimeoutMs);
    QCOMPARE(againHistory->item(0, ReindexDialog::ReasonColumn)->text(), why);
    screenshot(&dialog, "reindex-requested");
}

// --- delete -------------------------------------------------------------------------------

void TstDialogs::deleteShowsEveryStepDone()
{
    QCOMPARE(chain(Doomed).config.name, QStringLiteral("doomed"));
    DeleteProgressDialog dialog(m_engine.get()->chains(), Doomed, QStringLiteral("doomed"));
    QSignalSpy finished(&dialog, &DeleteProgressDialog::deletionFinished);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *steps = dialog.findChild<QListWidget *>(QStringLiteral("deleteSteps"));
    auto *status = dialog.findChild<QLabel *>(QStringLiteral("deleteStatus"));
    auto *buttons = dialog.findChild<QDialogButtonBox *>();
    QVERIFY(steps && status && buttons);
    QPushButton *close = buttons->button(QDialogButtonBox::Close);
    QCOMPARE(steps->count(), 6);
    QCOMPARE(steps->item(0)->text(), QStringLiteral("stop indexing"));
    QCOMPARE(steps->item(5)->text(), QStringLiteral("drop chain tables"));
    QVERIFY(!close->isEnabled());
    dialog.reject();            // Escape does not walk away from a running delete
    QVERIFY(dialog.isVisible());

    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, EngineTimeoutMs);
    QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(1).toString()));
    for (int row = 0; row < steps->count(); ++row)
        QVERIFY2(steps->item(row)->checkState() == Qt::Checked, qPrintable(steps->item(row)->text()));
    QCOMPARE(status->text(), QStringLiteral("Chain “doomed” deleted."));
    QVERIFY(close->isEnabled());
    screenshot(&dialog, "delete-done");

    const auto chains = waitFor(m_engine->chains()->list());
    QVERIFY2(chains, why(chains).constData());
    for (const ChainRecord &c : *chains)
        QVERIFY(c.config.chainId != Doomed);

    QTest::mouseClick(close, Qt::LeftButton);
    QVERIFY(!dialog.isVisible());
}

void TstDialogs::deleteShowsWhereItStopped()
{
    m_deleteFaultStep = 3;   // as if the process died right after step 3
    DeleteProgressDialog dialog(m_engine.get()->chains(), Fragile, QStringLiteral("fragile"));
    QSignalSpy finished(&dialog, &DeleteProgressDialog::deletionFinished);
    dialog.show();
    auto *steps = dialog.findChild<QListWidget *>(QStringLiteral("deleteSteps"));
    auto *status = dialog.findChild<QLabel *>(QStringLiteral("deleteStatus"));
    QPushButton *close = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Close);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, EngineTimeoutMs);
    m_deleteFaultStep = 0;
    QVERIFY(!finished.first().at(0).toBool());
    QVERIFY(!dialog.succeeded());
    for (int row = 0; row < steps->count(); ++row)
        QCOMPARE(steps->item(row)->checkState(), row < 3 ? Qt::Checked : Qt::Unchecked);
    QVERIFY2(status->text().startsWith(QStringLiteral("The chain was not fully deleted"))
                 && status->text().contains(QStringLiteral("step 3")),
             qPrintable(status->text()));
    QVERIFY(close->isEnabled());
    screenshot(&dialog, "delete-interrupted");
    QTest::mouseClick(close, Qt::LeftButton);
    QVERIFY(!dialog.isVisible());

    // Deleting again finishes the journaled delete.
    DeleteProgressDialog again(m_engine.get()->chains(), Fragile, QStringLiteral("fragile"));
    QSignalSpy finishedAgain(&again, &DeleteProgressDialog::deletionFinished);
    QTRY_COMPARE_WITH_TIMEOUT(finishedAgain.size(), 1, EngineTimeoutMs);
    QVERIFY2(finishedAgain.first().at(0).toBool(), qPrintable(finishedAgain.first().at(1).toString()));
    const auto chains = waitFor(m_engine->chains()->list());
    QVERIFY2(chains, why(chains).constData());
    for (const ChainRecord &c : *chains)
        QVERIFY(c.config.chainId != Fragile);
}

// --- settings -----------------------------------------------------------------------------

void TstDialogs::settingsRejectInvalidPostgresUrl_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("message");
    QTest::newRow("empty") << QString() << QStringLiteral("postgresql://user@host:port/dbname");
    QTest::newRow("no host") << QStringLiteral("postgresql:///arbor") << QStringLiteral("no host");
    QTest::newRow("no user") << QStringLiteral("postgresql://db.example.org/arbor") << QStringLiteral("no user");
    QTest::newRow("password") << QStringLiteral("postgresql://arbor:hunter2@db.example.org/arbor") << QStringLiteral("keychain");
    QTest::newRow("sqlite") << QStringLiteral("sqlite:/tmp/a.db") << QStringLiteral("must start with postgresql://");
}

void TstDialogs::settingsRejectInvalidPostgresUrl()
{
    QFETCH(QString, url);
    QFETCH(QString, message);
    AppSettings settings(settingsFile(QStringLiteral("invalid")));
    SettingsDialog dialog(settings);
    dialog.show();
    auto *postgres = dialog.findChild<QRadioButton *>(QStringLiteral("postgresRadio"));
    auto *edit = dialog.findChild<QLineEdit *>(QStringLiteral("postgresUrlEdit"));
    auto *error = dialog.findChild<QLabel *>(QStringLiteral("postgresUrlError"));
    auto *ok = dialog.findChild<QPushButton *>(QStringLiteral("settingsOkButton"));
    QVERIFY(postgres && edit && error && ok);
    QVERIFY(ok->isEnabled());   // the default SQLite file is fine
    QTest::mouseClick(postgres, Qt::LeftButton);
    QVERIFY(postgres->isChecked());
    edit->setText(url);
    QVERIFY(error->isVisible());
    QVERIFY2(error->text().contains(message), qPrintable(error->text()));
    QVERIFY(!error->text().contains(QStringLiteral("hunter2")));
    QVERIFY(!ok->isEnabled());
    if (qstrcmp(QTest::currentDataTag(), "no user") == 0)
        screenshot(&dialog, "settings-invalid-url");

    edit->setText(QStringLiteral("postgresql://arbor@db.example.org:5433/arbor"));
    QVERIFY(!error->isVisible());
    QVERIFY(ok->isEnabled());
}

void TstDialogs::settingsSaveSqlitePathAndLanguage()
{
    const QString file = settingsFile(QStringLiteral("sqlite"));
    const QString path = m_home.filePath(QStringLiteral("elsewhere/console.db"));
    {
        AppSettings settings(file);
        QVERIFY(!settings.hasDatabase());
        QCOMPARE(settings.database().path, DatabaseUrl::defaultSqlitePath());
        QCOMPARE(settings.language(), QStringLiteral("system"));
        SettingsDialog dialog(settings);
        QSignalSpy databaseChanged(&dialog, &SettingsDialog::databaseChanged);
        dialog.show();
        auto *sqlite = dialog.findChild<QRadioButton *>(QStringLiteral("sqliteRadio"));
        auto *edit = dialog.findChild<QLineEdit *>(QStringLiteral("sqlitePathEdit"));
        auto *error = dialog.findChild<QLabel *>(QStringLiteral("sqlitePathError"));
        auto *language = dialog.findChild<QComboBox *>(QStringLiteral("languageCombo"));
        auto *poll = dialog.findChild<QSpinBox *>(QStringLiteral("pollIntervalSpin"));
        auto *depth = dialog.findChild<QSpinBox *>(QStringLiteral("reorgDepthSpin"));
        auto *ok = dialog.findChild<QPushButton *>(QStringLiteral("settingsOkButton"));
        QVERIFY(sqlite && edit && error && language && poll && depth && ok);
        QVERIFY(sqlite->isChecked());
        QCOMPARE(edit->text(), DatabaseUrl::defaultSqlitePath());

        edit->clear();
        QVERIFY(error->isVisible());
        QVERIFY2(error->text().contains(QStringLiteral("Enter the database file")), qPrintable(error->text()));
        QVERIFY(!ok->isEnabled());
        edit->setText(m_home.path());   // a folder, not a file
        QVERIFY(error->isVisible());
        QVERIFY2(error->text().contains(QStringLiteral("is a directory")), qPrintable(error->text()));
        QVERIFY(!ok->isEnabled());
        edit->setText(path);
        QVERIFY(!error->isVisible());
        QVERIFY(ok->isEnabled());

        language->setCurrentIndex(language->findText(QStringLiteral("Deutsch")));
        poll->setValue(5000);
        depth->setValue(12);
        QTest::mouseClick(ok, Qt::LeftButton);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(databaseChanged.size(), 1);
        QVERIFY(dialog.isDatabaseChanged());
        QVERIFY(dialog.isLanguageChanged());
    }
    AppSettings reread(file);
    QVERIFY(reread.hasDatabase());
    QCOMPARE(reread.database().backend, Backend::Sqlite);
    QCOMPARE(reread.database().path, path);
    QCOMPARE(reread.language(), QStringLiteral("de"));
    QCOMPARE(reread.defaultPollIntervalMs(), 5000);
    QCOMPARE(reread.reorgNotifyDepth(), 12);
    QCOMPARE(reread.refreshIntervalMs(), AppSettings::DefaultRefreshIntervalMs);

    // The setters validate on their own too.
    QVERIFY(!reread.setLanguage(QStringLiteral("fr")));
    QVERIFY(!reread.setDefaultPollIntervalMs(10));
    QVERIFY(!reread.setReorgNotifyDepth(0));
    QVERIFY(!reread.setDatabase(QStringLiteral("postgresql://u:pw@h/db")));
    QCOMPARE(reread.language(), QStringLiteral("de"));

    // Unchanged settings saved again: no engine restart asked for.
    SettingsDialog same(reread);
    QSignalSpy unchanged(&same, &SettingsDialog::databaseChanged);
    same.show();
    QTest::mouseClick(same.findChild<QPushButton *>(QStringLiteral("settingsOkButton")), Qt::LeftButton);
    QCOMPARE(same.result(), int(QDialog::Accepted));
    QCOMPARE(unchanged.size(), 0);
    QVERIFY(!same.isLanguageChanged());
}

void TstDialogs::settingsStorePasswordInKeychainOnly()
{
    const QString file = settingsFile(QStringLiteral("postgres"));
    const QString password = QStringLiteral("pw-") + QUuid::createUuid().toString(QUuid::Id128);
    const QString url = QStringLiteral("postgresql://arbor@db.example.org:5432/arbor_test");
    AppSettings settings(file);
    SettingsDialog dialog(settings);
    QSignalSpy databaseChanged(&dialog, &SettingsDialog::databaseChanged);
    dialog.show();
    QTRY_VERIFY_WITH_TIMEOUT(dialog.keychain() != SettingsDialog::Keychain::Checking, EngineTimeoutMs);
    if (dialog.keychain() == SettingsDialog::Keychain::Unavailable)
        QSKIP("no OS keychain: run the test inside tests/support/with-keyring.sh");
    auto *notice = dialog.findChild<QLabel *>(QStringLiteral("keychainNotice"));
    QVERIFY(notice && !notice->isVisible());

    QTest::mouseClick(dialog.findChild<QRadioButton *>(QStringLiteral("postgresRadio")), Qt::LeftButton);
    dialog.findChild<QLineEdit *>(QStringLiteral("postgresUrlEdit"))->setText(url);
    auto *passwordEdit = dialog.findChild<QLineEdit *>(QStringLiteral("postgresPasswordEdit"));
    QVERIFY(passwordEdit->isEnabled());
    QCOMPARE(passwordEdit->echoMode(), QLineEdit::Password);
    QTest::keyClicks(passwordEdit, password);
    QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("settingsOkButton")), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(dialog.result(), int(QDialog::Accepted), EngineTimeoutMs);
    QCOMPARE(databaseChanged.size(), 1);

    AppSettings reread(file);
    QCOMPARE(reread.databaseText(), url);
    QFile conf(file);
    QVERIFY(conf.open(QIODevice::ReadOnly));
    const QByteArray text = conf.readAll();
    QVERIFY(text.contains("db.example.org"));
    QVERIFY(!text.contains(password.toUtf8()));

    std::optional<Result<QString>> stored;
    SecretStore::read(reread.database().keychainKey(), this, [&](Result<QString> secret) { stored = secret; });
    QTRY_VERIFY_WITH_TIMEOUT(stored.has_value(), EngineTimeoutMs);
    QVERIFY2(*stored, why(*stored).constData());
    QCOMPARE(**stored, password);
    bool removed = false;
    SecretStore::remove(reread.database().keychainKey(), this, [&](Status) { removed = true; });
    QTRY_VERIFY_WITH_TIMEOUT(removed, EngineTimeoutMs);
}

void TstDialogs::settingsWithoutKeychainShowNotice()
{
    // A child process of this test without a session bus: no keychain can answer there.
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QString::fromLatin1(NoKeychainChild), QStringLiteral("1"));
    env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("unix:path=") + m_home.filePath(QStringLiteral("no-bus")));
    env.remove(QStringLiteral("DISPLAY"));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home.filePath(QStringLiteral("child-config")));
    QProcess child;
    child.setProcessEnvironment(env);
    child.setProcessChannelMode(QProcess::MergedChannels);
    child.start(QCoreApplication::applicationFilePath(), arbor::test::programArguments({QStringLiteral("noKeychainChild")}));
    QVERIFY(child.waitForStarted());
    QVERIFY(child.waitForFinished(60000));
    const QByteArray output = child.readAll();
    QVERIFY2(child.exitStatus() == QProcess::NormalExit && child.exitCode() == 0, output.constData());
    QVERIFY2(output.contains("PASS   : tst_dialogs::TstDialogs::noKeychainChild"), output.constData());
}

void TstDialogs::noKeychainChild()
{
    if (!qEnvironmentVariableIsSet(NoKeychainChild))
        QSKIP("runs in the child process of settingsWithoutKeychainShowNotice");
    const QString file = settingsFile(QStringLiteral("nokeychain"));
    AppSettings settings(file);
    SettingsDialog dialog(settings);
    dialog.show();
    QTRY_VERIFY_WITH_TIMEOUT(dialog.keychain() != SettingsDialog::Keychain::Checking, 30000);
    QCOMPARE(dialog.keychain(), SettingsDialog::Keychain::Unavailable);
    auto *notice = dialog.findChild<QLabel *>(QStringLiteral("keychainNotice"));
    QVERIFY(notice && notice->isVisible());
    QTRY_VERIFY2(notice->height() >= notice->sizeHint().height(), "the notice is cut off");
    QVERIFY2(notice->text().contains(QStringLiteral("cannot be stored")) && notice->text().contains(QStringLiteral("PGPASSWORD")),
             qPrintable(notice->text()));
    QTest::mouseClick(dialog.findChild<QRadioButton *>(QStringLiteral("postgresRadio")), Qt::LeftButton);
    dialog.findChild<QLineEdit *>(QStringLiteral("postgresUrlEdit"))->setText(QStringLiteral("postgresql://arbor@db.example.org/arbor"));
    QVERIFY(!dialog.findChild<QLineEdit *>(QStringLiteral("postgresPasswordEdit"))->isEnabled());
    screenshot(&dialog, "settings-no-keychain");

    // The URL is still saved; the password is up to PGPASSWORD.
    QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("settingsOkButton")), Qt::LeftButton);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(AppSettings(file).databaseText(), QStringLiteral("postgresql://arbor@db.example.org:5432/arbor"));
}

} // namespace tst_dialogs

ARBOR_TEST_MAIN(dialogs, tst_dialogs::TstDialogs)
#include "tst_dialogs.moc"
