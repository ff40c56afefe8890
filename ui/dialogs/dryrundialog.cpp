#include "dialogs/dryrundialog.h"
#include "widgets/tablecell.h"

#include "engine/triggerservice.h"
#include "model/u256.h"
#include "models/deliverylogmodel.h"
#include "util/continuation.h"
#include "widgets/screenfit.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

#include <climits>

namespace arbor::ui {
namespace {

enum MatchColumn { BlockColumn, TransactionColumn, LogColumn, EventColumn, AgentColumn, MatchColumnCount };

std::optional<qint64> blockOf(const QLineEdit *edit)
{
    const QString text = edit->text().trimmed();
    return text.isEmpty() ? std::nullopt : std::optional<qint64>(text.toLongLong());
}

QTableWidgetItem *dryRunCell(const QString &text, bool number = false)
{
    return tableCell(text, number ? Qt::AlignRight | Qt::AlignVCenter : Qt::AlignLeft | Qt::AlignVCenter);
}

} // namespace

DryRunDialog::DryRunDialog(TriggerService *triggers, const TriggerRecord &trigger, QWidget *parent)
    : QDialog(parent)
    , m_triggers(triggers)
    , m_trigger(trigger)
{
    Q_ASSERT(triggers);
    setObjectName(QStringLiteral("dryRunDialog"));
    setWindowTitle(tr("Dry Run of “%1”").arg(trigger.def.name));

    auto *notice = new QLabel(tr("Nothing is sent: a dry run evaluates the stored events of the range from a fresh "
                                 "state and shows what each action would send."));
    notice->setObjectName(QStringLiteral("dryRunNotice"));
    notice->setWordWrap(true);

    const auto *digits = new QRegularExpressionValidator(QRegularExpression(QStringLiteral("\\d{0,16}")), this);
    m_from = new QLineEdit;
    m_from->setObjectName(QStringLiteral("dryRunFromEdit"));
    m_from->setPlaceholderText(tr("first stored"));
    m_from->setValidator(digits);
    m_to = new QLineEdit;
    m_to->setObjectName(QStringLiteral("dryRunToEdit"));
    m_to->setPlaceholderText(tr("checkpoint"));
    m_to->setValidator(digits);
    m_runButton = new QPushButton(QIcon::fromTheme(QStringLiteral("media-playback-start")), tr("&Run"));
    m_runButton->setObjectName(QStringLiteral("dryRunButton"));
    m_runButton->setDefault(true);
    connect(m_runButton, &QPushButton::clicked, this, &DryRunDialog::run);
    connect(m_from, &QLineEdit::returnPressed, this, &DryRunDialog::run);
    connect(m_to, &QLineEdit::returnPressed, this, &DryRunDialog::run);

    auto *range = new QHBoxLayout;
    range->addWidget(new QLabel(tr("Blocks from")));
    range->addWidget(m_from, 1);
    range->addWidget(new QLabel(tr("to")));
    range->addWidget(m_to, 1);
    range->addWidget(m_runButton);

    m_summary = new QLabel;
    m_summary->setObjectName(QStringLiteral("dryRunSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::PlainText);

    m_matches = new QTableWidget(0, MatchColumnCount);
    m_matches->setObjectName(QStringLiteral("dryRunMatches"));
    m_matches->setHorizontalHeaderLabels({tr("Block"), tr("Transaction"), tr("Log"), tr("Event"), tr("Agent")});
    m_matches->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_matches->setSelectionMode(QAbstractItemView::SingleSelection);
    m_matches->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_matches->setAlternatingRowColors(true);
    m_matches->setWordWrap(false);
    m_matches->verticalHeader()->hide();
    m_matches->setTextElideMode(Qt::ElideMiddle);
    m_matches->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_matches->horizontalHeader()->setSectionResizeMode(TransactionColumn, QHeaderView::Stretch);
    connect(m_matches, &QTableWidget::itemSelectionChanged, this, &DryRunDialog::showPayloads);

    m_payloads = new QPlainTextEdit;
    m_payloads->setObjectName(QStringLiteral("dryRunPayloads"));
    m_payloads->setReadOnly(true);
    m_payloads->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_payloads->setPlaceholderText(tr("Select a match to see what its actions would send."));

    auto *splitter = new QSplitter(Qt::Vertical);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(m_matches);
    splitter->addWidget(m_payloads);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(notice);
    layout->addLayout(range);
    layout->addWidget(m_summary);
    layout->addWidget(splitter, 1);
    layout->addWidget(buttons);
    resizeOnScreen(this, QSize(820, 620));
    run();
}

void DryRunDialog::run()
{
    const std::optional<qint64> from = blockOf(m_from);
    const std::optional<qint64> to = blockOf(m_to);
    if (from && to && *from > *to) {
        m_summary->setText(tr("The range ends before it starts: %1 is after %2.").arg(*from).arg(*to));
        return;
    }
    const quint64 request = ++m_request;
    m_runButton->setEnabled(false);
    m_summary->setText(tr("Evaluating the stored events…"));
    then(m_triggers->dryRunTrigger(m_trigger.def.id, from, to), this, [this, request](Result<DryRunResult> result) {
        if (request != m_request)
            return;
        m_runButton->setEnabled(true);
        if (!result) {
            m_summary->setText(tr("The dry run failed: %1").arg(result.error().toString()));
            return;
        }
        showResult(*result);
    });
}

void DryRunDialog::showResult(const DryRunResult &result)
{
    m_result = result;
    const QLocale locale;
    QString summary = result.events == 0
        ? tr("No stored events in this range. Nothing was sent.")
        : tr("Blocks %1 to %2: %n event(s) evaluated, %3 matched. Nothing was sent.", nullptr, int(qMin<qint64>(result.events, INT_MAX)))
              .arg(locale.toString(result.fromBlock), locale.toString(result.throughBlock), locale.toString(result.matches.size()));
    if (result.truncated)
        summary += u' ' + tr("The run stopped at block %1 after the most events one dry run reads: narrow the range to see the rest.")
                              .arg(locale.toString(result.throughBlock));
    m_summary->setText(summary);

    m_matches->setRowCount(0);
    m_matches->setRowCount(int(result.matches.size()));
    for (int row = 0; row < result.matches.size(); ++row) {
        const AgentEvent &e = result.matches[row].event.event;
        m_matches->setItem(row, BlockColumn, dryRunCell(locale.toString(e.blockNumber), true));
        m_matches->setItem(row, TransactionColumn, dryRunCell(e.txHash.toHex()));
        m_matches->setItem(row, LogColumn, dryRunCell(QString::number(e.logIndex), true));
        m_matches->setItem(row, EventColumn, dryRunCell(e.event));
        m_matches->setItem(row, AgentColumn, dryRunCell(u256::toDecimal(e.agentId), true));
    }
    if (!result.matches.isEmpty())
        m_matches->selectRow(0);
    else
        m_payloads->clear();
}

void DryRunDialog::showPayloads()
{
    const QList<QTableWidgetItem *> selected = m_matches->selectedItems();
    if (!m_result || selected.isEmpty() || selected.first()->row() >= m_result->matches.size()) {
        m_payloads->clear();
        return;
    }
    const DryRunMatch &match = m_result->matches[selected.first()->row()];
    QStringList parts;
    for (int i = 0; i < match.actions.size(); ++i) {
        const DryRunAction &a = match.actions[i];
        QString target = a.target;
        if (target.isEmpty())
            target = a.action.type == ActionType::Telegram ? tr("chat %1").arg(a.action.chatId) : a.action.url;
        QString part = QStringLiteral("%1. %2 → %3\n").arg(i + 1).arg(DeliveryLogModel::actionTypeText(a.action.type), target);
        if (!a.error.isEmpty()) {
            part += tr("Would not be sent: %1").arg(a.error);
        } else {
            const QJsonDocument json = QJsonDocument::fromJson(a.body);
            part += json.isNull() ? QString::fromUtf8(a.body) : QString::fromUtf8(json.toJson(QJsonDocument::Indented)).trimmed();
        }
        parts.append(part);
    }
    m_payloads->setPlainText(parts.join(QStringLiteral("\n\n")));
}

} // namespace arbor::ui
