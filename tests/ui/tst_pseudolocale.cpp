// The pseudo-locale: a translator that wraps every text it is asked for in ⟦ ⟧, installed before
// the console starts. Every page, menu, tool bar, table header and the main dialogs are then read
// back; a text with words in it but no ⟦ never went through tr() and would stay English in
// German. Data (chain names, URLs, numbers, addresses, dates) is not words to translate.

#include "model/entitydef.h"
#include "store/chainregistry.h"
#include "engine/chainservice.h"
#include "engine/engine.h"
#include "appsettings.h"
#include "mainwindow.h"
#include "pages/triggerspage.h"
#include "store/store.h"
#include "testmain.h"
#include "testresults.h"
#include "uifixture.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialog>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QScreen>
#include <QTabBar>
#include <QTableView>
#include <QTest>
#include <QTextDocumentFragment>
#include <QToolBar>
#include <QTranslator>
#include <QWizard>

#include <memory>

using namespace arbor;
using arbor::test::UiFixture;
using arbor::test::why;
using arbor::ui::MainWindow;
using namespace Qt::StringLiterals;

namespace tst_pseudolocale {

namespace {

const int TimeoutMs = 20000;
const QString ChainName = u"pseudonet"_s;

/// Every text asked for comes back marked: "⟦Chains⟧", "⟦%n chain(s)⟧" (placeholders kept).
class PseudoTranslator final : public QTranslator
{
public:
    using QTranslator::QTranslator;
    bool isEmpty() const override { return false; }
    QString translate(const char *, const char *sourceText, const char * = nullptr, int = -1) const override
    {
        if (!sourceText || !*sourceText)
            return {};
        return u"⟦"_s + QString::fromUtf8(sourceText) + u"⟧"_s;
    }
};

/// Words left in `text` once the marked parts and the data are taken out: empty when every word
/// in it went through translation.
QString untranslatedWords(const QString &raw)
{
    static const QRegularExpression marked(u"⟦[^⟦⟧]*⟧"_s);
    static const QRegularExpression data(
        u"[a-z][a-z0-9+.-]*://\\S*"                      // URLs
        "|\\b0x[0-9a-fA-F]+\\b"                          // addresses, hashes
        "|\\b(AM|PM)\\b"                                  // the locale's times
        "|\\b(keychain|env|file):\\S*"                    // secret references as typed
        "|(^|\\s)/[\\w./-]+"                             // absolute paths
        "|\\b[A-Z][a-z]+[A-Z]\\w*\\b"                      // contract events as their ABI names them (NewFeedback)
        "|\\b(GET|POST|PUT|PATCH|DELETE)\\b"                // HTTP methods
        "|\\b[\\w.-]+\\.(db|sqlite|json|sql)\\b"         // file names
        "|\\b(MiB|MB|KB|KiB|GB|GiB|kB|bytes?)\\b"        // QLocale::formattedDataSize's units
        "|\\bArbor\\b|\\barborctl\\b"_s);                // the product's names
    QString text = raw;
    if (text.contains(u'<'))
        text = QTextDocumentFragment::fromHtml(text).toPlainText();
    // Marked texts nest ("⟦Chain %1⟧" with "⟦live⟧" in it): take out the innermost until none is left.
    for (qsizetype before = -1; before != text.size();) {
        before = text.size();
        text.remove(marked);
    }
    text.remove(data);
    text.remove(ChainName);
    text.remove(u'&');   // mnemonics
    QString words;
    static const QRegularExpression word(u"[^\\W\\d_]{2,}"_s);
    for (auto it = word.globalMatch(text); it.hasNext();)
        words += it.next().captured() + u' ';
    return words.trimmed();
}

} // namespace

class TstPseudoLocale : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void checkerFindsAnUntranslatedText();
    void everyPageSpeaksThroughTranslation();
    void dialogsSpeakThroughTranslation_data();
    void dialogsSpeakThroughTranslation();
    void dialogsFitTheScreen_data();
    void dialogsFitTheScreen();

private:
    QPointer<QDialog> openDialog(const QString &action);
    /// Texts of `root`'s visible widgets, actions, headers and tabs with words not translated.
    QStringList findUntranslated(QWidget *root) const;
    void check(const QString &where, const QString &text, QStringList &out) const;

    UiFixture m_home;
    PseudoTranslator m_pseudo;
    mutable int m_checked = 0;   ///< texts with words read by check()
    std::unique_ptr<arbor::ui::AppSettings> m_settings;
    std::unique_ptr<Engine> m_engine;
    std::unique_ptr<MainWindow> m_window;
};

void TstPseudoLocale::initTestCase()
{
    QVERIFY(m_home.isValid());
    m_home.setUp();
    QVERIFY(QCoreApplication::installTranslator(&m_pseudo));
    auto url = m_home.databaseUrl();
    QVERIFY2(url, why(url).constData());
    auto [engine, started] = UiFixture::startEngine(UiFixture::engineOptions(*url));
    QVERIFY2(started.ok(), why(started).constData());
    m_engine = std::move(engine);
    {
        auto store = Store::open(*url);
        QVERIFY2(store, why(store).constData());
        ChainConfig chain;
        chain.chainId = 31337;
        chain.name = ChainName;
        chain.rpcUrls = {QUrl(u"http://127.0.0.1:1"_s)};
        chain.startBlock = 0;
        EndpointRecord endpoint;
        endpoint.url = chain.rpcUrls.first();
        endpoint.status = EndpointStatus::Ok;
        const Status registered = ChainRegistry(**store).registerChain(chain, {endpoint}, evmEntities());
        QVERIFY2(registered, why(registered).constData());
    }
    m_window = std::make_unique<MainWindow>(m_engine.get());
    m_settings = std::make_unique<arbor::ui::AppSettings>(m_home.filePath(u"arbor.conf"_s));
    m_window->setSettings(m_settings.get());
    m_window->resize(1600, 1000);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QTRY_VERIFY_WITH_TIMEOUT(!m_engine->chains()->snapshot().isEmpty(), TimeoutMs);
}

void TstPseudoLocale::cleanupTestCase()
{
    m_window.reset();
    m_engine.reset();
    QCoreApplication::removeTranslator(&m_pseudo);
}

void TstPseudoLocale::check(const QString &where, const QString &text, QStringList &out) const
{
    if (!text.trimmed().isEmpty())
        ++m_checked;
    const QString words = untranslatedWords(text);
    if (!words.isEmpty())
        out.append(u"%1: “%2” (%3)"_s.arg(where, text, words));
}

QStringList TstPseudoLocale::findUntranslated(QWidget *root) const
{
    QStringList out;
    const auto name = [](const QObject *o) -> QString {
        return QString::fromLatin1(o->metaObject()->className()) + (o->objectName().isEmpty() ? QString() : u' ' + o->objectName());
    };
    QList<QWidget *> widgets = root->findChildren<QWidget *>();
    widgets.prepend(root);
    for (QWidget *w : std::as_const(widgets)) {
        if (!w->isVisibleTo(root) && w != root)
            continue;
        const QString where = name(w);
        check(where + u" tooltip"_s, w->toolTip(), out);
        if (w->isWindow())
            check(where + u" title"_s, w->windowTitle(), out);
        if (auto *label = qobject_cast<QLabel *>(w))
            check(where, label->text(), out);
        else if (auto *button = qobject_cast<QAbstractButton *>(w))
            check(where, button->text(), out);
        else if (auto *box = qobject_cast<QGroupBox *>(w))
            check(where, box->title(), out);
        else if (auto *edit = qobject_cast<QLineEdit *>(w))
            check(where + u" placeholder"_s, edit->placeholderText(), out);
        else if (auto *tabs = qobject_cast<QTabBar *>(w)) {
            for (int i = 0; i < tabs->count(); ++i) {
                check(where + u" tab"_s, tabs->tabText(i), out);
                check(where + u" tab tooltip"_s, tabs->tabToolTip(i), out);
            }
        } else if (auto *header = qobject_cast<QHeaderView *>(w); header && header->model()) {
            for (int i = 0; i < header->count(); ++i) {
                if (header->isSectionHidden(i))
                    continue;
                check(where + u" section"_s, header->model()->headerData(i, header->orientation()).toString(), out);
                check(where + u" section tooltip"_s, header->model()->headerData(i, header->orientation(), Qt::ToolTipRole).toString(), out);
            }
        } else if (auto *combo = qobject_cast<QComboBox *>(w); combo && !combo->isEditable()
                   && combo->objectName() != u"languageCombo") {   // each language in its own name: "Deutsch"
            for (int i = 0; i < combo->count(); ++i)
                check(where + u" item"_s, combo->itemText(i), out);
        }
        for (QAction *action : w->actions()) {
            if (action->isSeparator())
                continue;
            check(name(action), action->text(), out);
            if (action->toolTip() != action->text().remove(u'&').remove(u"…"_s))
                check(name(action) + u" tooltip"_s, action->toolTip(), out);
            if (QMenu *menu = action->menu()) {
                check(name(menu), menu->title(), out);
                for (QAction *item : menu->actions()) {
                    if (!item->isSeparator())
                        check(name(item), item->text(), out);
                }
            }
        }
    }
    out.removeDuplicates();
    return out;
}

void TstPseudoLocale::checkerFindsAnUntranslatedText()
{
    // What the pages are checked with, on texts whose answer is known: a literal sentence is
    // found, a translated one with data in it is not.
    QWidget window;
    auto *literal = new QLabel(u"Blocks behind the head"_s, &window);
    literal->setObjectName(u"literal"_s);
    auto *translated = new QLabel(QCoreApplication::translate("ctx", "Chain %1 at %2").arg(ChainName, u"http://127.0.0.1:8545"_s), &window);
    auto *button = new QPushButton(u"&Retry"_s, &window);
    Q_UNUSED(translated);
    Q_UNUSED(button);
    window.show();
    const QStringList found = findUntranslated(&window);
    QCOMPARE(found.size(), 2);
    QVERIFY2(found[0].startsWith(u"QLabel literal: “Blocks behind the head”"_s), qPrintable(found.join(u'\n')));
    QVERIFY2(found[1].contains(u"“&Retry” (Retry)"_s), qPrintable(found.join(u'\n')));
}

void TstPseudoLocale::everyPageSpeaksThroughTranslation()
{
    QApplication::setActiveWindow(m_window.get());
    m_checked = 0;
    QStringList found;
    for (int page = 1; page <= 8; ++page) {
        QTest::keyClick(m_window.get(), Qt::Key(Qt::Key_0 + page), Qt::ControlModifier);
        // Pages fill from the engine's answers: give them time to arrive.
        QTest::qWait(1500);
        for (const QString &f : findUntranslated(m_window.get()))
            found.append(u"page %1: %2"_s.arg(page).arg(f));
    }
    found.removeDuplicates();
    QVERIFY2(found.isEmpty(), qPrintable(u"texts that did not go through translation:\n"_s + found.join(u'\n')));
    // The walk read the pages (eight pages of headers, buttons and labels), not an empty window.
    qInfo() << m_checked << "texts read on the pages";
    QVERIFY2(m_checked > 500, qPrintable(QString::number(m_checked)));
}

void TstPseudoLocale::dialogsSpeakThroughTranslation_data()
{
    QTest::addColumn<QString>("action");
    QTest::newRow("Settings") << u"settingsAction"_s;
    QTest::newRow("Add Chain") << u"addChainAction"_s;
    QTest::newRow("Alert Rules") << u"alertRulesAction"_s;
    QTest::newRow("Backup") << u"backupDatabaseAction"_s;
    QTest::newRow("Restore") << u"restoreDatabaseAction"_s;
    QTest::newRow("Resync") << u"resyncChainAction"_s;
    QTest::newRow("Delete Chain") << u"deleteChainAction"_s;
    QTest::newRow("Edit Chain") << u"editChainAction"_s;
    QTest::newRow("Reindex") << u"reindexChainAction"_s;
    QTest::newRow("New Trigger") << u"newTrigger"_s;
}

/// Opens the dialog of the main window's verb `action` (on the first chain), as a click would;
/// null when the verb is not there or no dialog opened.
QPointer<QDialog> TstPseudoLocale::openDialog(const QString &action)
{
    QApplication::setActiveWindow(m_window.get());
    QTest::keyClick(m_window.get(), Qt::Key_1, Qt::ControlModifier);
    auto *table = m_window->findChild<QTableView *>(u"chainTable"_s);
    if (!table)
        return nullptr;
    QAction *verb = m_window->findChild<QAction *>(action);
    if (action == u"newTrigger") {
        QTest::keyClick(m_window.get(), Qt::Key_5, Qt::ControlModifier);   // the Triggers page, made when first shown
        if (!QTest::qWaitFor([&] { return m_window->findChild<arbor::ui::TriggersPage *>() != nullptr; }, TimeoutMs))
            return nullptr;
        verb = m_window->findChild<arbor::ui::TriggersPage *>()->newAction();
    }
    if (!verb)
        return nullptr;
    // The chain verbs act on the selected chain (selected again while the table refreshes).
    const bool enabled = QTest::qWaitFor(
        [&] {
            if (!table->selectionModel()->hasSelection())
                table->selectRow(0);
            return verb->isEnabled();
        },
        TimeoutMs);
    if (!enabled)
        return nullptr;
    // A dialog the window keeps (Alert Rules) is shown again, not made anew.
    QList<QWidget *> before;
    for (QWidget *w : QApplication::topLevelWidgets()) {
        if (w->isVisible())
            before.append(w);
    }
    verb->trigger();
    QPointer<QDialog> dialog;
    (void)QTest::qWaitFor(
        [&] {
            for (QWidget *w : QApplication::topLevelWidgets()) {
                if (!before.contains(w) && w->isVisible() && qobject_cast<QDialog *>(w))
                    dialog = qobject_cast<QDialog *>(w);
            }
            return !dialog.isNull();
        },
        TimeoutMs);
    return dialog;
}

void TstPseudoLocale::dialogsSpeakThroughTranslation()
{
    QFETCH(QString, action);
    QPointer<QDialog> dialog = openDialog(action);
    QVERIFY2(dialog, qPrintable(action + u": no dialog opened"_s));
    QTest::qWait(800);
    QStringList found;
    if (auto *tabs = dialog->findChild<QTabBar *>()) {
        // Every tab of a dialog with tabs (Settings).
        for (int i = 0; i < tabs->count(); ++i) {
            tabs->setCurrentIndex(i);
            QTest::qWait(200);
            found += findUntranslated(dialog);
        }
    } else {
        found = findUntranslated(dialog);
    }
    dialog->reject();
    QTRY_VERIFY(!dialog || !dialog->isVisible());
    found.removeDuplicates();
    QVERIFY2(found.isEmpty(), qPrintable(u"texts that did not go through translation:\n"_s + found.join(u'\n')));
}

void TstPseudoLocale::dialogsFitTheScreen_data()
{
    dialogsSpeakThroughTranslation_data();
}

void TstPseudoLocale::dialogsFitTheScreen()
{
    // A dialog opens within the screen, its buttons in reach, and could open on a 1366×768
    // laptop (about 1300×700 for a window). Texts here are the pseudo-locale's, longer than English.
    QFETCH(QString, action);
    QPointer<QDialog> dialog = openDialog(action);
    QVERIFY2(dialog, qPrintable(action + u": no dialog opened"_s));
    QTest::qWait(300);
    const QSize available = dialog->screen()->availableGeometry().size();
    const QSize least = dialog->minimumSizeHint().expandedTo(dialog->minimumSize());
    const QString sizes = u"%1: opened at %2×%3 on a screen of %4×%5; it needs at least %6×%7"_s.arg(action)
                              .arg(dialog->width()).arg(dialog->height()).arg(available.width()).arg(available.height())
                              .arg(least.width()).arg(least.height());
    dialog->reject();
    QVERIFY2(least.width() <= 1300 && least.height() <= 700, qPrintable(sizes));
    QVERIFY2(dialog->height() <= std::max(available.height(), least.height()) && dialog->width() <= std::max(available.width(), least.width()),
             qPrintable(sizes));
    qInfo().noquote() << sizes;
}

} // namespace tst_pseudolocale

ARBOR_TEST_MAIN(pseudolocale, tst_pseudolocale::TstPseudoLocale)
#include "tst_pseudolocale.moc"
