#include "widgets/chaincolumns.h"

#include "models/chainlistmodel.h"

#include <QDateTime>
#include <QHeaderView>
#include <QStyle>

#include <algorithm>

namespace arbor::ui {

void fitChainColumns(QHeaderView *header, bool defaults)
{
    const int titlePad = 2 * header->style()->pixelMetric(QStyle::PM_HeaderMargin, nullptr, header) + header->fontMetrics().height() + 8;
    int badge = 0;
    for (const QString &text : ChainListModel::statusTexts())
        badge = std::max(badge, header->parentWidget()->fontMetrics().horizontalAdvance(text) + 32);
    // A head no node answers for reads "unknown since 10:35 PM": the column fits it, in the
    // reader's language and time format, so an outage does not show as "unknown …35 PM".
    ChainStatus unknown;
    unknown.headUnknown = true;
    unknown.headSeenAtMs = QDateTime(QDate::currentDate(), QTime(22, 58)).toMSecsSinceEpoch();
    const int headUnknown = header->parentWidget()->fontMetrics().horizontalAdvance(ChainListModel::headUnknownValue(unknown)) + 16;
    // And a one-endpoint chain's RPC health in any state: "1 (1 nicht erreichbar)".
    int health = 0;
    for (const EndpointStatus status : {EndpointStatus::Ok, EndpointStatus::RateLimited, EndpointStatus::AnsweringWithErrors,
                                        EndpointStatus::Unreachable, EndpointStatus::Unknown}) {
        EndpointRecord endpoint;
        endpoint.status = status;
        health = std::max(health, header->parentWidget()->fontMetrics().horizontalAdvance(ChainListModel::endpointSummary({endpoint})) + 32);
    }
    const std::pair<int, int> widths[] = {{ChainListModel::NameColumn, 170}, {ChainListModel::ChainIdColumn, 80}, {ChainListModel::StatusColumn, 100},
                                          {ChainListModel::HeadColumn, 100}, {ChainListModel::CheckpointColumn, 100}, {ChainListModel::LagBlocksColumn, 70},
                                          {ChainListModel::LagSecondsColumn, 80}, {ChainListModel::RateColumn, 75}, {ChainListModel::EndpointsColumn, 150}};
    for (const auto &[column, width] : widths) {
        const int title = header->fontMetrics().horizontalAdvance(header->model()->headerData(column, Qt::Horizontal).toString()) + titlePad;
        header->resizeSection(column, std::max({defaults ? width : header->sectionSize(column), title, column == ChainListModel::StatusColumn ? badge : 0,
                                        column == ChainListModel::HeadColumn ? headUnknown : 0, column == ChainListModel::EndpointsColumn ? health : 0}));
    }
}

} // namespace arbor::ui
