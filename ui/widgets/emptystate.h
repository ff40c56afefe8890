#pragma once

#include <QIcon>
#include <QWidget>

class QLabel;

namespace arbor::ui {

/**
 * What a page shows in place of its content while it has none to show: a large icon above a
 * centred, selectable message (opening the database, a startup error, no chains on a
 * read-only console). Thread: the GUI thread.
 */
class EmptyState final : public QWidget
{
    Q_OBJECT

public:
    explicit EmptyState(QWidget *parent = nullptr);

    /// `icon` drawn in `mode` (QIcon::Disabled for a wait, Normal for an error) above `text`.
    void setMessage(const QIcon &icon, QIcon::Mode mode, const QString &text);

private:
    QLabel *m_icon = nullptr;
    QLabel *m_text = nullptr;
};

} // namespace arbor::ui
