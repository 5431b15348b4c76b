#pragma once
// A lazy pager over a Hub list endpoint that follows the `Link: <...>; rel="next"` header.

#include "hub/core/expected.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace hub {

/// One fetched page: the items, the next page's URL (empty on the last) and X-Total-Count.
template <class T> struct Page {
    std::vector<T> items;
    std::string nextUrl;
    std::optional<uint64_t> total;
};

/// Fetches pages on demand. Not thread-safe; the HubClient that created it must outlive it.
/// `limit` (0 = none) stops after that many items in total.
template <class T> class Pager {
public:
    using FetchFn = std::function<Expected<Page<T>>(const std::string &url)>;

    Pager(std::string firstUrl, FetchFn fetch, size_t limit = 0)
        : m_nextUrl(std::move(firstUrl)), m_fetch(std::move(fetch)), m_limit(limit)
    {
    }

    /// True until the last page has been fetched (or the limit reached).
    bool hasMore() const { return !m_nextUrl.empty() && (m_limit == 0 || m_delivered < m_limit); }
    /// X-Total-Count when the server sent it (known after the first page).
    std::optional<uint64_t> total() const { return m_total; }
    size_t delivered() const { return m_delivered; }

    /// The next page; an empty vector when there is none.
    Expected<std::vector<T>> next()
    {
        if (!hasMore())
            return std::vector<T>{};
        auto page = m_fetch(m_nextUrl);
        if (!page)
            return page.error();
        m_nextUrl = std::move(page->nextUrl);
        if (page->total)
            m_total = page->total;
        auto items = std::move(page->items);
        if (m_limit != 0 && m_delivered + items.size() > m_limit)
            items.resize(m_limit - m_delivered);
        m_delivered += items.size();
        if (items.empty())
            m_nextUrl.clear(); // an empty page with a next link would loop forever
        return items;
    }

    /// Fetches every remaining page.
    Expected<std::vector<T>> all()
    {
        std::vector<T> out;
        while (hasMore()) {
            auto items = next();
            if (!items)
                return items.error();
            for (auto &item : *items)
                out.push_back(std::move(item));
        }
        return out;
    }

private:
    std::string m_nextUrl;
    FetchFn m_fetch;
    size_t m_limit = 0;
    size_t m_delivered = 0;
    std::optional<uint64_t> m_total;
};

} // namespace hub
