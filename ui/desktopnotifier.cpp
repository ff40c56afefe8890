#include "desktopnotifier.h"

#include <QApplication>
#include <QMenu>
#include <QSystemTrayIcon>
#include <QWidget>

namespace arbor::ui {

DesktopNotifier::DesktopNotifier(QWidget *window, QObject *parent)
    : QObject(parent)
    , m_window(window)
{
    if (!QSystemTrayIcon::isSystemTrayAvailable())
        return;
    m_tray = new QSystemTrayIcon(QApplication::windowIcon(), this);
    m_tray->setToolTip(tr("Arbor"));
    m_menu = new QMenu;
    m_menu->addAction(tr("Show Arbor"), this, [this] { Q_EMIT activated(); });
    m_menu->addSeparator();
    m_menu->addAction(tr("Quit"), m_window, &QWidget::close);
    m_tray->setContextMenu(m_menu);
    connect(m_tray, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason reason) {
        if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick)
            Q_EMIT activated();
    });
    connect(m_tray, &QSystemTrayIcon::messageClicked, this, &DesktopNotifier::activated);
    m_tray->show();
}

DesktopNotifier::~DesktopNotifier()
{
    delete m_menu;
}

void DesktopNotifier::notify(const Alert &alert)
{
    if (!m_tray || !m_enabled)
        return;
    const QSystemTrayIcon::MessageIcon icon = alert.kind == Alert::Kind::DeepReorg ? QSystemTrayIcon::Information
                                                                                   : QSystemTrayIcon::Warning;
    m_tray->showMessage(alert.title, alert.text, icon, 10000);
    ++m_shown;
}

void DesktopNotifier::setSummary(const QString &summary)
{
    m_summary = summary;
    if (m_tray)
        m_tray->setToolTip(summary);
}

} // namespace arbor::ui
