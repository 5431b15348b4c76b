#pragma once
// A lazy pager over a Hub list endpoint that follows the `Link: <...>; rel="next"` header.

#include "hub/api/http.h"
#include "hub/core/expected.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <set>
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
/// Bounds on what a server can make a pager do (every answer is untrusted): pages fetched, items
/// kept, and a next link that points back to a page already fetched (a cycle).
inline constexpr size_t kMaxPages = 20000;
inline constexpr size_t kMaxPagedItems = 1000000;

template <class T> class Pager {
public:
    using FetchFn = std::function<Expected<Page<T>>(const std::string &url)>;

    Pager(std::string firstUrl, FetchFn fetch, size_t limit = 0)
        : m_nextUrl(std::move(firstUrl)), m_origin(urlOrigin(m_nextUrl)), m_fetch(std::move(fetch)), m_limit(limit)
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
        if (m_pages >= kMaxPages)
            return HubError::make(ErrorCode::BadResponse, "The Hub's list did not end after " +
                                                              std::to_string(kMaxPages) +
                                                              " pages; HubDesk stopped reading it.");
        m_seen.insert(m_nextUrl);
        ++m_pages;
        auto page = m_fetch(m_nextUrl);
        if (!page)
            return page.error();
        if (!page->nextUrl.empty() && m_seen.count(page->nextUrl))
            return HubError::make(ErrorCode::BadResponse,
                                  "The Hub's list links back to a page it already sent (it would never end); "
                                  "HubDesk stopped reading it.");
        if (!page->nextUrl.empty() && urlOrigin(page->nextUrl) != m_origin)
            return HubError::make(ErrorCode::Refused,
                                  "The Hub's list continues on another server (" + urlOrigin(page->nextUrl) +
                                      "); HubDesk reads lists only from the Hub it asked.",
                                  urlOrigin(page->nextUrl));
        if (m_delivered + page->items.size() > kMaxPagedItems && m_limit == 0)
            return HubError::make(ErrorCode::TooLarge,
                                  "The Hub's list has more than " + std::to_string(kMaxPagedItems) +
                                      " entries; HubDesk stopped reading it. Open a folder of it instead.");
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
    std::string m_origin; ///< every page must come from the first page's server
    FetchFn m_fetch;
    size_t m_limit = 0;
    size_t m_delivered = 0;
    size_t m_pages = 0;
    std::set<std::string> m_seen;
    std::optional<uint64_t> m_total;
};

} // namespace hub
