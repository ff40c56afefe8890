#pragma once

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>

#include <functional>

class QMainWindow;
class QWidget;

namespace arbor::soak {

class GuiStallProbe;

/**
 * Opens and closes what an operator opens and closes, again and again, in the console's current
 * main window: every page of the tab bar (and every tab inside a page, one more each visit), and
 * the dialogs — Settings (every other step: it reads the keychain on the GUI thread), the
 * trigger editor on a stored trigger and on a new one, Alert Rules, Add Chain, Edit Chain,
 * Reindex, Resync, Chain Details, Back Up and Restore Database, the queue settings, the dry run,
 * About. Nothing is ever accepted: every dialog is cancelled, so what the console delivers is
 * only what the chains' events call for. Verbs that change what is delivered (delete, disable,
 * pause, Send Test) are left out.
 *
 * Each step waits `dwellMs` with its dialog open, then closes every window the console shows
 * besides the main window. Dialogs are held in QPointer: one with WA_DeleteOnClose may be gone.
 * The main window is asked for again at every step (a database switch replaces it).
 */
class PageWalker final : public QObject
{
public:
    struct Figures
    {
        int steps = 0;
        int pagesShown = 0;
        int dialogsOpened = 0;
        int settingsOpened = 0;
        int triggerEditorsOpened = 0;
        QHash<QString, int> opened;     ///< per step name: how often it showed a window
        QHash<QString, int> notOpened;  ///< per step name: its verb was disabled or showed nothing
    };

    PageWalker(std::function<QMainWindow *()> window, GuiStallProbe *probe, int dwellMs, QObject *parent = nullptr);

    void start();
    void stop();
    /// Paused: no step starts (a database switch under way); the one open is closed.
    void setPaused(bool paused);
    bool isPaused() const { return m_paused; }
    Figures figures() const { return m_figures; }
    /// Closes every window of the console but the main window (a step's dialogs, a message box).
    static int closeDialogs(QMainWindow *window);

private:
    struct Step
    {
        QString name;
        QString page;          ///< tab to show first ("Triggers"); empty: none
        QString select;        ///< a table whose first row is selected first
        QString action;        ///< QAction to trigger, or
        QString button;        ///< QAbstractButton to click
    };

    void next();
    void closeStep();
    bool showPage(QMainWindow *window, const QString &title, bool cycleInnerTabs);
    void runStep(QMainWindow *window, const Step &step);

    std::function<QMainWindow *()> m_window;
    GuiStallProbe *m_probe;
    int m_dwellMs;
    QTimer m_timer;
    QList<Step> m_steps;
    int m_next = 0;
    int m_page = 0;
    bool m_settingsNext = true;
    bool m_stepOpen = false;
    bool m_paused = false;
    Figures m_figures;
};

} // namespace arbor::soak
