#pragma once

namespace hubui {

class PageRegistry;

/// Adds "Settings…" to the Tools menu.
void registerPages_settings(PageRegistry &registry);

} // namespace hubui
