#include "testvalues.h"

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace arbor::test {

Hash hashOf(qint64 number, int variant)
{
    QByteArray bytes(32, '\0');
    bytes[0] = char(variant + 1);
    for (int i = 0; i < 8; ++i)
        bytes[31 - i] = char((number >> (8 * i)) & 0xff);
    return *Hash::fromBytes(bytes);
}

Address addressOf(quint32 n, quint8 tag, quint8 middle)
{
    QByteArray bytes(20, '\0');
    bytes[0] = char(tag);
    bytes[7] = char(middle);
    for (int i = 0; i < 4; ++i)
        bytes[19 - i] = char((n >> (8 * i)) & 0xff);
    return *Address::fromBytes(bytes);
}

QString quantity(qint64 value)
{
    return QStringLiteral("0x") + QString::number(value, 16);
}

int holdLoopbackPort(quint16 port, quint16 *bound)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return -1;
    // A test may still listen on the port on purpose (a node that comes up).
    const int one = 1;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t size = sizeof address;
    if (::bind(fd, reinterpret_cast<const sockaddr *>(&address), size) != 0
        || ::getsockname(fd, reinterpret_cast<sockaddr *>(&address), &size) != 0) {
        ::close(fd);
        return -1;
    }
    if (bound)
        *bound = ntohs(address.sin_port);
    return fd;
}

QUrl closedPort()
{
    // Held until the process ends.
    quint16 port = 0;
    if (holdLoopbackPort(0, &port) < 0)
        return {};
    return QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(port));
}

} // namespace arbor::test
