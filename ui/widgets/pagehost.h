#pragma once

#include <QWidget>

#include <functional>

class QScrollArea;

namespace arbor::ui {

/**
 * A tab's place for a page that is made when it is first needed: when the tab is first shown,
 * or when the window asks for the page (a verb that opens it, Refresh).
 *
 * Making every page of the main window at once held the GUI thread for 20–30 ms on an idle
 * machine and over 50 ms under indexing load, on start and on every database switch; a page
 * nobody opens also reads nothing. Each page then costs its few milliseconds on the click that
 * shows it.
 *
 * The page scrolls when the window is smaller than the page needs (a laptop's 1366×768): its
 * minimum size would otherwise be the window's, which then grows past the screen. It scrolls
 * only below its minimum height: QScrollArea gives a page with wrapping labels its preferred
 * height for the width, and the Database page scrolled with 150 pixels to spare.
 *
 * Thread: GUI thread only.
 */
class PageHost final : public QWidget
{
    Q_OBJECT

public:
    using Factory = std::function<QWidget *()>;

    explicit PageHost(Factory factory, QWidget *parent = nullptr);

    /// The page, made by the factory on the first call and owned by this host from then on.
    QWidget *page();
    bool hasPage() const { return m_page != nullptr; }

    /// Scrolls the page that holds \a widget so that as much of it as fits is in view, as when a
    /// tab low on a page is chosen. Nothing happens for a widget outside a PageHost.
    static void bringIntoView(QWidget *widget);

protected:
    void showEvent(QShowEvent *event) override;

private:
    Factory m_factory;
    QScrollArea *m_scroll = nullptr;
    QWidget *m_page = nullptr;
};

} // namespace arbor::ui
