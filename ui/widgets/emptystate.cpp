#include "widgets/emptystate.h"

#include <QLabel>
#include <QVBoxLayout>

namespace arbor::ui {

EmptyState::EmptyState(QWidget *parent)
    : QWidget(parent)
{
    m_text = new QLabel;
    m_text->setObjectName(QStringLiteral("emptyStateLabel"));
    m_text->setAlignment(Qt::AlignCenter);
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::PlainText);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_text->setMargin(24);
    QFont font = m_text->font();
    font.setPointSizeF(font.pointSizeF() * 1.25);
    m_text->setFont(font);
    m_text->setForegroundRole(QPalette::PlaceholderText);

    m_icon = new QLabel;
    m_icon->setAlignment(Qt::AlignCenter);
    auto *layout = new QVBoxLayout(this);
    layout->addStretch(2);
    layout->addWidget(m_icon);
    layout->addWidget(m_text);
    layout->addStretch(3);
}

void EmptyState::setMessage(const QIcon &icon, QIcon::Mode mode, const QString &text)
{
    m_icon->setPixmap(icon.pixmap(64, 64, mode));
    m_text->setText(text);
}

} // namespace arbor::ui
