// Edit Chain… driven offscreen against a real Engine on a temporary SQLite file, with fake
// JSON-RPC nodes standing in for the chain's endpoints and for a node of another chain.

#include "consoleactions.h"
#include "dialogs/editchaindialog.h"
#include "engine/balanceservice.h"
#include "engine/chainservice.h"
#include "engine/engine.h"
#include "fakenode.h"
#include "mainwindow.h"
#include "model/entitydef.h"
#include "pages/chaindetailpage.h"
#include "store/chainregistry.h"
#include "store/store.h"
#include "testmain.h"
#include "testresults.h"
#include "uifixture.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenuBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTableWidget>
#include <QTest>

#include <memory>

using namespace arbor;
using arbor::test::UiFixture;
using arbor::test::waitFor;
using arbor::test::why;
using arbor::ui::EditChainDialog;

namespace tst_editchaindialog {

namespace {

constexpr qint64 ChainId = 4242;
constexpr qint64 OtherId = 4343;

Address tokenAddress()
{
    QByteArray bytes(20, '\0');
    bytes[0] = char(0xa1);
    bytes[19] = 1;
    return *Address::fromBytes(bytes);
}

/// A node that says it serves `chainId`.
std::unique_ptr<FakeNode> nodeOf(qint64 chainId)
{
    auto node = std::make_unique<FakeNode>();
    node->answers.insert(QStringLiteral("eth_chainId"), [chainId](const QJsonArray &) {
        return FakeNode::Answer(QString(QStringLiteral("0x") + QString::number(chainId, 16)));
    });
    node->answers.insert(QStringLiteral("web3_clientVersion"), [](const QJsonArray &) { return FakeNode::Answer(QStringLiteral("fakenode/1.0")); });
    node->answers.insert(QStringLiteral("eth_getBalance"), [](const QJsonArray &) { return FakeNode::Answer(QStringLiteral("0x0")); });
    // Every address is an ERC-20 "New Token" (NEW, 9 decimals) with code from block 0 and no
    // Transfer logged: what ChainService::probeTokens and addToken read.
    node->answers.insert(QStringLiteral("eth_call"), [](const QJsonArray &params) {
        const QString data = params.at(0).toObject().value(QStringLiteral("data")).toString();
        auto word = [](qint64 v) { return QStringLiteral("%1").arg(v, 64, 16, QLatin1Char('0')); };
        auto text = [&](const QByteArray &utf8) -> QString {
            return QStringLiteral("0x") + word(32) + word(utf8.size()) + QString::fromLatin1(utf8.toHex()).leftJustified(64, QLatin1Char('0'));
        };
        if (data == u"0x06fdde03")
            return FakeNode::Answer(text("New Token"));
        if (data == u"0x95d89b41")
            return FakeNode::Answer(text("NEW"));
        if (data == u"0x313ce567")
            return FakeNode::Answer(QString(QStringLiteral("0x") + word(9)));
        return FakeNode::Answer::error(-32000, QStringLiteral("execution reverted"));
    });
    node->answers.insert(QStringLiteral("eth_getCode"), [](const QJsonArray &) { return FakeNode::Answer(QStringLiteral("0x6000")); });
    node->answers.insert(QStringLiteral("eth_getLogs"), [](const QJsonArray &) { return FakeNode::Answer(QJsonArray()); });
    node->head = 100;
    return node;
}

/// With ARBOR_SCREENSHOT_DIR set, saves what the widget shows, for review.
void screenshot(QWidget *widget, const char *name)
{
    const QString dir = qEnvironmentVariable("ARBOR_SCREENSHOT_DIR");
    if (!dir.isEmpty())
        widget->grab().save(dir + QLatin1Char('/') + QLatin1String(name) + QLatin1String(".png"));
}

QString visibleText(const QWidget *root, const char *name)
{
    const auto *label = root->findChild<QLabel *>(QLatin1String(name));
    return label && label->isVisible() ? label->text() : QString();
}

} // namespace

class TstEditChainDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();

    void savesNameAndSettingsAsOneEdit();
    void showsProblemsUnderTheirField();
    void probesAnAddedUrlAndRefusesAnotherChain();
    void removesUrlsButNeverTheLast();
    void reordersUrlsWhenSaved();
    void setsATokensBalanceMode();
    void addsATokenOnlyWhenSaved();
    void keepsItsSizeWhileMessagesShow();
    void addsARegistryWhenSaved();
    void isReachableFromTheChainMenuAndPage();

private:
    ChainRecord chain(qint64 id);
    std::unique_ptr<EditChainDialog> openDialog();

    UiFixture m_home;
    std::unique_ptr<FakeNode> m_node;
    std::unique_ptr<FakeNode> m_secondNode;
    std::unique_ptr<FakeNode> m_otherChainNode;
    std::unique_ptr<Engine> m_engine;
};

void TstEditChainDialog::initTestCase()
{
    QVERIFY(m_home.isValid());
    m_home.setUp();
    m_node = nodeOf(ChainId);
    m_secondNode = nodeOf(ChainId);
    m_otherChainNode = nodeOf(9999);
    for (FakeNode *node : {m_node.get(), m_secondNode.get(), m_otherChainNode.get()})
        QVERIFY(node->listen());

    auto url = m_home.databaseUrl();
    QVERIFY2(url, why(url).constData());
    auto started = UiFixture::startEngine(UiFixture::engineOptions(*url));
    QVERIFY2(started.second, why(started.second).constData());
    m_engine = std::move(started.first);

    auto store = Store::open(*url);
    QVERIFY2(store, why(store).constData());
    TokenInfo token;
    token.address = tokenAddress();
    token.symbol = QStringLiteral("TST");
    token.decimals = 6;
    token.deployBlock = 0;
    token.balanceMode = BalanceMode::Transfers;
    for (const auto &[id, name] : {std::pair{ChainId, QStringLiteral("devnet")}, std::pair{OtherId, QStringLiteral("other")}}) {
        ChainConfig c;
        c.chainId = id;
        c.name = name;
        c.rpcUrls = {m_node->url()};
        c.startBlock = 0;
        c.tokens = {token.address};
        EndpointRecord e;
        e.url = m_node->url();
        e.status = EndpointStatus::Ok;
        const Status s = ChainRegistry(**store).registerChain(c, {e}, evmEntities(), {token});
        QVERIFY2(s, why(s).constData());
    }
    m_engine->chains()->refreshSnapshot();
    QTRY_COMPARE_WITH_TIMEOUT(m_engine->chains()->snapshot().size(), 2, 10000);
}

void TstEditChainDialog::cleanup()
{
    // Every test starts from the chain as registered: one URL, no limit, default settings.
    const ChainRecord c = chain(ChainId);
    ChainEdit back;
    if (c.config.name != u"devnet")
        back.name = QStringLiteral("devnet");
    if (c.config.rpcUrls != QList<QUrl>{m_node->url()}) {
        back.removeRpcUrls = c.config.rpcUrls;
        back.removeRpcUrls.removeAll(m_node->url());
        if (!c.config.rpcUrls.contains(m_node->url()))
            back.addRpcUrls = {m_node->url()};
    }
    if (!back.isEmpty()) {
        const auto restored = waitFor(m_engine->chains()->editChain(ChainRef{ChainId, {}}, back));
        QVERIFY2(restored, why(restored).constData());
    }
}

ChainRecord TstEditChainDialog::chain(qint64 id)
{
    const auto all = waitFor(m_engine->chains()->list());
    if (all) {
        for (const ChainRecord &c : *all) {
            if (c.config.chainId == id)
                return c;
        }
    }
    return {};
}

std::unique_ptr<EditChainDialog> TstEditChainDialog::openDialog()
{
    auto dialog = std::make_unique<EditChainDialog>(m_engine.get()->chains(), m_engine.get()->balances(), chain(ChainId));
    dialog->show();
    return dialog;
}

void TstEditChainDialog::savesNameAndSettingsAsOneEdit()
{
    auto dialog = openDialog();
    auto *save = dialog->findChild<QPushButton *>(QStringLiteral("saveChainButton"));
    QVERIFY(save);
    QVERIFY2(!save->isEnabled(), "nothing changed yet");

    dialog->findChild<QLineEdit *>(QStringLiteral("chainNameEdit"))->setText(QStringLiteral("local devnet"));
    dialog->findChild<QSpinBox *>(QStringLiteral("pollIntervalSpin"))->setValue(5000);
    dialog->findChild<QSpinBox *>(QStringLiteral("confirmationsSpin"))->setValue(3);
    dialog->findChild<QSpinBox *>(QStringLiteral("rpcRateSpin"))->setValue(25);
    auto *stats = dialog->findChild<QComboBox *>(QStringLiteral("blockStatsCombo"));
    QVERIFY(stats);
    QCOMPARE(stats->currentText(), QStringLiteral("Blocks with events (fewest calls)"));
    stats->setCurrentIndex(1);
    QVERIFY(save->isEnabled());
    QSignalSpy edited(dialog.get(), &EditChainDialog::chainEdited);
    QSignalSpy changed(m_engine.get()->chains(), &ChainService::chainsChanged);
    QTest::mouseClick(save, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(edited.count(), 1, 10000);
    QCOMPARE(dialog->result(), int(QDialog::Accepted));

    const ChainRecord after = chain(ChainId);
    QCOMPARE(after.config.name, QStringLiteral("local devnet"));
    QCOMPARE(after.config.pollIntervalMs, 5000);
    QCOMPARE(after.config.confirmations, 3);
    QCOMPARE(after.endpoints.first().maxRequestsPerSecond, 25.0);
    QCOMPARE(after.config.blockStats, BlockStats::Every);
    // The console's list hears of it.
    QTRY_VERIFY_WITH_TIMEOUT(!changed.isEmpty(), 10000);
}

void TstEditChainDialog::showsProblemsUnderTheirField()
{
    auto dialog = openDialog();
    auto *save = dialog->findChild<QPushButton *>(QStringLiteral("saveChainButton"));
    auto *name = dialog->findChild<QLineEdit *>(QStringLiteral("chainNameEdit"));
    auto *poll = dialog->findChild<QSpinBox *>(QStringLiteral("pollIntervalSpin"));

    name->setText(QStringLiteral("12345"));
    QVERIFY2(visibleText(dialog.get(), "chainNameMessage").contains(QLatin1String("digits")), qPrintable(visibleText(dialog.get(), "chainNameMessage")));
    QVERIFY(!save->isEnabled());
    screenshot(dialog.get(), "edit-chain-name-error");
    name->setText(QStringLiteral("devnet"));
    QVERIFY(visibleText(dialog.get(), "chainNameMessage").isEmpty());

    poll->setValue(50);
    QVERIFY2(visibleText(dialog.get(), "pollIntervalMessage").contains(QLatin1String("100 ms")), qPrintable(visibleText(dialog.get(), "pollIntervalMessage")));
    QVERIFY(!save->isEnabled());
    poll->setValue(2000);

    // A rule only the database knows: the name is another chain's. Said under the name, and the
    // dialog stays open with nothing changed.
    name->setText(QStringLiteral("other"));
    QVERIFY(save->isEnabled());
    QTest::mouseClick(save, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(visibleText(dialog.get(), "chainNameMessage").contains(QLatin1String("already used by chain 4343")), 10000);
    QVERIFY(dialog->isVisible());
    QCOMPARE(chain(ChainId).config.name, QStringLiteral("devnet"));
}

void TstEditChainDialog::probesAnAddedUrlAndRefusesAnotherChain()
{
    auto dialog = openDialog();
    auto *urls = dialog->findChild<QListWidget *>(QStringLiteral("rpcUrlList"));
    auto *newUrl = dialog->findChild<QLineEdit *>(QStringLiteral("newRpcEdit"));
    auto *add = dialog->findChild<QPushButton *>(QStringLiteral("addRpcButton"));
    auto *save = dialog->findChild<QPushButton *>(QStringLiteral("saveChainButton"));
    QCOMPARE(urls->count(), 1);

    newUrl->setText(QStringLiteral("127.0.0.1:8545"));
    QTest::mouseClick(add, Qt::LeftButton);
    QVERIFY(visibleText(dialog.get(), "rpcMessage").contains(QLatin1String("no scheme")));

    newUrl->setText(m_otherChainNode->url().toString());
    QTest::mouseClick(add, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(visibleText(dialog.get(), "rpcMessage").contains(QLatin1String("serves chain id 9999, not 4242")), 15000);
    QCOMPARE(urls->count(), 1);
    QVERIFY(!save->isEnabled());

    newUrl->setText(m_secondNode->url().toString());
    QTest::mouseClick(add, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(urls->count(), 2, 15000);
    const QString shown = visibleText(dialog.get(), "rpcMessage");
    QVERIFY2(shown.contains(QLatin1String("chain 4242, head 100")) && shown.contains(QLatin1String("fakenode/1.0")), qPrintable(shown));
    QVERIFY(urls->item(1)->text().contains(QLatin1String("new:")));
    QVERIFY(save->isEnabled());
    screenshot(dialog.get(), "edit-chain-url-added");

    QSignalSpy edited(dialog.get(), &EditChainDialog::chainEdited);
    QTest::mouseClick(save, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(edited.count(), 1, 15000);
    const ChainRecord after = chain(ChainId);
    QCOMPARE(after.config.rpcUrls, (QList<QUrl>{m_node->url(), m_secondNode->url()}));
    QCOMPARE(after.endpoints.at(1).clientVersion, QStringLiteral("fakenode/1.0"));
}

void TstEditChainDialog::removesUrlsButNeverTheLast()
{
    ChainEdit second;
    second.addRpcUrls = {m_secondNode->url()};
    const auto prepared = waitFor(m_engine->chains()->editChain(ChainRef{ChainId, {}}, second));
    QVERIFY2(prepared, why(prepared).constData());

    auto dialog = openDialog();
    auto *urls = dialog->findChild<QListWidget *>(QStringLiteral("rpcUrlList"));
    auto *remove = dialog->findChild<QPushButton *>(QStringLiteral("removeRpcButton"));
    auto *save = dialog->findChild<QPushButton *>(QStringLiteral("saveChainButton"));
    QCOMPARE(urls->count(), 2);
    QVERIFY2(!remove->isEnabled(), "nothing selected");
    urls->setCurrentRow(0);
    QVERIFY(remove->isEnabled());
    QTest::mouseClick(remove, Qt::LeftButton);
    QCOMPARE(urls->count(), 1);
    QVERIFY(visibleText(dialog.get(), "rpcMessage").contains(QLatin1String("removed when you save")));

    // The last one stays: the button says why instead.
    urls->setCurrentRow(0);
    QVERIFY(!remove->isEnabled());
    QVERIFY(remove->toolTip().contains(QLatin1String("at least one RPC URL")));

    QSignalSpy edited(dialog.get(), &EditChainDialog::chainEdited);
    QTest::mouseClick(save, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(edited.count(), 1, 10000);
    QCOMPARE(chain(ChainId).config.rpcUrls, QList<QUrl>{m_secondNode->url()});
}

void TstEditChainDialog::reordersUrlsWhenSaved()
{
    // Two URLs on the chain first.
    ChainEdit two;
    two.addRpcUrls = {m_secondNode->url()};
    const auto added = waitFor(m_engine->chains()->editChain(ChainRef{ChainId, {}}, two));
    QVERIFY2(added, why(added).constData());
    QCOMPARE(chain(ChainId).config.rpcUrls, (QList<QUrl>{m_node->url(), m_secondNode->url()}));

    auto dialog = openDialog();
    auto *urls = dialog->findChild<QListWidget *>(QStringLiteral("rpcUrlList"));
    auto *up = dialog->findChild<QPushButton *>(QStringLiteral("moveRpcUpButton"));
    auto *down = dialog->findChild<QPushButton *>(QStringLiteral("moveRpcDownButton"));
    auto *save = dialog->findChild<QPushButton *>(QStringLiteral("saveChainButton"));
    QVERIFY(urls && up && down && save);
    QVERIFY2(!up->isEnabled() && !down->isEnabled(), "nothing selected");
    urls->setCurrentRow(0);
    QVERIFY(!up->isEnabled());
    QVERIFY(down->isEnabled());
    urls->setCurrentRow(1);
    QVERIFY(up->isEnabled());
    QVERIFY(!down->isEnabled());
    QTest::mouseClick(up, Qt::LeftButton);
    QCOMPARE(urls->item(0)->data(Qt::UserRole).toUrl(), m_secondNode->url());
    QVERIFY(visibleText(dialog.get(), "rpcMessage").contains(QLatin1String("tried first")));
    QCOMPARE(dialog->edit().rpcUrlOrder, (QList<QUrl>{m_secondNode->url(), m_node->url()}));
    QVERIFY(save->isEnabled());
    // Back again: nothing to save.
    QTest::mouseClick(down, Qt::LeftButton);
    QVERIFY(dialog->edit().isEmpty());
    QVERIFY(!save->isEnabled());
    urls->setCurrentRow(1);
    QTest::mouseClick(up, Qt::LeftButton);
    QTest::qWait(200);
    QCOMPARE(chain(ChainId).config.rpcUrls.first(), m_node->url());   // not before Save

    QSignalSpy edited(dialog.get(), &EditChainDialog::chainEdited);
    QTest::mouseClick(save, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(edited.count(), 1, 10000);
    QCOMPARE(chain(ChainId).config.rpcUrls, (QList<QUrl>{m_secondNode->url(), m_node->url()}));
    QCOMPARE(chain(ChainId).endpoints.first().url, m_secondNode->url());
}

void TstEditChainDialog::setsATokensBalanceMode()
{
    auto dialog = openDialog();
    auto *tokens = dialog->findChild<QTableWidget *>(QStringLiteral("tokenTable"));
    auto *save = dialog->findChild<QPushButton *>(QStringLiteral("saveChainButton"));
    QCOMPARE(tokens->rowCount(), 1);
    QVERIFY(tokens->item(0, 0)->text().contains(QLatin1String("TST")));
    auto *mode = qobject_cast<QComboBox *>(tokens->cellWidget(0, 1));
    QVERIFY(mode);
    QCOMPARE(BalanceMode(mode->currentData().toInt()), BalanceMode::Transfers);
    QVERIFY(!save->isEnabled());

    // Chosen here, set by Save: until then the chain keeps its mode.
    mode->setCurrentIndex(mode->findData(int(BalanceMode::BalanceOf)));
    Q_EMIT mode->activated(mode->currentIndex());
    QVERIFY(visibleText(dialog.get(), "tokenMessage").contains(QLatin1String("when you save")));
    QVERIFY(save->isEnabled());
    QTest::qWait(300);
    QCOMPARE(chain(ChainId).tokens.first().balanceMode, std::optional<BalanceMode>(BalanceMode::Transfers));
    // Back to the stored mode: nothing to save.
    mode->setCurrentIndex(mode->findData(int(BalanceMode::Transfers)));
    Q_EMIT mode->activated(mode->currentIndex());
    QVERIFY(!save->isEnabled());
    mode->setCurrentIndex(mode->findData(int(BalanceMode::BalanceOf)));
    Q_EMIT mode->activated(mode->currentIndex());

    QSignalSpy edited(dialog.get(), &EditChainDialog::chainEdited);
    QTest::mouseClick(save, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(edited.count(), 1, 10000);
    QCOMPARE(chain(ChainId).tokens.first().balanceMode, std::optional<BalanceMode>(BalanceMode::BalanceOf));
    QVERIFY(waitFor(m_engine->balances()->setBalanceMode(ChainRef{ChainId, {}}, tokenAddress(), BalanceMode::Transfers)));

    // A malformed token address is said under the token field; nothing is asked of the engine.
    auto again = openDialog();
    tokens = again->findChild<QTableWidget *>(QStringLiteral("tokenTable"));
    again->findChild<QLineEdit *>(QStringLiteral("newTokenEdit"))->setText(QStringLiteral("0x12"));
    QTest::mouseClick(again->findChild<QPushButton *>(QStringLiteral("addTokenButton")), Qt::LeftButton);
    QVERIFY(!visibleText(again.get(), "tokenMessage").isEmpty());
    QCOMPARE(tokens->rowCount(), 1);
    // The chain's own token again: said, not added twice.
    again->findChild<QLineEdit *>(QStringLiteral("newTokenEdit"))->setText(tokenAddress().toHex());
    QTest::mouseClick(again->findChild<QPushButton *>(QStringLiteral("addTokenButton")), Qt::LeftButton);
    QVERIFY(visibleText(again.get(), "tokenMessage").contains(QLatin1String("already in the list")));
    QCOMPARE(tokens->rowCount(), 1);
}

void TstEditChainDialog::addsATokenOnlyWhenSaved()
{
    const QString newToken = QStringLiteral("0x00000000000000000000000000000000000000cc");
    auto addIn = [&](EditChainDialog *dialog) {
        dialog->findChild<QLineEdit *>(QStringLiteral("newTokenEdit"))->setText(newToken);
        QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("addTokenButton")), Qt::LeftButton);
    };

    // Read from the chain and shown as new; Cancel: the chain never had it.
    {
        auto dialog = openDialog();
        auto *tokens = dialog->findChild<QTableWidget *>(QStringLiteral("tokenTable"));
        addIn(dialog.get());
        QTRY_COMPARE_WITH_TIMEOUT(tokens->rowCount(), 2, 10000);
        QVERIFY2(tokens->item(1, 0)->text().contains(QLatin1String("NEW")), qPrintable(tokens->item(1, 0)->text()));
        QVERIFY(tokens->item(1, 0)->text().contains(QLatin1String("added when you save")));
        QVERIFY(visibleText(dialog.get(), "tokenMessage").contains(QLatin1String("9 decimals")));
        QVERIFY(dialog->findChild<QPushButton *>(QStringLiteral("saveChainButton"))->isEnabled());
        QTest::qWait(300);
        QCOMPARE(chain(ChainId).tokens.size(), 1);
        dialog->reject();
    }
    QCOMPARE(chain(ChainId).tokens.size(), 1);

    // Saved with a renamed chain: the edit, then the token.
    auto dialog = openDialog();
    auto *tokens = dialog->findChild<QTableWidget *>(QStringLiteral("tokenTable"));
    dialog->findChild<QLineEdit *>(QStringLiteral("chainNameEdit"))->setText(QStringLiteral("devnet with NEW"));
    addIn(dialog.get());
    QTRY_COMPARE_WITH_TIMEOUT(tokens->rowCount(), 2, 10000);
    QSignalSpy edited(dialog.get(), &EditChainDialog::chainEdited);
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("saveChainButton")), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(edited.count(), 1, 20000);
    const ChainRecord saved = chain(ChainId);
    QCOMPARE(saved.config.name, QStringLiteral("devnet with NEW"));
    QCOMPARE(saved.tokens.size(), 2);
    const auto added = std::find_if(saved.tokens.cbegin(), saved.tokens.cend(), [&](const TokenInfo &t) { return t.address.toHex() == newToken; });
    QVERIFY(added != saved.tokens.cend());
    QCOMPARE(added->symbol, QStringLiteral("NEW"));
    QCOMPARE(added->decimals, std::optional<int>(9));
}

void TstEditChainDialog::keepsItsSizeWhileMessagesShow()
{
    auto dialog = openDialog();
    QVERIFY(QTest::qWaitForWindowExposed(dialog.get()));
    auto *save = dialog->findChild<QPushButton *>(QStringLiteral("saveChainButton"));
    QApplication::processEvents();
    const QSize size = dialog->size();
    const QPoint savePos = save->mapTo(dialog.get(), QPoint());

    // Four messages at once: a name too long, a malformed registry, a malformed token, a URL removal's note.
    dialog->findChild<QLineEdit *>(QStringLiteral("chainNameEdit"))->setText(QString(200, u'x'));
    dialog->findChild<QLineEdit *>(QStringLiteral("registryAddressEdit"))->setText(QStringLiteral("0x12"));
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("addRegistryButton")), Qt::LeftButton);
    dialog->findChild<QLineEdit *>(QStringLiteral("newTokenEdit"))->setText(QStringLiteral("0x12"));
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("addTokenButton")), Qt::LeftButton);
    QVERIFY(!visibleText(dialog.get(), "chainNameMessage").isEmpty());
    QVERIFY(!visibleText(dialog.get(), "registryMessage").isEmpty());
    QVERIFY(!visibleText(dialog.get(), "tokenMessage").isEmpty());
    QApplication::processEvents();
    QTest::qWait(100);
    QCOMPARE(dialog->size(), size);
    QCOMPARE(save->mapTo(dialog.get(), QPoint()), savePos);
}

void TstEditChainDialog::addsARegistryWhenSaved()
{
    auto dialog = openDialog();
    auto *kind = dialog->findChild<QComboBox *>(QStringLiteral("registryKindCombo"));
    auto *address = dialog->findChild<QLineEdit *>(QStringLiteral("registryAddressEdit"));
    auto *add = dialog->findChild<QPushButton *>(QStringLiteral("addRegistryButton"));
    auto *list = dialog->findChild<QListWidget *>(QStringLiteral("registryList"));
    auto *save = dialog->findChild<QPushButton *>(QStringLiteral("saveChainButton"));
    QCOMPARE(kind->count(), 3);
    QCOMPARE(list->count(), 0);

    address->setText(QStringLiteral("0x1234"));
    QTest::mouseClick(add, Qt::LeftButton);
    QVERIFY(!visibleText(dialog.get(), "registryMessage").isEmpty());
    QCOMPARE(list->count(), 0);
    QVERIFY(!save->isEnabled());

    kind->setCurrentIndex(kind->findData(int(RegistryKind::Reputation)));
    address->setText(QStringLiteral("0x00000000000000000000000000000000000000aa"));
    QTest::mouseClick(add, Qt::LeftButton);
    QCOMPARE(list->count(), 1);
    QVERIFY(list->item(0)->text().contains(QLatin1String("Reputation")));
    QVERIFY(list->item(0)->text().contains(QLatin1String("new:")));
    QCOMPARE(kind->findData(int(RegistryKind::Reputation)), -1);   // one registry of a kind
    QVERIFY(save->isEnabled());

    QSignalSpy edited(dialog.get(), &EditChainDialog::chainEdited);
    QTest::mouseClick(save, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(edited.count(), 1, 10000);
    const QList<RegistryRef> registries = chain(ChainId).config.registries;
    QCOMPARE(registries.size(), 1);
    QCOMPARE(registries.first().kind, RegistryKind::Reputation);
    QCOMPARE(registries.first().address.toHex(), QStringLiteral("0x00000000000000000000000000000000000000aa"));
}

void TstEditChainDialog::isReachableFromTheChainMenuAndPage()
{
    arbor::ui::MainWindow window(m_engine.get());
    window.show();
    auto *table = window.findChild<QTableView *>(QStringLiteral("chainTable"));
    QVERIFY(table);
    QTRY_VERIFY_WITH_TIMEOUT(table->model()->rowCount() == 2, 10000);

    auto *edit = window.findChild<QAction *>(QStringLiteral("editChainAction"));
    QVERIFY(edit);
    QVERIFY2(!edit->isEnabled(), "no chain selected");
    QVERIFY(table->actions().contains(edit));
    bool inChainMenu = false;
    for (QAction *menu : window.menuBar()->actions()) {
        if (menu->menu() && menu->menu()->actions().contains(edit))
            inChainMenu = true;
    }
    QVERIFY(inChainMenu);

    table->selectRow(0);
    QTRY_VERIFY(edit->isEnabled());
    edit->trigger();
    EditChainDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = window.findChild<EditChainDialog *>()) != nullptr);
    QVERIFY(dialog->isVisible());
    dialog->reject();
    QTRY_VERIFY(!window.findChild<EditChainDialog *>());
    // One chain at a time: with two selected, Edit… waits.
    table->selectAll();
    QTRY_VERIFY(!edit->isEnabled());

    window.findChild<QTabWidget *>(QStringLiteral("pageTabs"))->setCurrentIndex(1);   // Chain Details
    auto *page = window.findChild<arbor::ui::ChainDetailPage *>();
    QVERIFY(page);
    page->showChain(ChainId);
    auto *pageButton = page->findChild<QPushButton *>(QStringLiteral("chainDetailEditButton"));
    QVERIFY(pageButton);
    QTRY_VERIFY(pageButton->isEnabled());
    QTest::mouseClick(pageButton, Qt::LeftButton);
    QTRY_VERIFY((dialog = window.findChild<EditChainDialog *>()) != nullptr);
    QCOMPARE(dialog->chainId(), ChainId);
    dialog->reject();
}

} // namespace tst_editchaindialog

ARBOR_TEST_MAIN(editchaindialog, tst_editchaindialog::TstEditChainDialog)
#include "tst_editchaindialog.moc"
