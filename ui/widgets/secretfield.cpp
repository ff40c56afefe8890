#include "widgets/secretfield.h"

#include "dialogs/storesecretdialog.h"
#include "secrets/namedsecrets.h"

#include <QAction>
#include <QCompleter>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QStringListModel>
#include <QStyle>

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
    connect(m_edit, &QLineEdit::textChanged, this, &SecretField::updateWarning);

    m_names = new QStringListModel(this);
    auto *completer = new QCompleter(m_names, this);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setFilterMode(Qt::MatchContains);
    m_edit->setCompleter(completer);
    m_warning = m_edit->addAction(style()->standardIcon(QStyle::SP_MessageBoxWarning), QLineEdit::TrailingPosition);
    m_warning->setObjectName(objectName + QStringLiteral("Unstored"));
    m_warning->setVisible(false);
    connect(m_warning, &QAction::triggered, this, &SecretField::askAndStore);

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

void SecretField::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    refreshStoredNames();
}

void SecretField::refreshStoredNames()
{
    m_stored = NamedSecrets::names();
    QStringList references;
    for (const QString &name : std::as_const(m_stored))
        references.append(QLatin1String("keychain:") + name);
    m_names->setStringList(references);
    updateWarning();
}

bool SecretField::namesUnstoredSecret() const
{
    const QString current = reference();
    return current.startsWith(QLatin1String("keychain:")) && current.size() > 9 && !m_stored.contains(current.mid(9));
}

void SecretField::updateWarning()
{
    const bool unstored = namesUnstoredSecret();
    m_warning->setVisible(unstored);
    m_warning->setToolTip(unstored ? tr("No secret named “%1” is stored on this computer: the engine cannot send with it. Store secret… "
                                        "stores it (or store it where the engine that delivers runs).")
                                         .arg(reference().mid(9))
                                   : QString());
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
    if (m_offersSigningSecret)
        dialog->offerGeneratedSigningSecret();
    connect(dialog, &StoreSecretDialog::stored, this, [this](const QString &stored) {
        m_edit->setText(QLatin1String("keychain:") + stored);
        refreshStoredNames();
        m_edit->setFocus();
    });
    dialog->open();
}

} // namespace arbor::ui
