#include "widgets/readonlybanner.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QStyle>

namespace arbor::ui {

ReadOnlyBanner::ReadOnlyBanner(QWidget *parent)
    : QFrame(parent)
{
    setObjectName(QStringLiteral("readOnlyBanner"));
    setStyleSheet(QStringLiteral("#readOnlyBanner { background: #fff4ce; border: 1px solid #e2c56b; border-radius: 4px; }"
                                 "#readOnlyBanner QLabel { color: #5c4300; background: transparent; }"));
    auto *icon = new QLabel;
    icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning, nullptr, this).pixmap(24, 24));
    m_text = new QLabel;
    m_text->setObjectName(QStringLiteral("readOnlyBannerText"));
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::PlainText);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 8, 10, 8);
    layout->addWidget(icon, 0, Qt::AlignTop);
    layout->addWidget(m_text, 1);
    hide();
}

void ReadOnlyBanner::setReason(const QString &reason)
{
    m_text->setText(reason.isEmpty() ? QString() : tr("This console is read-only: chains can be watched but not changed. %1").arg(reason));
    setVisible(!reason.isEmpty());
}

} // namespace arbor::ui
