#pragma once

#include "error.h"
#include "net/outboundguard.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QObject>
#include <QString>
#include <QUrl>

#include <functional>
#include <map>
#include <memory>

class QHostInfo;
class QNetworkAccessManager;

namespace arbor {

/// How far ChainDataFetcher goes for one document.
struct ChainDataLimits
{
    qint64 maxBytes = 1024 * 1024;   ///< a larger body is cut off with an error, never kept
    int timeoutMs = 15000;           ///< per request (each redirect hop), from sending to the last byte
    int maxRedirects = 3;
    int perHostIntervalMs = 500;     ///< requests to one host start at least this far apart
};

/// A document as ChainDataFetcher got it.
struct FetchedDocument
{
    QString uri;           ///< as chain data gave it
    QUrl finalUrl;         ///< where the body came from after redirects (the gateway's URL for ipfs://); empty for data:
    QByteArray body;       ///< bytes only: nothing in them is interpreted here
    QString contentType;   ///< the Content-Type header, or the data: URI's media type
    int httpStatus = 0;    ///< 0 for data:
};

/**
 * Fetches a document named by chain data (an ERC-8004 agentURI or feedbackURI, an endpoint a
 * registration file names) without letting chain data choose where Arbor sends requests.
 *
 * Accepted URIs: http(s); data: (RFC 2397, base64 or percent-encoded, any media type; nothing is
 * sent); ipfs://CID[/path], fetched through the operator's gateway (setIpfsGateway()).
 *
 * Each http(s) request goes through the same steps:
 *  - OutboundPolicy::checkUrl() on the URL, then the host is resolved (QHostInfo, asynchronously)
 *    and OutboundPolicy::checkAddresses() checks every address it resolved to;
 *  - the GET is sent with redirects handled here, not by Qt: a 3xx's Location (resolved against
 *    the URL it came from) is checked again, URL and addresses, up to ChainDataLimits::maxRedirects;
 *    a redirect from https to http is refused;
 *  - the request is aborted once its Content-Length or the bytes received pass
 *    ChainDataLimits::maxBytes, or once ChainDataLimits::timeoutMs have passed; a status outside 2xx is
 *    an error quoting it ("HTTP 404 Not Found");
 *  - requests to one host (by name) are sent in the order they became ready, at least
 *    ChainDataLimits::perHostIntervalMs apart: queued, never refused.
 * Requests to the IPFS gateway are not checked: the operator chose it, and it may well be on the
 * local network. That covers the request for the ipfs:// URI and a redirect from the gateway that
 * stays under the gateway's URL (/ipfs/CID to /ipfs/CID/); any other redirect from it is checked
 * like the rest. No cookies are stored or sent and no stored credentials are reused: the network
 * access manager may be shared with other senders. Resolving a host counts against
 * ChainDataLimits::timeoutMs too, so a resolver that never answers ends the fetch.
 *
 * For http the connection goes to the checked address itself, with the Host header naming the
 * host (IPv4 addresses first; the next one when one cannot be connected to), so a name cannot
 * resolve to another address between the check and the connection. Known limitation: for https
 * Qt resolves the name again when it connects (it offers no way to connect to a given address
 * with SNI and certificate checks for the name), so a host that changes its DNS answer between
 * the check and the connection (DNS rebinding) can still reach an address the check did not see.
 *
 * Thread: lives on the thread of the QNetworkAccessManager it is given, and is used only there.
 */
class ChainDataFetcher final : public QObject
{
    Q_OBJECT

public:
    /// `network` lives on this object's thread and is used only there; it must outlive this object.
    explicit ChainDataFetcher(QNetworkAccessManager *network, QObject *parent = nullptr);
    /// Aborts the requests in flight; their `done` is never called.
    ~ChainDataFetcher() override;

    /// For the fetches started after this call.
    void setPolicy(OutboundPolicy policy);
    /**
     * The IPFS gateway ipfs:// URIs are fetched through, such as "https://ipfs.io/ipfs/" (the CID
     * and path are appended). Empty (the default): an ipfs:// URI fails with an error saying to
     * set one (`arborctl outbound gateway URL`, or Settings).
     */
    void setIpfsGateway(const QString &gatewayUrl);
    /// For the requests sent after this call.
    void setLimits(ChainDataLimits limits);

    /**
     * Fetches `uri`. `field` names it in errors ("agentURI", "feedbackURI").
     *
     * `done` is called exactly once, later (never inside this call), on this object's thread,
     * with the document or an Error: Invalid for a URI that cannot be fetched (scheme, no gateway,
     * bad data: URI) or a body past the size limit; Refused when the outbound policy refuses a
     * URL, an address or a redirect; NotFound for HTTP 404 and 410; Unavailable for a host that
     * does not resolve or answer, a timeout, too many redirects, and other HTTP errors. A fetch
     * still running when this object is destroyed is dropped silently: its `done` is never called.
     */
    void fetch(const QString &uri, const QString &field, std::function<void(Result<FetchedDocument>)> done);

private:
    struct Job;
    struct HostQueue
    {
        QList<quint64> waiting;   ///< jobs in the order they asked, resolved or not yet
        qint64 lastSentMs = -1;   ///< on m_clock; -1: nothing sent yet
        bool timerArmed = false;
    };

    Result<FetchedDocument> decodeDataUri(const QString &uri, const QString &field) const;
    Result<QUrl> ipfsGatewayUrl(const QString &uri, const QString &field) const;
    void startHop(Job &job);
    void onResolved(quint64 id, const QHostInfo &info);
    void pump(const QString &host);
    void forgetIdleHosts();
    void send(Job &job);
    void onFinished(quint64 id);
    void followRedirect(Job &job, const QUrl &location);
    bool isUnderGateway(const QUrl &url) const;
    void finish(quint64 id, Result<FetchedDocument> result);
    Job *find(quint64 id);

    QNetworkAccessManager *m_network;
    OutboundPolicy m_policy;
    QString m_ipfsGateway;
    ChainDataLimits m_limits;
    QElapsedTimer m_clock;
    quint64 m_nextId = 1;
    std::map<quint64, std::unique_ptr<Job>> m_jobs;
    QHash<QString, HostQueue> m_hosts;
};

} // namespace arbor
