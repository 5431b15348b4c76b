#pragma once

#include <QIcon>
#include <QString>

#include <functional>
#include <vector>

class QMainWindow;
class QWidget;

namespace hubui {

class AppContext;

/// A page another library contributes to the main window's sidebar and page stack.
struct PageEntry {
    QString id;    ///< stable id, e.g. "cache", "transfers"
    QString title; ///< sidebar text (already translated)
    QIcon icon;
    /// Sidebar order among the contributed "places" (Local cache 10, Transfers 20, ...).
    int order = 100;
    /// Builds the page; the main window owns it. Called once, on the GUI thread.
    std::function<QWidget *(AppContext &context, QWidget *parent)> create;
};

/// The menu an ActionEntry goes into.
enum class ActionMenu { File, Account, Tools, Help };

/// A menu action another library contributes (Sign in…, Settings…, Upload…).
struct ActionEntry {
    QString id;
    ActionMenu menu = ActionMenu::Tools;
    QString text; ///< already translated, with & mnemonic
    QString shortcut;
    /// Runs on the GUI thread; `window` is the main window (parent for dialogs).
    std::function<void(AppContext &context, QWidget *window)> trigger;
};

/// What the page libraries (ui/cache, ui/transfers, ui/upload, ui/signin, ui/settings) add to the
/// main window: each provides `ui/<part>/pages.h` declaring
///     namespace hubui { void registerPages_<part>(PageRegistry &registry); }
/// and ui/shell/registerpages.cpp calls every one of them explicitly; MainWindow then builds the
/// pages, menu actions and window hooks.
class PageRegistry final {
public:
    void addPage(PageEntry entry) { m_pages.push_back(std::move(entry)); }
    void addAction(ActionEntry entry) { m_actions.push_back(std::move(entry)); }
    /// Called once at the end of MainWindow's constructor (status-bar widgets, drop targets).
    using WindowHook = std::function<void(AppContext &context, QMainWindow *window)>;
    void addWindowHook(WindowHook hook) { m_windowHooks.push_back(std::move(hook)); }
    const std::vector<WindowHook> &windowHooks() const { return m_windowHooks; }
    const std::vector<PageEntry> &pages() const { return m_pages; }
    const std::vector<ActionEntry> &actions() const { return m_actions; }

private:
    std::vector<PageEntry> m_pages;
    std::vector<ActionEntry> m_actions;
    std::vector<WindowHook> m_windowHooks;
};

} // namespace hubui
