// The add-chain wizard driven offscreen with QTest against a real Engine on a temporary SQLite
// file: what the operator sees on each page for bad input, an endpoint that does not answer,
// endpoints of two different chains, and a chain added end to end from a local devnet.

#include "devnet.h"
#include "testvalues.h"
#include "dialogs/addchainwizard.h"
#include "dialogs/wizard/chainpage.h"
#include "dialogs/wizard/contractspage.h"
#include "dialogs/wizard/probepage.h"
#include "dialogs/wizard/reviewpage.h"
#include "engine/chainservice.h"
#include "engine/engine.h"
#include "engine/indexingservice.h"
#include "model/callestimate.h"
#include "models/tokenmodel.h"
#include "secrets/namedsecrets.h"
#include "secrets/secretstore.h"
#include "testmain.h"
#include "testresults.h"
#include "uifixture.h"

#include <QAbstractButton>
#include <QApplication>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTableWidget>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace arbor;
using arbor::test::why;
using arbor::test::UiFixture;
using arbor::test::waitFor;
using arbor::test::Devnet;
using arbor::ui::AddChainWizard;
using arbor::ui::ContractsPage;
using arbor::ui::ProbePage;
using arbor::ui::ReviewPage;
using arbor::ui::TokenModel;

namespace tst_addchainwizard {

namespace {

const int EngineTimeoutMs = 30000;

/// Selects a radio button as a keyboard user does.
void choose(QRadioButton *radio)
{
    radio->setFocus();
    QTest::keyClick(radio, Qt::Key_Space);
}

/// With ARBOR_SCREENSHOT_DIR set, saves the wizard's current look there for review.
void screenshot(QWidget *window, const QString &name)
{
    const QString dir = qEnvironmentVariable("ARBOR_SCREENSHOT_DIR");
    if (!dir.isEmpty())
        window->grab().save(dir + u'/' + name + QLatin1String(".png"));
}

/// What a label shows, or empty when it is hidden.
QString shown(const QLabel *label)
{
    return label && label->isVisible() ? label->text() : QString();
}

} // namespace

class TstAddChainWizard : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void cleanup();

    void rpcPageExplainsBadUrls_data();
    void rpcPageExplainsBadUrls();
    void rpcPageRejectsDuplicates();
    void rpcPageOffersToMoveALiteralKey();
    void probeExplainsAnEndpointThatDoesNotAnswer();
    void probeNamesAnUnsetVariableInTheUrl();
    void probeExplainsEndpointsOfDifferentChains();
    void probeLeavesOutEndpointsThatDoNotAnswer();
    void chainPageExplainsBadNamesAndBlocks_data();
    void chainPageExplainsBadNamesAndBlocks();
    void contractsPageExplainsBadAddressesAndContracts();
    void contractsPageOffersTheOfficialRegistries();
    void createExplainsWhatTheEngineRefused();
    // Last: it adds the devnet's chain, which the pages above would then report as added.
    void addsTheDevnetChainEndToEnd();

private:
    AddChainWizard *openWizard();
    /// Starts the shared devnet with two tokens, the registries and some traffic, once.
    bool ensureDevnet(QString *error);
    /// Types the URLs on the first page and moves to the probe page.
    bool probe(const QString &urls);
    bool clickNext();
    bool nextEnabled() const;
    template<typename W>
    W *child(const char *name) const
    {
        auto *w = m_wizard ? m_wizard->findChild<W *>(QString::fromLatin1(name)) : nullptr;
        if (!w)
            qWarning("no child named %s", name);
        return w;
    }

    arbor::test::UiFixture m_home;
    std::unique_ptr<Engine> m_engine;
    std::unique_ptr<AddChainWizard> m_wizard;
    std::unique_ptr<Devnet> m_devnet;
    QStringList m_tokens;
    QJsonArray m_tokenInfo;
    QJsonObject m_registries;
};

void TstAddChainWizard::initTestCase()
{
    QVERIFY(m_home.isValid());
    m_home.setUp();

    auto url = m_home.databaseUrl();
    QVERIFY2(url, why(url).constData());
    EngineOptions options = UiFixture::engineOptions(*url);
    options.statusIntervalMs = 200;
    options.probeTimeoutMs = 5000;
    options.indexing = true;
    Status started;
    std::tie(m_engine, started) = UiFixture::startEngine(options);
    QVERIFY2(started, why(started).constData());
}

void TstAddChainWizard::cleanupTestCase()
{
    m_wizard.reset();
    m_engine.reset();
    m_devnet.reset();
}

void TstAddChainWizard::cleanup()
{
    m_wizard.reset();
}

AddChainWizard *TstAddChainWizard::openWizard()
{
    m_wizard = std::make_unique<AddChainWizard>(m_engine.get()->chains());
    m_wizard->show();
    if (!QTest::qWaitForWindowExposed(m_wizard.get()))
        return nullptr;
    return m_wizard.get();
}

bool TstAddChainWizard::ensureDevnet(QString *error)
{
    if (m_devnet)
        return true;
    auto devnet = std::make_unique<Devnet>();
    if (!devnet->start(error))
        return false;
    const auto deployed = devnet->deployTokens(2, error);
    if (!deployed)
        return false;
    m_tokenInfo = deployed->value(QLatin1String("tokens")).toArray();
    for (const QJsonValue &t : std::as_const(m_tokenInfo))
        m_tokens.append(t.toObject().value(QLatin1String("address")).toString());
    const auto registries = devnet->deployRegistries(error);
    if (!registries)
        return false;
    m_registries = *registries;
    if (!devnet->generateAgentTraffic(m_registries, 3, 10, 7, error))
        return false;
    if (!devnet->generateTraffic(m_tokens, 200, 20, 10, 42, error))
        return false;
    m_devnet = std::move(devnet);
    return true;
}

bool TstAddChainWizard::nextEnabled() const
{
    QAbstractButton *next = m_wizard->button(QWizard::NextButton);
    return next->isVisible() && next->isEnabled();
}

bool TstAddChainWizard::clickNext()
{
    const int before = m_wizard->currentId();
    if (!nextEnabled())
        return false;
    QTest::mouseClick(m_wizard->button(QWizard::NextButton), Qt::LeftButton);
    return m_wizard->currentId() == before + 1;
}

bool TstAddChainWizard::probe(const QString &urls)
{
    if (!openWizard())
        return false;
    auto *edit = child<QPlainTextEdit>("rpcUrlsEdit");
    if (!edit)
        return false;
    edit->setFocus();
    const QStringList lines = urls.split(u'\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (i > 0)
            QTest::keyClick(edit, Qt::Key_Return);
        QTest::keyClicks(edit, lines.at(i));
    }
    if (!clickNext())
        return false;
    auto *page = qobject_cast<ProbePage *>(m_wizard->currentPage());
    return page && QTest::qWaitFor([page] { return !page->isProbing(); }, EngineTimeoutMs);
}

// --- RPC page -----------------------------------------------------------------------------------

void TstAddChainWizard::rpcPageExplainsBadUrls_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<QString>("message");
    QTest::newRow("malformed") << QStringLiteral("http://[::1") << QStringLiteral("is not a valid URL");
    QTest::newRow("no scheme") << QStringLiteral("127.0.0.1:8545") << QStringLiteral("has no scheme");
    QTest::newRow("ftp") << QStringLiteral("ftp://rpc.example.org") << QStringLiteral("must start with http:// or https://");
    QTest::newRow("credentials") << QStringLiteral("https://alice:secret@rpc.example.org")
                                 << QStringLiteral("user name or password");
}

void TstAddChainWizard::rpcPageExplainsBadUrls()
{
    QFETCH(QString, line);
    QFETCH(QString, message);
    QVERIFY(openWizard());
    auto *edit = child<QPlainTextEdit>("rpcUrlsEdit");
    auto *error = child<QLabel>("rpcUrlsError");
    QVERIFY(edit && error);
    QVERIFY(!nextEnabled());   // nothing typed yet
    QVERIFY(shown(error).isEmpty());

    edit->setFocus();
    QTest::keyClicks(edit, QStringLiteral("https://rpc.example.org"));
    QTRY_VERIFY(nextEnabled());
    QTest::keyClick(edit, Qt::Key_Return);
    QTest::keyClicks(edit, line);

    QTRY_VERIFY(shown(error).contains(message));
    QVERIFY2(shown(error).startsWith(QLatin1String("Line 2:")), qPrintable(shown(error)));
    screenshot(m_wizard.get(), QStringLiteral("wizard-1-rpc-") + QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'-'));
    QVERIFY(!nextEnabled());
    if (line.contains(u'@'))
        QVERIFY2(!shown(error).contains(QLatin1String("secret")), "the password is echoed back");

    // Removing the bad line makes the page usable again.
    for (qsizetype i = 0; i < line.size() + 1; ++i)
        QTest::keyClick(edit, Qt::Key_Backspace);
    QTRY_VERIFY(nextEnabled());
    QVERIFY(shown(error).isEmpty());
}

void TstAddChainWizard::rpcPageRejectsDuplicates()
{
    QVERIFY(openWizard());
    auto *edit = child<QPlainTextEdit>("rpcUrlsEdit");
    auto *error = child<QLabel>("rpcUrlsError");
    edit->setFocus();
    QTest::keyClicks(edit, QStringLiteral("http://127.0.0.1:8545"));
    QTest::keyClick(edit, Qt::Key_Return);
    QTest::keyClicks(edit, QStringLiteral("http://127.0.0.1:8545/"));
    QTRY_VERIFY(shown(error).contains(QLatin1String("Line 2")));
    QVERIFY(shown(error).contains(QLatin1String("earlier line")));
    QVERIFY(!nextEnabled());
}

void TstAddChainWizard::rpcPageOffersToMoveALiteralKey()
{
    QVERIFY(openWizard());
    auto *edit = child<QPlainTextEdit>("rpcUrlsEdit");
    auto *offer = child<QWidget>("moveKeyOffer");
    auto *name = child<QLineEdit>("keyNameEdit");
    auto *move = child<QPushButton>("moveKeyButton");
    auto *result = child<QLabel>("moveKeyResult");
    QVERIFY(edit && offer && name && move && result);

    const QString key = QStringLiteral("Xy7kP2qLm9RtZ4vBn8WcQe3s");
    const QString literal = QStringLiteral("https://eth-mainnet.g.alchemy.com/v2/") + key;
    edit->setFocus();
    QTest::keyClicks(edit, QStringLiteral("http://127.0.0.1:8545"));
    QTRY_VERIFY(nextEnabled());
    QVERIFY(!offer->isVisible());
    QTest::keyClick(edit, Qt::Key_Return);
    QTest::keyClicks(edit, literal);
    QTRY_VERIFY(offer->isVisible());
    QVERIFY(nextEnabled());   // keeping the key in the URL is the operator's choice
    QCOMPARE(name->text(), QStringLiteral("alchemy"));
    screenshot(m_wizard.get(), QStringLiteral("wizard-1-rpc-move-key"));

    const QString secretName = QStringLiteral("wizard-test-alchemy");
    name->setText(secretName);
    QTest::mouseClick(move, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!shown(result).isEmpty() && !shown(result).contains(QLatin1String("Storing")), EngineTimeoutMs);
    const QString line = edit->toPlainText().split(u'\n').value(1);
    screenshot(m_wizard.get(), QStringLiteral("wizard-1-rpc-key-moved"));
    if (shown(result).contains(QLatin1String("not moved"))) {
        // No keychain in this session: the URL is left as typed and the other way is named.
        QCOMPARE(line, literal);
        QVERIFY2(shown(result).contains(QLatin1String("${env:VAR}")), qPrintable(shown(result)));
        return;
    }
    QCOMPARE(line, QStringLiteral("https://eth-mainnet.g.alchemy.com/v2/${keychain:%1}").arg(secretName));
    QTRY_VERIFY(!offer->isVisible());
    QVERIFY(nextEnabled());
    std::optional<Result<QString>> stored;
    SecretStore::read(secretName, this, [&stored](Result<QString> secret) { stored = std::move(secret); });
    QTRY_VERIFY_WITH_TIMEOUT(stored.has_value(), EngineTimeoutMs);
    QVERIFY2(*stored && **stored == key, "the keychain does not hold the key");
    bool forgotten = false;
    NamedSecrets::forget(secretName, this, [&forgotten](Status) { forgotten = true; });
    QTRY_VERIFY_WITH_TIMEOUT(forgotten, EngineTimeoutMs);
}

// --- probe page ---------------------------------------------------------------------------------

void TstAddChainWizard::probeExplainsAnEndpointThatDoesNotAnswer()
{
    const quint16 port = arbor::test::closedPort().port();
    const QString url = QStringLiteral("http://127.0.0.1:%1").arg(port);
    QVERIFY(probe(url));
    QCOMPARE(m_wizard->currentId(), int(AddChainWizard::ProbePageId));
    auto *table = child<QTableWidget>("probeTable");
    auto *summary = child<QLabel>("probeSummary");
    auto *busy = child<QProgressBar>("probeBusy");
    auto *again = child<QPushButton>("probeAgainButton");
    QVERIFY(table && summary && busy && again);

    QCOMPARE(table->rowCount(), 1);
    QCOMPARE(table->item(0, ProbePage::UrlColumn)->text(), url);
    const QString result = table->item(0, ProbePage::ResultColumn)->text();
    QVERIFY2(!result.isEmpty() && !result.contains(QLatin1String("Probing")), qPrintable(result));
    QVERIFY(table->item(0, ProbePage::ChainIdColumn)->text().isEmpty());
    QVERIFY(table->item(0, ProbePage::HistoryColumn)->text().isEmpty());   // nothing to say of a node that did not answer
    QVERIFY2(shown(summary).contains(QLatin1String("No endpoint answered")), qPrintable(shown(summary)));
    QVERIFY2(shown(summary).contains(QLatin1String("URL 1 did not answer: ") + result), qPrintable(shown(summary)));
    QVERIFY(!busy->isVisible());
    QVERIFY(!nextEnabled());

    // Probe again, now at a port that accepts connections and never answers: the busy
    // indicator shows until the probe gives up, then the explanation.
    QTcpServer silent;
    QVERIFY2(silent.listen(QHostAddress::LocalHost, port), qPrintable(silent.errorString()));
    QVERIFY(again->isEnabled());
    QTest::mouseClick(again, Qt::LeftButton);
    QVERIFY(busy->isVisible());
    QVERIFY(!again->isEnabled());
    QVERIFY(!nextEnabled());
    QCOMPARE(table->item(0, ProbePage::ResultColumn)->text(), QStringLiteral("Probing…"));
    QTRY_VERIFY_WITH_TIMEOUT(!busy->isVisible(), EngineTimeoutMs);
    QVERIFY2(shown(summary).contains(QLatin1String("No endpoint answered")), qPrintable(shown(summary)));
    QVERIFY(table->item(0, ProbePage::ResultColumn)->text() != result);   // another failure, explained anew
    QVERIFY(again->isEnabled());
    QVERIFY(!nextEnabled());
}

void TstAddChainWizard::probeNamesAnUnsetVariableInTheUrl()
{
    qunsetenv("ARBOR_TEST_WIZARD_KEY");
    const QString url = QStringLiteral("http://127.0.0.1:%1/?apikey=${env:ARBOR_TEST_WIZARD_KEY}").arg(arbor::test::closedPort().port());
    QVERIFY(probe(url));
    auto *table = child<QTableWidget>("probeTable");
    QVERIFY(table);
    QCOMPARE(table->rowCount(), 1);
    QCOMPARE(table->item(0, ProbePage::UrlColumn)->text(), url);
    const QString result = table->item(0, ProbePage::ResultColumn)->text();
    QVERIFY2(result.contains(QLatin1String("${env:ARBOR_TEST_WIZARD_KEY}")), qPrintable(result));
    QVERIFY2(result.contains(QLatin1String("is not set")), qPrintable(result));
    QVERIFY2(result.contains(QLatin1String("arborctl secret set")), qPrintable(result));
    QVERIFY(!nextEnabled());
}

void TstAddChainWizard::probeExplainsEndpointsOfDifferentChains()
{
    ARBOR_REQUIRE_DEVNET();
    QString error;
    QVERIFY2(ensureDevnet(&error), qPrintable(error));
    Devnet other;
    QVERIFY2(other.start(&error, 5), qPrintable(error));

    QVERIFY(probe(m_devnet->rpcUrl().toString() + u'\n' + other.rpcUrl().toString()));
    auto *table = child<QTableWidget>("probeTable");
    auto *summary = child<QLabel>("probeSummary");
    QCOMPARE(table->rowCount(), 2);
    QCOMPARE(table->item(0, ProbePage::ChainIdColumn)->text(), QStringLiteral("31337"));
    QCOMPARE(table->item(1, ProbePage::ChainIdColumn)->text(), QStringLiteral("5"));
    QVERIFY2(shown(summary).contains(QLatin1String("URL 2 reports chain 5, URL 1 reports chain 31337")),
             qPrintable(shown(summary)));
    QVERIFY(!nextEnabled());

    // Without the wrong URL the chain can be added.
    QTest::mouseClick(m_wizard->button(QWizard::BackButton), Qt::LeftButton);
    QCOMPARE(m_wizard->currentId(), int(AddChainWizard::RpcPageId));
    auto *edit = child<QPlainTextEdit>("rpcUrlsEdit");
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Delete);
    QTest::keyClicks(edit, m_devnet->rpcUrl().toString());
    QVERIFY(clickNext());
    QTRY_VERIFY_WITH_TIMEOUT(nextEnabled(), EngineTimeoutMs);
    QVERIFY2(shown(summary).contains(QLatin1String("serves chain 31337")), qPrintable(shown(summary)));
}

void TstAddChainWizard::probeLeavesOutEndpointsThatDoNotAnswer()
{
    ARBOR_REQUIRE_DEVNET();
    QString error;
    QVERIFY2(ensureDevnet(&error), qPrintable(error));
    const QString dead = QStringLiteral("http://127.0.0.1:%1").arg(arbor::test::closedPort().port());
    QVERIFY(probe(dead + u'\n' + m_devnet->rpcUrl().toString()));
    auto *table = child<QTableWidget>("probeTable");
    QCOMPARE(table->rowCount(), 2);
    QVERIFY(table->item(0, ProbePage::ChainIdColumn)->text().isEmpty());
    QCOMPARE(table->item(1, ProbePage::ChainIdColumn)->text(), QStringLiteral("31337"));
    const QString summary = shown(child<QLabel>("probeSummary"));
    QVERIFY2(summary.contains(QLatin1String("URL 1 did not answer")), qPrintable(summary));
    QVERIFY2(summary.contains(QLatin1String("without the URLs that did not answer")), qPrintable(summary));
    QVERIFY(nextEnabled());

    QVERIFY(clickNext());
    QTest::keyClicks(child<QLineEdit>("chainNameEdit"), QStringLiteral("devnet"));
    QVERIFY(clickNext());
    QVERIFY(clickNext());
    QCOMPARE(m_wizard->config().rpcUrls, QList<QUrl>{m_devnet->rpcUrl()});
    const QString review = child<QLabel>("reviewSummary")->text();
    QVERIFY2(review.contains(QLatin1String("Left out")) && review.contains(dead), qPrintable(review));
}

// --- chain page ---------------------------------------------------------------------------------

void TstAddChainWizard::chainPageExplainsBadNamesAndBlocks_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("block");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("message");
    QTest::newRow("empty") << QStringLiteral("x") << QString() << QStringLiteral("chainNameError")
                           << QStringLiteral("A chain needs a name");
    QTest::newRow("too long") << QString(65, u'a') << QString() << QStringLiteral("chainNameError")
                              << QStringLiteral("The name is 65 characters long; use at most 64.");
    QTest::newRow("leading space") << QStringLiteral(" devnet") << QString() << QStringLiteral("chainNameError")
                                   << QStringLiteral("must not start or end with spaces");
    QTest::newRow("all digits") << QStringLiteral("31337") << QString() << QStringLiteral("chainNameError")
                                << QStringLiteral("would be mistaken for a chain id");
    QTest::newRow("block beyond head") << QStringLiteral("devnet") << QStringLiteral("999999999")
                                       << QStringLiteral("startBlockError") << QStringLiteral("beyond the chain's head");
    QTest::newRow("block not a number") << QStringLiteral("devnet") << QStringLiteral("12abc")
                                        << QStringLiteral("startBlockError") << QStringLiteral("whole number");
}

void TstAddChainWizard::chainPageExplainsBadNamesAndBlocks()
{
    ARBOR_REQUIRE_DEVNET();
    QFETCH(QString, name);
    QFETCH(QString, block);
    QFETCH(QString, field);
    QFETCH(QString, message);
    QString error;
    QVERIFY2(ensureDevnet(&error), qPrintable(error));
    QVERIFY(probe(m_devnet->rpcUrl().toString()));
    QVERIFY(clickNext());
    QCOMPARE(m_wizard->currentId(), int(AddChainWizard::ChainPageId));
    QCOMPARE(child<QLineEdit>("chainIdEdit")->text(), QStringLiteral("31337"));
    QVERIFY(child<QLineEdit>("chainIdEdit")->isReadOnly());
    QVERIFY(!nextEnabled());   // no name yet

    auto *nameEdit = child<QLineEdit>("chainNameEdit");
    nameEdit->setFocus();
    QTest::keyClicks(nameEdit, name);
    if (name == u"x")   // typed and erased again
        QTest::keyClick(nameEdit, Qt::Key_Backspace);
    if (!block.isEmpty()) {
        choose(child<QRadioButton>("startBlockRadio"));
        QVERIFY(child<QRadioButton>("startBlockRadio")->isChecked());
        QVERIFY(!nextEnabled());   // a block is needed
        QTest::keyClicks(child<QLineEdit>("startBlockEdit"), block);
    }
    auto *label = m_wizard->findChild<QLabel *>(field);
    QVERIFY(label);
    QTRY_VERIFY2(shown(label).contains(message), qPrintable(shown(label)));
    QVERIFY(!nextEnabled());

    // Fixing it enables Next.
    nameEdit->selectAll();
    QTest::keyClicks(nameEdit, QStringLiteral("devnet"));
    if (!block.isEmpty()) {
        child<QLineEdit>("startBlockEdit")->selectAll();
        QTest::keyClicks(child<QLineEdit>("startBlockEdit"), QStringLiteral("1"));
    }
    QTRY_VERIFY(nextEnabled());
    QVERIFY(shown(label).isEmpty());
}

// --- contracts page -----------------------------------------------------------------------------

void TstAddChainWizard::contractsPageExplainsBadAddressesAndContracts()
{
    ARBOR_REQUIRE_DEVNET();
    QString error;
    QVERIFY2(ensureDevnet(&error), qPrintable(error));
    QVERIFY(probe(m_devnet->rpcUrl().toString()));
    QVERIFY(clickNext());
    QTest::keyClicks(child<QLineEdit>("chainNameEdit"), QStringLiteral("devnet"));
    QVERIFY(clickNext());
    QCOMPARE(m_wizard->currentId(), int(AddChainWizard::ContractsPageId));
    QVERIFY(nextEnabled());   // tokens and registries are optional
    // The ERC-8004 team lists no registries for the devnet's chain id: nothing is offered.
    QVERIFY(!child<QPushButton>("officialRegistriesButton")->isVisible());
    QVERIFY(shown(child<QLabel>("officialRegistriesNote")).isEmpty());

    auto *edit = child<QLineEdit>("tokenAddressEdit");
    auto *add = child<QPushButton>("addTokenButton");
    auto *tokenError = child<QLabel>("tokenError");
    auto *table = child<QTableWidget>("tokenTable");

    // Malformed: too short.
    edit->setFocus();
    QTest::keyClicks(edit, QStringLiteral("0x1234"));
    QTRY_VERIFY(!shown(tokenError).isEmpty());
    QVERIFY(!add->isEnabled());
    QVERIFY(!nextEnabled());
    // Malformed: a mixed-case address with a wrong checksum.
    edit->clear();
    QString badChecksum = m_tokens.first();
    for (qsizetype i = 2; i < badChecksum.size(); ++i) {
        if (badChecksum.at(i).isLetter()) {
            badChecksum[i] = badChecksum.at(i).toUpper();
            break;
        }
    }
    QTest::keyClicks(edit, badChecksum);
    QTRY_VERIFY2(!shown(tokenError).isEmpty(), "a wrong EIP-55 checksum is not explained");
    QVERIFY(!add->isEnabled());
    QVERIFY(!nextEnabled());

    // No code at the address, and a contract that is not an ERC-20 (the validation registry).
    edit->clear();
    QTest::keyClicks(edit, QStringLiteral("0x00000000000000000000000000000000000000aa"));
    QTRY_VERIFY(add->isEnabled());
    QTest::mouseClick(add, Qt::LeftButton);
    QTest::keyClicks(edit, m_registries.value(QLatin1String("validation")).toString());
    QTest::keyClick(edit, Qt::Key_Return);
    QCOMPARE(table->rowCount(), 2);
    QTRY_VERIFY_WITH_TIMEOUT(!table->item(0, ContractsPage::StatusColumn)->text().contains(QLatin1String("Reading"))
                                 && !table->item(1, ContractsPage::StatusColumn)->text().contains(QLatin1String("Reading")),
                             EngineTimeoutMs);
    QVERIFY2(table->item(0, ContractsPage::StatusColumn)->text().contains(QLatin1String("no contract")),
             qPrintable(table->item(0, ContractsPage::StatusColumn)->text()));
    QVERIFY2(table->item(1, ContractsPage::StatusColumn)->text().contains(QLatin1String("not an ERC-20")),
             qPrintable(table->item(1, ContractsPage::StatusColumn)->text()));
    const QString problems = shown(child<QLabel>("tokenProblems"));
    QVERIFY2(problems.contains(QLatin1String("no contract")) && problems.contains(QLatin1String("not an ERC-20")),
             qPrintable(problems));
    QVERIFY(!nextEnabled());
    screenshot(m_wizard.get(), QStringLiteral("wizard-4-contracts-problems"));

    // Removing both makes the page usable again.
    table->selectAll();
    QTest::mouseClick(child<QPushButton>("removeTokenButton"), Qt::LeftButton);
    QCOMPARE(table->rowCount(), 0);
    QTRY_VERIFY(nextEnabled());
    QVERIFY(shown(child<QLabel>("tokenProblems")).isEmpty());

    // Registries: each checked as typed.
    auto *identity = child<QLineEdit>("identityRegistryEdit");
    QTest::keyClicks(identity, QStringLiteral("0xnot-an-address"));
    QTRY_VERIFY(!shown(child<QLabel>("identityRegistryError")).isEmpty());
    QVERIFY(!nextEnabled());
    identity->clear();
    QTest::keyClicks(identity, QStringLiteral("0x0000000000000000000000000000000000000000"));
    QTRY_VERIFY(shown(child<QLabel>("identityRegistryError")).contains(QLatin1String("zero address")));
    QVERIFY(!nextEnabled());
    identity->clear();
    QTRY_VERIFY(nextEnabled());
}

void TstAddChainWizard::contractsPageOffersTheOfficialRegistries()
{
    ARBOR_REQUIRE_DEVNET();
    QString error;
    QVERIFY2(ensureDevnet(&error), qPrintable(error));
    Devnet baseSepolia;
    QVERIFY2(baseSepolia.start(&error, 84532), qPrintable(error));
    QVERIFY(probe(baseSepolia.rpcUrl().toString()));
    QVERIFY(clickNext());
    QTest::keyClicks(child<QLineEdit>("chainNameEdit"), QStringLiteral("base-sepolia"));
    QVERIFY(clickNext());
    QCOMPARE(m_wizard->currentId(), int(AddChainWizard::ContractsPageId));

    // Base Sepolia's chain id: the registries the ERC-8004 team lists for it are offered, with
    // where they come from; they are not filled in until asked for.
    auto *official = child<QPushButton>("officialRegistriesButton");
    auto *identity = child<QLineEdit>("identityRegistryEdit");
    auto *reputation = child<QLineEdit>("reputationRegistryEdit");
    auto *validation = child<QLineEdit>("validationRegistryEdit");
    QVERIFY(official && identity && reputation && validation);
    QVERIFY(official->isVisible() && official->isEnabled());
    QCOMPARE(official->text(), QStringLiteral("Use the &official ERC-8004 registries for Base Sepolia"));
    const QString note = shown(child<QLabel>("officialRegistriesNote"));
    QVERIFY2(note.contains(QLatin1String("chain 84532 (Base Sepolia)")) && note.contains(QLatin1String("github.com/erc-8004/erc-8004-contracts"))
                 && note.contains(QLatin1String("no validation registry")),
             qPrintable(note));
    QVERIFY(identity->text().isEmpty() && reputation->text().isEmpty());

    // A validation registry of the operator's own stays as typed: the list names none.
    const QString own = QStringLiteral("0x00000000000000000000000000000000000000aa");
    QTest::keyClicks(validation, own);
    QTest::mouseClick(official, Qt::LeftButton);
    QCOMPARE(identity->text(), QStringLiteral("0x8004A818BFB912233c491871b3d84c89A494BD9e"));
    QCOMPARE(reputation->text(), QStringLiteral("0x8004B663056A597Dffe9eCcC1965A193B7388713"));
    QCOMPARE(validation->text(), own);
    QTRY_VERIFY(!official->isEnabled());   // nothing left to fill in
    QVERIFY(nextEnabled());
    screenshot(m_wizard.get(), QStringLiteral("wizard-4-contracts-official"));
    const QList<RegistryKind> kinds{RegistryKind::Identity, RegistryKind::Reputation, RegistryKind::Validation};
    QList<RegistryKind> configured;
    for (const RegistryRef &r : m_wizard->config().registries)
        configured.append(r.kind);
    QCOMPARE(configured, kinds);
    QCOMPARE(m_wizard->config().registries.first().address.toChecksumHex(), identity->text());

    // Another chain after all, the devnet: Base Sepolia's registries go, the operator's stays.
    for (int page = AddChainWizard::ContractsPageId; page > AddChainWizard::RpcPageId; --page)
        QTest::mouseClick(m_wizard->button(QWizard::BackButton), Qt::LeftButton);
    QCOMPARE(m_wizard->currentId(), int(AddChainWizard::RpcPageId));
    auto *edit = child<QPlainTextEdit>("rpcUrlsEdit");
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Delete);
    QTest::keyClicks(edit, m_devnet->rpcUrl().toString());
    QVERIFY(clickNext());
    QTRY_VERIFY_WITH_TIMEOUT(nextEnabled(), EngineTimeoutMs);
    QVERIFY(clickNext());
    QVERIFY(clickNext());
    QCOMPARE(m_wizard->currentId(), int(AddChainWizard::ContractsPageId));
    QVERIFY(!official->isVisible());
    QVERIFY(identity->text().isEmpty() && reputation->text().isEmpty());
    QCOMPARE(validation->text(), own);
}

// --- review page --------------------------------------------------------------------------------

void TstAddChainWizard::createExplainsWhatTheEngineRefused()
{
    ARBOR_REQUIRE_DEVNET();
    QString error;
    Devnet seven;
    QVERIFY2(seven.start(&error, 7), qPrintable(error));
    QVERIFY(probe(seven.rpcUrl().toString()));
    QVERIFY(clickNext());
    QTest::keyClicks(child<QLineEdit>("chainNameEdit"), QStringLiteral("seven"));
    QVERIFY(clickNext());
    QVERIFY(clickNext());
    QCOMPARE(m_wizard->currentId(), int(AddChainWizard::ReviewPageId));

    // Between the probe and Create the node stops answering (its port accepts connections and
    // says nothing): ChainService::addChain probes again, times out and refuses.
    const quint16 port = quint16(seven.rpcUrl().port());
    seven.stop();
    QTcpServer silent;
    QVERIFY2(silent.listen(QHostAddress::LocalHost, port), qPrintable(silent.errorString()));
    QSignalSpy added(m_wizard.get(), &AddChainWizard::chainAdded);
    QAbstractButton *create = m_wizard->button(QWizard::FinishButton);
    QTest::mouseClick(create, Qt::LeftButton);
    QVERIFY(child<QProgressBar>("createBusy")->isVisible());
    QVERIFY(!m_wizard->button(QWizard::BackButton)->isEnabled());
    QVERIFY(!m_wizard->button(QWizard::CancelButton)->isEnabled());
    auto *createError = child<QLabel>("createError");
    QTRY_VERIFY_WITH_TIMEOUT(!shown(createError).isEmpty(), EngineTimeoutMs);
    QVERIFY2(shown(createError).contains(QLatin1String("Nothing was added")), qPrintable(shown(createError)));
    QVERIFY(!child<QProgressBar>("createBusy")->isVisible());
    QCOMPARE(added.count(), 0);
    QVERIFY(m_wizard->isVisible());
    QCOMPARE(m_wizard->currentId(), int(AddChainWizard::ReviewPageId));
    QVERIFY(create->isEnabled());   // Create can be tried again
    screenshot(m_wizard.get(), QStringLiteral("wizard-5-review-refused"));

    // Back works, and nothing was written.
    QVERIFY(m_wizard->button(QWizard::BackButton)->isEnabled());
    QTest::mouseClick(m_wizard->button(QWizard::BackButton), Qt::LeftButton);
    QCOMPARE(m_wizard->currentId(), int(AddChainWizard::ContractsPageId));
    const auto chains = waitFor(m_engine->chains()->list());
    QVERIFY2(chains, why(chains).constData());
    QVERIFY(chains->isEmpty());
}

// --- end to end ---------------------------------------------------------------------------------

void TstAddChainWizard::addsTheDevnetChainEndToEnd()
{
    ARBOR_REQUIRE_DEVNET();
    QString error;
    QVERIFY2(ensureDevnet(&error), qPrintable(error));

    // Probe: the chain id and the client as the node reports them.
    QVERIFY(probe(m_devnet->rpcUrl().toString()));
    auto *probeTable = child<QTableWidget>("probeTable");
    QCOMPARE(probeTable->item(0, ProbePage::ChainIdColumn)->text(), QStringLiteral("31337"));
    QVERIFY2(probeTable->item(0, ProbePage::ClientColumn)->text().startsWith(QLatin1String("anvil"), Qt::CaseInsensitive),
             qPrintable(probeTable->item(0, ProbePage::ClientColumn)->text()));
    QVERIFY(probeTable->item(0, ProbePage::LatencyColumn)->text().endsWith(QLatin1String(" ms")));
    // A live anvil keeps every state.
    QCOMPARE(probeTable->horizontalHeaderItem(ProbePage::HistoryColumn)->text(), QStringLiteral("State history"));
    QCOMPARE(probeTable->item(0, ProbePage::HistoryColumn)->text(), QStringLiteral("Archive (full history)"));
    QVERIFY(probeTable->item(0, ProbePage::HistoryColumn)->toolTip().contains(QLatin1String("old blocks")));
    screenshot(m_wizard.get(), QStringLiteral("wizard-2-probe"));
    QVERIFY(nextEnabled());
    QVERIFY(clickNext());

    // Chain: named, indexed from the tokens' deployment, polled often.
    QTest::keyClicks(child<QLineEdit>("chainNameEdit"), QStringLiteral("devnet"));
    choose(child<QRadioButton>("startDeploymentRadio"));
    QVERIFY(child<QRadioButton>("startDeploymentRadio")->isChecked());
    child<QSpinBox>("pollIntervalSpin")->setValue(200);
    // Block statistics: blocks with events unless chosen otherwise, with what each choice costs.
    QVERIFY(child<QRadioButton>("blockStatsEventsRadio")->isChecked());
    choose(child<QRadioButton>("startBlockRadio"));
    QTest::keyClicks(child<QLineEdit>("startBlockEdit"), QStringLiteral("0"));
    const QString cost = child<QLabel>("blockStatsCost")->text();
    QVERIFY2(cost.contains(QLatin1String("plus one per block with events")) && cost.contains(QLatin1String("for every block")), qPrintable(cost));
    child<QLineEdit>("startBlockEdit")->clear();
    choose(child<QRadioButton>("startDeploymentRadio"));
    choose(child<QRadioButton>("blockStatsEveryRadio"));
    screenshot(m_wizard.get(), QStringLiteral("wizard-3-chain"));
    QVERIFY(clickNext());

    // Contracts: both tokens read from the chain as they are added.
    auto *edit = child<QLineEdit>("tokenAddressEdit");
    auto *table = child<QTableWidget>("tokenTable");
    QVERIFY(!nextEnabled());   // the start block waits for a token
    QVERIFY(shown(child<QLabel>("startDeploymentMessage")).contains(QLatin1String("no token")));
    qint64 earliest = std::numeric_limits<qint64>::max();
    for (qsizetype i = 0; i < m_tokens.size(); ++i) {
        const QJsonObject info = m_tokenInfo.at(i).toObject();
        edit->setFocus();
        QTest::keyClicks(edit, m_tokens.at(i));
        QTest::mouseClick(child<QPushButton>("addTokenButton"), Qt::LeftButton);
        QCOMPARE(table->rowCount(), int(i + 1));
        QTRY_COMPARE_WITH_TIMEOUT(table->item(int(i), ContractsPage::SymbolColumn)->text(),
                                  info.value(QLatin1String("symbol")).toString(), EngineTimeoutMs);
        QCOMPARE(table->item(int(i), ContractsPage::NameColumn)->text(), info.value(QLatin1String("name")).toString());
        QCOMPARE(table->item(int(i), ContractsPage::DecimalsColumn)->text(),
                 QString::number(info.value(QLatin1String("decimals")).toInt()));
        const qint64 deployed = info.value(QLatin1String("deployBlock")).toInteger();
        QCOMPARE(table->item(int(i), ContractsPage::DeployColumn)->text(), QLocale().toString(deployed));
        earliest = std::min(earliest, deployed);
    }
    QVERIFY2(table->item(1, ContractsPage::DecimalsColumn)->text() == QLatin1String("6"), "the second token has 6 decimals");
    for (const char *kind : {"identity", "reputation", "validation"}) {
        auto *registry = m_wizard->findChild<QLineEdit *>(QLatin1String(kind) + QLatin1String("RegistryEdit"));
        QTest::keyClicks(registry, m_registries.value(QLatin1String(kind)).toString());
    }
    QTRY_VERIFY(nextEnabled());
    QVERIFY2(shown(child<QLabel>("startDeploymentMessage")).contains(QLocale().toString(earliest)),
             qPrintable(shown(child<QLabel>("startDeploymentMessage"))));
    screenshot(m_wizard.get(), QStringLiteral("wizard-4-contracts"));
    QVERIFY(clickNext());

    // Review: each token's balance mode, asked of the node without waiting for it. Indexing
    // starts at the earliest deployment, so no token has a Transfer before it: Transfers mode.
    auto *review = qobject_cast<ReviewPage *>(m_wizard->currentPage());
    auto *tokenView = child<QTableView>("reviewTokenTable");
    QVERIFY(review && tokenView);
    const QAbstractItemModel *modes = tokenView->model();
    QCOMPARE(modes->rowCount(), 2);
    QVERIFY(review->isCheckingModes());
    QCOMPARE(modes->index(0, TokenModel::BalanceModeColumn).data().toString(), QStringLiteral("Checking…"));
    QVERIFY(child<QLabel>("reviewModeStatus")->isVisible());
    QTRY_VERIFY_WITH_TIMEOUT(!review->isCheckingModes(), EngineTimeoutMs);
    QVERIFY2(shown(child<QLabel>("reviewModeError")).isEmpty(), qPrintable(shown(child<QLabel>("reviewModeError"))));
    QVERIFY(!child<QLabel>("reviewModeStatus")->isVisible());
    for (int row = 0; row < 2; ++row) {
        QCOMPARE(modes->index(row, TokenModel::BalanceModeColumn).data().toString(), QStringLiteral("Transfers"));
        QVERIFY2(!modes->index(row, TokenModel::ReasonColumn).data().toString().isEmpty(), "no reason for the mode");
    }
    // Back and forth: asked again, and only the latest answer counts.
    QTest::mouseClick(m_wizard->button(QWizard::BackButton), Qt::LeftButton);
    QVERIFY(!review->isCheckingModes());
    QVERIFY(clickNext());
    QVERIFY(review->isCheckingModes());
    QTest::mouseClick(m_wizard->button(QWizard::BackButton), Qt::LeftButton);
    QVERIFY(clickNext());
    QCOMPARE(modes->index(1, TokenModel::BalanceModeColumn).data().toString(), QStringLiteral("Checking…"));
    QTRY_VERIFY_WITH_TIMEOUT(!review->isCheckingModes(), EngineTimeoutMs);
    QCOMPARE(modes->index(1, TokenModel::BalanceModeColumn).data().toString(), QStringLiteral("Transfers"));
    screenshot(m_wizard.get(), QStringLiteral("wizard-5-review"));

    // Review: everything entered, in words.
    const QString summary = child<QLabel>("reviewSummary")->text();
    QVERIFY(summary.contains(QLatin1String("devnet")));
    QVERIFY(summary.contains(QLatin1String("31337")));
    QVERIFY(summary.contains(m_devnet->rpcUrl().toDisplayString()));
    for (const QJsonValue &t : std::as_const(m_tokenInfo))
        QVERIFY(summary.contains(t.toObject().value(QLatin1String("symbol")).toString()));
    QVERIFY(summary.contains(QLatin1String("earliest token deployment")));
    QVERIFY(summary.contains(QLatin1String("Identity")) && summary.contains(QLatin1String("Validation")));
    QVERIFY2(summary.contains(QLatin1String("every block")) && summary.contains(QLatin1String("to reach the head")), qPrintable(summary));
    QVERIFY2(!summary.contains(QLatin1String("sampled")), qPrintable(summary));

    // Blocks with events instead: the review samples how many blocks of the range hold the
    // tokens' and registries' events (all of them on a chain this short) and counts a header for
    // each, instead of "plus one per block with events".
    // Back to the chain page for the other statistics choice, and on to the review again.
    const auto reviewWith = [this](const char *statsRadio) {
        QTest::mouseClick(m_wizard->button(QWizard::BackButton), Qt::LeftButton);
        QTest::mouseClick(m_wizard->button(QWizard::BackButton), Qt::LeftButton);
        choose(child<QRadioButton>(statsRadio));
        return clickNext() && clickNext();
    };
    QVERIFY(reviewWith("blockStatsEventsRadio"));
    QTRY_VERIFY_WITH_TIMEOUT(!review->isSamplingEvents(), EngineTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(!review->isCheckingModes(), EngineTimeoutMs);
    const QString sampled = child<QLabel>("reviewSummary")->text();
    const std::optional<qint64> probedHead = m_wizard->probedHead();
    QVERIFY(probedHead);
    const qint64 range = *probedHead - earliest + 1;
    QVERIFY2(sampled.contains(QStringLiteral(" of the %1 blocks sampled").arg(QLocale().toString(range))), qPrintable(sampled));
    QVERIFY2(!sampled.contains(QLatin1String("plus one per block with events")), qPrintable(sampled));
    // At least the blocks that deployed and minted the tokens hold events; not every block does.
    const QRegularExpressionMatch found = QRegularExpression(QStringLiteral("events in ([0-9,]+) of the")).match(sampled);
    QVERIFY2(found.hasMatch(), qPrintable(sampled));
    const qint64 withEvents = QLocale().toLongLong(found.captured(1));
    QVERIFY2(withEvents >= 1 && withEvents <= range, qPrintable(sampled));
    QVERIFY(review->sampledEvents());
    QCOMPARE(review->sampledEvents()->blocksWithEvents, withEvents);
    const CallEstimate estimate = estimateIndexingCalls(range, BlockStats::Events, withEvents, 0, review->sampledEvents()->logsPerBlock());
    QVERIFY2(sampled.contains(QStringLiteral("about %1 calls").arg(QLocale().toString(estimate.knownCalls()))), qPrintable(sampled));
    screenshot(m_wizard.get(), QStringLiteral("wizard-5-review-events"));
    QVERIFY(reviewWith("blockStatsEveryRadio"));
    QTRY_VERIFY_WITH_TIMEOUT(!review->isCheckingModes(), EngineTimeoutMs);
    QVERIFY(!review->isSamplingEvents());

    // Create.
    QSignalSpy added(m_wizard.get(), &AddChainWizard::chainAdded);
    QSignalSpy finished(m_wizard.get(), &QDialog::finished);
    QAbstractButton *create = m_wizard->button(QWizard::FinishButton);
    QVERIFY(create->isVisible() && create->isEnabled());
    QCOMPARE(create->text(), QStringLiteral("&Create Chain"));
    QTest::mouseClick(create, Qt::LeftButton);
    QVERIFY(child<QProgressBar>("createBusy")->isVisible());
    QVERIFY(child<QLabel>("createStatus")->isVisible());
    QVERIFY(!create->isEnabled());
    screenshot(m_wizard.get(), QStringLiteral("wizard-6-creating"));
    QTRY_COMPARE_WITH_TIMEOUT(added.count(), 1, EngineTimeoutMs);
    QVERIFY2(shown(child<QLabel>("createError")).isEmpty(), qPrintable(shown(child<QLabel>("createError"))));
    QCOMPARE(finished.count(), 1);
    QCOMPARE(m_wizard->result(), int(QDialog::Accepted));
    QVERIFY(!m_wizard->isVisible());

    const auto record = added.first().first().value<ChainRecord>();
    QCOMPARE(record.config.chainId, qint64(31337));
    QCOMPARE(record.config.name, QStringLiteral("devnet"));
    QCOMPARE(record.config.startBlock, std::optional<qint64>(earliest));
    QCOMPARE(record.config.tokens.size(), 2);
    QCOMPARE(record.config.registries.size(), 3);
    QCOMPARE(record.config.blockStats, BlockStats::Every);
    // The modes the chain got are what the review shows.
    QCOMPARE(review->tokenModel()->tokens(), record.tokens);
    for (const TokenInfo &t : record.tokens) {
        QCOMPARE(t.balanceMode, std::optional<BalanceMode>(BalanceMode::Transfers));
        QVERIFY(!t.balanceModeReason.isEmpty());
    }

    // Indexing follows: the checkpoint reaches the devnet's head.
    const auto head = m_devnet->rpc(QStringLiteral("eth_blockNumber"), {}, &error);
    QVERIFY2(head, qPrintable(error));
    const qint64 headBlock = head->toString().toLongLong(nullptr, 16);
    auto indexedTo = [this] {
        for (const ChainStatus &s : m_engine->indexing()->chainStatuses()) {
            if (s.chainId == 31337)
                return s.indexed.value_or(-1);
        }
        return qint64(-1);
    };
    QTRY_VERIFY2_WITH_TIMEOUT(indexedTo() >= headBlock, qPrintable(QStringLiteral("indexed to %1 of %2").arg(indexedTo()).arg(headBlock)),
                              120000);

    // The token metadata is stored as the wizard showed it.
    const auto chains = waitFor(m_engine->chains()->list());
    QVERIFY2(chains, why(chains).constData());
    QCOMPARE(chains->size(), 1);
    const ChainRecord &stored = chains->first();
    QCOMPARE(stored.tokens.size(), 2);
    for (qsizetype i = 0; i < stored.tokens.size(); ++i) {
        const QJsonObject info = m_tokenInfo.at(i).toObject();
        QCOMPARE(stored.tokens.at(i).address.toHex(), m_tokens.at(i));
        QCOMPARE(stored.tokens.at(i).symbol, info.value(QLatin1String("symbol")).toString());
        QCOMPARE(stored.tokens.at(i).decimals, std::optional<int>(info.value(QLatin1String("decimals")).toInt()));
        QCOMPARE(stored.tokens.at(i).deployBlock, std::optional<qint64>(info.value(QLatin1String("deployBlock")).toInteger()));
    }
    QVERIFY(stored.checkpointBlock && *stored.checkpointBlock >= headBlock);

    // A second wizard now explains that the chain exists.
    QVERIFY(probe(m_devnet->rpcUrl().toString()));
    QVERIFY2(shown(child<QLabel>("probeSummary")).contains(QLatin1String("already added")),
             qPrintable(shown(child<QLabel>("probeSummary"))));
    QVERIFY(!nextEnabled());
}

} // namespace tst_addchainwizard

ARBOR_TEST_MAIN(addchainwizard, tst_addchainwizard::TstAddChainWizard)
#include "tst_addchainwizard.moc"
