#include "widgets/screenfit.h"

#include <QGuiApplication>
#include <QScreen>
#include <QWidget>

namespace arbor::ui {

QSize sizeOnScreen(const QWidget *window, QSize wanted)
{
    const QScreen *screen = window->screen() ? window->screen() : QGuiApplication::primaryScreen();
    if (screen)
        wanted = wanted.boundedTo(screen->availableGeometry().size() * 0.9);
    return wanted.expandedTo(window->minimumSizeHint());
}

void resizeOnScreen(QWidget *window, QSize wanted)
{
    window->resize(sizeOnScreen(window, wanted));
}

} // namespace arbor::ui
