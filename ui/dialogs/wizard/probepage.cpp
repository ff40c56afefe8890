#include "dialogs/wizard/probepage.h"
#include "widgets/tablecell.h"

#include "dialogs/addchainwizard.h"
#include "engine/chainservice.h"
#include "model/urlsecrets.h"
#include "models/endpointmodel.h"
#include "util/continuation.h"
#include "widgets/messagelabel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QStyle>
#include <QTableWidget>
#include <QVBoxLayout>

namespace arbor::ui {

namespace {

const Qt::Alignment Numeric = Qt::AlignRight | Qt::AlignVCenter;

} // namespace

ProbePage::ProbePage(AddChainWizard *wizard)
    : QWizardPage(wizard)
    , m_wizard(wizard)
{
    setObjectName(QStringLiteral("probePage"));
    setTitle(tr("Check the Endpoints"));
    setSubTitle(tr("Arbor asks every URL for its chain id, latest block and client version, and whether it serves "
                   "historical state. All endpoints that answer must serve the same chain."));

    m_table = new QTableWidget(0, ColumnCount, this);
    m_table->setObjectName(QStringLiteral("probeTable"));
    m_table->setHorizontalHeaderLabels(
        {tr("URL"), tr("Chain ID"), tr("Head"), tr("Latency"), tr("Client"), tr("State history"), tr("Result")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(ResultColumn, QHeaderView::Stretch);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);

    m_busy = new QProgressBar(this);
    m_busy->setObjectName(QStringLiteral("probeBusy"));
    m_busy->setRange(0, 0);
    m_busy->setTextVisible(false);
    m_busy->setMaximumWidth(160);
    m_busyLabel = new QLabel(tr("Probing endpoints…"), this);

    m_againButton = new QPushButton(tr("&Probe Again"), this);
    m_againButton->setObjectName(QStringLiteral("probeAgainButton"));
    m_againButton->setIcon(QIcon::fromTheme(QStringLiteral("view-refresh"), QIcon(QStringLiteral(":/icons/actions/refresh.svg"))));

    m_summary = new MessageLabel(QStringLiteral("probeSummary"), this);

    auto *status = new QHBoxLayout;
    status->addWidget(m_busy);
    status->addWidget(m_busyLabel);
    status->addStretch(1);
    status->addWidget(m_againButton);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_table, 1);
    layout->addLayout(status);
    layout->addWidget(m_summary);

    connect(m_againButton, &QPushButton::clicked, this, &ProbePage::probe);
    setProbing(false);
}

void ProbePage::initializePage()
{
    probe();
}

void ProbePage::cleanupPage()
{
    ++m_generation;   // a probe still running when the operator goes back is of no interest
    setProbing(false);
}

void ProbePage::probe()
{
    const QList<QUrl> urls = m_wizard->typedUrls();
    const int generation = ++m_generation;
    m_results.clear();
    m_usable = false;
    m_summary->clearMessage();
    m_table->setRowCount(int(urls.size()));
    for (int row = 0; row < urls.size(); ++row) {
        m_table->setItem(row, UrlColumn, tableCell(urlsecrets::displayText(urls.at(row))));
        for (int column = ChainIdColumn; column < ResultColumn; ++column)
            m_table->setItem(row, column, tableCell(QString()));
        m_table->setItem(row, ResultColumn, tableCell(tr("Probing…")));
    }
    setProbing(true);
    then(m_wizard->chains()->probeEndpoints(urls, 0), this, [this, generation](Result<QList<ProbeResult>> probed) {
        if (generation != m_generation)
            return;
        setProbing(false);
        if (!probed) {
            m_summary->showMessage(probed.error().toString());
            Q_EMIT completeChanged();
            return;
        }
        showResults(*probed);
    });
}

void ProbePage::setProbing(bool probing)
{
    m_probing = probing;
    m_busy->setVisible(probing);
    m_busyLabel->setVisible(probing);
    m_againButton->setEnabled(!probing);
    Q_EMIT completeChanged();
}

void ProbePage::showResults(const QList<ProbeResult> &results)
{
    m_results = results;
    const QLocale locale;
    QStringList failures;
    int answering = 0;
    for (int row = 0; row < results.size(); ++row) {
        const ProbeResult &r = results.at(row);
        if (!r.ok()) {
            failures.append(tr("URL %1 did not answer: %2").arg(row + 1).arg(r.error->message));
            auto *result = tableCell(r.error->message);
            result->setIcon(style()->standardIcon(QStyle::SP_MessageBoxCritical));
            m_table->setItem(row, ResultColumn, result);
            continue;
        }
        ++answering;
        m_table->setItem(row, ChainIdColumn, tableCell(QString::number(r.chainId), Numeric));
        m_table->setItem(row, HeadColumn, tableCell(locale.toString(r.head), Numeric));
        m_table->setItem(row, LatencyColumn, tableCell(tr("%1 ms").arg(locale.toString(r.latencyMs, 'f', 0)), Numeric));
        m_table->setItem(row, ClientColumn, tableCell(r.clientVersion.isEmpty() ? tr("not reported") : r.clientVersion));
        auto *history = tableCell(EndpointModel::historyText(r.servesHistory));
        history->setToolTip(EndpointModel::historyToolTip(r.servesHistory, r.historyNote));
        m_table->setItem(row, HistoryColumn, history);
        auto *result = tableCell(tr("Answered"));
        result->setIcon(style()->standardIcon(QStyle::SP_DialogApplyButton));
        m_table->setItem(row, ResultColumn, result);
    }

    // Every answering URL must serve the chain the first answering one serves.
    QStringList mismatches;
    int first = -1;
    for (int row = 0; row < results.size(); ++row) {
        if (!results.at(row).ok())
            continue;
        if (first < 0) {
            first = row;
            continue;
        }
        if (results.at(row).chainId != results.at(first).chainId) {
            mismatches.append(tr("URL %1 reports chain %2, URL %3 reports chain %4.")
                                  .arg(row + 1).arg(results.at(row).chainId).arg(first + 1).arg(results.at(first).chainId));
        }
    }

    QString problem;
    QString note;
    if (answering == 0) {
        problem = tr("No endpoint answered, so the chain cannot be added. Check that the node is running and the URL is "
                     "right, then probe again.");
        problem += u'\n' + failures.join(u'\n');
    } else if (!mismatches.isEmpty()) {
        problem = mismatches.join(u'\n')
            + u'\n' + tr("All endpoints of a chain must serve the same chain: go back and remove or fix the wrong URL.");
    } else {
        const qint64 id = results.at(first).chainId;
        for (const ChainRecord &chain : m_wizard->chains()->snapshot()) {
            if (chain.config.chainId == id) {
                problem = tr("Chain %1 is already added, as “%2”. Each chain is added once; to use more endpoints, "
                             "cancel and choose Chain → Edit… on “%2”.").arg(id).arg(chain.config.name);
            }
        }
        if (problem.isEmpty() && !failures.isEmpty()) {
            note = failures.join(u'\n') + u'\n'
                + tr("The chain will be added without the URLs that did not answer. Go back to fix them, or continue.");
        }
    }
    m_usable = problem.isEmpty();
    if (!problem.isEmpty())
        m_summary->showMessage(problem);
    else if (!note.isEmpty())
        m_summary->showMessage(note, MessageLabel::Kind::Note);
    else
        m_summary->showMessage(tr("Every endpoint answered and serves chain %1.").arg(results.at(first).chainId),
                               MessageLabel::Kind::Note);
    Q_EMIT completeChanged();
}

bool ProbePage::isComplete() const
{
    return !m_probing && m_usable;
}

QList<QUrl> ProbePage::answeringUrls() const
{
    QList<QUrl> urls;
    if (!m_usable)
        return urls;
    for (const ProbeResult &r : m_results) {
        if (r.ok())
            urls.append(r.url);
    }
    return urls;
}

qint64 ProbePage::chainId() const
{
    for (const ProbeResult &r : m_results) {
        if (r.ok() && m_usable)
            return r.chainId;
    }
    return 0;
}

std::optional<qint64> ProbePage::head() const
{
    std::optional<qint64> lowest;
    for (const ProbeResult &r : m_results) {
        if (r.ok() && m_usable)
            lowest = lowest ? std::min(*lowest, r.head) : r.head;
    }
    return lowest;
}

} // namespace arbor::ui
