#include "dialogs/deleteprogressdialog.h"

#include "engine/chaindeletion.h"
#include "engine/chainservice.h"
#include "util/continuation.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QListWidget>
#include <QStyle>
#include <QPushButton>
#include <QVBoxLayout>

namespace arbor::ui {

DeleteProgressDialog::DeleteProgressDialog(ChainService *chains, qint64 chainId, const QString &name, QWidget *parent)
    : QDialog(parent)
    , m_chainId(chainId)
    , m_name(name)
{
    setObjectName(QStringLiteral("deleteProgressDialog"));
    setWindowTitle(tr("Deleting Chain"));

    auto *heading = new QLabel(tr("Deleting “%1” (chain ID %2)").arg(name).arg(chainId), this);
    heading->setTextFormat(Qt::PlainText);
    QFont headingFont = heading->font();
    headingFont.setBold(true);
    heading->setFont(headingFont);

    // Steps are listed up front, in the engine's language-neutral order, translated.
    m_steps = new QListWidget(this);
    m_steps->setObjectName(QStringLiteral("deleteSteps"));
    m_steps->setSelectionMode(QAbstractItemView::NoSelection);
    m_steps->setFocusPolicy(Qt::NoFocus);
    for (const QString &step : ChainDeletion::stepNames()) {
        auto *item = new QListWidgetItem(step, m_steps);
        item->setFlags(Qt::ItemIsEnabled);
        item->setCheckState(Qt::Unchecked);
    }
    m_steps->setMinimumHeight(m_steps->sizeHintForRow(0) * (m_steps->count() + 1));

    m_status = new QLabel(tr("Stopping the chain's indexer…"), this);
    m_status->setObjectName(QStringLiteral("deleteStatus"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_closeButton = buttons->button(QDialogButtonBox::Close);
    m_closeButton->setEnabled(false);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(heading);
    layout->addWidget(m_steps, 1);
    layout->addWidget(m_status);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &DeleteProgressDialog::reject);
    setMinimumWidth(420);

    connect(chains, &ChainService::deletionProgress, this, &DeleteProgressDialog::stepChanged);
    then(chains->deleteChain(ChainRef{chainId, {}}), this, [this](Status s) { finish(s); });
}

void DeleteProgressDialog::reject()
{
    if (m_running)
        return;
    QDialog::reject();
}

void DeleteProgressDialog::stepChanged(qint64 chainId, int step, const QString &name, bool done)
{
    if (chainId != m_chainId || step < 1)
        return;
    while (m_steps->count() < step) {   // a step core added that this build does not list
        auto *item = new QListWidgetItem(m_steps);
        item->setFlags(Qt::ItemIsEnabled);
        item->setCheckState(Qt::Unchecked);
    }
    QListWidgetItem *item = m_steps->item(step - 1);
    if (item->text().isEmpty())
        item->setText(QCoreApplication::translate("arbor::ChainDeletion", name.toUtf8().constData()));
    QFont font = m_steps->font();
    font.setBold(!done);
    item->setFont(font);
    item->setCheckState(done ? Qt::Checked : Qt::PartiallyChecked);
    if (!done)
        m_status->setText(tr("Step %1 of %2: %3…").arg(step).arg(m_steps->count()).arg(item->text()));
}

void DeleteProgressDialog::finish(const Status &status)
{
    m_running = false;
    m_succeeded = status.ok();
    if (status) {
        m_status->setText(tr("Chain “%1” deleted.").arg(m_name));
    } else {
        m_status->setText(tr("The chain was not fully deleted: %1").arg(status.error().message));
        // The step that was running did not complete.
        for (int row = 0; row < m_steps->count(); ++row) {
            QListWidgetItem *item = m_steps->item(row);
            if (item->checkState() == Qt::PartiallyChecked) {
                item->setCheckState(Qt::Unchecked);
                item->setIcon(style()->standardIcon(QStyle::SP_MessageBoxCritical));
            }
        }
    }
    m_closeButton->setEnabled(true);
    m_closeButton->setDefault(true);
    m_closeButton->setFocus();
    Q_EMIT deletionFinished(status.ok(), status ? QString() : status.error().message);
}

} // namespace arbor::ui
