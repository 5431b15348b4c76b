#pragma once

namespace hubui {

class PageRegistry;

/// Adds the "Local cache" page (order 10, under "This computer").
void registerPages_cache(PageRegistry &registry);

} // namespace hubui
