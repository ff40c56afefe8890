#include "models/logmodel.h"
#include "timetext.h"

#include "widgets/themecolors.h"

#include <QBrush>
#include <QColor>
#include <QLocale>

namespace arbor::ui {

LogModel::LogModel(int capacity, QObject *parent)
    : QAbstractTableModel(parent)
    , m_capacity(std::max(1, capacity))
{
}

int LogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_messages.size());
}

int LogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const LogMessage &m = m_messages[size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TimeColumn:
            return QLocale().toString(m.time.time(), QStringLiteral("HH:mm:ss.zzz"));
        case LevelColumn:
            return levelText(m.type);
        case CategoryColumn:
            return m.category;
        case MessageColumn:
            return m.text;
        default:
            return {};
        }
    case Qt::ToolTipRole:
        if (index.column() == MessageColumn || index.column() == TimeColumn)
            return QString(timestampText(m.time, TimePrecision::Seconds) + QLatin1Char('\n') + m.text);
        return {};
    case Qt::ForegroundRole:
        if (index.column() != LevelColumn)
            return {};
        if (m.type == QtCriticalMsg || m.type == QtFatalMsg)
            return QBrush(themecolors::errorText());
        if (m.type == QtWarningMsg)
            return QBrush(themecolors::warningText());
        return {};
    case TypeRole:
        return int(m.type);
    default:
        return {};
    }
}

QVariant LogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case LevelColumn:
        return tr("Level");
    case CategoryColumn:
        return tr("Source");
    case MessageColumn:
        return tr("Message");
    default:
        return {};
    }
}

void LogModel::append(const QList<LogMessage> &messages)
{
    if (messages.isEmpty())
        return;
    // Only the newest `capacity` of the batch can stay.
    const qsizetype skip = std::max<qsizetype>(0, messages.size() - m_capacity);
    const int incoming = int(messages.size() - skip);
    const int overflow = int(m_messages.size()) + incoming - m_capacity;
    if (overflow > 0) {
        beginRemoveRows(QModelIndex(), 0, overflow - 1);
        m_messages.erase(m_messages.begin(), m_messages.begin() + overflow);
        endRemoveRows();
    }
    const int first = int(m_messages.size());
    beginInsertRows(QModelIndex(), first, first + incoming - 1);
    m_messages.insert(m_messages.end(), messages.begin() + skip, messages.end());
    endInsertRows();
}

void LogModel::clear()
{
    if (m_messages.empty())
        return;
    beginRemoveRows(QModelIndex(), 0, int(m_messages.size()) - 1);
    m_messages.clear();
    endRemoveRows();
}

const LogMessage *LogModel::messageAt(int row) const
{
    return row >= 0 && row < int(m_messages.size()) ? &m_messages[size_t(row)] : nullptr;
}

QString LogModel::levelText(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg:
        return tr("Debug");
    case QtInfoMsg:
        return tr("Info");
    case QtWarningMsg:
        return tr("Warning");
    case QtCriticalMsg:
    case QtFatalMsg:
        return tr("Error");
    }
    return tr("Info");
}

} // namespace arbor::ui
