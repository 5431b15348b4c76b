#pragma once

namespace hubui {

class PageRegistry;

/// Adds "Sign in…" to the Account menu (sign in with a token, switch tokens, sign out).
void registerPages_signin(PageRegistry &registry);

} // namespace hubui
