#pragma once
// A queued piece of work for one of the engine's threads: a move-only callable, so a command can
// own what it carries (a new job, a plan) instead of smuggling it through a raw pointer.

#include <memory>
#include <type_traits>
#include <utility>

namespace hub::transfer_internal {

/// Like std::move_only_function<void()> (C++23): holds any callable, copyable or not. A command
/// that is destroyed without running frees what it owns.
class Command {
public:
    Command() = default;
    template <class F, class = std::enable_if_t<!std::is_same_v<std::decay_t<F>, Command>>>
    Command(F &&f) : m_impl(std::make_unique<Model<std::decay_t<F>>>(std::forward<F>(f))) // NOLINT: implicit by design
    {
    }
    Command(Command &&) noexcept = default;
    Command &operator=(Command &&) noexcept = default;
    Command(const Command &) = delete;
    Command &operator=(const Command &) = delete;

    explicit operator bool() const { return m_impl != nullptr; }
    void operator()() { m_impl->call(); }

private:
    struct Concept {
        virtual ~Concept() = default;
        virtual void call() = 0;
    };
    template <class F> struct Model final : Concept {
        explicit Model(F &&f) : fn(std::move(f)) {}
        explicit Model(const F &f) : fn(f) {}
        void call() override { fn(); }
        F fn;
    };
    std::unique_ptr<Concept> m_impl;
};

} // namespace hub::transfer_internal
