#pragma once

#include <QColor>
#include <QGuiApplication>
#include <QPalette>

/// Text colours for errors and warnings that stay readable on the desktop's palette: darker
/// shades on a light theme, lighter ones on a dark theme (the window colour decides).
namespace arbor::ui::themecolors {

inline bool isDark(const QPalette &palette = QGuiApplication::palette())
{
    return palette.color(QPalette::Window).lightness() < 128;
}

inline QColor errorText(const QPalette &palette = QGuiApplication::palette())
{
    return isDark(palette) ? QColor(0xff, 0x8a, 0x80) : QColor(0xb0, 0x1c, 0x1c);
}

inline QColor warningText(const QPalette &palette = QGuiApplication::palette())
{
    return isDark(palette) ? QColor(0xff, 0xc1, 0x4d) : QColor(0xa0, 0x5c, 0x00);
}

} // namespace arbor::ui::themecolors
