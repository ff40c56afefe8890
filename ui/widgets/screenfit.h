#pragma once

#include <QSize>

class QWidget;

namespace arbor::ui {

/**
 * The size \a window opens at: \a wanted, within 90% of the screen it opens on, and never
 * smaller than its layout needs.
 *
 * A 1366×768 laptop leaves about 700 pixels of height to a window: a dialog sized for a large
 * screen (Edit Chain, the trigger editor) otherwise opens with its buttons below the screen's edge.
 * The lists and text boxes of those dialogs give up the height instead.
 *
 * Thread: GUI thread only.
 */
QSize sizeOnScreen(const QWidget *window, QSize wanted);

/// Resizes \a window to sizeOnScreen(window, wanted).
void resizeOnScreen(QWidget *window, QSize wanted);

} // namespace arbor::ui
