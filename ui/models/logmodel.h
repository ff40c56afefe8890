#pragma once

#include "logging/logsink.h"

#include <QAbstractTableModel>
#include <deque>

namespace arbor::ui {

/**
 * What Arbor logged, newest last, for the console's log panel: at most `capacity` rows, the
 * oldest dropped first.
 *
 * append() takes the batches LogSink::messagesAdded carries and inserts each batch with one
 * rowsInserted (and at most one rowsRemoved for what falls off the front).
 *
 * Thread: the GUI thread.
 */
class LogModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        TimeColumn,
        LevelColumn,
        CategoryColumn,
        MessageColumn,
        ColumnCount
    };

    enum Role {
        TypeRole = Qt::UserRole,    ///< QtMsgType as int, on every column
    };

    explicit LogModel(int capacity = 5000, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void append(const QList<arbor::LogMessage> &messages);
    void clear();
    const arbor::LogMessage *messageAt(int row) const;

    /// "Debug", "Info", "Warning", "Error" in the operator's language.
    static QString levelText(QtMsgType type);

private:
    const int m_capacity;
    std::deque<arbor::LogMessage> m_messages;
};

} // namespace arbor::ui
