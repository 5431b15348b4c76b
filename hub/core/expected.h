#pragma once
// A small Expected<T> until C++23's std::expected: either a value or a HubError.

#include "hub/core/error.h"

#include <cassert>
#include <utility>
#include <variant>

namespace hub {

template <class T> class [[nodiscard]] Expected {
public:
    Expected(T value) : m_v(std::in_place_index<0>, std::move(value)) {}        // NOLINT(google-explicit-constructor)
    Expected(HubError error) : m_v(std::in_place_index<1>, std::move(error)) {} // NOLINT(google-explicit-constructor)

    bool ok() const { return m_v.index() == 0; }
    explicit operator bool() const { return ok(); }

    T &value() &
    {
        assert(ok());
        return std::get<0>(m_v);
    }
    const T &value() const &
    {
        assert(ok());
        return std::get<0>(m_v);
    }
    T &&value() &&
    {
        assert(ok());
        return std::get<0>(std::move(m_v));
    }
    T *operator->() { return &value(); }
    const T *operator->() const { return &value(); }
    T &operator*() & { return value(); }
    const T &operator*() const & { return value(); }

    const HubError &error() const
    {
        assert(!ok());
        return std::get<1>(m_v);
    }

    template <class U> T valueOr(U &&fallback) const
    {
        return ok() ? value() : static_cast<T>(std::forward<U>(fallback));
    }

private:
    std::variant<T, HubError> m_v;
};

template <> class [[nodiscard]] Expected<void> {
public:
    Expected() = default;
    Expected(HubError error) : m_error(std::move(error)), m_ok(false) {} // NOLINT(google-explicit-constructor)

    bool ok() const { return m_ok; }
    explicit operator bool() const { return m_ok; }
    const HubError &error() const
    {
        assert(!m_ok);
        return m_error;
    }

private:
    HubError m_error;
    bool m_ok = true;
};

using Status = Expected<void>;

} // namespace hub
