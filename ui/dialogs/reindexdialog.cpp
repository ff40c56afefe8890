#include "dialogs/reindexdialog.h"

#include "engine/indexingservice.h"
#include "util/continuation.h"
#include "widgets/messagelabel.h"
#include "widgets/refreshthrottle.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

#include <limits>

namespace arbor::ui {
ReindexDialog::ReindexDialog(IndexingService *indexing, const ChainRecord &chain, QWidget *parent)
    : QDialog(parent)
    , m_indexing(indexing)
    , m_chainId(chain.config.chainId)
    , m_chainName(chain.config.name)
    , m_checkpoint(chain.checkpointBlock)
{
    setObjectName(QStringLiteral("reindexDialog"));
    setWindowTitle(tr("Reindex Block Range"));

    auto *intro = new QLabel(tr("Fetch a block range of “%1” (chain ID %2) again from its RPC endpoints and replace its rows. "
                                "The request is recorded with your reason in the audit log.")
                                 .arg(m_chainName).arg(m_chainId),
                             this);
    intro->setTextFormat(Qt::PlainText);
    intro->setWordWrap(true);

    m_boundsLabel = new QLabel(tr("Reading what is indexed…"), this);
    m_boundsLabel->setObjectName(QStringLiteral("reindexBounds"));
    m_boundsLabel->setWordWrap(true);

    auto spin = [this](const char *name) {
        auto *s = new QSpinBox(this);
        s->setObjectName(QString::fromLatin1(name));
        // Not clamped to the indexed range: an operator who types a block outside it is told why.
        s->setRange(0, std::numeric_limits<int>::max());
        s->setGroupSeparatorShown(true);
        s->setKeyboardTracking(true);
        return s;
    };
    m_fromSpin = spin("reindexFromSpin");
    m_toSpin = spin("reindexToSpin");
    m_reasonEdit = new QLineEdit(this);
    m_reasonEdit->setObjectName(QStringLiteral("reindexReasonEdit"));
    m_reasonEdit->setPlaceholderText(tr("Why, for the audit log (e.g. “RPC returned truncated logs”)"));
    m_reasonEdit->setMaxLength(500);
    m_fromError = new MessageLabel(QStringLiteral("reindexFromError"), this);
    m_toError = new MessageLabel(QStringLiteral("reindexToError"), this);
    m_reasonError = new MessageLabel(QStringLiteral("reindexReasonError"), this);

    auto *form = new QFormLayout;
    form->addRow(tr("&From block:"), m_fromSpin);
    form->addRow(QString(), m_fromError);
    form->addRow(tr("&To block:"), m_toSpin);
    form->addRow(QString(), m_toError);
    form->addRow(tr("&Reason:"), m_reasonEdit);
    form->addRow(QString(), m_reasonError);

    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("reindexProgress"));
    m_progress->setTextVisible(false);
    m_progress->hide();
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("reindexStatus"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_history = new QTableWidget(0, HistoryColumnCount, this);
    m_history->setObjectName(QStringLiteral("reindexHistory"));
    m_history->setHorizontalHeaderLabels({tr("#"), tr("Requested by"), tr("Requested at"), tr("Range"), tr("Reason"), tr("Status")});
    m_history->verticalHeader()->hide();
    m_history->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_history->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_history->setWordWrap(false);
    m_history->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_history->horizontalHeader()->setSectionResizeMode(ReasonColumn, QHeaderView::Stretch);
    auto *historyBox = new QGroupBox(tr("Reindex requests of this chain"), this);
    auto *historyLayout = new QVBoxLayout(historyBox);
    historyLayout->addWidget(m_history);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_startButton = buttons->addButton(tr("&Start Reindex"), QDialogButtonBox::ActionRole);
    m_startButton->setObjectName(QStringLiteral("reindexStartButton"));
    m_startButton->setEnabled(false);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_boundsLabel);
    layout->addLayout(form);
    layout->addWidget(m_progress);
    layout->addWidget(m_status);
    layout->addWidget(historyBox, 1);
    layout->addWidget(buttons);

    connect(m_fromSpin, &QSpinBox::valueChanged, this, &ReindexDialog::validate);
    connect(m_toSpin, &QSpinBox::valueChanged, this, &ReindexDialog::validate);
    connect(m_reasonEdit, &QLineEdit::textChanged, this, &ReindexDialog::validate);
    connect(m_startButton, &QPushButton::clicked, this, &ReindexDialog::start);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    // The history once shown; polled every PollIntervalMs while a request of this dialog runs.
    m_poll = new RefreshThrottle(this, [this] { return poll(); }, 0, 0);
    setMinimumSize(620, 460);

    if (indexing->isReadOnly())
        m_status->setText(tr("This console is read-only (%1); request the reindex from the console that holds the database.")
                              .arg(indexing->state().readOnlyReason));
    loadBounds();
}

void ReindexDialog::loadBounds()
{
    then(m_indexing->indexRanges(ChainRef{m_chainId, {}}), this, [this](Result<QList<IndexRange>> ranges) {
        if (!ranges) {
            m_boundsLabel->setText(tr("What is indexed could not be read: %1").arg(ranges.error().toString()));
            return;
        }
        if (!ranges->isEmpty()) {
            // Requests must end at or below the checkpoint (the store refuses more).
            const qint64 first = ranges->first().from;
            qint64 last = ranges->last().to;
            if (m_checkpoint)
                last = std::min(last, *m_checkpoint);
            if (last >= first)
                m_bounds = IndexRange{first, last};
        }
        if (!m_bounds) {
            m_boundsLabel->setText(tr("Nothing of this chain is indexed yet, so there is nothing to reindex."));
        } else {
            QString text = tr("Indexed: blocks %1 to %2.").arg(locale().toString(m_bounds->from), locale().toString(m_bounds->to));
            if (ranges->size() > 1)
                text += QLatin1Char(' ') + tr("There are gaps (%n indexed range(s)); reindexing a range over a gap fills it.", nullptr, int(ranges->size()));
            m_boundsLabel->setText(text);
            const QSignalBlocker blockFrom(m_fromSpin);
            const QSignalBlocker blockTo(m_toSpin);
            const qint64 to = std::min<qint64>(m_bounds->to, std::numeric_limits<int>::max());
            m_fromSpin->setValue(int(std::max(m_bounds->from, to - 99)));
            m_toSpin->setValue(int(to));
        }
        validate();
    });
}

void ReindexDialog::validate()
{
    const qint64 from = m_fromSpin->value();
    const qint64 to = m_toSpin->value();
    QString fromError, toError, reasonError;
    if (m_bounds) {
        const QString range = tr("Choose a block from %1 to %2.").arg(locale().toString(m_bounds->from), locale().toString(m_bounds->to));
        if (from < m_bounds->from || from > m_bounds->to)
            fromError = tr("Block %1 is not indexed. %2").arg(locale().toString(from), range);
        if (to > m_bounds->to)
            toError = tr("Block %1 is past the checkpoint. %2").arg(locale().toString(to), range);
        else if (to < m_bounds->from)
            toError = tr("Block %1 is not indexed. %2").arg(locale().toString(to), range);
        else if (to < from && fromError.isEmpty())
            toError = tr("The range ends before it starts: make “To” at least %1.").arg(locale().toString(from));
    }
    if (m_reasonEdit->text().trimmed().isEmpty())
        reasonError = tr("Give a reason: it is kept in the audit log with your name.");
    m_fromError->showMessage(fromError);
    m_toError->showMessage(toError);
    m_reasonError->showMessage(reasonError);

    const bool ok = m_bounds && fromError.isEmpty() && toError.isEmpty() && reasonError.isEmpty();
    m_startButton->setEnabled(ok && !m_submitting && m_request.id == 0 && !m_indexing->isReadOnly());
}

void ReindexDialog::start()
{
    if (m_submitting || m_request.id != 0)
        return;
    m_submitting = true;
    m_startButton->setEnabled(false);
    m_fromSpin->setEnabled(false);
    m_toSpin->setEnabled(false);
    m_reasonEdit->setEnabled(false);
    m_progress->setRange(0, 0);
    m_progress->show();
    m_status->setText(tr("Recording the reindex request…"));
    then(m_indexing->requestReindex(ChainRef{m_chainId, {}}, m_fromSpin->value(), m_toSpin->value(), m_reasonEdit->text().trimmed()), this, [this](Result<ReindexRequest> request) {
            m_submitting = false;
            if (!request) {
                m_progress->hide();
                m_fromSpin->setEnabled(true);
                m_toSpin->setEnabled(true);
                m_reasonEdit->setEnabled(true);
                const Error &e = request.error();
                MessageLabel *field = e.field == QLatin1String("reason") ? m_reasonError
                              : e.field == QLatin1String("to")     ? m_toError
                              : e.field == QLatin1String("range")  ? m_fromError
                                                                   : nullptr;
                if (field)
                    field->showMessage(e.message);
                m_status->setText(tr("The reindex was not requested: %1").arg(e.toString()));
                validate();
                return;
            }
            m_request = *request;
            showRequest(m_request);
            if (!m_finished)
                m_poll->setPeriodMs(PollIntervalMs);
            m_poll->now();   // the history with the request, read after a read under way
        });
}

bool ReindexDialog::poll()
{
    then(m_indexing->reindexRequests(ChainRef{m_chainId, {}}), this, [this](Result<QList<ReindexRequest>> requests) {
        m_poll->finished();
        if (!requests) {
            if (m_request.id)
                m_status->setText(tr("The request's progress could not be read: %1").arg(requests.error().toString()));
            return;
        }
        showHistory(*requests);
        if (!m_request.id)
            return;
        for (const ReindexRequest &r : *requests) {
            if (r.id == m_request.id) {
                m_request = r;
                showRequest(r);
                break;
            }
        }
    });
    return true;
}

QString ReindexDialog::statusText(const QString &status)
{
    if (status == QLatin1String("pending"))
        return tr("pending");
    if (status == QLatin1String("running"))
        return tr("running");
    if (status == QLatin1String("done"))
        return tr("done");
    if (status == QLatin1String("failed"))
        return tr("failed");
    return status;
}

void ReindexDialog::showRequest(const ReindexRequest &request)
{
    const QString range = tr("blocks %1 to %2").arg(locale().toString(request.from), locale().toString(request.to));
    const bool finished = request.status == QLatin1String("done") || request.status == QLatin1String("failed");
    if (finished && !m_finished) {
        m_finished = true;
        Q_EMIT requestFinished(request.status);
    }
    if (finished)
        m_poll->setPeriodMs(0);
    if (request.status == QLatin1String("done")) {
        m_progress->setRange(0, 1);
        m_progress->setValue(1);
        m_status->setText(tr("Reindex #%1 of %2 is done.").arg(request.id).arg(range));
    } else if (request.status == QLatin1String("failed")) {
        m_progress->hide();
        m_status->setText(tr("Reindex #%1 of %2 failed: %3").arg(request.id).arg(range, request.error));
    } else {
        m_progress->setRange(0, 0);
        m_progress->show();
        m_status->setText(tr("Reindex #%1 of %2 is %3. The chain's indexer takes it up between head scans; "
                             "you can close this dialog, the request stays recorded.")
                              .arg(request.id).arg(range, statusText(request.status)));
    }
}

void ReindexDialog::showHistory(const QList<ReindexRequest> &requests)
{
    // Newest first; rows are rewritten in place so the selection and scroll position survive.
    m_history->setRowCount(int(requests.size()));
    for (int row = 0; row < requests.size(); ++row) {
        const ReindexRequest &r = requests.at(requests.size() - 1 - row);
        const QString texts[HistoryColumnCount] = {
            QString::number(r.id),
            r.requestedBy,
            locale().toString(r.requestedAt.toLocalTime(), QLocale::ShortFormat),
            tr("%1 – %2").arg(locale().toString(r.from), locale().toString(r.to)),
            r.reason,
            r.error.isEmpty() ? statusText(r.status) : tr("%1: %2").arg(statusText(r.status), r.error),
        };
        for (int column = 0; column < HistoryColumnCount; ++column) {
            QTableWidgetItem *item = m_history->item(row, column);
            if (!item) {
                item = new QTableWidgetItem;
                m_history->setItem(row, column, item);
            }
            if (item->text() != texts[column])
                item->setText(texts[column]);
            if (column == ReasonColumn || column == StatusColumn)
                item->setToolTip(texts[column]);
        }
    }
}

} // namespace arbor::ui
