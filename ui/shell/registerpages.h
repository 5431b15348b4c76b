#pragma once

namespace hubui {

class PageRegistry;

/// Adds the pages and actions of every part-2 library that is built (see CMakeLists.txt here).
void registerBuiltInPages(PageRegistry &registry);

} // namespace hubui
