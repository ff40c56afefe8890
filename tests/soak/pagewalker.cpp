#include "pagewalker.h"

#include "soakfigures.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QDialog>
#include <QMainWindow>
#include <QTabWidget>
#include <QTableView>

using namespace Qt::StringLiterals;

namespace arbor::soak {
namespace {

QList<QPointer<QWidget>> visibleWindows(const QMainWindow *except)
{
    QList<QPointer<QWidget>> windows;
    for (QWidget *w : QApplication::topLevelWidgets()) {
        if (w != except && w->isVisible() && w->isWindow() && !(w->windowType() == Qt::ToolTip))
            windows.append(w);
    }
    return windows;
}

QString plain(QString text)
{
    return text.remove(u'&');
}

} // namespace

PageWalker::PageWalker(std::function<QMainWindow *()> window, GuiStallProbe *probe, int dwellMs, QObject *parent)
    : QObject(parent)
    , m_window(std::move(window))
    , m_probe(probe)
    , m_dwellMs(dwellMs)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &PageWalker::next);
    m_steps = {
        {u"trigger editor (stored trigger)"_s, u"Triggers"_s, u"triggerTable"_s, u"editTriggerAction"_s, {}},
        {u"Alert Rules"_s, {}, {}, u"alertRulesAction"_s, {}},
        {u"Edit Chain"_s, u"Chains"_s, u"chainTable"_s, u"editChainAction"_s, {}},
        {u"trigger editor (new trigger)"_s, u"Triggers"_s, {}, u"newTriggerAction"_s, {}},
        {u"Reindex"_s, u"Chains"_s, u"chainTable"_s, u"reindexChainAction"_s, {}},
        {u"Chain Details"_s, u"Chains"_s, u"chainTable"_s, u"chainDetailsAction"_s, {}},
        {u"Dry Run"_s, u"Triggers"_s, u"triggerTable"_s, u"dryRunTriggerAction"_s, {}},
        {u"Resync"_s, u"Chains"_s, u"chainTable"_s, u"resyncChainAction"_s, {}},
        {u"Back Up Database"_s, {}, {}, u"backupDatabaseAction"_s, {}},
        {u"Edit Chain (Chain Details page)"_s, u"Chain Details"_s, {}, {}, u"chainDetailEditButton"_s},
        {u"Add Chain"_s, {}, {}, u"addChainAction"_s, {}},
        {u"queue settings"_s, u"Balance Queue"_s, u"queueHealthTable"_s, {}, u"queueSettingsButton"_s},
        {u"Restore Database"_s, {}, {}, u"restoreDatabaseAction"_s, {}},
        {u"About"_s, {}, {}, u"aboutAction"_s, {}},
    };
}

void PageWalker::start()
{
    m_timer.start(0);
}

void PageWalker::stop()
{
    m_timer.stop();
    if (m_stepOpen) {
        closeStep();
        m_stepOpen = false;
    }
}

void PageWalker::setPaused(bool paused)
{
    m_paused = paused;
    if (paused && m_stepOpen) {
        closeStep();
        m_stepOpen = false;
    }
}

int PageWalker::closeDialogs(QMainWindow *window)
{
    int closed = 0;
    for (const QPointer<QWidget> &w : visibleWindows(window)) {
        if (!w)
            continue;
        if (auto *dialog = qobject_cast<QDialog *>(w.data()))
            dialog->reject();
        else
            w->close();
        ++closed;
    }
    return closed;
}

void PageWalker::closeStep()
{
    if (m_probe)
        m_probe->setActivity(u"closing dialogs"_s);
    closeDialogs(m_window());
}

bool PageWalker::showPage(QMainWindow *window, const QString &title, bool cycleInnerTabs)
{
    auto *tabs = window->findChild<QTabWidget *>(u"pageTabs"_s);
    if (!tabs)
        return false;
    int index = -1;
    for (int i = 0; i < tabs->count(); ++i) {
        if (plain(tabs->tabText(i)) == title)
            index = i;
    }
    if (index < 0 || !tabs->isTabEnabled(index))
        return false;
    tabs->setCurrentIndex(index);
    if (cycleInnerTabs) {
        for (QTabWidget *inner : tabs->widget(index)->findChildren<QTabWidget *>()) {
            if (inner->count() > 1)
                inner->setCurrentIndex((inner->currentIndex() + 1) % inner->count());
        }
    }
    return true;
}

void PageWalker::runStep(QMainWindow *window, const Step &step)
{
    if (m_probe)
        m_probe->setActivity(step.name);
    if (!step.page.isEmpty())
        showPage(window, step.page, false);
    if (!step.select.isEmpty()) {
        auto *view = window->findChild<QTableView *>(step.select);
        if (view && view->model() && view->model()->rowCount() > 0)
            view->selectRow(m_figures.steps % view->model()->rowCount());
    }
    const QList<QPointer<QWidget>> before = visibleWindows(window);
    bool triggered = false;
    if (!step.action.isEmpty()) {
        auto *action = window->findChild<QAction *>(step.action);
        if (action && action->isEnabled()) {
            action->trigger();
            triggered = true;
        }
    } else if (auto *button = window->findChild<QAbstractButton *>(step.button); button && button->isEnabled()) {
        button->click();
        triggered = true;
    }
    int shown = 0;
    for (const QPointer<QWidget> &w : visibleWindows(window)) {
        if (w && !before.contains(w))
            ++shown;
    }
    // Chain Details shows a page, not a dialog.
    if (step.action == u"chainDetailsAction" && triggered)
        shown = 1;
    if (shown == 0) {
        ++m_figures.notOpened[step.name];
        return;
    }
    ++m_figures.opened[step.name];
    ++m_figures.dialogsOpened;
    if (step.name == u"Settings")
        ++m_figures.settingsOpened;
    if (step.name.startsWith(u"trigger editor"))
        ++m_figures.triggerEditorsOpened;
}

void PageWalker::next()
{
    if (m_stepOpen) {
        closeStep();
        m_stepOpen = false;
        m_timer.start(150);
        return;
    }
    QMainWindow *window = m_window();
    if (m_paused || !window) {
        m_timer.start(500);
        return;
    }
    ++m_figures.steps;
    if (m_settingsNext) {
        runStep(window, {u"Settings"_s, {}, {}, u"settingsAction"_s, {}});
    } else if (m_figures.steps % 4 == 0) {
        auto *tabs = window->findChild<QTabWidget *>(u"pageTabs"_s);
        if (tabs && tabs->count() > 0) {
            const QString title = plain(tabs->tabText(m_page++ % tabs->count()));
            if (m_probe)
                m_probe->setActivity(u"page "_s + title);
            if (showPage(window, title, true)) {
                ++m_figures.pagesShown;
                ++m_figures.opened[u"page "_s + title];
            }
        }
    } else {
        runStep(window, m_steps.at(m_next++ % m_steps.size()));
    }
    m_settingsNext = !m_settingsNext;
    m_stepOpen = true;
    m_timer.start(m_dwellMs);
}

} // namespace arbor::soak
