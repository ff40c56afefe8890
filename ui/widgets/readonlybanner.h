#pragma once

#include <QFrame>

class QLabel;

namespace arbor::ui {

/**
 * The strip above the pages of a read-only console: a warning icon and why nothing can be
 * changed here (another engine holds the database, the schema is newer than this build, …).
 * Hidden until setReason() is given one. Thread: the GUI thread.
 */
class ReadOnlyBanner final : public QFrame
{
    Q_OBJECT

public:
    explicit ReadOnlyBanner(QWidget *parent = nullptr);

    /// Shows the banner with `reason`; an empty reason hides it.
    void setReason(const QString &reason);

private:
    QLabel *m_text = nullptr;
};

} // namespace arbor::ui
