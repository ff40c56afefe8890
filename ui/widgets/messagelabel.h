#pragma once

#include <QLabel>

namespace arbor::ui {

/**
 * The inline message shown under an input (the add-chain wizard, the dialogs): what is wrong and the fix
 * (Error), or something worth knowing that does not block (Note). Hidden while empty.
 */
class MessageLabel final : public QLabel
{
    Q_OBJECT

public:
    enum class Kind { Error, Note };

    explicit MessageLabel(const QString &objectName, QWidget *parent = nullptr);

    void showMessage(const QString &text, Kind kind = Kind::Error);
    void clearMessage() { showMessage(QString()); }
};

} // namespace arbor::ui
