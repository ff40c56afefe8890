#include "widgets/secretfield.h"

#include "dialogs/storesecretdialog.h"

#include <QHBoxLayout>
#include <QLineEdit>
#include <QPushButton>

namespace arbor::ui {

SecretField::SecretField(const QString &objectName, const QString &what, QWidget *parent)
    : QWidget(parent)
    , m_what(what)
{
    setObjectName(objectName);
    m_edit = new QLineEdit;
    m_edit->setObjectName(objectName + QStringLiteral("Edit"));
    m_edit->setPlaceholderText(QStringLiteral("keychain:NAME"));
    m_edit->setToolTip(tr("A reference to the secret: keychain:NAME, env:VAR or file:PATH. Never the secret itself."));
    m_storeButton = new QPushButton(tr("Store secret…"));
    m_storeButton->setObjectName(objectName + QStringLiteral("StoreButton"));
    m_storeButton->setToolTip(tr("Type the secret once; it goes to the system keychain and this field gets its reference"));
    connect(m_storeButton, &QPushButton::clicked, this, &SecretField::askAndStore);
    connect(m_edit, &QLineEdit::textChanged, this, &SecretField::changed);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_edit, 1);
    layout->addWidget(m_storeButton);
    setFocusProxy(m_edit);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
}

QString SecretField::reference() const
{
    return m_edit->text().trimmed();
}

void SecretField::setReference(const QString &reference)
{
    m_edit->setText(reference);
}

void SecretField::askAndStore()
{
    QString name;
    if (const QString current = reference(); current.startsWith(QLatin1String("keychain:")))
        name = current.mid(9);
    else if (current.isEmpty() && m_suggestion)
        name = m_suggestion();
    auto *dialog = new StoreSecretDialog(name, m_what, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &StoreSecretDialog::stored, this, [this](const QString &stored) {
        m_edit->setText(QLatin1String("keychain:") + stored);
        m_edit->setFocus();
    });
    dialog->open();
}

} // namespace arbor::ui
