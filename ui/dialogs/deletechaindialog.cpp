#include "dialogs/deletechaindialog.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace arbor::ui {

DeleteChainDialog::DeleteChainDialog(const ChainRecord &chain, QWidget *parent)
    : QDialog(parent)
    , m_chainId(chain.config.chainId)
    , m_name(chain.config.name)
{
    setObjectName(QStringLiteral("deleteChainDialog"));
    setWindowTitle(tr("Delete Chain"));

    auto *icon = new QLabel(this);
    const int iconSize = style()->pixelMetric(QStyle::PM_MessageBoxIconSize, nullptr, this);
    icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning, nullptr, this).pixmap(iconSize, iconSize));
    icon->setAlignment(Qt::AlignTop);

    auto *heading = new QLabel(tr("Delete the chain “%1” (chain ID %2)?").arg(m_name).arg(m_chainId), this);
    heading->setTextFormat(Qt::PlainText);
    QFont headingFont = heading->font();
    headingFont.setBold(true);
    heading->setFont(headingFont);

    auto *explanation = new QLabel(tr("Indexing stops, and the chain's tables, its rows in the cross-chain tables and its "
                                      "tracking data are removed. This cannot be undone; to index the chain again you "
                                      "would add it anew and sync from its start block."),
                                   this);
    explanation->setWordWrap(true);

    auto *prompt = new QLabel(tr("Type the chain's name, <b>%1</b>, to confirm:").arg(m_name.toHtmlEscaped()), this);
    prompt->setTextFormat(Qt::RichText);

    m_nameEdit = new QLineEdit(this);
    m_nameEdit->setObjectName(QStringLiteral("confirmNameEdit"));
    m_nameEdit->setPlaceholderText(m_name);
    prompt->setBuddy(m_nameEdit);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_deleteButton = buttons->addButton(tr("Delete Chain"), QDialogButtonBox::DestructiveRole);
    m_deleteButton->setObjectName(QStringLiteral("confirmDeleteButton"));
    m_deleteButton->setIcon(QIcon::fromTheme(QStringLiteral("edit-delete"), QIcon(QStringLiteral(":/icons/actions/delete.svg"))));
    // Enter deletes only once the name matches: a disabled default button ignores it.
    buttons->button(QDialogButtonBox::Cancel)->setAutoDefault(false);
    m_deleteButton->setDefault(true);

    auto *text = new QVBoxLayout;
    text->addWidget(heading);
    text->addWidget(explanation);
    text->addSpacing(6);
    text->addWidget(prompt);
    text->addWidget(m_nameEdit);

    auto *body = new QHBoxLayout;
    body->addWidget(icon, 0, Qt::AlignTop);
    body->addSpacing(8);
    body->addLayout(text, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(body);
    layout->addSpacing(6);
    layout->addWidget(buttons);

    connect(m_nameEdit, &QLineEdit::textChanged, this, &DeleteChainDialog::updateDeleteButton);
    connect(m_deleteButton, &QPushButton::clicked, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    updateDeleteButton();
    setMinimumWidth(460);
    m_nameEdit->setFocus();
}

void DeleteChainDialog::updateDeleteButton()
{
    m_deleteButton->setEnabled(m_nameEdit->text() == m_name);
}

} // namespace arbor::ui
