#include "hub/inspect/bytesource.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <memory>

namespace hub {

Expected<std::string> ByteSource::readAt(uint64_t offset, size_t length) const
{
    if (offset > size || length > size - offset)
        return HubError::make(ErrorCode::BadResponse,
                              name + " ends at byte " + std::to_string(size) + ", but its header points to byte " +
                                  std::to_string(offset + length) + ": the file is damaged or not what it says.");
    if (length == 0)
        return std::string();
    auto bytes = read(offset, length);
    if (!bytes)
        return bytes.error();
    if (bytes->size() != length)
        return HubError::make(ErrorCode::BadResponse, name + ": asked for " + std::to_string(length) + " bytes, got " +
                                                          std::to_string(bytes->size()) + ".");
    *bytesRead += bytes->size();
    return bytes;
}

Expected<ByteSource> fileByteSource(const std::string &path)
{
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0)
        return HubError::make(ErrorCode::Io, "Cannot read " + path + ": " + std::strerror(errno));
    ByteSource s;
    s.name = path.substr(path.find_last_of('/') + 1);
    s.size = static_cast<uint64_t>(st.st_size);
    s.read = [path](uint64_t offset, size_t length) -> Expected<std::string> {
        const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
        if (fd < 0)
            return HubError::make(ErrorCode::Io, "Cannot read " + path + ": " + std::strerror(errno));
        std::string out(length, '\0');
        size_t got = 0;
        while (got < length) {
            const ssize_t n = ::pread(fd, out.data() + got, length - got, static_cast<off_t>(offset + got));
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0)
                break;
            got += static_cast<size_t>(n);
        }
        ::close(fd);
        out.resize(got);
        return out;
    };
    return s;
}

ByteSource memoryByteSource(std::string name, std::string bytes)
{
    ByteSource s;
    s.name = std::move(name);
    s.size = bytes.size();
    auto data = std::make_shared<const std::string>(std::move(bytes));
    s.read = [data](uint64_t offset, size_t length) -> Expected<std::string> {
        if (offset >= data->size())
            return std::string();
        return data->substr(static_cast<size_t>(offset), length);
    };
    return s;
}

} // namespace hub
