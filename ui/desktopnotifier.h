#pragma once

#include "alerts/alertmonitor.h"

#include <QObject>

class QAction;
class QMenu;
class QSystemTrayIcon;
class QWidget;

namespace arbor::ui {

/**
 * The console's tray icon and desktop notifications: each alert the AlertMonitor raises pops up
 * as a notification (when enabled and the desktop has a system tray), and the tray menu shows
 * or hides the window, so the console can run in the background and still be heard.
 *
 * Without a system tray (some desktops, a headless session) it does nothing; the alerts panel
 * and the status bar still show every alert.
 */
class DesktopNotifier final : public QObject
{
    Q_OBJECT

public:
    explicit DesktopNotifier(QWidget *window, QObject *parent = nullptr);
    ~DesktopNotifier() override;

    bool isAvailable() const { return m_tray != nullptr; }
    void setEnabled(bool enabled) { m_enabled = enabled; }
    bool isEnabled() const { return m_enabled; }

    void notify(const arbor::Alert &alert);
    /// The tray icon's tooltip: "Arbor — 3 chains, 2 alerts (1 acknowledged)".
    void setSummary(const QString &summary);
    /// The tooltip set last (also without a system tray).
    QString summary() const { return m_summary; }

    /// Notifications shown so far (what a test or the status bar can count).
    int shownCount() const { return m_shown; }

Q_SIGNALS:
    /// The operator clicked a notification or the tray icon: show the window (on the alerts).
    void activated();

private:
    QWidget *m_window;
    QSystemTrayIcon *m_tray = nullptr;
    QMenu *m_menu = nullptr;
    bool m_enabled = true;
    int m_shown = 0;
    QString m_summary;
};

} // namespace arbor::ui
