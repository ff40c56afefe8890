#pragma once

#include "triggers/outgoingdelivery.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QString>

#include <deque>
#include <functional>

class QNetworkAccessManager;

namespace arbor {

/**
 * Sends Telegram deliveries (ActionSender's part for ActionType::Telegram): POST
 * `{apiBaseUrl}/bot{token}/sendMessage` with {chat_id, text, parse_mode if set,
 * disable_web_page_preview: true}; `ok: true` is Success.
 *
 * Telegram allows one message per second in a chat, so messages are paced per (API base, bot,
 * chat): one in flight at a time, each sent no sooner than ChatIntervalMs after the previous
 * one was answered (and after the pause a 429's `retry_after` asked for). A message waits for
 * its chat's slot; it is never failed for waiting. Messages to other chats do not wait.
 *
 * The bot token is part of the URL; it never appears in an outcome's error or excerpt.
 *
 * Thread: the thread of its QNetworkAccessManager; `done` is called there, always later.
 * Messages still waiting when the sender is destroyed are dropped without a callback (their
 * deliveries stay pending in the outbox).
 */
class TelegramSender final : public QObject
{
    Q_OBJECT

public:
    static constexpr int ChatIntervalMs = 1000;

    TelegramSender(QNetworkAccessManager *network, QObject *parent = nullptr);
    ~TelegramSender() override;

    void send(const OutgoingDelivery &delivery, std::function<void(AttemptOutcome)> done);

    /// Messages waiting for their chat's slot or in flight.
    int queued() const;

private:
    struct Pending
    {
        OutgoingDelivery delivery;
        std::function<void(AttemptOutcome)> done;
    };
    struct Chat
    {
        std::deque<Pending> waiting;
        bool busy = false;        // a message of this chat is in flight
        bool scheduled = false;   // a timer will pump this chat
        qint64 nextSlotMs = 0;    // m_clock time before which nothing is sent
    };

    void pump(const QString &key);
    void post(const QString &key, Pending pending);
    void answered(const QString &key, qint64 pauseMs);

    QNetworkAccessManager *m_network;
    QElapsedTimer m_clock;
    QHash<QString, Chat> m_chats;
};

} // namespace arbor
