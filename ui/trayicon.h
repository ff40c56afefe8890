#pragma once

#include "model/chainstatus.h"

#include <QObject>

class QAction;
class QMainWindow;
class QSystemTrayIcon;

namespace arbor {
class IndexingService;
}

namespace arbor::ui {

/**
 * The console in the system tray, as qBittorrent does it: the tray icon shows the overall
 * health (the application icon, marked when a chain's endpoints are all down or it is stalled)
 * and its tooltip the chain counts ("Arbor: 3 live, 1 catching up, 1 RPC down"); a click shows
 * or hides the window; its menu has Show, "Keep Running in the Tray When Closed" and Quit.
 *
 * With that setting on (the default where a tray exists), closing the window from the window
 * manager hides it and indexing goes on; File → Quit and the tray's Quit still quit. Without
 * a system tray (or with the setting off) nothing changes: closing the window quits.
 *
 * Thread: the GUI thread. Owned by the window.
 */
class TrayIcon final : public QObject
{
    Q_OBJECT

public:
    TrayIcon(QMainWindow *window, arbor::IndexingService *indexing);
    ~TrayIcon() override;

    /// "Keep running in the tray when the window is closed": on unless the operator turned it off.
    static bool closeToTray();
    static void setCloseToTray(bool enabled);

    /// "3 live, 1 catching up, 1 RPC down" for the tooltip; "no chains" without any.
    static QString healthSummary(const QList<arbor::ChainStatus> &statuses);
    /// Whether any chain needs attention (every endpoint down, or stalled).
    static bool needsAttention(const QList<arbor::ChainStatus> &statuses);

    /// Whether the tray icon is shown (a system tray exists).
    bool isShown() const;
    QString toolTip() const;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void updateHealth(const QList<arbor::ChainStatus> &statuses);
    void toggleWindow();

    QMainWindow *m_window;
    QSystemTrayIcon *m_tray = nullptr;
    QAction *m_keepRunning = nullptr;
    bool m_attention = false;
};

} // namespace arbor::ui
