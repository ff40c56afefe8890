// What the console says and how it is reached, in English and German: the translations an
// operator sees (Qt's own buttons, RPC errors, the queue status), the chain table's columns wide
// enough for the German titles, unique mnemonics on every wizard page, the Agents page, its MCP
// token dialog, Settings › Requests and the View menu, and the verbs' shortcuts.

#include "consolesession.h"
#include "testvalues.h"
#include "dialogs/addchainwizard.h"
#include "dialogs/mcptokendialog.h"
#include "dialogs/settingsdialog.h"
#include "appsettings.h"
#include "pages/agentspage.h"
#include "engine/chainservice.h"
#include "engine/engine.h"
#include "model/entitydef.h"
#include "store/chainregistry.h"
#include "store/store.h"
#include "mainwindow.h"
#include "models/chainlistmodel.h"
#include "models/logmodel.h"
#include "models/queuehealthmodel.h"
#include "rpc/jsonrpcclient.h"
#include "testmain.h"
#include "testresults.h"
#include "trayicon.h"
#include "uifixture.h"
#include "widgets/pagehost.h"

#include <QAbstractButton>
#include <QAbstractAxis>
#include <QChart>
#include <QChartView>
#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QLibraryInfo>
#include <QMenu>
#include <QMenuBar>
#include <QTabWidget>
#include <QNetworkAccessManager>
#include <QScrollArea>
#include <QScrollBar>
#include <QStyle>
#include <QStyleOptionHeader>
#include <QTableView>
#include <QTest>
#include <QTranslator>
#include <QWizard>

#include <functional>
#include <memory>

using namespace arbor;
using arbor::test::UiFixture;
using arbor::test::why;
using arbor::ui::AddChainWizard;
using arbor::ui::AgentsPage;
using arbor::ui::AppSettings;
using arbor::ui::McpTokenDialog;
using arbor::ui::PageHost;
using arbor::ui::SettingsDialog;
using arbor::ui::ChainListModel;
using arbor::ui::ConsoleSession;
using arbor::ui::MainWindow;
using arbor::ui::QueueHealthModel;
using namespace Qt::StringLiterals;

namespace tst_consoletexts {

namespace {

/// Shows `window` as the console's first window at the default screenshot size: 1280×800, its
/// log and alerts dock open and a fifth of the first window's 860 pixels tall.
bool showAsFirstWindow(MainWindow &window)
{
    window.resize(1280, 800);
    window.show();
    if (!QTest::qWaitForWindowExposed(&window))
        return false;
    auto *dock = window.findChild<QDockWidget *>(u"logDock"_s);
    if (!dock)
        return false;
    dock->show();
    window.resizeDocks({dock}, {860 / 5}, Qt::Vertical);
    QTest::qWait(100);
    return dock->isVisible() && dock->height() >= 860 / 5 - 10;
}

/// Shows each of `pages` in turn and each tab of its tab widgets, and calls `check` with where
/// it is ("Database › Growth") once that has had time to fill.
void showEveryPageAndTab(QTabWidget *pages, const std::function<void(const QString &)> &check)
{
    for (int page = 0; page < pages->count(); ++page) {
        pages->setCurrentIndex(page);
        QTest::qWait(300);
        const QString name = pages->tabText(page);
        check(name);
        for (QTabWidget *tabs : pages->currentWidget()->findChildren<QTabWidget *>()) {
            for (int tab = 0; tab < tabs->count(); ++tab) {
                tabs->setCurrentIndex(tab);
                QTest::qWait(200);
                check(name + u" › "_s + tabs->tabText(tab));
            }
        }
    }
}

/// The console's translators for `language` ("en", "de") while it lives, as the console installs them.
class Language
{
public:
    explicit Language(const QString &language)
    {
        const QLocale locale(language);
        QLocale::setDefault(locale);
        loaded = ConsoleSession::installTranslators(*QCoreApplication::instance(), locale);
    }
    ~Language()
    {
        // A translator removes itself from the application when it is destroyed.
        qDeleteAll(QCoreApplication::instance()->findChildren<QTranslator *>(Qt::FindDirectChildrenOnly));
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    }
    QStringList loaded;
};

bool qtGermanInstalled()
{
    return QFileInfo::exists(QLibraryInfo::path(QLibraryInfo::TranslationsPath) + u"/qtbase_de.qm"_s);
}

/// The Alt+letter of `text` ("&Next >" → "n"), empty without one.
QString mnemonic(const QString &text)
{
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text[i] != u'&')
            continue;
        if (text[i + 1] == u'&') {
            ++i;
            continue;
        }
        return text[i + 1].toLower();
    }
    return {};
}

} // namespace

class TstConsoleTexts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void wizardPagesHaveUniqueMnemonics_data();
    void wizardPagesHaveUniqueMnemonics();
    void agentScreensHaveUniqueMnemonics_data();
    void agentScreensHaveUniqueMnemonics();
    void qtButtonsSpeakTheConsoleLanguage();
    void rpcErrorsSpeakTheConsoleLanguage();
    void queueStatusIsWords_data();
    void queueStatusIsWords();
    void chainTableFitsGermanTitlesAndBadges();
    void everyPageFitsALaptopScreen_data();
    void everyPageFitsALaptopScreen();
    void pagesScrollOnlyWhenTheyMust();
    void aChosenTabComesIntoView();
    void chartAxisTitlesAreWhole_data();
    void chartAxisTitlesAreWhole();
    void columnTitlesAreWhole_data();
    void columnTitlesAreWhole();
    void verbsHaveUniqueShortcutsShownInMenus();
    void trayShowsOverallHealth();
    void logColoursFollowTheTheme();

private:
    UiFixture m_home;
    std::unique_ptr<Engine> m_engine;
};

void TstConsoleTexts::initTestCase()
{
    QVERIFY(m_home.isValid());
    m_home.setUp();
    auto url = m_home.databaseUrl();
    QVERIFY2(url, why(url).constData());
    auto [engine, started] = UiFixture::startEngine(UiFixture::engineOptions(*url));
    QVERIFY2(started.ok(), why(started).constData());
    m_engine = std::move(engine);
    // One chain, so Chain Details and the queue show their charts (its node never answers).
    {
        auto store = Store::open(*url);
        QVERIFY2(store, why(store).constData());
        ChainConfig chain;
        chain.chainId = 31337;
        chain.name = u"textnet"_s;
        chain.rpcUrls = {QUrl(u"http://127.0.0.1:1"_s)};
        chain.startBlock = 0;
        EndpointRecord endpoint;
        endpoint.url = chain.rpcUrls.first();
        endpoint.status = EndpointStatus::Ok;
        const Status registered = ChainRegistry(**store).registerChain(chain, {endpoint}, evmEntities());
        QVERIFY2(registered, why(registered).constData());
    }
    QTRY_VERIFY_WITH_TIMEOUT(!m_engine->chains()->snapshot().isEmpty(), 20000);
}

void TstConsoleTexts::cleanupTestCase()
{
    m_engine.reset();
}

void TstConsoleTexts::wizardPagesHaveUniqueMnemonics_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("en") << u"en"_s;
    QTest::newRow("de") << u"de"_s;
}

void TstConsoleTexts::wizardPagesHaveUniqueMnemonics()
{
    QFETCH(QString, language);
    const Language lang(language);
    if (language == u"de" && !qtGermanInstalled())
        QSKIP("Qt's German translations (qt6-translations-l10n) are not installed");
    AddChainWizard wizard(m_engine.get()->chains());
    const QList<int> ids = wizard.pageIds();
    QVERIFY(!ids.isEmpty());
    for (const int id : ids) {
        QWizardPage *page = wizard.page(id);
        QMap<QString, QStringList> byKey;
        auto add = [&byKey](const QString &text) {
            if (const QString key = mnemonic(text); !key.isEmpty())
                byKey[key].append(text);
        };
        // The wizard's own buttons as they show on this page.
        if (id != wizard.startId())
            add(wizard.buttonText(QWizard::BackButton));
        add(wizard.buttonText(id == ids.last() ? QWizard::FinishButton : QWizard::NextButton));
        add(wizard.buttonText(QWizard::CancelButton));
        for (const QAbstractButton *button : page->findChildren<QAbstractButton *>()) {
            if (!button->isHidden())
                add(button->text());
        }
        for (const QLabel *label : page->findChildren<QLabel *>()) {
            if (label->buddy() && !label->isHidden())
                add(label->text());
        }
        for (auto it = byKey.cbegin(); it != byKey.cend(); ++it) {
            QVERIFY2(it.value().size() == 1, qPrintable(u"page %1 (%2): Alt+%3 is used by %4"_s.arg(id).arg(page->title(), it.key().toUpper(),
                                                                                                      it.value().join(u", "_s))));
        }
    }
}

void TstConsoleTexts::agentScreensHaveUniqueMnemonics_data()
{
    wizardPagesHaveUniqueMnemonics_data();
}

void TstConsoleTexts::agentScreensHaveUniqueMnemonics()
{
    QFETCH(QString, language);
    const Language lang(language);
    if (language == u"de" && !qtGermanInstalled())
        QSKIP("Qt's German translations (qt6-translations-l10n) are not installed");
    // Each screen's Alt+letters: what one screen shows at once.
    const auto check = [](const QString &screen, const QStringList &texts) {
        QMap<QString, QStringList> byKey;
        for (const QString &text : texts) {
            if (const QString key = mnemonic(text); !key.isEmpty())
                byKey[key].append(text);
        }
        for (auto it = byKey.cbegin(); it != byKey.cend(); ++it) {
            if (it.value().size() != 1)
                return u"%1: Alt+%2 is used by %3"_s.arg(screen, it.key().toUpper(), it.value().join(u", "_s));
        }
        return QString();
    };
    const auto textsOf = [](QWidget *root, bool visibleOnly) {
        QStringList texts;
        for (const QAbstractButton *button : root->findChildren<QAbstractButton *>()) {
            if (!visibleOnly || button->isVisible())
                texts.append(button->text());
        }
        for (const QLabel *label : root->findChildren<QLabel *>()) {
            if (label->buddy() && (!visibleOnly || label->isVisible()))
                texts.append(label->text());
        }
        return texts;
    };

    // Settings on its Requests page: the tabs, the dialog's buttons and the page's own.
    AppSettings settings(m_home.filePath(u"mnemonics-%1.conf"_s.arg(language)));
    SettingsDialog dialog(settings);
    dialog.setServices(m_engine.get()->stats(), m_engine.get()->database(), m_engine.get()->agents());
    dialog.show();
    auto *tabs = dialog.findChild<QTabWidget *>(u"settingsTabs"_s);
    QVERIFY(tabs);
    tabs->setCurrentIndex(SettingsDialog::OutboundPage);
    QStringList texts = textsOf(&dialog, true);
    for (int tab = 0; tab < tabs->count(); ++tab)
        texts.append(tabs->tabText(tab));
    QString problem = check(u"Settings › Requests"_s, texts);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    dialog.reject();

    AgentRecord agent;
    agent.chainId = 1;
    agent.agentId = U256(3);
    McpTokenDialog token(m_engine.get()->agents(), agent);
    problem = check(u"MCP token dialog"_s, textsOf(&token, false));
    QVERIFY2(problem.isEmpty(), qPrintable(problem));

    // The Agents page with the main window's menu bar, whose Alt+letters are there too.
    MainWindow window(m_engine.get());
    AgentsPage page(m_engine.get()->agents(), m_engine.get()->chains());
    texts = textsOf(&page, false);
    for (QAction *menu : window.menuBar()->actions())
        texts.append(menu->text());
    // Alt+H is the page's Chain field, as on the Chain Details and Balances pages; Help is a menu
    // one opens with F1 or the mouse.
    texts.removeIf([](const QString &text) { return mnemonic(text) == u"h" && !text.contains(u"C&h"_s); });
    problem = check(u"Agents page"_s, texts);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));

    // The View menu, which names every page.
    for (QAction *menu : window.menuBar()->actions()) {
        if (!menu->menu() || !menu->menu()->actions().contains(window.findChild<QAction *>(u"showAgentsAction"_s)))
            continue;
        texts.clear();
        for (QAction *item : menu->menu()->actions())
            texts.append(item->text());
        problem = check(u"View menu"_s, texts);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }
}

void TstConsoleTexts::qtButtonsSpeakTheConsoleLanguage()
{
    if (!qtGermanInstalled())
        QSKIP("Qt's German translations (qt6-translations-l10n) are not installed");
    const Language german(u"de"_s);
    QVERIFY2(german.loaded.contains(u"qtbase_de.qm"_s), qPrintable(german.loaded.join(u", "_s)));
    AddChainWizard wizard(m_engine.get()->chains());
    QCOMPARE(wizard.buttonText(QWizard::NextButton), u"&Weiter >"_s);
    QCOMPARE(wizard.buttonText(QWizard::BackButton), u"< &Zurück"_s);
    QCOMPARE(wizard.buttonText(QWizard::CancelButton), u"Abbrechen"_s);
}

void TstConsoleTexts::rpcErrorsSpeakTheConsoleLanguage()
{
    const Language german(u"de"_s);
    QNetworkAccessManager network;
    JsonRpcClient client(&network, QUrl(u"http://127.0.0.1:%1"_s.arg(arbor::test::closedPort().port())));
    client.setAttempts(1);
    std::optional<Result<QJsonValue>> answer;
    client.call(u"eth_chainId"_s, {}, [&answer](Result<QJsonValue> r) { answer = std::move(r); });
    QTRY_VERIFY_WITH_TIMEOUT(answer.has_value(), 20000);
    QVERIFY(!answer->ok());
    const QString message = answer->error().message;
    QVERIFY2(!message.contains(u"Cannot reach"_s) && !message.contains(u"Check the host"_s), qPrintable(message));
    QVERIFY2(message.contains(u"127.0.0.1"_s), qPrintable(message));
}

void TstConsoleTexts::queueStatusIsWords_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("highLoad");
    QTest::addColumn<QString>("healthy");
    QTest::newRow("en") << u"en"_s << u"High load"_s << u"Healthy"_s;
    QTest::newRow("de") << u"de"_s << u"Hohe Last"_s << u"Gesund"_s;
}

void TstConsoleTexts::queueStatusIsWords()
{
    QFETCH(QString, language);
    QFETCH(QString, highLoad);
    QFETCH(QString, healthy);
    const Language lang(language);
    QCOMPARE(QueueHealthModel::statusText(QueueStatus::HighLoad), highLoad);
    QCOMPARE(QueueHealthModel::statusText(QueueStatus::Healthy), healthy);
    // arborctl's machine names stay as they were.
    QCOMPARE(queueStatusName(QueueStatus::HighLoad), u"HIGH_LOAD"_s);
}

void TstConsoleTexts::chainTableFitsGermanTitlesAndBadges()
{
    const Language german(u"de"_s);
    MainWindow window(m_engine.get());
    window.resize(1280, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *table = window.findChild<QTableView *>(u"chainTable"_s);
    QVERIFY(table);
    QHeaderView *header = table->horizontalHeader();
    for (int column = 0; column < ChainListModel::EndpointsColumn; ++column) {
        const QString title = table->model()->headerData(column, Qt::Horizontal).toString();
        if (column == ChainListModel::LagSecondsColumn)
            QCOMPARE(title, u"Rückstand (Zeit)"_s);
        QVERIFY2(header->sectionSize(column) >= header->fontMetrics().horizontalAdvance(title) + 16,
                 qPrintable(u"“%1”: %2 px for %3 px of text"_s.arg(title).arg(header->sectionSize(column)).arg(header->fontMetrics().horizontalAdvance(title))));
    }
    ChainStatus down;
    down.phase = IndexPhase::RpcDown;
    const QString badge = ChainListModel::statusText(ChainState::Active, &down);
    QCOMPARE(badge, u"RPC ausgefallen"_s);
    QVERIFY2(header->sectionSize(ChainListModel::StatusColumn) >= table->fontMetrics().horizontalAdvance(badge) + 20,
             qPrintable(u"%1 px for the badge “%2”"_s.arg(header->sectionSize(ChainListModel::StatusColumn)).arg(badge)));
    // In an outage the head column says since when no node answered, in full.
    down.headUnknown = true;
    down.headSeenAtMs = QDateTime(QDate::currentDate(), QTime(23, 58)).toMSecsSinceEpoch();
    const QString head = ChainListModel::headUnknownValue(down);
    QVERIFY2(head.startsWith(u"unbekannt seit "_s), qPrintable(head));
    QVERIFY2(header->sectionSize(ChainListModel::HeadColumn) >= table->fontMetrics().horizontalAdvance(head) + 8,
             qPrintable(u"%1 px for “%2”"_s.arg(header->sectionSize(ChainListModel::HeadColumn)).arg(head)));
    // And the RPC health of its one node, with the dot drawn before it.
    EndpointRecord endpoint;
    endpoint.status = EndpointStatus::Unreachable;
    const QString health = ChainListModel::endpointSummary({endpoint});
    QCOMPARE(health, u"1 (1 nicht erreichbar)"_s);
    QVERIFY2(header->sectionSize(ChainListModel::EndpointsColumn) >= table->fontMetrics().horizontalAdvance(health) + 24,
             qPrintable(u"%1 px for “%2”"_s.arg(header->sectionSize(ChainListModel::EndpointsColumn)).arg(health)));
}

void TstConsoleTexts::everyPageFitsALaptopScreen_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("English") << u"en"_s;
    QTest::newRow("German") << u"de"_s;
}

void TstConsoleTexts::everyPageFitsALaptopScreen()
{
    // A 1366×768 laptop leaves about 1300×700 to a window. A page that needs more scrolls; the
    // window keeps the size the operator gave it rather than growing past the screen.
    QFETCH(QString, language);
    const Language chosen(language);
    MainWindow window(m_engine.get());
    const QSize laptop(1300, 700);
    window.resize(laptop);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *pages = window.findChild<QTabWidget *>(u"pageTabs"_s);
    QVERIFY(pages);
    for (int page = 0; page < pages->count(); ++page) {
        pages->setCurrentIndex(page);
        QTest::qWait(200);
        QVERIFY2(window.size() == laptop && window.minimumSizeHint().height() <= laptop.height()
                     && window.minimumSizeHint().width() <= laptop.width(),
                 qPrintable(u"%1: the window is %2×%3, needs at least %4×%5"_s.arg(pages->tabText(page))
                                .arg(window.width()).arg(window.height())
                                .arg(window.minimumSizeHint().width()).arg(window.minimumSizeHint().height())));
    }
}

void TstConsoleTexts::pagesScrollOnlyWhenTheyMust()
{
    // In the first window (with its log dock), a page that fits shows whole: no scroll bar, the
    // lower half of a chart out of sight. A page taller than the room it has scrolls.
    MainWindow window(m_engine.get());
    QVERIFY(showAsFirstWindow(window));
    auto *pages = window.findChild<QTabWidget *>(u"pageTabs"_s);
    QVERIFY(pages);
    int fitting = 0;
    for (int page = 0; page < pages->count(); ++page) {
        pages->setCurrentIndex(page);
        QTest::qWait(300);
        auto *host = qobject_cast<PageHost *>(pages->currentWidget());
        if (!host)
            continue;   // the chain table scrolls its rows itself
        auto *scroll = host->findChild<QScrollArea *>();
        QVERIFY(scroll && scroll->widget());
        const int room = scroll->height();
        const int needed = host->page()->minimumSizeHint().height();
        const bool scrolls = scroll->verticalScrollBar()->isVisible();
        QVERIFY2(scrolls == (needed > room),
                 qPrintable(u"%1 needs %2 px of %3 and %4"_s.arg(pages->tabText(page)).arg(needed).arg(room)
                                .arg(scrolls ? u"scrolls"_s : u"does not scroll"_s)));
        fitting += needed <= room ? 1 : 0;
    }
    // Most pages fit the first window; the test would check nothing if none did.
    QVERIFY2(fitting >= 4, qPrintable(QString::number(fitting)));
}

void TstConsoleTexts::aChosenTabComesIntoView()
{
    // Chain Details is taller than the first window leaves it: the tab chosen below the charts
    // scrolls into view instead of showing its top edge.
    MainWindow window(m_engine.get());
    QVERIFY(showAsFirstWindow(window));
    auto *pages = window.findChild<QTabWidget *>(u"pageTabs"_s);
    QVERIFY(pages);
    QTest::keyClick(&window, Qt::Key_2, Qt::ControlModifier);
    auto *tabs = window.findChild<QTabWidget *>(u"chainDetailTabs"_s);
    QTRY_VERIFY(tabs && tabs->isVisible());
    auto *scroll = qobject_cast<PageHost *>(pages->currentWidget())->findChild<QScrollArea *>();
    QVERIFY(scroll);
    QTRY_VERIFY2(scroll->verticalScrollBar()->isVisible(), "Chain Details fits the first window: this test needs a page that scrolls");
    QCOMPARE(scroll->verticalScrollBar()->value(), 0);
    tabs->tabBar()->setCurrentIndex(tabs->count() - 1);   // Daily activity
    const QWidget *viewport = scroll->viewport();
    QTRY_VERIFY2(tabs->mapTo(viewport, QPoint(0, tabs->height())).y() <= viewport->height(),
                 qPrintable(u"the tabs end at %1 of a view %2 px tall"_s.arg(tabs->mapTo(viewport, QPoint(0, tabs->height())).y()).arg(viewport->height())));
    QVERIFY(tabs->mapTo(viewport, QPoint(0, 0)).y() >= 0);
}

void TstConsoleTexts::chartAxisTitlesAreWhole_data()
{
    everyPageFitsALaptopScreen_data();
}

void TstConsoleTexts::chartAxisTitlesAreWhole()
{
    // Qt Charts cuts an axis title longer than its side of the plot ("Failed atte…"): in the
    // first window, every chart on every page and tab has room for its axis titles.
    QFETCH(QString, language);
    const Language chosen(language);
    MainWindow window(m_engine.get());
    QVERIFY(showAsFirstWindow(window));
    auto *pages = window.findChild<QTabWidget *>(u"pageTabs"_s);
    QVERIFY(pages);
    QStringList cut;
    int titles = 0;
    auto checkCharts = [&](const QString &where) {
        for (QChartView *view : window.findChildren<QChartView *>()) {
            if (!view->isVisible())
                continue;
            const QRectF plot = view->chart()->plotArea();
            for (QAbstractAxis *axis : view->chart()->axes()) {
                if (!axis->isVisible() || !axis->isTitleVisible() || axis->titleText().isEmpty())
                    continue;
                ++titles;
                const qreal room = axis->orientation() == Qt::Horizontal ? plot.width() : plot.height();
                const int needed = QFontMetrics(axis->titleFont()).horizontalAdvance(axis->titleText());
                if (needed > room)
                    cut.append(u"%1, “%2”: axis title “%3” needs %4 px of %5"_s.arg(where, view->chart()->title(), axis->titleText()).arg(needed).arg(room));
            }
        }
    };
    showEveryPageAndTab(pages, checkCharts);
    cut.removeDuplicates();
    QVERIFY2(cut.isEmpty(), qPrintable(cut.join(u'\n')));
    QVERIFY2(titles >= 5, qPrintable(QString::number(titles)));
}

void TstConsoleTexts::columnTitlesAreWhole_data()
{
    chartAxisTitlesAreWhole_data();
}

void TstConsoleTexts::columnTitlesAreWhole()
{
    // A table's column title is cut when its column is narrower than the title ("Tabelle oder
    // Ind"): in the first window, every table on every page and tab shows its titles whole.
    QFETCH(QString, language);
    const Language chosen(language);
    MainWindow window(m_engine.get());
    QVERIFY(showAsFirstWindow(window));
    auto *pages = window.findChild<QTabWidget *>(u"pageTabs"_s);
    QVERIFY(pages);
    QStringList cut;
    int columns = 0;
    auto checkTables = [&](const QString &where) {
        for (QHeaderView *header : window.findChildren<QHeaderView *>()) {
            if (!header->isVisible() || header->orientation() != Qt::Horizontal || !header->model())
                continue;
            for (int i = 0; i < header->count(); ++i) {
                if (header->isSectionHidden(i))
                    continue;
                const QString title = header->model()->headerData(i, Qt::Horizontal).toString();
                if (title.isEmpty())
                    continue;
                ++columns;
                // The title's width, its sort indicator's where one shows, and the style's margins.
                QStyleOptionHeader option;
                option.initFrom(header);
                option.text = title;
                option.section = i;
                option.sortIndicator = header->isSortIndicatorShown() && header->sortIndicatorSection() == i
                    ? QStyleOptionHeader::SortDown : QStyleOptionHeader::None;
                const int needed = header->style()->sizeFromContents(QStyle::CT_HeaderSection, &option, QSize(), header).width();
                if (header->sectionSize(i) < needed)
                    cut.append(u"%1, %2: column “%3” is %4 px wide, its title needs %5"_s.arg(where, header->parentWidget()->objectName(), title)
                                   .arg(header->sectionSize(i)).arg(needed));
            }
        }
    };
    showEveryPageAndTab(pages, checkTables);
    cut.removeDuplicates();
    QVERIFY2(cut.isEmpty(), qPrintable(cut.join(u'\n')));
    QVERIFY2(columns >= 50, qPrintable(QString::number(columns)));
}

void TstConsoleTexts::verbsHaveUniqueShortcutsShownInMenus()
{
    MainWindow window(m_engine.get());
    QHash<QString, QString> owner;
    for (QAction *action : window.findChildren<QAction *>()) {
        // A table's own Copy (Ctrl+C while it has the focus) is meant to repeat per table.
        if (action->shortcutContext() == Qt::WidgetShortcut || action->shortcutContext() == Qt::WidgetWithChildrenShortcut)
            continue;
        for (const QKeySequence &key : action->shortcuts()) {
            const QString text = key.toString(QKeySequence::PortableText);
            QVERIFY2(!owner.contains(text), qPrintable(u"%1 is the shortcut of both %2 and %3"_s.arg(text, owner.value(text), action->objectName())));
            owner.insert(text, action->objectName());
        }
    }
    for (const char *name : {"pauseChainAction", "resumeChainAction", "reindexChainAction"}) {
        auto *action = window.findChild<QAction *>(QLatin1String(name));
        QVERIFY2(action, name);
        QVERIFY2(!action->shortcut().isEmpty(), name);
        bool inMenu = false;
        for (QObject *object : action->associatedObjects())
            inMenu = inMenu || qobject_cast<QMenu *>(object);
        QVERIFY2(inMenu, name);
    }
    QCOMPARE(window.findChild<QAction *>(u"pauseChainAction"_s)->shortcut(), QKeySequence(u"Ctrl+P"_s));
}

void TstConsoleTexts::trayShowsOverallHealth()
{
    auto status = [](qint64 id, IndexPhase phase) {
        ChainStatus s;
        s.chainId = id;
        s.phase = phase;
        return s;
    };
    const QList<ChainStatus> healthy{status(1, IndexPhase::Live), status(2, IndexPhase::Live), status(3, IndexPhase::CatchingUp)};
    QCOMPARE(arbor::ui::TrayIcon::healthSummary(healthy), u"2 live, 1 catching up"_s);
    QVERIFY(!arbor::ui::TrayIcon::needsAttention(healthy));
    const QList<ChainStatus> down = healthy + QList<ChainStatus>{status(4, IndexPhase::RpcDown)};
    QCOMPARE(arbor::ui::TrayIcon::healthSummary(down), u"2 live, 1 catching up, 1 RPC down"_s);
    QVERIFY(arbor::ui::TrayIcon::needsAttention(down));
    // On unless the operator turned it off.
    QVERIFY(arbor::ui::TrayIcon::closeToTray());
    arbor::ui::TrayIcon::setCloseToTray(false);
    QVERIFY(!arbor::ui::TrayIcon::closeToTray());
    arbor::ui::TrayIcon::setCloseToTray(true);
}

void TstConsoleTexts::logColoursFollowTheTheme()
{
    // An error line's level, in a light and in a dark desktop theme: readable on both.
    const QPalette original = QGuiApplication::palette();
    auto errorColour = [](const QPalette &palette) {
        QApplication::setPalette(palette);
        arbor::ui::LogModel model;
        LogMessage m;
        m.time = QDateTime::currentDateTime();
        m.type = QtCriticalMsg;
        m.text = u"boom"_s;
        model.append({m});
        return model.index(0, arbor::ui::LogModel::LevelColumn).data(Qt::ForegroundRole).value<QBrush>().color();
    };
    QPalette light;
    light.setColor(QPalette::Window, Qt::white);
    QPalette dark;
    dark.setColor(QPalette::Window, QColor(0x20, 0x20, 0x20));
    const QColor onLight = errorColour(light);
    const QColor onDark = errorColour(dark);
    QApplication::setPalette(original);
    QVERIFY2(onLight.lightness() < 128, qPrintable(onLight.name()));
    QVERIFY2(onDark.lightness() > 128, qPrintable(onDark.name()));
}

} // namespace tst_consoletexts

ARBOR_TEST_MAIN(consoletexts, tst_consoletexts::TstConsoleTexts)
#include "tst_consoletexts.moc"
