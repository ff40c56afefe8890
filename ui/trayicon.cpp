#include "trayicon.h"


#include "engine/indexingservice.h"
#include "widgets/statustone.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QMainWindow>
#include <QMenu>
#include <QPainter>
#include <QSettings>
#include <QSystemTrayIcon>

#include <algorithm>

namespace arbor::ui {
namespace {

const QString CloseToTrayKey = QStringLiteral("window/closeToTray");
const QString TrayNoticeKey = QStringLiteral("window/trayNoticeShown");

// The application icon with a red dot in its corner.
QIcon markedIcon(const QIcon &base)
{
    QPixmap pixmap = base.pixmap(64, 64);
    if (pixmap.isNull()) {
        pixmap = QPixmap(64, 64);
        pixmap.fill(Qt::transparent);
    }
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(Qt::white, 3));
    painter.setBrush(toneColor(StatusTone::Bad));
    painter.drawEllipse(QRect(34, 34, 28, 28));
    return QIcon(pixmap);
}

} // namespace

TrayIcon::TrayIcon(QMainWindow *window, IndexingService *indexing)
    : QObject(window)
    , m_window(window)
{
    window->installEventFilter(this);
    if (!QSystemTrayIcon::isSystemTrayAvailable())
        return;
    m_tray = new QSystemTrayIcon(window->windowIcon(), this);
    auto *menu = new QMenu(window);
    QAction *show = menu->addAction(tr("&Show Arbor"));
    connect(show, &QAction::triggered, this, [this] {
        m_window->showNormal();
        m_window->raise();
        m_window->activateWindow();
    });
    m_keepRunning = menu->addAction(tr("&Keep Running in the Tray When Closed"));
    m_keepRunning->setCheckable(true);
    m_keepRunning->setChecked(closeToTray());
    connect(m_keepRunning, &QAction::toggled, this, [](bool on) { setCloseToTray(on); });
    menu->addSeparator();
    QAction *quit = menu->addAction(tr("&Quit"));
    connect(quit, &QAction::triggered, this, [this] {
        m_window->close();   // not spontaneous: the window closes for good and saves its settings
        QApplication::quit();
    });
    m_tray->setContextMenu(menu);
    connect(m_tray, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason reason) {
        if (reason == QSystemTrayIcon::Trigger)
            toggleWindow();
    });
    connect(indexing, &IndexingService::chainStatusChanged, this, &TrayIcon::updateHealth);
    updateHealth(indexing->chainStatuses());
    m_tray->show();
}

TrayIcon::~TrayIcon() = default;

bool TrayIcon::closeToTray()
{
    return QSettings().value(CloseToTrayKey, true).toBool();
}

void TrayIcon::setCloseToTray(bool enabled)
{
    QSettings().setValue(CloseToTrayKey, enabled);
}

QString TrayIcon::healthSummary(const QList<ChainStatus> &statuses)
{
    int live = 0, catchingUp = 0, down = 0, stalled = 0, other = 0;
    for (const ChainStatus &s : statuses) {
        switch (s.phase) {
        case IndexPhase::Live:
            ++live;
            break;
        case IndexPhase::CatchingUp:
            ++catchingUp;
            break;
        case IndexPhase::RpcDown:
            ++down;
            break;
        case IndexPhase::Stalled:
            ++stalled;
            break;
        default:
            ++other;
        }
    }
    if (statuses.isEmpty())
        return tr("no chains indexed");
    QStringList parts;
    if (live)
        parts.append(tr("%1 live").arg(live));
    if (catchingUp)
        parts.append(tr("%1 catching up").arg(catchingUp));
    if (down)
        parts.append(tr("%1 RPC down").arg(down));
    if (stalled)
        parts.append(tr("%1 stalled").arg(stalled));
    if (other)
        parts.append(tr("%1 starting or stopped").arg(other));
    return parts.join(QStringLiteral(", "));
}

bool TrayIcon::needsAttention(const QList<ChainStatus> &statuses)
{
    return std::any_of(statuses.cbegin(), statuses.cend(),
                       [](const ChainStatus &s) { return s.phase == IndexPhase::RpcDown || s.phase == IndexPhase::Stalled; });
}

bool TrayIcon::isShown() const
{
    return m_tray && m_tray->isVisible();
}

QString TrayIcon::toolTip() const
{
    return m_tray ? m_tray->toolTip() : QString();
}

void TrayIcon::updateHealth(const QList<ChainStatus> &statuses)
{
    m_tray->setToolTip(tr("Arbor: %1").arg(healthSummary(statuses)));
    const bool attention = needsAttention(statuses);
    if (attention != m_attention || m_tray->icon().isNull()) {
        m_attention = attention;
        m_tray->setIcon(attention ? markedIcon(m_window->windowIcon()) : m_window->windowIcon());
    }
}

void TrayIcon::toggleWindow()
{
    if (m_window->isVisible() && !m_window->isMinimized()) {
        m_window->hide();
        return;
    }
    m_window->showNormal();
    m_window->raise();
    m_window->activateWindow();
}

bool TrayIcon::eventFilter(QObject *watched, QEvent *event)
{
    // Only the window manager's close (spontaneous) goes to the tray; File → Quit closes.
    if (watched == m_window && event->type() == QEvent::Close && event->spontaneous() && isShown() && closeToTray()) {
        event->ignore();
        m_window->hide();
        QSettings settings;
        if (!settings.value(TrayNoticeKey).toBool()) {
            settings.setValue(TrayNoticeKey, true);
            m_tray->showMessage(tr("Arbor keeps indexing"),
                                tr("Arbor runs on in the system tray. Quit it from the tray icon's menu or with File → Quit."),
                                QSystemTrayIcon::Information, 8000);
        }
        return true;
    }
    // The window closes for good (MainWindow accepts every close): without quit-on-last-window
    // (a tray is shown), the application ends here.
    if (watched == m_window && event->type() == QEvent::Close && isShown())
        QMetaObject::invokeMethod(qApp, &QCoreApplication::quit, Qt::QueuedConnection);
    return QObject::eventFilter(watched, event);
}

} // namespace arbor::ui
