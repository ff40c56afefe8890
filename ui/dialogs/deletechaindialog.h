#pragma once

#include "model/chainconfig.h"

#include <QDialog>

class QLineEdit;
class QPushButton;

namespace arbor::ui {

/**
 * Asks the operator to confirm deleting a chain by typing its name, as a guard against
 * deleting the wrong one: the Delete button stays disabled until the name matches exactly.
 *
 * Meant to be opened window-modal with open(); `accepted` means "delete it".
 */
class DeleteChainDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit DeleteChainDialog(const arbor::ChainRecord &chain, QWidget *parent = nullptr);

    qint64 chainId() const { return m_chainId; }
    QString chainName() const { return m_name; }

private:
    void updateDeleteButton();

    qint64 m_chainId = 0;
    QString m_name;
    QLineEdit *m_nameEdit = nullptr;
    QPushButton *m_deleteButton = nullptr;
};

} // namespace arbor::ui
