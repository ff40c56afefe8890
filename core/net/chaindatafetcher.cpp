#include "net/chaindatafetcher.h"

#include "rpc/rpchttp.h"

#include <QHostAddress>
#include <QHostInfo>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QRegularExpression>
#include <QTimer>
#include <QVariant>

#include <algorithm>
#include <chrono>
#include <iterator>

namespace arbor {

struct ChainDataFetcher::Job
{
    quint64 id = 0;
    QString uri;
    QString field;
    std::function<void(Result<FetchedDocument>)> done;

    QUrl url;                        ///< this hop's URL, as named (never the pinned address)
    QString host;                    ///< the key of its HostQueue
    int redirects = 0;
    bool trusted = false;            ///< a URL of the operator's IPFS gateway: not checked
    int hop = 0;                     ///< counts startHop(), so a stale lookup timer knows it is stale
    bool ready = false;              ///< checked and resolved: may be sent at its turn
    QList<QHostAddress> addresses;   ///< the checked addresses an http request connects to
    qsizetype addressIndex = 0;

    QNetworkReply *reply = nullptr;
    QByteArray body;
    bool oversized = false;
    bool timedOut = false;
};

namespace {

const QString Http = QStringLiteral("http");
const QString Https = QStringLiteral("https");

QString seconds(int ms)
{
    return QLocale::c().toString(ms / 1000.0);
}

QString sizeText(qint64 bytes)
{
    return QLocale::c().formattedDataSize(bytes, bytes % 1024 == 0 ? 0 : 2);
}

/// A URI from chain data as errors quote it, even when it is not a valid URL.
QString quotedUri(const QString &uri)
{
    if (const QUrl url(uri); url.isValid())
        return displayOutboundUrl(url);
    return uri.size() > 200 ? uri.left(200) + QChar(0x2026) : uri;
}

bool isHttp(const QUrl &url)
{
    return url.scheme() == Http || url.scheme() == Https;
}

} // namespace

ChainDataFetcher::ChainDataFetcher(QNetworkAccessManager *network, QObject *parent)
    : QObject(parent)
    , m_network(network)
{
    m_clock.start();
}

ChainDataFetcher::~ChainDataFetcher()
{
    for (const auto &[id, job] : m_jobs) {
        if (QNetworkReply *reply = job->reply) {
            rpchttp::ReplyScope::end(reply);
            reply->abort();
            reply->deleteLater();
        }
    }
}

void ChainDataFetcher::setPolicy(OutboundPolicy policy)
{
    m_policy = std::move(policy);
}

void ChainDataFetcher::setIpfsGateway(const QString &gatewayUrl)
{
    m_ipfsGateway = gatewayUrl.trimmed();
    if (!m_ipfsGateway.isEmpty() && !m_ipfsGateway.endsWith(QLatin1Char('/')))
        m_ipfsGateway += QLatin1Char('/');
}

void ChainDataFetcher::setLimits(ChainDataLimits limits)
{
    m_limits = limits;
}

void ChainDataFetcher::fetch(const QString &uri, const QString &field, std::function<void(Result<FetchedDocument>)> done)
{
    auto owned = std::make_unique<Job>();
    Job &job = *owned;
    job.id = m_nextId++;
    job.uri = uri;
    job.field = field;
    job.done = std::move(done);
    m_jobs.emplace(job.id, std::move(owned));

    const QString text = uri.trimmed();
    const QString scheme = text.section(QLatin1Char(':'), 0, 0).toLower();
    if (scheme == QLatin1String("data")) {
        finish(job.id, decodeDataUri(text, field));
        return;
    }
    if (scheme == QLatin1String("ipfs")) {
        Result<QUrl> url = ipfsGatewayUrl(text, field);
        if (!url) {
            finish(job.id, url.error());
            return;
        }
        job.url = *url;
        job.trusted = true;
    } else if (scheme == Http || scheme == Https) {
        job.url = QUrl(text);
        if (!job.url.isValid()) {
            finish(job.id, Error::invalid(field, tr("“%1” is not a valid URL: %2").arg(quotedUri(text), job.url.errorString())));
            return;
        }
    } else {
        finish(job.id, Error::invalid(field, tr("“%1” is not an http, https, ipfs or data URI; Arbor fetches nothing else named "
                                                "by chain data.")
                                                 .arg(quotedUri(text))));
        return;
    }
    startHop(job);
}

Result<FetchedDocument> ChainDataFetcher::decodeDataUri(const QString &uri, const QString &field) const
{
    // RFC 2397: data:[<media type>][;base64],<data>
    const qsizetype comma = uri.indexOf(QLatin1Char(','));
    if (comma < 0)
        return Error::invalid(field, tr("“%1” is not a data: URI: there is no comma before its data.").arg(quotedUri(uri)));
    QString header = uri.mid(5, comma - 5);
    const bool base64 = header.endsWith(QLatin1String(";base64"), Qt::CaseInsensitive);
    if (base64)
        header.chop(7);
    QString mediaType = QString::fromUtf8(QByteArray::fromPercentEncoding(header.toUtf8())).trimmed();
    if (mediaType.isEmpty())
        mediaType = QStringLiteral("text/plain;charset=US-ASCII");
    else if (mediaType.startsWith(QLatin1Char(';')))
        mediaType.prepend(QLatin1String("text/plain"));   // "data:;charset=utf-8,…"

    QByteArray bytes = QByteArray::fromPercentEncoding(QStringView(uri).mid(comma + 1).toUtf8());
    if (base64) {
        bytes.removeIf([](char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; });
        auto decoded = QByteArray::fromBase64Encoding(bytes, QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded)
            return Error::invalid(field, tr("“%1” says its data is base64, and it is not.").arg(quotedUri(uri)));
        bytes = std::move(*decoded);
    }
    if (bytes.size() > m_limits.maxBytes) {
        return Error::invalid(field, tr("“%1” holds a document larger than %2; Arbor reads at most %2 of a document named by chain data.")
                                         .arg(quotedUri(uri), sizeText(m_limits.maxBytes)));
    }
    return FetchedDocument{uri, QUrl(), std::move(bytes), mediaType, 0};
}

Result<QUrl> ChainDataFetcher::ipfsGatewayUrl(const QString &uri, const QString &field) const
{
    if (m_ipfsGateway.isEmpty()) {
        return Error::invalid(field, tr("“%1” is an IPFS URI, and no IPFS gateway is set. Set one with “arborctl outbound gateway "
                                        "https://ipfs.io/ipfs/” or in Settings.")
                                         .arg(quotedUri(uri)));
    }
    const QUrl gateway(m_ipfsGateway);
    if (!gateway.isValid() || !isHttp(gateway) || gateway.host().isEmpty()) {
        return Error::invalid(field, tr("The IPFS gateway “%1” is not an http or https URL. Set one such as "
                                        "“https://ipfs.io/ipfs/” with “arborctl outbound gateway” or in Settings.")
                                         .arg(displayOutboundUrl(gateway)));
    }
    QString rest = uri.mid(uri.indexOf(QLatin1Char(':')) + 1);
    if (!rest.startsWith(QLatin1String("//")))
        return Error::invalid(field, tr("“%1” is not an IPFS URI: write ipfs://CID or ipfs://CID/path.").arg(quotedUri(uri)));
    rest = rest.mid(2);
    if (rest.startsWith(QLatin1String("ipfs/")))
        rest = rest.mid(5);   // ipfs://ipfs/CID, an older form
    const QString cid = rest.section(QLatin1Char('/'), 0, 0);
    const QString path = rest.mid(cid.size());
    static const QRegularExpression cidPattern(QStringLiteral("^[A-Za-z0-9]{1,128}$"));
    if (!cidPattern.match(cid).hasMatch())
        return Error::invalid(field, tr("“%1” does not name a valid IPFS CID.").arg(quotedUri(uri)));
    if (path.split(QLatin1Char('/')).contains(QLatin1String("..")))
        return Error::invalid(field, tr("“%1” has “..” in its path; an IPFS path names a file inside its CID.").arg(quotedUri(uri)));

    const QUrl url(m_ipfsGateway + cid + path);
    if (!url.isValid() || url.host() != gateway.host() || url.port() != gateway.port() || url.scheme() != gateway.scheme())
        return Error::invalid(field, tr("“%1” cannot be fetched through the gateway “%2”.")
                                         .arg(quotedUri(uri), displayOutboundUrl(gateway)));
    return url;
}

void ChainDataFetcher::startHop(Job &job)
{
    if (!job.trusted) {
        if (const Status allowed = m_policy.checkUrl(job.url, job.field); !allowed) {
            finish(job.id, allowed.error());
            return;
        }
    }
    forgetIdleHosts();
    job.host = job.url.host(QUrl::FullyEncoded).toLower();
    job.ready = job.trusted;
    job.addresses.clear();
    job.addressIndex = 0;
    m_hosts[job.host].waiting.append(job.id);
    if (job.trusted) {
        pump(job.host);
        return;
    }
    const quint64 id = job.id;
    const int hop = ++job.hop;
    QHostInfo::lookupHost(job.url.host(), this, [this, id](const QHostInfo &info) { onResolved(id, info); });
    // A resolver that never answers must not hold the fetch, nor the host's queue, for ever.
    QTimer::singleShot(std::max(1, m_limits.timeoutMs), this, [this, id, hop] {
        const Job *job = find(id);
        if (job && job->hop == hop && !job->ready) {
            finish(id, Error::unavailable(job->field, tr("The host of “%1” was not resolved within %2 s. Try again later.")
                                                          .arg(displayOutboundUrl(job->url), seconds(m_limits.timeoutMs))));
        }
    });
}

void ChainDataFetcher::onResolved(quint64 id, const QHostInfo &info)
{
    Job *job = find(id);
    if (!job)
        return;
    if (info.error() != QHostInfo::NoError) {
        finish(id, Error::unavailable(job->field, tr("Cannot resolve the host of “%1”: %2. Check the name, or try again later.")
                                                      .arg(displayOutboundUrl(job->url), info.errorString())));
        return;
    }
    if (const Status allowed = m_policy.checkAddresses(job->url.host(), info.addresses(), job->field); !allowed) {
        finish(id, allowed.error());
        return;
    }
    job->addresses = connectionOrder(info.addresses());
    job->ready = true;
    pump(job->host);
}

void ChainDataFetcher::pump(const QString &host)
{
    for (;;) {
        const auto queue = m_hosts.find(host);
        if (queue == m_hosts.end() || queue->waiting.isEmpty())
            return;
        Job *job = find(queue->waiting.constFirst());
        if (!job) {
            queue->waiting.removeFirst();
            continue;
        }
        if (!job->ready)
            return;   // in order: the head is still being resolved
        const qint64 now = m_clock.elapsed();
        const qint64 wait = queue->lastSentMs < 0 ? 0 : queue->lastSentMs + m_limits.perHostIntervalMs - now;
        if (wait > 0) {
            if (!queue->timerArmed) {
                queue->timerArmed = true;
                QTimer::singleShot(std::chrono::milliseconds(wait), Qt::PreciseTimer, this, [this, host] {
                    if (const auto again = m_hosts.find(host); again != m_hosts.end())
                        again->timerArmed = false;
                    pump(host);
                });
            }
            return;
        }
        queue->waiting.removeFirst();
        queue->lastSentMs = now;
        send(*job);
    }
}

void ChainDataFetcher::forgetIdleHosts()
{
    const qint64 now = m_clock.elapsed();
    for (auto host = m_hosts.begin(); host != m_hosts.end();) {
        const bool idle = host->waiting.isEmpty() && !host->timerArmed && now - host->lastSentMs >= m_limits.perHostIntervalMs;
        host = idle ? m_hosts.erase(host) : std::next(host);
    }
}

void ChainDataFetcher::send(Job &job)
{
    QNetworkRequest request;
    // To the address that was checked, not to whatever the name resolves to by now.
    pinToCheckedAddress(request, job.url, job.addresses.value(job.addressIndex));
    request.setRawHeader("User-Agent", QByteArrayLiteral("Arbor/" ARBOR_VERSION));
    request.setRawHeader("Accept", "application/json, */*;q=0.5");
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    // The manager may be shared: chain data gets none of its cookies or credentials, and leaves none.
    request.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::AuthenticationReuseAttribute, QNetworkRequest::Manual);

    job.body.clear();
    job.oversized = false;
    job.timedOut = false;
    QNetworkReply *reply = m_network->get(request);
    job.reply = reply;
    const quint64 id = job.id;
    auto *scope = rpchttp::ReplyScope::forReply(reply, this);

    // Aborting finishes the reply at once: onFinished() runs, and may end the job, inside abort().
    const auto overLimit = [this, id, reply] {
        if (Job *job = find(id)) {
            job->oversized = true;
            job->body.clear();
        }
        reply->abort();
    };
    connect(reply, &QNetworkReply::metaDataChanged, scope, [this, reply, overLimit] {
        const QVariant length = reply->header(QNetworkRequest::ContentLengthHeader);
        if (length.isValid() && length.toLongLong() > m_limits.maxBytes)
            overLimit();
    });
    connect(reply, &QNetworkReply::readyRead, scope, [this, id, reply, overLimit] {
        Job *job = find(id);
        if (!job)
            return;
        job->body += reply->readAll();
        if (job->body.size() > m_limits.maxBytes)
            overLimit();
    });
    connect(reply, &QNetworkReply::finished, scope, [this, id] { onFinished(id); });
    QTimer::singleShot(std::max(1, m_limits.timeoutMs), scope, [this, id, reply] {
        Job *job = find(id);
        if (!job || !reply->isRunning())
            return;
        job->timedOut = true;
        reply->abort();
    });
}

void ChainDataFetcher::onFinished(quint64 id)
{
    Job *job = find(id);
    if (!job || !job->reply)
        return;
    QNetworkReply *reply = job->reply;
    job->reply = nullptr;
    rpchttp::ReplyScope::end(reply);
    reply->deleteLater();
    const QString where = displayOutboundUrl(job->url);

    if (!job->oversized && reply->isOpen()) {
        job->body += reply->readAll();
        job->oversized = job->body.size() > m_limits.maxBytes;
    }
    if (job->oversized) {
        finish(id, Error::invalid(job->field, tr("“%1” sent a document larger than %2; Arbor reads at most %2 of a document "
                                                 "named by chain data.")
                                                  .arg(where, sizeText(m_limits.maxBytes))));
        return;
    }
    if (job->timedOut) {
        finish(id, Error::unavailable(job->field, tr("“%1” did not answer within %2 s. Try again later.")
                                                      .arg(where, seconds(m_limits.timeoutMs))));
        return;
    }
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status == 0) {
        const bool noConnection = reply->error() == QNetworkReply::ConnectionRefusedError
            || reply->error() == QNetworkReply::HostNotFoundError || reply->error() == QNetworkReply::UnknownNetworkError;
        if (noConnection && job->addressIndex + 1 < job->addresses.size()) {
            ++job->addressIndex;   // the same request, to the host's next checked address
            send(*job);
            return;
        }
        finish(id, Error::unavailable(job->field, tr("Cannot reach “%1”: %2.").arg(where, reply->errorString())));
        return;
    }
    if (status >= 300 && status < 400 && reply->hasRawHeader("Location")) {
        followRedirect(*job, QUrl(QString::fromUtf8(reply->rawHeader("Location"))));
        return;
    }
    if (status < 200 || status >= 300) {
        const QString reason = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString();
        const QString message = tr("“%1” answered HTTP %2 %3.").arg(where, QString::number(status), reason);
        finish(id, status == 404 || status == 410 ? Error::notFound(job->field, message) : Error::unavailable(job->field, message));
        return;
    }
    FetchedDocument document{job->uri, job->url, std::move(job->body),
                             QString::fromLatin1(reply->rawHeader("Content-Type")).trimmed(), status};
    finish(id, std::move(document));
}

void ChainDataFetcher::followRedirect(Job &job, const QUrl &location)
{
    const QString where = displayOutboundUrl(job.url);
    if (job.redirects >= m_limits.maxRedirects) {
        finish(job.id, Error::unavailable(job.field, tr("“%1” redirected more than %2 times from “%3”; Arbor follows at most "
                                                        "%2 redirects.")
                                                         .arg(quotedUri(job.uri), QString::number(m_limits.maxRedirects), where)));
        return;
    }
    const QUrl next = job.url.resolved(location);
    if (job.url.scheme() == Https && next.scheme() == Http) {
        finish(job.id, Error{Error::Kind::Refused, job.field,
                             tr("“%1” redirects from https to http (“%2”); Arbor does not follow a redirect to a less safe scheme.")
                                 .arg(where, displayOutboundUrl(next))});
        return;
    }
    ++job.redirects;
    job.url = next;
    // From the gateway, a redirect that stays in its path (/ipfs/CID → /ipfs/CID/) is still the
    // operator's gateway; anywhere else the gateway chose, not the operator, and it is checked.
    job.trusted = job.trusted && isUnderGateway(next);
    startHop(job);
}

bool ChainDataFetcher::isUnderGateway(const QUrl &url) const
{
    const QUrl gateway(m_ipfsGateway);
    return !m_ipfsGateway.isEmpty() && url.scheme() == gateway.scheme() && url.host() == gateway.host()
        && url.port() == gateway.port() && url.userInfo().isEmpty() && url.path().startsWith(gateway.path());
}

void ChainDataFetcher::finish(quint64 id, Result<FetchedDocument> result)
{
    const auto found = m_jobs.find(id);
    if (found == m_jobs.end())
        return;
    std::unique_ptr<Job> job = std::move(found->second);
    m_jobs.erase(found);
    bool wasWaiting = false;
    if (const auto queue = m_hosts.find(job->host); !job->host.isEmpty() && queue != m_hosts.end())
        wasWaiting = queue->waiting.removeOne(id);
    if (job->done) {
        QMetaObject::invokeMethod(
            this, [done = std::move(job->done), result = std::move(result)]() mutable { done(std::move(result)); }, Qt::QueuedConnection);
    }
    if (wasWaiting)
        pump(job->host);   // the next request to the host no longer waits behind this one
}

ChainDataFetcher::Job *ChainDataFetcher::find(quint64 id)
{
    const auto found = m_jobs.find(id);
    return found == m_jobs.end() ? nullptr : found->second.get();
}

} // namespace arbor
